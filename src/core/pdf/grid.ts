/**
 * The global grid of a ruled table (all row and column boundaries) and its cells: the smallest
 * slots are joined wherever the border between them is missing, so merged cells come out as
 * explicit spans (Camelot's and Tabula's lesson, see EXTRACTION.md).
 */
import type { CellConfidence } from '../model';
import type { Box } from './geometry';
import { clusterPositions } from './geometry';
import type { Ruling } from './rulings';

export interface GridCell {
  r0: number;
  c0: number;
  /** exclusive */
  r1: number;
  /** exclusive */
  c1: number;
  confidence: CellConfidence;
  /** no border drawn along the cell's top / bottom edge: a merged cell cut by a page break */
  openTop?: boolean;
  openBottom?: boolean;
}

export interface Grid {
  /** column boundaries, left to right (columns = xs.length - 1) */
  xs: number[];
  /** row boundaries, top to bottom (rows = ys.length - 1) */
  ys: number[];
  cells: GridCell[];
  /** cell index of each slot, row-major */
  slotCell: Int32Array;
  /** whether a vertical border stands at xs[k] in row r (outer borders always do) */
  hasVerticalBorder(k: number, r: number): boolean;
}

export function rowCount(grid: Grid): number {
  return grid.ys.length - 1;
}

export function columnCount(grid: Grid): number {
  return grid.xs.length - 1;
}

export function cellBox(grid: Grid, cell: GridCell): Box {
  return { x0: grid.xs[cell.c0]!, y0: grid.ys[cell.r0]!, x1: grid.xs[cell.c1]!, y1: grid.ys[cell.r1]! };
}

/** Share of a border's length that must be drawn for it to count (small gaps and dashed rules tolerated). */
const BORDER_PRESENT = 0.4;

function coverage(rulings: readonly Ruling[], pos: number, a: number, b: number, tol: number): number {
  let covered = 0;
  for (const r of rulings) {
    if (Math.abs(r.pos - pos) > tol) continue;
    covered += Math.max(0, Math.min(r.end, b) - Math.max(r.start, a));
  }
  return covered / Math.max(b - a, 0.01);
}

/** Adds `edge` to sorted boundaries unless one is already within tol. */
function withEdge(bounds: number[], edge: number, tol: number): number[] {
  return bounds.some((b) => Math.abs(b - edge) <= tol) ? bounds : [...bounds, edge].sort((a, b) => a - b);
}

/**
 * Builds the lattice grid of a region from its rulings. `tol` snaps double lines and near-equal
 * positions (≈ the smallest glyph width is too coarse here; 3 pt keeps real columns apart).
 */
export function buildLatticeGrid(box: Box, h: readonly Ruling[], v: readonly Ruling[], tol = 3): Grid {
  let xs = clusterPositions(v.map((r) => r.pos), tol);
  let ys = clusterPositions(h.map((r) => r.pos), tol);
  xs = withEdge(withEdge(xs, box.x0, tol), box.x1, tol);
  ys = withEdge(withEdge(ys, box.y0, tol), box.y1, tol);
  const nr = ys.length - 1;
  const nc = xs.length - 1;

  const vBorder: boolean[][] = xs.map((x, k) =>
    Array.from({ length: nr }, (_, r) => k === 0 || k === nc || coverage(v, x, ys[r]!, ys[r + 1]!, tol) >= BORDER_PRESENT),
  );
  const hBorder: boolean[][] = ys.map((y, k) =>
    Array.from({ length: nc }, (_, c) => k === 0 || k === nr || coverage(h, y, xs[c]!, xs[c + 1]!, tol) >= BORDER_PRESENT),
  );
  const grid = gridFromBorders(xs, ys, (k, r) => vBorder[k]![r]!, (k, c) => hBorder[k]![c]!);
  // the outer edges count as borders for joining slots; whether they were drawn matters when a
  // merged cell continues on the next page
  const drawn = (y: number, c0: number, c1: number): boolean => coverage(h, y, xs[c0]!, xs[c1]!, tol) >= BORDER_PRESENT;
  for (const cell of grid.cells) {
    if (cell.r0 === 0) cell.openTop = !drawn(ys[0]!, cell.c0, cell.c1);
    if (cell.r1 === nr) cell.openBottom = !drawn(ys[nr]!, cell.c0, cell.c1);
  }
  return grid;
}

/**
 * Joins slots not separated by a border into cells. A joined shape that is not a rectangle
 * (an L made by a missing border segment) becomes its bounding rectangle, flagged for review.
 */
export function gridFromBorders(
  xs: number[],
  ys: number[],
  hasV: (k: number, r: number) => boolean,
  hasH: (k: number, c: number) => boolean,
): Grid {
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  const parent = Int32Array.from({ length: nr * nc }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const join = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[ra] = rb;
  };
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      if (c + 1 < nc && !hasV(c + 1, r)) join(r * nc + c, r * nc + c + 1);
      if (r + 1 < nr && !hasH(r + 1, c)) join(r * nc + c, (r + 1) * nc + c);
    }
  }
  // bounding rectangles of the components
  const rects = new Map<number, { r0: number; c0: number; r1: number; c1: number; slots: number }>();
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const root = find(r * nc + c);
      const rect = rects.get(root);
      if (rect) {
        rect.r0 = Math.min(rect.r0, r);
        rect.c0 = Math.min(rect.c0, c);
        rect.r1 = Math.max(rect.r1, r + 1);
        rect.c1 = Math.max(rect.c1, c + 1);
        rect.slots++;
      } else {
        rects.set(root, { r0: r, c0: c, r1: r + 1, c1: c + 1, slots: 1 });
      }
    }
  }
  // rectangles may overlap when a component is not rectangular: first come (top-left) wins
  const slotCell = new Int32Array(nr * nc).fill(-1);
  const cells: GridCell[] = [];
  const ordered = [...rects.values()].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  for (const rect of ordered) {
    const rectangular = rect.slots === (rect.r1 - rect.r0) * (rect.c1 - rect.c0);
    let free = true;
    for (let r = rect.r0; r < rect.r1 && free; r++) for (let c = rect.c0; c < rect.c1; c++) if (slotCell[r * nc + c] !== -1) free = false;
    if (!free) continue;
    const index = cells.length;
    cells.push({ ...rect, confidence: rectangular ? 'ok' : 'inferred-merge' });
    for (let r = rect.r0; r < rect.r1; r++) for (let c = rect.c0; c < rect.c1; c++) slotCell[r * nc + c] = index;
  }
  // slots left uncovered by the overlap rule become single cells
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      if (slotCell[r * nc + c] !== -1) continue;
      slotCell[r * nc + c] = cells.length;
      cells.push({ r0: r, c0: c, r1: r + 1, c1: c + 1, confidence: 'inferred-merge' });
    }
  }
  return { xs, ys, cells, slotCell, hasVerticalBorder: hasV };
}

/** Index of the band [bounds[i], bounds[i+1]) containing v, or -1. */
export function bandIndex(bounds: readonly number[], v: number): number {
  if (v < bounds[0]! || v > bounds[bounds.length - 1]!) return -1;
  let lo = 0;
  let hi = bounds.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bounds[mid]! <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
