import { describe, expect, it } from 'vitest';
import type { Table } from '../../../../core/model';
import { expenditureTable, testDocument } from '../../review/test-document';
import { cellAtPoint } from './hit-test';

/** Lays the body out as a real grid: 60 pt wide columns from x=50, 20 pt rows from y=700 down. */
function laidOut(table: Table, page = 1): Table {
  table.rows.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      if (cell) Object.assign(cell, { page, bbox: [50 + c * 60, 680 - r * 20, 110 + c * 60, 700 - r * 20] });
    }),
  );
  return { ...table, pages: [page, page] };
}

describe('cellAtPoint', () => {
  const doc = testDocument('h', [laidOut(expenditureTable('t1')), laidOut(expenditureTable('t2'), 2)]);

  it('finds the body cell under a point', () => {
    // row 2 spans y 640..660, column 3 spans x 230..290
    expect(cellAtPoint(doc, 1, 260, 650)).toEqual({ tableId: 't1', row: 2, col: 3 });
    expect(cellAtPoint(doc, 2, 260, 650)).toEqual({ tableId: 't2', row: 2, col: 3 });
  });

  it('returns null outside every cell and on other pages', () => {
    expect(cellAtPoint(doc, 1, 10, 10)).toBeNull();
    expect(cellAtPoint(doc, 3, 260, 650)).toBeNull();
  });

  it('prefers the cell of the table being reviewed when tables overlap, else the smaller cell', () => {
    const a = laidOut(expenditureTable('a'));
    const b = laidOut(expenditureTable('b'));
    b.rows[0]![0]!.bbox = [0, 0, 1000, 1000];
    const overlapping = testDocument('h', [a, b]);
    expect(cellAtPoint(overlapping, 1, 80, 690)).toEqual({ tableId: 'a', row: 0, col: 0 });
    expect(cellAtPoint(overlapping, 1, 80, 690, 'b')!.tableId).toBe('b');
  });
});
