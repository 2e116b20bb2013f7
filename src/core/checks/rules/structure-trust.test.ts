/**
 * Sum checks must not report false errors where the table's hierarchy was misread (issue 10,
 * points 1 and 2): codes split into 类/款/项 columns, and unit subtotal rows in 项目支出表.
 */
import { describe, expect, it } from 'vitest';
import { doc } from '../../../../tests/helpers/doc-builder';
import type { BuilderCell } from '../../../../tests/helpers/doc-builder';
import { runChecks } from '../index';
import type { Finding } from '../model';

function sums(title: string, header: BuilderCell[][], rows: BuilderCell[][]): Finding[] {
  const r = runChecks(doc([{ title, header, rows }]));
  return r.findings.filter((f) => f.rule === 'in-table.row-totals' || f.rule === 'in-table.code-hierarchy');
}
const errors = (f: Finding[]): Finding[] => f.filter((x) => x.severity === 'error');

const splitHeader: BuilderCell[][] = [
  [{ text: '项目', colSpan: 4 }, null, null, null, { text: '本年支出合计', rowSpan: 3 }],
  [{ text: '功能分类科目编码', colSpan: 3 }, null, null, { text: '科目名称', rowSpan: 2 }, null],
  ['类', '款', '项', null, null],
];

/** 支出决算表 rows; `xz` is 行政运行 (a 项 figure). */
function splitRows(xz: string, repeatClass: boolean): BuilderCell[][] {
  const c = (cls: string): string => (repeatClass ? cls : '');
  return [
    [{ text: '合计', colSpan: 4 }, null, null, null, '150.00'],
    ['201', '', '', '一般公共服务支出', '100.00'],
    [c('201'), '06', '', '财政事务', '100.00'],
    [c('201'), c('06'), '01', '行政运行', xz],
    [c('201'), c('06'), '02', '一般行政管理事务', '30.00'],
    ['208', '', '', '社会保障和就业支出', '50.00'],
    [c('208'), '05', '', '行政事业单位养老支出', '50.00'],
    [c('208'), c('05'), '05', '机关事业单位基本养老保险缴费支出', '30.00'],
    [c('208'), c('05'), '06', '机关事业单位职业年金缴费支出', '20.00'],
  ];
}

