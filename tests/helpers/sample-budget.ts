/**
 * A small, internally consistent 部门预算 (amounts in 万元) for rule tests: each test changes one
 * printed figure or sentence and expects exactly the finding a clerk would raise.
 */
import type { ExtractedDocument } from '../../src/core/model';
import { doc } from './doc-builder';
import type { BuilderCell, TableSpec } from './doc-builder';

export interface SampleOverrides {
  /** replace a printed cell: [table index, row, col, text] */
  cells?: [number, number, number, string][];
  narrative?: string[];
  /** drop tables by index */
  without?: number[];
}

const DEPT = '测试市某区医疗保障局';

export function sampleTables(): TableSpec[] {
  const summary: TableSpec = {
    title: '2025年部门收支预算表',
    department: DEPT,
    header: [
      [{ text: '收入', colSpan: 2 }, null, { text: '支出', colSpan: 2 }, null],
      ['项目', '金额', '项目', '金额'],
    ],
    rows: [
      ['一、一般公共预算', '150.00', '一、社会保障和就业支出', '20.00'],
      ['其中：财政拨款', '150.00', '二、卫生健康支出', '120.00'],
      ['二、政府性基金预算拨款收入', '', '三、住房保障支出', '10.00'],
      ['本年收入合计', '150.00', '本年支出合计', '150.00'],
      ['上年结转结余', '', '年终结转结余', ''],
      ['收入总计', '150.00', '支出总计', '150.00'],
    ],
  };
  const expenseHeader: BuilderCell[][] = [
    [{ text: '科目编码', colSpan: 3 }, null, null, { text: '科目名称', rowSpan: 2 }, { text: '合计', rowSpan: 2 }, { text: '基本支出', colSpan: 3 }, null, null, { text: '项目支出', rowSpan: 2 }],
    ['类', '款', '项', null, null, '小计', '人员经费', '公用经费', null],
  ];
  const expenseRows: BuilderCell[][] = [
    ['', '', '', '合计', '150.00', '100.00', '90.00', '10.00', '50.00'],
    ['208', '05', '05', '机关事业单位基本养老保险缴费支出', '20.00', '20.00', '20.00', '', ''],
    ['210', '15', '01', '行政运行', '80.00', '70.00', '60.00', '10.00', '10.00'],
    ['210', '15', '99', '其他医疗保障管理事务支出', '40.00', '', '', '', '40.00'],
    ['221', '02', '01', '住房公积金', '10.00', '10.00', '10.00', '', ''],
  ];
  const expense: TableSpec = { title: '2025年部门支出预算表', department: DEPT, header: expenseHeader, rows: expenseRows };
  const general: TableSpec = { title: '2025年一般公共预算支出预算表', department: DEPT, header: expenseHeader, rows: expenseRows.map((r) => [...r]) };
  const basic: TableSpec = {
    title: '2025年一般公共预算基本支出预算表',
    department: DEPT,
    header: [
      [{ text: '部门预算支出经济分类科目', colSpan: 2 }, null, { text: '本年一般公共预算基本支出', colSpan: 3 }, null, null],
      ['科目编码', '科目名称', '合计', '人员经费', '公用经费'],
    ],
    rows: [
      ['', '合计', '100.00', '90.00', '10.00'],
      ['301', '工资福利支出', '90.00', '90.00', ''],
      ['30101', '基本工资', '50.00', '50.00', ''],
      ['30108', '机关事业单位基本养老保险缴费', '20.00', '20.00', ''],
      ['30113', '住房公积金', '20.00', '20.00', ''],
      ['302', '商品和服务支出', '10.00', '', '10.00'],
      ['30201', '办公费', '6.00', '', '6.00'],
      ['30217', '公务接待费', '4.00', '', '4.00'],
    ],
  };
  const threePublic: TableSpec = {
    title: '2025年一般公共预算“三公”经费预算表',
    department: DEPT,
    header: [
      [{ text: '“三公”经费合计', rowSpan: 2 }, { text: '因公出国（境）费', rowSpan: 2 }, { text: '公务用车购置及运行费', colSpan: 3 }, null, null, { text: '公务接待费', rowSpan: 2 }],
      [null, null, '小计', '公务用车购置费', '公务用车运行费', null],
    ],
    rows: [['6.00', '', '2.00', '', '2.00', '4.00']],
  };
  return [summary, expense, general, basic, threePublic];
}

export const SAMPLE_NARRATIVE: string[] = [
  '测试市某区医疗保障局2025年度部门预算',
  '一、收入支出预算总体情况说明',
  '2025年收入总计150.00万元，支出总计150.00万元，与上年相比，收、支总计各增加15.00万元，增长11.11%。',
  '二、支出预算总体情况说明',
  '2025年支出合计150.00万元，其中：基本支出100.00万元，占66.67%；项目支出50.00万元，占33.33%。',
  '三、一般公共预算支出预算情况说明',
  '2025年一般公共预算支出年初预算为150.00万元。其中：社会保障和就业支出20.00万元，占13.33%；卫生健康支出120.00万元，占80.00%；住房保障支出10.00万元，占6.67%。',
  '四、一般公共预算基本支出预算情况说明',
  '2025年一般公共预算基本支出为100.00万元。其中：人员经费90.00万元；公用经费10.00万元。',
  '五、“三公”经费支出预算情况说明',
  '2025年“三公”经费支出预算为6.00万元，比上年预算数减少1.00万元，下降14.29%。',
];

export function sampleBudget(overrides: SampleOverrides = {}): ExtractedDocument {
  const tables = sampleTables();
  for (const [t, r, c, text] of overrides.cells ?? []) {
    const row = tables[t]!.rows[r]!;
    const old = row[c];
    row[c] = old !== null && typeof old === 'object' ? { ...old, text } : text;
  }
  const kept = tables.filter((_, i) => !(overrides.without ?? []).includes(i));
  return doc(kept, overrides.narrative ?? SAMPLE_NARRATIVE);
}
