/**
 * One "total = sum of parts" comparison inside a table and how it becomes a finding. Where the
 * table's structure allows more than one reading (unmarked sub-items, a 小计 covering only some
 * lines), every plausible reading is tried: the check passes if any reading adds up, and a
 * mismatch is an error only when the reading was certain.
 */
import { compareSum, formatFen } from '../amount';
import type { Comparison } from '../amount';
import type { Finding, FindingKind, Severity } from '../model';
import type { RecognizedTable } from '../recognize';
import { cellResolution } from '../recognize';
import { cellOf, columnTitle, makeFinding, rowTitle, tableKey } from './context';
import { allRows } from '../recognize';

export interface SumTerm {
  row: number;
  col: number;
  /** 分; empty cells count as 0 */
  value: number;
  /** how the term is named in the message */
  label: string;
  /** false when the cell is empty (read as 0) */
  printed?: boolean;
}

export interface SumCheck {
  rule: string;
  kind: FindingKind;
  t: RecognizedTable;
  total: SumTerm;
  /** the primary reading */
  parts: SumTerm[];
  /** other plausible readings */
  alternatives?: SumTerm[][];
  /** a mismatch of the primary reading (no alternative adding up) is an error */
  certain: boolean;
  /** semantic location for the id */
  location: string[];
  /** "「208 社会保障和就业支出」行" — where, for the message */
  where: string;
}

export interface SumOutcome {
  comparison: Comparison;
  finding: Finding | null;
}

const MAX_LISTED = 6;

/**
 * A cell that, alone corrected to `value`, would make a failed sum hold. Two failed sums of one
 * table naming the same cell and the same corrected value point at one misprint (see root-cause.ts).
 */
export interface SuspectCell {
  /** table key + row + col: the same printed cell, whichever rule reached it */
  key: string;
  t: RecognizedTable;
  row: number;
  col: number;
  /** 分, what the cell would have to read */
  value: number;
  printed: number;
}

/** Suspects of each error finding built by evaluateSum (kept beside the finding, not in its schema). */
export const suspectsOf = new WeakMap<Finding, SuspectCell[]>();

function suspects(t: RecognizedTable, total: SumTerm, reading: readonly SumTerm[], diff: number): SuspectCell[] {
  const make = (x: SumTerm, value: number): SuspectCell => ({ key: `${tableKey(t)}|${x.row}|${x.col}`, t, row: x.row, col: x.col, value, printed: x.value });
  const out = [make(total, total.value - diff)];
  for (const p of reading) if (p.value + diff >= 0) out.push(make(p, p.value + diff));
  return out;
}

/** "「2040601 行政运行」行「项目支出」" */
export function cellTitle(t: RecognizedTable, row: number, col: number): string {
  const info = allRows(t).find((r) => r.row === row);
  return `「${info ? rowTitle(info) : `第${row + 1}行`}」行「${columnTitle(t, col)}」`;
}

function formula(all: readonly SumTerm[], t: RecognizedTable): string {
  const fmt = (x: SumTerm): string => `${x.label} ${formatFen(x.value, t.unit)}`;
  // Zero terms add nothing to the arithmetic a reader checks.
  const nonZero = all.filter((x) => x.value !== 0);
  const terms = nonZero.length > 0 ? nonZero : all.slice(0, 1);
  if (terms.length <= MAX_LISTED) return terms.map(fmt).join(' + ');
  return `${terms.slice(0, 3).map(fmt).join(' + ')} + …（共${terms.length}项）`;
}

function sumOf(terms: readonly SumTerm[]): number {
  return terms.reduce((a, b) => a + b.value, 0);
}

/** Half a unit for every non-zero term printed in whole units in a table of decimals. */
function coarseSlack(t: RecognizedTable, terms: readonly SumTerm[]): number {
  if (t.coarse.size === 0) return 0;
  let slack = 0;
  for (const x of terms) {
    const res = cellResolution(t, x.row, x.col);
    if (x.value !== 0 && res > t.resolution) slack += res / 2;
  }
  return slack;
}

export function evaluateSum(check: SumCheck, perTerm: number): SumOutcome {
  const { t, total } = check;
  const readings = [check.parts, ...(check.alternatives ?? [])].filter((r) => r.length > 0);
  if (readings.length === 0) return { comparison: 'equal', finding: null };
  // Lines with nothing printed in this column cannot make a total (a header read as a line).
  if (total.value !== 0 && check.parts.every((p) => p.printed === false)) return { comparison: 'equal', finding: null };
  let best: { reading: SumTerm[]; comparison: Comparison } | null = null;
  for (const reading of readings) {
    const comparison = compareSum(
      total.value,
      reading.map((p) => p.value),
      t.resolution,
      perTerm,
      coarseSlack(t, [total, ...reading]),
    );
    if (comparison === 'equal') return { comparison, finding: null };
    if (comparison === 'rounding' && (!best || best.comparison !== 'rounding')) best = { reading, comparison };
  }
  best ??= { reading: check.parts, comparison: 'different' };
  const reading = best.reading;
  const sum = sumOf(reading);
  const diff = total.value - sum;
  const severity: Severity = best.comparison === 'rounding' ? 'note' : check.certain ? 'error' : 'warning';
  const tail =
    best.comparison === 'rounding'
      ? '，在四舍五入尾差范围内（尾差）'
      : check.certain
        ? ''
        : '（表格结构不完全确定，请核对）';
  const message = `${t.name}${check.where}：${total.label} ${formatFen(total.value, t.unit)} ≠ ${formula(reading, t)} = ${formatFen(sum, t.unit)}，相差 ${formatFen(Math.abs(diff), t.unit)}${tail}。`;
  const cells = [cellOf(t, total.row, total.col), ...reading.map((p) => cellOf(t, p.row, p.col))];
  const finding = makeFinding({
      rule: check.rule,
      kind: check.kind,
      severity,
      message,
      location: check.location,
      cells,
      expected: formatFen(sum, t.unit),
      actual: formatFen(total.value, t.unit),
      difference: formatFen(diff, t.unit),
    });
  if (severity === 'error') suspectsOf.set(finding, suspects(t, total, reading, diff));
  return { comparison: best.comparison, finding };
}
