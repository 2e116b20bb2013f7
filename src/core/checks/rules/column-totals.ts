/**
 * In-table column relations inferred from the header hierarchy, never written per table: under a
 * header cell, a child 合计/小计/总计 equals the sum of its siblings (a sibling group counts with
 * its own total, else the sum of its columns); "其中" columns are never summands. A relation that
 * fails on most rows means the header was misread: it is reported once, as a warning.
 */
import { formatFen } from '../amount';
import type { Finding } from '../model';
import type { Block, RecognizedTable, RowInfo } from '../recognize';
import type { HeaderNode } from '../recognize/header';
import type { CheckContext, Rule, RuleResult } from './context';
import { cellOf, columnTitle, makeFinding, rowKey, rowTitle, tableKey } from './context';
import { evaluateSum } from './sums';
import type { SumCheck, SumTerm } from './sums';

interface Relation {
  total: number;
  totalLabel: string;
  parts: { cols: number[]; label: string }[];
  alternatives: { cols: number[]; label: string }[][];
  certain: boolean;
}

const COLUMN_TOTAL = /^(合计|小计|总计)$|合计$|总计$/;

function isBreakdownNode(n: HeaderNode): boolean {
  return /^其中/.test(n.label);
}

function amountColsOf(n: HeaderNode, amountCols: ReadonlySet<number>): number[] {
  const cols: number[] = [];
  for (let c = n.col0; c < n.col1; c++) if (amountCols.has(c)) cols.push(c);
  return cols;
}

/** The columns whose sum is a header node's value: a leaf's column, a group's total column, else its parts. */
function valueCols(n: HeaderNode, amountCols: ReadonlySet<number>): number[] | null {
  const own = amountColsOf(n, amountCols);
  if (own.length === 0) return null;
  if (n.children.length === 0) return own.length === 1 ? own : null;
  const kids = n.children.filter((k) => amountColsOf(k, amountCols).length > 0);
  const total = kids.find((k) => k.children.length === 0 && COLUMN_TOTAL.test(k.label));
  if (total) return amountColsOf(total, amountCols).slice(0, 1);
  const cols: number[] = [];
  for (const k of kids) {
    if (isBreakdownNode(k)) continue;
    const v = valueCols(k, amountCols);
    if (!v) return null;
    cols.push(...v);
  }
  return cols.length > 0 ? cols : null;
}

function relationsUnder(kids: HeaderNode[], amountCols: ReadonlySet<number>, isGroup: boolean): Relation | null {
  const relevant = kids.filter((k) => amountColsOf(k, amountCols).length > 0);
  const totalNode = relevant.find((k) => k.children.length === 0 && COLUMN_TOTAL.test(k.label) && amountColsOf(k, amountCols).length === 1);
  if (!totalNode) return null;
  const others = relevant.filter((k) => k !== totalNode && !isBreakdownNode(k));
  if (others.length === 0) return null;
  const parts: { cols: number[]; label: string }[] = [];
  for (const o of others) {
    const cols = valueCols(o, amountCols);
    if (!cols) return null;
    parts.push({ cols, label: o.label });
  }
  // A sibling group itself labelled 合计 (totals by fund across the other groups) makes the
  // plain sum double-count: try it alone, and the others without it.
  const alternatives: { cols: number[]; label: string }[][] = [];
  const totalGroups = others.filter((o) => o.children.length > 0 && COLUMN_TOTAL.test(o.label));
  for (const g of totalGroups) {
    const gi = others.indexOf(g);
    alternatives.push([parts[gi]!]);
    alternatives.push(parts.filter((_, i) => i !== gi));
  }
  return {
    total: amountColsOf(totalNode, amountCols)[0]!,
    totalLabel: totalNode.label,
    parts,
    alternatives,
    certain: alternatives.length === 0 && (isGroup || others.every((o) => o.children.length === 0 || valueCols(o, amountCols)!.length === 1)),
  };
}

function blockRelations(t: RecognizedTable, block: Block): Relation[] {
  const amountCols = new Set(block.amountCols.filter((c) => t.columns[c]?.semantic !== 'quantity'));
  const relations: Relation[] = [];
  const visit = (n: HeaderNode): void => {
    if (n.children.length > 0) {
      const r = relationsUnder(n.children, amountCols, true);
      if (r) relations.push(r);
      n.children.forEach(visit);
    }
  };
  const roots = t.tree.roots.filter((r) => amountColsOf(r, amountCols).length > 0);
  const rootRelation = relationsUnder(roots, amountCols, false);
  if (rootRelation) relations.push(rootRelation);
  roots.forEach(visit);
  return relations;
}

function term(row: RowInfo, cols: readonly number[], label: string): SumTerm {
  const printed = cols.some((c) => row.values.get(c) !== null && row.values.get(c) !== undefined);
  return { row: row.row, col: cols[0]!, value: cols.reduce((a, c) => a + (row.values.get(c) ?? 0), 0), label, printed };
}

