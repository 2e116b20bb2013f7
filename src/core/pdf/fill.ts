/**
 * Puts text into grid cells by glyph centre. A run crossing a vertical border is first split at
 * that border, so the text of two neighbouring cells is never glued together; everything inside
 * one cell is one value, its wrapped lines joined as a reader would.
 */
import type { CellConfidence } from '../model';
import { closeCjkGaps, closeDigitHanGaps, joinWrappedLines } from '../text/normalize';
import type { Grid } from './grid';
import { bandIndex, columnCount } from './grid';
import { groupLines } from './lines';
import type { RunPiece, TextRun } from './text-runs';
import { splitRun, wholePiece } from './text-runs';

export interface FilledGrid {
  /** text per grid cell (index as grid.cells) */
  texts: string[];
  confidence: CellConfidence[];
  /** per grid cell: points from the cell's left edge to its first line's text (null: empty) */
  indents: (number | null)[];
  /** pieces of text lying outside the grid (titles, notes, narrative) */
  leftovers: RunPiece[];
}

export function fillGrid(grid: Grid, runs: readonly TextRun[]): FilledGrid {
  const nc = columnCount(grid);
  const xs = grid.xs;
  const ys = grid.ys;
  const left = xs[0]!;
  const right = xs[nc]!;
  const perCell: RunPiece[][] = grid.cells.map(() => []);
  const leftovers: RunPiece[] = [];
  for (const run of runs) {
    const cy = (run.box.y0 + run.box.y1) / 2;
    const r = bandIndex(ys, cy);
    if (r < 0 || run.box.x1 <= left || run.box.x0 >= right) {
      leftovers.push(wholePiece(run));
      continue;
    }
    const cuts: number[] = [];
    for (let k = 0; k <= nc; k++) {
      const x = xs[k]!;
      if (x > run.box.x0 && x < run.box.x1 && grid.hasVerticalBorder(k, r)) cuts.push(x);
    }
    for (const piece of splitRun(run, cuts)) {
      const cx = (piece.box.x0 + piece.box.x1) / 2;
      const c = bandIndex(xs, cx);
      if (c < 0) {
        leftovers.push(piece);
        continue;
      }
      perCell[grid.slotCell[r * nc + c]!]!.push(piece);
    }
  }
  const texts: string[] = [];
  const confidence: CellConfidence[] = [];
  const indents: (number | null)[] = [];
  grid.cells.forEach((cell, i) => {
    const pieces = perCell[i]!;
    const lines = groupLines(pieces);
    texts.push(closeDigitHanGaps(closeCjkGaps(joinWrappedLines(lines.map((l) => l.text)))));
    confidence.push(pieces.some((p) => p.ambiguousCut) ? 'split-text' : cell.confidence);
    // the hierarchy of names printed without codes shows only in their indentation
    indents.push(lines[0] ? Math.max(0, Math.round((lines[0].box.x0 - xs[cell.c0]!) * 10) / 10) : null);
  });
  return { texts, confidence, indents, leftovers };
}
