/**
 * Balanced tables: in 收支总表 and 财政拨款收支表, 收入总计 equals 支出总计.
 */
import { compareFigures, formatFen } from '../amount';
import type { Finding } from '../model';
import type { Block, RecognizedTable, RowInfo } from '../recognize';
import type { CheckContext, Rule, RuleResult } from './context';
import { cellOf, makeFinding, tableKey } from './context';

interface Grand {
  row: RowInfo;
  col: number;
  value: number;
}

function grandOf(t: RecognizedTable, block: Block, side: 'income' | 'expense'): Grand | null {
  const word = side === 'income' ? '收入' : '支出';
  const rows = block.rows.filter((r) => r.kind === 'total');
  const row =
    rows.find((r) => new RegExp(`^${word}总计$`).test(r.core)) ??
    rows.find((r) => r.total === 'grand' && !/收入|支出/.test(r.core.replace(word, ''))) ??
    null;
  if (!row) return null;
  const col = block.amountCols.find((c) => t.columns[c]?.semantic === 'total') ?? block.amountCols[0];
  if (col === undefined) return null;
  return { row, col, value: row.values.get(col) ?? 0 };
}

function run(ctx: CheckContext): RuleResult {
  const findings: Finding[] = [];
  let checked = 0;
  const tables = ctx.rd.tables.filter((t) => t.type === 'summary' || t.type === 'fiscal-summary');
  for (const t of tables) {
    let income: Grand | null = null;
    let expense: Grand | null = null;
    if (t.blocks.length >= 2) {
      const inc = t.blocks.find((b) => b.side === 'income') ?? t.blocks[0]!;
      const exp = t.blocks.find((b) => b.side === 'expense') ?? t.blocks[1]!;
      income = grandOf(t, inc, 'income');
      expense = grandOf(t, exp, 'expense');
    } else if (t.blocks[0]) {
      const b = t.blocks[0];
      const inc = b.rows.find((r) => r.kind === 'total' && /^收入总计$/.test(r.core));
      const exp = b.rows.find((r) => r.kind === 'total' && /^支出总计$/.test(r.core));
      const col = b.amountCols[0];
      if (inc && exp && col !== undefined) {
        income = { row: inc, col, value: inc.values.get(col) ?? 0 };
        expense = { row: exp, col, value: exp.values.get(col) ?? 0 };
      }
    }
    if (!income || !expense) continue;
    checked++;
    const c = compareFigures(income.value, expense.value, t.resolution, t.resolution, ctx.options.roundingPerTerm);
    if (c === 'equal') continue;
    const diff = income.value - expense.value;
    findings.push(
      makeFinding({
        rule: 'in-table.balance',
        kind: 'in-table',
        severity: c === 'rounding' ? 'note' : 'error',
        message: `${t.name}：收入总计 ${formatFen(income.value, t.unit)} ≠ 支出总计 ${formatFen(expense.value, t.unit)}，相差 ${formatFen(Math.abs(diff), t.unit)}${c === 'rounding' ? '，在四舍五入尾差范围内（尾差）' : ''}；收支总表应收支平衡。`,
        location: [tableKey(t), 'balance'],
        cells: [cellOf(t, income.row.row, income.col), cellOf(t, expense.row.row, expense.col)],
        expected: formatFen(income.value, t.unit),
        actual: formatFen(expense.value, t.unit),
        difference: formatFen(-diff, t.unit),
      }),
    );
  }
  if (checked === 0) {
    return { findings, checked, notRun: tables.length === 0 ? '缺少收支总表' : '收支总表中未找到收入总计与支出总计' };
  }
  return { findings, checked };
}

export const balanceRule: Rule = {
  id: 'in-table.balance',
  title: '收支平衡：收入总计 = 支出总计',
  kind: 'in-table',
  run,
};
