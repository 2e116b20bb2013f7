import { describe, expect, it } from 'vitest';
import { buildLatticeGrid, bandIndex, columnCount, rowCount } from './grid';
import { findRegions, mergeCollinear } from './regions';
import type { Ruling } from './rulings';

const h = (pos: number, start: number, end: number): Ruling => ({ orientation: 'h', pos, start, end });
const v = (pos: number, start: number, end: number): Ruling => ({ orientation: 'v', pos, start, end });

/** A 3×3 ruled grid at x 0/100/200/300, y 0/20/40/60, optionally without some segments. */
function grid3x3(skip: (r: Ruling) => boolean = () => false): Ruling[] {
  const out: Ruling[] = [];
  for (const y of [0, 20, 40, 60]) for (const [a, b] of [[0, 100], [100, 200], [200, 300]] as const) out.push(h(y, a, b));
  for (const x of [0, 100, 200, 300]) for (const [a, b] of [[0, 20], [20, 40], [40, 60]] as const) out.push(v(x, a, b));
  return out.filter((r) => !skip(r));
}

describe('mergeCollinear', () => {
  it('joins per-cell border segments into one line and keeps real gaps', () => {
    const merged = mergeCollinear([h(10, 0, 50), h(10.4, 50.5, 100), h(10, 140, 200)]);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toMatchObject({ start: 0, end: 100 });
    expect(merged[1]).toMatchObject({ start: 140, end: 200 });
  });
});

describe('findRegions', () => {
  it('separates two tables on one page and ignores a lone underline', () => {
    const second = grid3x3().map((r) => ({ ...r, pos: r.orientation === 'h' ? r.pos + 300 : r.pos, start: r.orientation === 'v' ? r.start + 300 : r.start, end: r.orientation === 'v' ? r.end + 300 : r.end }));
    const regions = findRegions([...grid3x3(), ...second, h(200, 50, 250)]);
    expect(regions).toHaveLength(2);
    expect(regions[0]!.box).toEqual({ x0: 0, y0: 0, x1: 300, y1: 60 });
    expect(regions[1]!.box.y0).toBe(300);
    expect(regions.every((r) => !r.horizontalOnly)).toBe(true);
  });

  it('treats a stack of full-width rules without verticals as a table ruled between rows', () => {
    const regions = findRegions([h(0, 10, 500), h(20, 10, 500), h(40, 10, 500), h(60, 10, 500)]);
    expect(regions).toHaveLength(1);
    expect(regions[0]!.horizontalOnly).toBe(true);
  });

  it('treats a framed table with no inner verticals as needing text columns', () => {
    const rulings = [h(0, 0, 300), h(20, 0, 300), h(40, 0, 300), h(60, 0, 300), v(0, 0, 60), v(300, 0, 60)];
    expect(findRegions(rulings)[0]!.horizontalOnly).toBe(true);
  });
});

describe('buildLatticeGrid', () => {
  it('builds a full grid of single cells', () => {
    const rulings = grid3x3();
    const g = buildLatticeGrid({ x0: 0, y0: 0, x1: 300, y1: 60 }, rulings.filter((r) => r.orientation === 'h'), rulings.filter((r) => r.orientation === 'v'));
    expect(rowCount(g)).toBe(3);
    expect(columnCount(g)).toBe(3);
    expect(g.cells).toHaveLength(9);
  });

  it('turns a missing vertical segment into a column span and a missing horizontal one into a row span', () => {
    // row 0: cells (0,0)-(0,1) merged; column 2: rows 1-2 merged
    const rulings = grid3x3((r) => (r.orientation === 'v' && r.pos === 100 && r.start === 0) || (r.orientation === 'h' && r.pos === 40 && r.start === 200));
    const g = buildLatticeGrid({ x0: 0, y0: 0, x1: 300, y1: 60 }, rulings.filter((r) => r.orientation === 'h'), rulings.filter((r) => r.orientation === 'v'));
    const spans = g.cells.map((c) => [c.r0, c.c0, c.r1 - c.r0, c.c1 - c.c0]);
    expect(spans).toContainEqual([0, 0, 1, 2]);
    expect(spans).toContainEqual([1, 2, 2, 1]);
    expect(g.cells).toHaveLength(7);
  });

  it('snaps double lines and slightly offset segments to one boundary', () => {
    const rulings = [...grid3x3(), h(61.5, 0, 300), v(101.2, 0, 60)];
    const g = buildLatticeGrid({ x0: 0, y0: 0, x1: 300, y1: 61.5 }, rulings.filter((r) => r.orientation === 'h'), rulings.filter((r) => r.orientation === 'v'));
    expect(rowCount(g)).toBe(3);
    expect(columnCount(g)).toBe(3);
  });

  it('tolerates small gaps in a drawn border', () => {
    const rulings = grid3x3((r) => r.orientation === 'v' && r.pos === 100 && r.start === 20).concat([v(100, 20, 28), v(100, 31, 40)]);
    const g = buildLatticeGrid({ x0: 0, y0: 0, x1: 300, y1: 60 }, rulings.filter((r) => r.orientation === 'h'), rulings.filter((r) => r.orientation === 'v'));
    expect(g.cells).toHaveLength(9);
  });
});

describe('dashed rules', () => {
  it('count a dashed border (3 pt on, 3 pt off) as drawn', () => {
    const dashes = (x: number): Ruling[] => Array.from({ length: 10 }, (_, i) => v(x, i * 6, i * 6 + 3));
    const rulings = grid3x3((r) => r.orientation === 'v' && (r.pos === 100 || r.pos === 200)).concat(dashes(100), dashes(200));
    const g = buildLatticeGrid({ x0: 0, y0: 0, x1: 300, y1: 60 }, rulings.filter((r) => r.orientation === 'h'), rulings.filter((r) => r.orientation === 'v'));
    expect(g.cells).toHaveLength(9);
  });
});

describe('bandIndex', () => {
  it.each([
    [5, 0],
    [20, 1],
    [59, 2],
    [61, -1],
    [-1, -1],
  ])('%d → %d', (v, expected) => {
    expect(bandIndex([0, 20, 40, 60], v)).toBe(expected);
  });
});
