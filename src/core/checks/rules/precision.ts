/**
 * Amounts printed to the unit among amounts printed to the cent (WPS prints some totals as
 * 22,118,861 beside 14,348,853.34). The sums treat such a figure as known to ±0.5 of the unit,
 * so no false 0.34 元 error follows from it; this rule says once per table that the print is
 * inconsistent, because a clerk must know which figures were not checked to the cent.
 */
import { FEN_PER_UNIT, formatFen } from '../amount';
import type { Finding } from '../model';
import type { RecognizedTable } from '../recognize';
import { allRows } from '../recognize';
import type { CheckContext, Rule, RuleResult } from './context';
import { cellOf, columnTitle, makeFinding, rowTitle, tableKey } from './context';

const MAX_LISTED = 3;

function describeCell(t: RecognizedTable, row: number, col: number): string {
  const info = allRows(t).find((r) => r.row === row);
  const value = info?.values.get(col) ?? 0;
  const printed = t.table.rows[row]?.[col]?.text.trim() ?? formatFen(value, t.unit);
  return `「${info ? rowTitle(info) : `第${row + 1}行`}」行「${columnTitle(t, col)}」 ${printed}`;
}

function run(ctx: CheckContext): RuleResult {
  const findings: Finding[] = [];
  let checked = 0;
  for (const t of ctx.rd.tables) {
    if (t.empty) continue;
    checked++;
    if (t.coarse.size === 0) continue;
    const cells = [...t.coarse].map((k) => k.split(':').map(Number) as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const listed = cells.slice(0, MAX_LISTED).map(([r, c]) => describeCell(t, r, c)).join('、');
    const more = cells.length > MAX_LISTED ? ` 等 ${cells.length} 个金额` : '';
    const unit = FEN_PER_UNIT[t.unit] === 100 ? '元' : t.unit;
    findings.push(
      makeFinding({
        rule: 'in-table.precision',
        kind: 'in-table',
        severity: 'warning',
        message:
          `${t.name}：${listed}${more}，只印到整数${unit}，而同列其余金额保留两位小数。` +
          `这些数按四舍五入到${unit}核对（与明细相加可差不足 1 ${unit}，不报错），请核对是否漏印小数。`,
        location: [tableKey(t)],
        cells: cells.map(([r, c]) => cellOf(t, r, c)),
      }),
    );
  }
  return { findings, checked, notRun: '没有含金额的表格' };
}

export const precisionRule: Rule = {
  id: 'in-table.precision',
  title: '金额小数位一致（整数与两位小数混印时按整数精度核对）',
  kind: 'in-table',
  run,
};