function rowsOf(block: Block): RowInfo[] {
  return block.rows.filter((r) => r.kind !== 'numbers' && r.kind !== 'blank');
}

function breakdownColumnFindings(t: RecognizedTable, block: Block): { findings: Finding[]; checked: number } {
  const findings: Finding[] = [];
  let checked = 0;
  const amountCols = new Set(block.amountCols);
  const visit = (nodes: HeaderNode[]): void => {
    nodes.forEach((n, i) => {
      if (isBreakdownNode(n) && n.children.length === 0) {
        let left: HeaderNode | undefined;
        for (let j = i - 1; j >= 0; j--) if (!isBreakdownNode(nodes[j]!)) { left = nodes[j]; break; }
        const cols = amountColsOf(n, amountCols);
        const leftCols = left ? valueCols(left, amountCols) : null;
        if (cols.length === 1 && leftCols) {
          for (const row of rowsOf(block)) {
            const v = row.values.get(cols[0]!);
            if (v === null || v === undefined) continue;
            checked++;
            const pv = leftCols.reduce((a, c) => a + (row.values.get(c) ?? 0), 0);
            if (v > pv) {
              findings.push(
                makeFinding({
                  rule: 'in-table.column-totals',
                  kind: 'in-table',
                  severity: 'warning',
                  message: `${t.name}「${rowTitle(row)}」行：「${n.label}」${formatFen(v, t.unit)} 大于「${left!.label}」${formatFen(pv, t.unit)}，“其中”数不应超过总数。`,
                  location: [tableKey(t), rowKey(t, row), columnTitle(t, cols[0]!), 'breakdown'],
                  cells: [cellOf(t, row.row, cols[0]!), ...leftCols.map((c) => cellOf(t, row.row, c))],
                  expected: `≤ ${formatFen(pv, t.unit)}`,
                  actual: formatFen(v, t.unit),
                  difference: formatFen(v - pv, t.unit),
                }),
              );
            }
          }
        }
      }
      visit(n.children);
    });
  };
  visit(t.tree.roots);
  return { findings, checked };
}

function run(ctx: CheckContext): RuleResult {
  const findings: Finding[] = [];
  let checked = 0;
  for (const t of ctx.rd.tables) {
    if (t.type === 'performance') continue;
    for (const block of t.blocks) {
      for (const rel of blockRelations(t, block)) {
        const outcomes: { finding: Finding | null; informative: boolean; failed: boolean }[] = [];
        for (const row of rowsOf(block)) {
          const involved = [rel.total, ...rel.parts.flatMap((p) => p.cols)];
          if (involved.every((c) => (row.values.get(c) ?? null) === null)) continue;
          const informative = involved.some((c) => (row.values.get(c) ?? 0) !== 0);
          const check: SumCheck = {
            rule: 'in-table.column-totals',
            kind: 'in-table',
            t,
            total: { row: row.row, col: rel.total, value: row.values.get(rel.total) ?? 0, label: rel.totalLabel },
            parts: rel.parts.map((p) => term(row, p.cols, p.label)),
            alternatives: rel.alternatives.map((alt) => alt.map((p) => term(row, p.cols, p.label))),
            certain: rel.certain,
            location: [tableKey(t), rowKey(t, row), columnTitle(t, rel.total)],
            where: `「${rowTitle(row)}」行`,
          };
          const outcome = evaluateSum(check, ctx.options.roundingPerTerm);
          outcomes.push({ finding: outcome.finding, informative, failed: outcome.comparison === 'different' });
        }
        checked += outcomes.length;
        const informative = outcomes.filter((o) => o.informative);
        const failed = informative.filter((o) => o.failed);
        if (informative.length >= 3 && failed.length * 2 > informative.length) {
          findings.push(
            makeFinding({
              rule: 'in-table.column-totals',
              kind: 'in-table',
              severity: 'warning',
              message: `${t.name}：「${columnTitle(t, rel.total)}」列在 ${failed.length}/${informative.length} 行不等于${rel.parts.map((p) => `「${p.label}」`).join('、')}之和，可能是表头识别有误或整列数据错位，请人工核对。`,
              location: [tableKey(t), 'column-relation', columnTitle(t, rel.total)],
              cells: failed.flatMap((o) => o.finding?.cells.slice(0, 1) ?? []),
            }),
          );
          continue;
        }
        for (const o of outcomes) if (o.finding) findings.push(o.finding);
      }
      const b = breakdownColumnFindings(t, block);
      findings.push(...b.findings);
      checked += b.checked;
    }
  }
  return checked === 0 ? { findings, checked, notRun: '表头中没有可推断的合计列（合计 = 各分项）' } : { findings, checked };
}

export const columnTotalsRule: Rule = {
  id: 'in-table.column-totals',
  title: '合计列等于各分项列之和（按表头层级推断）',
  kind: 'in-table',
  run,
};
