import { describe, expect, it } from 'vitest';
import type { ExtractedDocument, NarrativeBlock } from '../../../../core/model';
import { testDocument } from '../../review/test-document';
import { coversCell, narrativeBoxes, targetFocus, targetLabel } from './targets';

// two printed lines of 10 characters each, 100 pt wide; the second continues on the next page
const BLOCK: NarrativeBlock = {
  page: 4,
  bbox: [50, 700, 150, 712],
  text: '〇一二三四五六七八九十一二三四五六七八九',
  lines: [
    { page: 4, bbox: [50, 700, 150, 712], start: 0, end: 10 },
    { page: 5, bbox: [50, 780, 150, 792], start: 10, end: 20 },
  ],
};

describe('annotation targets on the page', () => {
  it('cuts the first and last line of a sentence in proportion to its characters', () => {
    expect(narrativeBoxes(BLOCK, 3, 14)).toEqual([
      { page: 4, bbox: [80, 700, 150, 712] },
      { page: 5, bbox: [50, 780, 90, 792] },
    ]);
    expect(narrativeBoxes(BLOCK, 2, 5)).toEqual([{ page: 4, bbox: [70, 700, 100, 712] }]);
    // a paragraph read without lines (DOCX) is outlined whole
    expect(narrativeBoxes({ ...BLOCK, lines: undefined }, 2, 5)).toEqual([{ page: 4, bbox: BLOCK.bbox }]);
  });

  it('focuses a range on the union of its cells and names it by table, rows and columns', () => {
    const doc: ExtractedDocument = testDocument('h');
    const table = doc.tables[0]!;
    table.rows[1]![2] = { ...table.rows[1]![2]!, bbox: [200, 500, 260, 520] };
    table.rows[2]![3] = { ...table.rows[2]![3]!, bbox: [270, 480, 330, 500] };
    const target = { kind: 'range' as const, tableId: 't1', rows: [1, 2] as [number, number], cols: [2, 3] as [number, number], anchor: { tableTitle: '部门支出预算表', tableOccurrence: 0, rowLabel: '', rowOccurrence: 0, columnHeader: '' } };
    expect(targetFocus(doc, target)).toEqual({ page: 1, bbox: [100, 480, 330, 620] });
    expect(targetLabel(doc, target)).toBe('部门支出预算表 · 第 2–3 行 × 第 3–4 列');
    expect(coversCell(target, 't1', 2, 3)).toBe(true);
    expect(coversCell(target, 't1', 3, 3)).toBe(false);
    expect(coversCell(target, 't2', 2, 3)).toBe(false);
  });
});
