import { describe, expect, it } from 'vitest';
import { groupLines, joinPieces } from './lines';
import type { TextRun } from './text-runs';
import { estimateEdges, splitRun, toTextRuns, wholePiece } from './text-runs';

function run(text: string, x0: number, x1: number, y = 100, fontSize = 12): TextRun {
  return { text, box: { x0, x1, y0: y - 10, y1: y + 2 }, fontSize, fontName: 'f', edges: estimateEdges(text, x0, x1), vertical: false };
}

describe('splitRun', () => {
  it('cuts a WPS run spanning two cells at the space next to the border', () => {
    // "96,282,213.44 一、公共安全支出" printed from x=340.48, width 172; the border is at x=414.1
    const pieces = splitRun(run('96,282,213.44 一、公共安全支出', 340.48, 512.48), [414.1]);
    expect(pieces.map((p) => p.text)).toEqual(['96,282,213.44', '一、公共安全支出']);
    expect(pieces[1]!.ambiguousCut).toBe(false);
  });

  it('cuts Chinese text exactly at a character boundary', () => {
    const pieces = splitRun(run('项目名称金额', 0, 72), [48]);
    expect(pieces.map((p) => p.text)).toEqual(['项目名称', '金额']);
  });

  it('flags a cut that falls in the middle of a glyph', () => {
    const pieces = splitRun(run('项目名称', 0, 48), [18]);
    expect(pieces.some((p) => p.ambiguousCut)).toBe(true);
  });

  it('leaves a run alone when the border is at its edge', () => {
    expect(splitRun(run('合计', 10, 34), [10, 34]).map((p) => p.text)).toEqual(['合计']);
  });
});

describe('toTextRuns', () => {
  it('normalises radicals, drops blank items and fake-bold duplicates', () => {
    const item = (str: string, x: number) => ({ str, transform: [12, 0, 0, 12, x, 500], width: 24, height: 12, fontName: 'f' });
    const runs = toTextRuns([item('部⻔', 10), item('部⻔', 10.3), item('  ', 50), item('⽀出', 100)], [1, 0, 0, -1, 0, 842], {});
    expect(runs.map((r) => r.text)).toEqual(['部门', '支出']);
    expect(runs[0]!.box.y0).toBeLessThan(runs[0]!.box.y1);
    // y flipped into reading space: baseline 500 from the bottom is 342 from the top
    expect(runs[0]!.box.y1).toBeGreaterThan(342);
  });
});

describe('lines', () => {
  it('puts fragments split at font changes back together without spaces', () => {
    const lines = groupLines([wholePiece(run('项', 0, 12)), wholePiece(run('目', 12, 24)), wholePiece(run('名称', 24, 48))]);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.text).toBe('项目名称');
  });

  it('keeps a space between Latin words separated by a gap', () => {
    expect(joinPieces([wholePiece(run('DRG', 0, 20)), wholePiece(run('DIP', 24, 44))])).toBe('DRG DIP');
  });

  it('separates lines by vertical position', () => {
    const lines = groupLines([wholePiece(run('第一行', 0, 36, 100)), wholePiece(run('第二行', 0, 36, 116))]);
    expect(lines.map((l) => l.text)).toEqual(['第一行', '第二行']);
  });
});
