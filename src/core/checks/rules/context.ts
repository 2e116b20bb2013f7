/**
 * What every rule receives and returns. A rule reports its findings and how many comparisons it
 * made; a rule that had nothing to compare (a table missing) says why, and is listed as not run.
 */
import type { CodeCatalogue } from '../dictionary/catalogue';
import type { Finding, FindingCell, FindingKind, NarrativeSpan, Severity } from '../model';
import type { NarrativeText } from '../narrative/text';
import type { ResolvedOptions } from '../options';
import type { RecognizedDocument, RecognizedTable, RowInfo } from '../recognize';
import { findingId } from '../ids';
import { squash } from '../text';

export interface CheckContext {
  rd: RecognizedDocument;
  options: ResolvedOptions;
  catalogue: CodeCatalogue;
  narrative: NarrativeText;
}

export interface RuleResult {
  findings: Finding[];
  checked: number;
  /** zh-CN reason when the rule could not run (checked must then be 0) */
  notRun?: string;
}

export interface Rule {
  id: string;
  /** zh-CN */
  title: string;
  kind: FindingKind;
  run(ctx: CheckContext): RuleResult;
}

export interface FindingInit {
  rule: string;
  kind: FindingKind;
  severity: Severity;
  message: string;
  /** semantic location: table key, row key, column header … (never indexes alone) */
  location: readonly (string | number | null | undefined)[];
  cells?: FindingCell[];
  narrative?: NarrativeSpan[];
  expected?: string | null;
  actual?: string | null;
  difference?: string | null;
}

export function makeFinding(init: FindingInit): Finding {
  return {
    id: findingId(init.rule, ...init.location),
    rule: init.rule,
    kind: init.kind,
    severity: init.severity,
    message: init.message,
    cells: init.cells ?? [],
    narrative: init.narrative ?? [],
    expected: init.expected ?? null,
    actual: init.actual ?? null,
    difference: init.difference ?? null,
  };
}

/** A finding cell: the printed table and row (a continued table's rows map back to their piece). */
export function cellOf(t: RecognizedTable, row: number, col: number): FindingCell {
  const o = t.origin[row];
  return o ? { table: o.table, row: o.row, col } : { table: t.table.id, row, col };
}

/** A table's semantic key for ids: group, type and printed title (not its position). */
export function tableKey(t: RecognizedTable): string {
  return `${t.group}|${t.type}|${squash(t.name)}`;
}

const rowKeys = new WeakMap<RecognizedTable, Map<RowInfo, string>>();

/** A row's semantic key: its code, else its label, with the occurrence among equal keys. */
export function rowKey(t: RecognizedTable, info: RowInfo): string {
  let keys = rowKeys.get(t);
  if (!keys) {
    keys = new Map();
    const keyOf = (r: RowInfo): string =>
      r.code ? `${r.code}${r.altCode ? `/${r.altCode}` : ''}` : r.unitCode ? `unit:${r.unitCode}` : r.core || r.label;
    for (const block of t.blocks) {
      const seen = new Map<string, number>();
      const prefix = t.blocks.length > 1 ? `b${block.index}:` : '';
      for (const r of block.rows) {
        const base = keyOf(r);
        const n = seen.get(base) ?? 0;
        seen.set(base, n + 1);
        keys.set(r, `${prefix}${n > 0 ? `${base}#${n}` : base}`);
      }
    }
    rowKeys.set(t, keys);
  }
  return keys.get(info) ?? info.core;
}

/** How a row is named in messages: "208 社会保障和就业支出" or "合计". */
export function rowTitle(info: RowInfo): string {
  const label = info.label.replace(/\s+/g, '');
  if (info.code) return label ? `${info.code} ${label}` : info.code;
  if (info.unitCode && !label.startsWith(info.unitCode)) return `${info.unitCode} ${label}`;
  return label || `第${info.row + 1}行`;
}

/** How a column is named in messages: its header path, else its position. */
export function columnTitle(t: RecognizedTable, col: number): string {
  const info = t.columns[col];
  return info && info.header ? info.header : `第${col + 1}列`;
}
