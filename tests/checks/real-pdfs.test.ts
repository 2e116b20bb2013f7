/**
 * End to end on the eight real Shanghai 普陀区 budget PDFs (WPS exports, read from ../shared/real;
 * skipped when absent). They are believed mostly correct; each list below is what a careful clerk
 * finds in them by hand (verified against the printed pages), and every error the engine reports
 * must be one of them.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/core/checks';
import type { Finding } from '../../src/core/checks';
import { extractFile } from '../../src/node/extract-file';
import { expectHandFindings } from '../helpers/seed-discrepancies';
import type { HandFinding } from '../helpers/seed-discrepancies';

const REAL_DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'real');

const REAL: Record<string, HandFinding[]> = {
  '上海市普陀区人民政府万里街道办事处24年预算.pdf': [
    // Item 31 heads 住房公积金 350.35万元 (table 3,503,499元) but then says 预算安排352.67万元; its
    // rate 0.53% = 350.35 ÷ 348.52 − 1 belongs to 350.35 (352.67 would be +1.19%).
    { what: '住房公积金 预算安排352.67万元 ≠ 表中 350.35万元', rule: 'narrative.amounts', severity: 'error', says: ['352.67', '2210201'] },
    { what: '348.52 → 352.67 为 +1.19%，正文写 0.53%', rule: 'narrative.changes', severity: 'error', says: ['352.67', '0.53%', '1.19%'] },
    { what: '“三公”表注称本部门无“三公”经费，表中却有 47.91万元', rule: 'completeness.empty-tables', severity: 'warning', says: ['三公', '表注与内容矛盾'] },
    { what: '第4项 宣传事务 比上年减少2.98%，原因却写“…经费增加”', rule: 'narrative.changes', severity: 'warning', says: ['减少2.98%', '经费增加'] },
  ],
  '上海市普陀区人民政府万里街道办事处25年预算.pdf': [],
  '上海市普陀区人民政府办公室25年预算.pdf': [],
  '上海市普陀区人民政府办公室单位25年预算.pdf': [],
  '上海市普陀区司法局26年单位预算.pdf': [
    // 支出预算总表 and 一般公共预算支出功能分类预算表 print 行政运行 2040601 with 项目支出
    // 64,840,547.00 (its 合计 14,348,853.34 is all 基本支出): 20406 then ≠ Σ项, and 合计 ≠ 基本 + 项目.
    // Both sums are fixed by that one cell reading 0.00: one error per table, on the cell.
    { what: '2040601 行政运行 项目支出 64,840,547.00 应为 0.00（20406 ≠ Σ项，合计 ≠ 基本 + 项目）', rule: 'in-table.code-hierarchy', severity: 'error', says: ['「2040601 行政运行」行', '64,840,547.00 应为 0.00', '① ', '② '], count: 2 },
    // The 合计 row prints 基本支出 22,118,861 where the lines add up to 22,118,861.34 (and 12,604,173 +
    // 1,744,680 for 公共安全支出 in 财务收支预算总表): whole yuan among figures printed to the fen.
    // Read as rounded to the yuan every total built on them holds, so this is one print-format
    // warning per table, not a 0.34元 error in every sum (and in 基本支出表合计 22,118,861.34).
    { what: '合计行基本支出 22,118,861 等只印到整数元（同列其余两位小数）', rule: 'in-table.precision', severity: 'warning', says: ['22,118,861', '只印到整数元'], count: 2 },
    { what: '财务收支预算总表 12,604,173、1,744,680、64,840,547 等 6 个金额只印到整数元', rule: 'in-table.precision', severity: 'warning', says: ['12,604,173', '等 6 个金额'] },
    { what: '第7项标题 56.12万元（表 561,240元），正文“预算安排57.8万元”', rule: 'narrative.amounts', severity: 'error', says: ['57.8万元', '2080501'] },
    { what: '第13项标题 207万元（表 2,070,000元），正文“预算安排170.03万元”', rule: 'narrative.amounts', severity: 'error', says: ['170.03万元', '2210203'] },
    { what: '第1项 1690.69 → 1434.89 为 −15.13%，正文写减少1.10%', rule: 'narrative.changes', severity: 'error', says: ['1434.89', '15.13%'] },
    { what: '第7项 57.43 → 57.8 为增加0.64%，正文写减少2.27%', rule: 'narrative.changes', severity: 'error', says: ['57.43', '实际增加'] },
    { what: '第13项 241.76 → 170.03 为 −29.67%，正文写增加21.74%', rule: 'narrative.changes', severity: 'error', says: ['241.76', '29.67%'] },
    { what: '210 在正文第11项称“医疗卫生与计划生育支出”，表中为“卫生健康支出”', rule: 'naming.code-names', severity: 'warning', says: ['210', '医疗卫生与计划生育支出'] },
  ],
  '上海市普陀区司法局26年部门预算.pdf': [
    { what: '第12项标题 住房公积金 208.8万元（表 2,087,959元），正文“预算安排201.50万元”', rule: 'narrative.amounts', severity: 'error', says: ['201.50万元', '2210201'] },
    { what: '第6项 执行数 43269.3万元 → 3845.49万元 是减少91.11%，正文写增加17.62%（应为3269.3）', rule: 'narrative.changes', severity: 'error', says: ['43269.3', '91.11%'] },
    { what: '第9项 77.99 → 91.97 为 +17.93%，正文写17.66%（照抄第8项）', rule: 'narrative.changes', severity: 'error', says: ['77.99', '17.93%'] },
    { what: '第12项 198.34 → 201.50 为 +1.59%，正文写5.27%（5.27% 属于 208.80）', rule: 'narrative.changes', severity: 'error', says: ['198.34', '1.59%'] },
    { what: '210 在正文第11项称“医疗卫生与计划生育支出”', rule: 'naming.code-names', severity: 'warning', says: ['210', '医疗卫生与计划生育支出'] },
    { what: '“比2026年预算增加793.14万元”等 5 处与本年自身比较，应为2025年', rule: 'text.years', severity: 'warning', says: ['5 处', '应为上年（2025年）'] },
    { what: '“支出。。”标点重复', rule: 'text.duplicates', severity: 'note', says: ['。'] },
    { what: '主要职能（六）至（十）重复印了两遍', rule: 'text.numbering', severity: 'note', says: ['（六）', '回退'] },
  ],
  '上海市普陀区商务委员会25年预算.pdf': [{ what: '主要职能 8–12 条重复印了两遍', rule: 'text.numbering', severity: 'note', says: ['8、', '回退'] }],
  '上海市普陀区商务委员会单位25年预算.pdf': [{ what: '主要职能 8–12 条重复印了两遍', rule: 'text.numbering', severity: 'note', says: ['8、', '回退'] }],
};

describe.skipIf(!existsSync(REAL_DIR))('real Shanghai PDFs', () => {
  it.each(Object.entries(REAL))('%s: the hand-found discrepancies, no false error', async (name, hand) => {
    const doc = await extractFile(join(REAL_DIR, name));
    const report = runChecks(doc);
    expectHandFindings(report.findings, hand);
    // The core checks ran on every one of them.
    const ran = (rule: string): boolean => report.coverage.find((c) => c.rule === rule)?.outcome !== 'not-run';
    expect(['in-table.row-totals', 'in-table.column-totals', 'in-table.balance', 'cross.summary-expense=expense-table', 'narrative.amounts'].filter((r) => !ran(r))).toEqual([]);
    const errors: Finding[] = report.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBe(hand.filter((h) => h.severity === 'error').reduce((n, h) => n + (h.count ?? 1), 0));
  });
});
