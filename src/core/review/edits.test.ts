import { describe, expect, it } from 'vitest';
import type { Cell, ExtractedDocument, Table } from '../model';
import { applyEdits, latestEdits } from './edits';
import type { CellEdit } from './model';

const cell = (text: string, value: number | null = null): Cell => ({ text, value, rowSpan: 1, colSpan: 1, page: 1, bbox: [0, 0, 1, 1], confidence: 'ok' });

const table: Table = {
  id: 't1',
  title: '支出表',
  code: null,
  unit: '万元',
  department: null,
  pages: [1, 1],
  notes: [],
  columnCount: 3,
  header: [[cell('科目编码'), cell('科目名称'), cell('合计')]],
  rows: [[cell('2101501'), cell('行政运行'), cell('36.95', 3695)]],
};
const doc: ExtractedDocument = { schemaVersion: 1, source: { path: 'x.pdf', sha256: 'h', pages: 1 }, narrative: [], tables: [table] };

let n = 0;
function edit(col: number, before: string, after: string, at: number, op: CellEdit['op'] = 'set'): CellEdit {
  return {
    id: `e${++n}`,
    fileHash: 'h',
    cell: { tableId: 't1', row: 0, col },
    anchor: { tableTitle: '支出表', tableOccurrence: 0, rowLabel: '2101501 行政运行', rowOccurrence: 0, columnHeader: '合计' },
    before,
    after,
    reviewer: '张三',
    at,
    op,
  };
}

describe('applyEdits', () => {
  it('applies the latest entry per cell and parses its amount exactly', () => {
    const out = applyEdits(doc, [edit(2, '36.95', '37.00', 1), edit(2, '37.00', '36.96', 2)]);
    expect(out.tables[0]!.rows[0]![2]).toMatchObject({ text: '36.96', value: 3696 });
    expect(doc.tables[0]!.rows[0]![2]!.text).toBe('36.95'); // the parse itself is untouched
  });

  it('an undo entry brings the printed text back', () => {
    const out = applyEdits(doc, [edit(2, '36.95', '37.00', 1), edit(2, '37.00', '36.95', 2, 'undo')]);
    expect(out.tables[0]!.rows[0]![2]).toMatchObject({ text: '36.95', value: 3695 });
  });

  it('a corrected code stays a code, not an amount', () => {
    const out = applyEdits(doc, [edit(0, '2101501', '2101502', 1)]);
    expect(out.tables[0]!.rows[0]![0]).toMatchObject({ text: '2101502', value: null });
  });

  it('orders entries of the same millisecond by their place in the log', () => {
    const latest = latestEdits([edit(2, '36.95', 'a', 5), edit(2, 'a', 'b', 5)]);
    expect(latest.get('t1:0:2')!.after).toBe('b');
  });

  it('ignores edits of cells that do not exist', () => {
    const stray = { ...edit(2, 'x', 'y', 1), cell: { tableId: 't9', row: 4, col: 1 } };
    expect(applyEdits(doc, [stray]).tables[0]!.rows[0]![2]!.text).toBe('36.95');
  });
});
