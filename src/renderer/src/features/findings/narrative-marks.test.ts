import { describe, expect, it } from 'vitest';
import type { NarrativeBlock } from '../../../../core/model';
import { linesCovering, markedPieces, spanLineBoxes, unionBox } from './narrative-marks';

// 支出决算 paragraph printed on three lines; the third continues on the next page
const BLOCK: NarrativeBlock = {
  page: 13,
  bbox: [70, 100, 520, 140],
  text: '年初预算为19.93万元，支出决算为20.77万元，完成年初预算的104.21%。决算支出数小于年初预算安排数。',
  lines: [
    { page: 13, bbox: [70, 128, 520, 140], start: 0, end: 20 },
    { page: 13, bbox: [70, 114, 520, 126], start: 20, end: 40 },
    { page: 14, bbox: [70, 700, 300, 712], start: 40, end: 58 },
  ],
};

describe('narrative marks', () => {
  it('finds the printed lines holding any character of a span', () => {
    expect(linesCovering(BLOCK, { block: 0, start: 0, end: 20 }).map((l) => l.start)).toEqual([0]);
    expect(linesCovering(BLOCK, { block: 0, start: 19, end: 21 }).map((l) => l.start)).toEqual([0, 20]);
    expect(linesCovering(BLOCK, { block: 0, start: 45, end: 50 }).map((l) => l.page)).toEqual([14]);
  });

  it('lists each line once across spans, with its page', () => {
    const boxes = spanLineBoxes([BLOCK], [
      { block: 0, start: 5, end: 25 },
      { block: 0, start: 22, end: 45 },
      { block: 7, start: 0, end: 3 },
    ]);
    expect(boxes.map((b) => b.page)).toEqual([13, 13, 14]);
    expect(unionBox(boxes.filter((b) => b.page === 13).map((b) => b.bbox))).toEqual([70, 114, 520, 140]);
    expect(unionBox([])).toBeNull();
  });

  it('has no line boxes for a block without printed lines (Word documents)', () => {
    expect(spanLineBoxes([{ ...BLOCK, lines: undefined }], [{ block: 0, start: 0, end: 5 }])).toEqual([]);
  });

  it('cuts the text into marked and plain pieces, merging overlapping spans', () => {
    const text = BLOCK.text;
    const pieces = markedPieces(text, [
      { start: 44, end: 58 },
      { start: 0, end: 5 },
      { start: 3, end: 8 },
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.marked).map((p) => p.text)).toEqual([text.slice(0, 8), text.slice(44, 58)]);
    expect(markedPieces('abc', [])).toEqual([{ text: 'abc', marked: false }]);
  });
});