describe('codes split into 类/款/项 columns', () => {
  for (const repeatClass of [false, true]) {
    const name = repeatClass ? '类 repeated every row' : 'empty 类 on 款 rows';
    it(`${name}: consistent table is silent`, () => {
      expect(sums('支出决算表', splitHeader, splitRows('70.00', repeatClass)).filter((f) => f.severity !== 'note')).toEqual([]);
    });
    it(`${name}: one slip is one error on the 款 row`, () => {
      const e = errors(sums('支出决算表', splitHeader, splitRows('71.00', repeatClass)));
      expect(e).toHaveLength(1);
      expect(e[0]!.message).toContain('「20106 财政事务」行');
      expect(e[0]!.message).toContain('100.00 ≠ 2010601 71.00 + 2010602 30.00 = 101.00');
    });
  }

  const oneCell = (xz: string): BuilderCell[][] => [
    ['', '合计', '150.00'],
    ['201', '一般公共服务支出', '100.00'],
    ['201 06', '财政事务', '100.00'],
    ['201 06 01', '行政运行', xz],
    ['201 06 02', '一般行政管理事务', '30.00'],
    ['208', '社会保障和就业支出', '50.00'],
    ['208 05', '行政事业单位养老支出', '50.00'],
    ['208 05 05', '机关事业单位基本养老保险缴费支出', '30.00'],
    ['208 05 06', '机关事业单位职业年金缴费支出', '20.00'],
  ];
  const oneHeader: BuilderCell[][] = [['科目编码', '科目名称', '合计']];
  it('"201 06 01" in one cell: consistent table is silent, one slip is one error', () => {
    expect(sums('支出决算表', oneHeader, oneCell('70.00')).filter((f) => f.severity !== 'note')).toEqual([]);
    const e = errors(sums('支出决算表', oneHeader, oneCell('71.00')));
    expect(e).toHaveLength(1);
    expect(e[0]!.message).toContain('「20106 财政事务」行');
    expect(e[0]!.message).toContain('= 101.00');
  });

  it('a sum that is an exact multiple of its total (类 + 款 + 项 all added) is never an error', () => {
    // 科目编码 merged over three columns with no 类/款/项 row: the 款/项 columns are misread.
    const header: BuilderCell[][] = [[{ text: '科目编码', colSpan: 3 }, null, null, '科目名称', '合计']];
    const rows = splitRows('70.00', true).map((r) => (r[0] && typeof r[0] === 'object' ? ['', '', '', '合计', '150.00'] : r));
    expect(errors(sums('支出决算表', header, rows))).toEqual([]);
  });

  it('names without codes, indented: no error (the hierarchy cannot be certain)', () => {
    const rows: BuilderCell[][] = [
      ['合计', '150.00'],
      ['一般公共服务支出', '100.00'],
      ['  财政事务', '100.00'],
      ['    行政运行', '70.00'],
      ['    一般行政管理事务', '30.00'],
      ['社会保障和就业支出', '50.00'],
      ['  行政事业单位养老支出', '50.00'],
      ['    机关事业单位基本养老保险缴费支出', '30.00'],
      ['    机关事业单位职业年金缴费支出', '20.00'],
    ];
    expect(errors(sums('支出决算表', [['科目', '合计']], rows))).toEqual([]);
  });

  const indented = (xz: string, total = '150.00'): BuilderCell[][] => [
    ['合计', total],
    ['一般公共服务支出', '100.00'],
    ['  财政事务', '100.00'],
    ['    行政运行', xz],
    ['    一般行政管理事务', '30.00'],
    ['社会保障和就业支出', '50.00'],
    ['  行政事业单位养老支出', '50.00'],
    ['    机关事业单位基本养老保险缴费支出', '30.00'],
    ['    机关事业单位职业年金缴费支出', '20.00'],
  ];

  it('names without codes, indented, consistent: silent — 合计 is the sum of the least indented lines, not of all', () => {
    expect(sums('支出决算表', [['科目', '合计']], indented('70.00')).filter((f) => f.severity !== 'note')).toEqual([]);
  });

  it('names without codes, indented: a slip under 财政事务 is found, as a warning (the levels are read from indentation)', () => {
    const found = sums('支出决算表', [['科目', '合计']], indented('71.00')).filter((f) => f.severity !== 'note');
    expect(found.length).toBeGreaterThan(0);
    expect(errors(found)).toEqual([]);
    const kuan = found.find((f) => f.message.includes('「财政事务」行'))!;
    expect(kuan.message).toContain('层级按缩进判断');
    expect(kuan.message).toContain('100.00 ≠');
    expect(kuan.message).toContain('101.00');
  });

  it('names without codes, indented: a wrong 合计 is found against the top-level lines', () => {
    const found = sums('支出决算表', [['科目', '合计']], indented('70.00', '160.00')).filter((f) => f.severity !== 'note');
    expect(found.some((f) => f.message.includes('「合计」行') && f.message.includes('150.00'))).toBe(true);
    expect(errors(found)).toEqual([]);
  });
});

describe('unit subtotal rows (项目支出表 of a department with units)', () => {
  const header: BuilderCell[][] = [['单位编码', '单位名称（项目名称）', '项目类型', '合计']];
  const rows = (b: string, code = true): BuilderCell[][] => [
    ['', '合计', '', '100.00'],
    [code ? '516' : '', '某某区某某部门', '', '100.00'],
    [code ? '516001' : '', '某某区某某局', '', '60.00'],
    ['', '项目甲', '特定目标类', '35.00'],
    ['', '项目乙', '其他运转类', b],
    [code ? '516002' : '', '某某区某某中心', '', '40.00'],
    ['', '项目丙', '特定目标类', '40.00'],
  ];
  it('department 合计 + 2 units + projects: consistent table is silent', () => {
    expect(sums('2025年项目支出预算表', header, rows('25.00')).filter((f) => f.severity !== 'note')).toEqual([]);
  });
  it('one slip in a project is one error on its unit row', () => {
    const e = errors(sums('2025年项目支出预算表', header, rows('26.00')));
    expect(e).toHaveLength(1);
    expect(e[0]!.message).toContain('516001');
    expect(e[0]!.message).toContain('60.00 ≠ 项目甲 35.00 + 项目乙 26.00 = 61.00');
  });
  it('unit rows without codes: summing every row (3 × the total) is never an error', () => {
    expect(errors(sums('2025年项目支出预算表', header, rows('25.00', false)))).toEqual([]);
  });
});
