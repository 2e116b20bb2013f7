/**
 * The discrepancies found by hand in the three seed publications (calculator in hand, seed text
 * beside), with the arithmetic that proves each, and the assertion that a report contains every
 * one of them with its severity and no other error. Shared by the ground-truth test
 * (src/core/checks/seeds.test.ts) and the end-to-end PDF test (tests/checks).
 */
import { expect } from 'vitest';
import type { Finding, Severity } from '../../src/core/checks/model';

export interface HandFinding {
  /** what a clerk writes in the margin, with the arithmetic */
  what: string;
  rule: string;
  severity: Severity;
  /** text the message must contain */
  says: string[];
  /** how many findings of this kind (default 1) */
  count?: number;
}

function matches(f: Finding, h: HandFinding): boolean {
  return f.rule === h.rule && h.says.every((s) => f.message.includes(s));
}

export function expectHandFindings(findings: readonly Finding[], hand: readonly HandFinding[]): void {
  for (const h of hand) {
    const hits = findings.filter((f) => matches(f, h));
    expect(hits.length, `${h.what}：未报告`).toBe(h.count ?? 1);
    for (const f of hits) expect(f.severity, h.what).toBe(h.severity);
  }
  const unexpectedErrors = findings.filter((f) => f.severity === 'error' && !hand.some((h) => matches(f, h)));
  expect(unexpectedErrors.map((f) => f.message)).toEqual([]);
}

export const HAND_000: HandFinding[] = [
  {
    what: '项目支出预算表续页 7 行项目单位印为“焦作市中山区医疗保障局”，其余各处均为“中站区”',
    rule: 'naming.department',
    severity: 'warning',
    says: ['7 处', '焦作市中山区医疗保障局', '焦作市中站区医疗保障局'],
  },
  {
    what: '财政拨款收支预算表同列“（九）医疗卫生与计划生育支出”（210类旧名）与“（十）卫生健康支出”',
    rule: 'naming.code-names',
    severity: 'warning',
    says: ['医疗卫生与计划生育支出', '卫生健康支出'],
  },
  {
    what: '机关运行经费 3.30（1.20+0.50+0.03+1.00+0.40+0.10+0.05+0.02）≠ 公用经费 7.94（另含工会经费 1.83、其他交通费用 2.81）：口径不同，仅提示',
    rule: 'cross.admin-cost~public',
    severity: 'note',
    says: ['3.30', '7.94'],
  },
];

