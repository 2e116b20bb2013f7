import { describe, expect, it } from 'vitest';
import type { Table } from '../../../../core/model';
import { cell, expenditureTable, grid } from '../../review/test-document';
import { headerTree } from './header-tree';
import { pinnedColumnCount } from './pinned-columns';

/** The 支出表 widened by two figure columns (wide tables are the ones that scroll sideways). */
function wide(body: string[][]): Table {
  const base = expenditureTable('t1', body.map((r) => r.slice(0, 6)));
  return {
    ...base,
    columnCount: 8,
    header: base.header.map((row, r) => [...row, r === 0 ? cell('上年结转', 2) : null, r === 0 ? cell('其他', 2) : null]),
    rows: body.map((r) => r.map((t) => cell(t))),
  };
}

const BODY = [
  ['210', '卫生健康支出', '698.93', '625.94', '0.00', '72.98', '0.00', '0.00'],
  ['2101501', '行政运行', '625.94', '625.94', '0.00', '', '', ''],
];

describe('pinnedColumnCount', () => {
  it('keeps the code and name columns of a wide table in view', () => {
    const table = wide(BODY);
    expect(pinnedColumnCount(table, headerTree(table))).toBe(2);
  });

  it('pins nothing in a table narrow enough to fit', () => {
    const table = expenditureTable();
    expect(pinnedColumnCount(table, headerTree(table))).toBe(0);
  });

  it('pins nothing when a cell spans across the name column’s edge', () => {
    const table = wide(BODY);
    table.rows.push(grid([[cell('合计', 1, 3), '^', '^', cell('698.93'), cell('0.00'), cell('72.98'), cell(''), cell('')]])[0]!);
    expect(pinnedColumnCount(table, headerTree(table))).toBe(0);
  });
});
