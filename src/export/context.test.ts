import { describe, expect, it } from 'vitest';
import { columnHeader, columnLetter, rowLabel } from './context';
import { tableFromSpec } from './testing/document-builder';

const sideBySide = tableFromSpec(
  {
    title: '一般公共预算基本支出表',
    code: null,
    unit: '万元',
    department: null,
    notes: [],
    header: [
      [{ text: '人员经费', colSpan: 3 }, null, null, { text: '公用经费', colSpan: 3 }, null, null],
      ['科目编码', '科目名称', '决算数', '科目编码', '科目名称', '决算数'],
    ],
    rows: [
      ['30101', '基本工资', '261.17', '30201', '办公费', '1.96'],
      [{ text: '人员经费合计', colSpan: 2 }, null, '791.11', { text: '公用经费合计', colSpan: 2 }, null, '76.76'],
    ],
  },
  't6',
);

const balance = tableFromSpec(
  {
    title: '收入支出决算总表',
    code: null,
    unit: null,
    department: null,
    notes: [],
    header: [['项目', '行次', '决算数', '项目', '行次', '决算数']],
    rows: [['一、一般公共预算财政拨款收入', '1', '1,269.24', '一、一般公共服务支出', '32', '0.00']],
  },
  't1',
);

describe('cell descriptions', () => {
  it.each([
    { table: sideBySide, row: 0, col: 2, label: '30101 基本工资', header: '人员经费 / 决算数' },
    { table: sideBySide, row: 0, col: 5, label: '30201 办公费', header: '公用经费 / 决算数' },
    { table: sideBySide, row: 1, col: 5, label: '公用经费合计', header: '公用经费 / 决算数' },
    { table: balance, row: 0, col: 5, label: '一、一般公共服务支出', header: '决算数' },
    { table: balance, row: 0, col: 2, label: '一、一般公共预算财政拨款收入', header: '决算数' },
  ])('$label · $header', ({ table, row, col, label, header }) => {
    expect(rowLabel(table, row, col)).toBe(label);
    expect(columnHeader(table, col)).toBe(header);
  });

  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [703, 'AAA'],
  ])('column %i is %s', (n, letter) => expect(columnLetter(n)).toBe(letter));
});
