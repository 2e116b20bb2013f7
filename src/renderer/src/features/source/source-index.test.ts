import { describe, expect, it } from 'vitest';
import type { Cell, ExtractedDocument } from '../../../../core/model';
import { bodyCellsBySource, targetOf } from './source-index';

function cell(text: string, source: Cell['source'], rowSpan = 1, colSpan = 1): Cell {
  return { text, value: null, rowSpan, colSpan, page: 1, bbox: [0, 0, 1, 1], confidence: 'ok', source } as Cell;
}

const DOC: ExtractedDocument = {
  schemaVersion: 1,
  source: { path: 'a.docx', sha256: 'h', pages: 1, format: 'docx' },
  narrative: [
    { page: 1, bbox: [0, 0, 1, 1], text: '一、部门职责', source: { kind: 'docx', paragraph: 7 } },
    { page: 2, bbox: [0, 0, 1, 1], text: '说明', source: { kind: 'xlsx', sheet: '说明', sheetIndex: 2, row: 3, col: 1, address: 'A3' } },
  ],
  tables: [
    {
      id: 't1',
      title: '收支总表',
      code: null,
      unit: null,
      department: null,
      pages: [1, 1],
      notes: [],
      columnCount: 3,
      header: [[cell('项目', { kind: 'docx', table: 0, row: 0, col: 0, cell: 0 }), cell('金额', { kind: 'docx', table: 0, row: 0, col: 1, cell: 1 }, 1, 2), null]],
      rows: [
        // a joined table: this row came from the second Word table
        [cell('合计', { kind: 'docx', table: 1, row: 2, col: 0, cell: 0 }), cell('1.00', { kind: 'docx', table: 1, row: 2, col: 1, cell: 1 }, 1, 2), null],
      ],
    },
  ],
};

describe('source index', () => {
  it('maps body cells (not header cells) by their place in the source', () => {
    const index = bodyCellsBySource(DOC);
    expect(index.get('d:1:2:1')).toEqual({ tableId: 't1', row: 0, col: 1 });
    expect(index.get('d:0:0:0')).toBeUndefined();
    expect(index.size).toBe(2);
  });

  it('outlines the selected cell, else the selected paragraph or sheet cell of a narrative block', () => {
    expect(targetOf(DOC, { tableId: 't1', row: 0, col: 1 }, null)).toEqual({ kind: 'cell', key: 'd:1:2:1' });
    expect(targetOf(DOC, null, 0)).toEqual({ kind: 'paragraph', index: 7 });
    expect(targetOf(DOC, null, 1)).toEqual({ kind: 'cell', key: 'x:2:A3' });
    expect(targetOf(DOC, { tableId: 't1', row: 0, col: 2 }, null)).toBeNull();
    expect(targetOf(DOC, null, null)).toBeNull();
  });
});
