import { describe, expect, it } from 'vitest';
import type { CellEdit } from '../../../../core/review/model';
import { anchorFor } from '../../../../core/review/anchors';
import { cellChanges } from '../../review/history';
import { cell, expenditureTable, grid, testDocument } from '../../review/test-document';
import { gridRows, printedRows } from './grid-rows';

describe('gridRows', () => {
  const table = expenditureTable();
  const doc = testDocument('h', [table]);

  it('shows printed text, aligns amounts but not codes, and marks edited and pending cells', () => {
    const ref = { tableId: 't1', row: 2, col: 3 };
    const edit: CellEdit = { id: 'a', fileHash: 'h', cell: ref, anchor: anchorFor(doc, ref)!, before: '625.94', after: '625.95', reviewer: '', at: 1, op: 'set' };
    const printed = printedRows(table);
    const rows = gridRows(printed, 't1', cellChanges([edit]), new Map([['t1:0:2', '700.00']]));
    expect(rows[2]!.cells[3]).toMatchObject({ text: '625.95', original: '625.94', edited: true, pending: false, numeric: true });
    expect(rows[0]!.cells[2]).toMatchObject({ text: '700.00', edited: true, pending: true });
    expect(rows[0]!.cells[0]).toMatchObject({ text: '210', numeric: false });
    expect(rows[1]!.cells[4]).toMatchObject({ text: '0.00', edited: false, numeric: true });
    // rows without edits are the printed row objects themselves (the grid skips re-rendering them)
    expect(rows[1]).toBe(printed[1]);
    expect(rows[2]).not.toBe(printed[2]);
  });

  it('carries an OCR cell’s confidence and flag (the grid tints it and says why), and nothing for text-layer cells', () => {
    const scanned = structuredClone(table);
    scanned.rows[2]![3]!.source = { kind: 'ocr', confidence: 0.41, flagged: true, reasons: ['ambiguous-character'] };
    scanned.rows[2]![2]!.source = { kind: 'ocr', confidence: 0.99 };
    const rows = printedRows(scanned);
    expect(rows[2]!.cells[3]!.ocr).toEqual({ confidence: 0.41, flagged: true });
    expect(rows[2]!.cells[2]!.ocr).toEqual({ confidence: 0.99, flagged: false });
    expect(printedRows(table)[2]!.cells[3]!.ocr).toBeUndefined();
  });

  it('shows an undone edit as printed and unmarked', () => {
    const ref = { tableId: 't1', row: 2, col: 3 };
    const anchor = anchorFor(doc, ref)!;
    const log: CellEdit[] = [
      { id: 'a', fileHash: 'h', cell: ref, anchor, before: '625.94', after: '1.00', reviewer: '', at: 1, op: 'set' },
      { id: 'b', fileHash: 'h', cell: ref, anchor, before: '1.00', after: '625.94', reviewer: '', at: 2, op: 'undo', revertsId: 'a' },
    ];
    expect(gridRows(printedRows(table), 't1', cellChanges(log), new Map())[2]!.cells[3]).toMatchObject({ text: '625.94', edited: false });
  });

  it('records where row and column spans start', () => {
    const spanned = { ...table, columnCount: 3, rows: grid([[cell('人员经费', 2), cell('工资'), cell('1,234.50')], ['^', cell('津贴'), cell('2.00')], [cell('合计', 1, 2), '^', cell('1,236.50')]]) };
    const rows = gridRows(printedRows(spanned), 't1', new Map(), new Map());
    expect(rows[1]!.spanStart).toEqual([0, 1, 1]);
    expect(rows[1]!.cells[0]).toBeNull();
    expect(rows[2]!.spanCol).toEqual([0, 0, 2]);
    expect(rows[2]!.cells[0]!.colSpan).toBe(2);
    expect(rows[0]!.cells[2]!.text).toBe('1,234.50');
  });
});