export const HAND_002: HandFinding[] = [
  { what: '支出决算表 208：625.94 + 72.98 = 698.92 ≠ 698.93（尾差）', rule: 'in-table.column-totals', severity: 'note', says: ['支出决算表「208', '698.93 ≠ 基本支出 625.94 + 项目支出 72.98 = 698.92'] },
  { what: '支出决算表 20801、2080109：540.37 + 66.26 = 606.63 ≠ 606.64（尾差）', rule: 'in-table.column-totals', severity: 'note', says: ['606.64 ≠ 基本支出 540.37 + 项目支出 66.26 = 606.63'], count: 2 },
  { what: '支出决算表、一般公共预算财政拨款支出决算表 210：262.72 + 271.82 = 534.54 ≠ 534.53（尾差）', rule: 'in-table.column-totals', severity: 'note', says: ['支出决算表「210', '534.53 ≠ 基本支出 262.72 + 项目支出 271.82 = 534.54'], count: 2 },
  { what: '支出决算表 合计：888.66 + 380.61 = 1,269.27 ≠ 1,269.26（尾差）', rule: 'in-table.column-totals', severity: 'note', says: ['支出决算表「合计', '1,269.26 ≠ 基本支出 888.66 + 项目支出 380.61 = 1,269.27'] },
  { what: '支出决算表、一般公共预算财政拨款支出决算表 合计行项目支出：35.80 + 72.98 + 271.82 = 380.60 ≠ 380.61（尾差）', rule: 'in-table.row-totals', severity: 'note', says: ['支出决算表「合计', '380.61', '= 380.60'], count: 2 },
  { what: '收入决算表、支出决算表、一般公共预算财政拨款支出决算表 210：57.01 + 477.53 = 534.54 ≠ 534.53（尾差）', rule: 'in-table.code-hierarchy', severity: 'note', says: ['210 卫生健康支出', '534.53 ≠ 21011 57.01 + 21015 477.53 = 534.54'], count: 4 },
  { what: '收入决算表 合计：35.80 + 698.90 + 534.53 = 1,269.23 ≠ 1,269.24（尾差）', rule: 'in-table.row-totals', severity: 'note', says: ['收入决算表「合计', '= 1,269.23'], count: 2 },
  { what: '财政拨款收入支出决算总表 本年支出合计：35.80 + 698.90 + 534.53 = 1,269.23 ≠ 1,269.24（尾差）', rule: 'in-table.row-totals', severity: 'note', says: ['财政拨款收入支出决算总表「本年支出合计', '= 1,269.23'], count: 2 },
  { what: '一般公共预算财政拨款支出决算表 合计：35.80 + 698.90 + 534.53 = 1,269.23 ≠ 1,269.24（尾差）', rule: 'in-table.row-totals', severity: 'note', says: ['一般公共预算财政拨款支出决算表「合计', '= 1,269.23'] },
  { what: '一般公共预算财政拨款支出决算表 合计：888.64 + 380.61 = 1,269.25 ≠ 1,269.24（尾差）', rule: 'in-table.column-totals', severity: 'note', says: ['一般公共预算财政拨款支出决算表「合计', '1,269.24 ≠ 基本支出 888.64 + 项目支出 380.61 = 1,269.25'] },
  { what: '一般公共预算财政拨款基本支出决算明细表 301：各款之和 791.09 ≠ 791.11（尾差）', rule: 'in-table.code-hierarchy', severity: 'note', says: ['301 工资福利支出', '791.11', '= 791.09'] },
  { what: '一般公共预算财政拨款基本支出决算明细表 302：各款之和 76.77 ≠ 76.76（尾差）', rule: 'in-table.code-hierarchy', severity: 'note', says: ['302 商品和服务支出', '76.76', '= 76.77'] },
  {
    what: '说明第4项：年初预算19.93万元、决算20.77万元（完成104.21% = 20.77 ÷ 19.93），却写“决算支出数小于年初预算安排数”',
    rule: 'narrative.completion',
    severity: 'error',
    says: ['决算支出数小于年初预算', '20.77', '19.93'],
  },
  { what: '预算绩效说明：项目支出380.62万元，表中为380.61（尾差）', rule: 'narrative.amounts', severity: 'note', says: ['项目支出 380.62万元', '380.61'] },
  {
    what: '部门整体自评表写“2023年度，我部门无政府采购行为”，正文第十一部分却写政府采购支出总额11.97万元',
    rule: 'text.nil-contradictions',
    severity: 'warning',
    says: ['无政府采购行为', '11.97'],
  },
];

export const HAND_004: HandFinding[] = [
  {
    what: '国有资产信息：正文“上年末固定资产金额为29.16万元”，固定资产占用情况表为29.42（部门、本级各一处）',
    rule: 'narrative.amounts',
    severity: 'error',
    says: ['29.16万元', '29.42'],
    count: 2,
  },
  {
    what: '固定资产占用情况表注“无固定资产占用情况，空表列示”，表中却有29.42万元、111项（部门、本级各一张）',
    rule: 'completeness.empty-tables',
    severity: 'warning',
    says: ['空表列示', '表注与内容矛盾'],
    count: 2,
  },
  {
    what: '正文“拟购置固定资产总额为0.26万元，已按要求列入政府采购预算”，政府采购预算表却为空表（无政府采购预算）',
    rule: 'text.nil-contradictions',
    severity: 'warning',
    says: ['无政府采购预算', '0.26万元'],
  },
  { what: '收入说明“其中：其中：”重复（部门、本级各一处）', rule: 'text.duplicates', severity: 'note', says: ['其中：'], count: 2 },
  { what: '本级说明序号：1、收入说明之后为“3、 支出说明”', rule: 'text.numbering', severity: 'note', says: ['3、 支出说明', '不连续'] },
  { what: '本级说明序号：“3、比上年增减情况”重复第3条', rule: 'text.numbering', severity: 'note', says: ['3、比上年增减情况', '重复'] },
  { what: '本级说明序号：“5、 单位项目预算安排情况及绩效目标”应为“五、”', rule: 'text.numbering', severity: 'note', says: ['5、 单位项目预算安排情况及绩效目标'] },
];

