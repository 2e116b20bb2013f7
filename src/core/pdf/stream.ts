/**
 * Columns from text alignment, for tables ruled only between rows (or framed without inner
 * verticals): the gaps that stay free of text down the body rows are the column borders; a header
 * word crossing such a gap is a merged header cell. Every cell made here is flagged as guessed.
 */
import type { Box } from './geometry';
import { clusterPositions } from './geometry';
import type { Grid } from './grid';
import { gridFromBorders } from './grid';
import { groupLines } from './lines';
import type { TextLine } from './lines';
import type { RunPiece, TextRun } from './text-runs';
import { wholePiece } from './text-runs';

const AMOUNT_TOKEN = /^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})$|^[-—–−]{1,2}$/;

/** Splits a run into space-separated tokens with their estimated extents. */
export function tokens(run: TextRun): RunPiece[] {
  if (run.vertical || run.edges.length === 0) return [wholePiece(run)];
  const chars = Array.from(run.text);
  const out: RunPiece[] = [];
  let start = -1;
  for (let i = 0; i <= chars.length; i++) {
    const space = i === chars.length || chars[i] === ' ';
    if (!space && start < 0) start = i;
    if (space && start >= 0) {
      out.push({ run, text: chars.slice(start, i).join(''), box: { ...run.box, x0: run.edges[start]!, x1: run.edges[i]! } });
      start = -1;
    }
  }
  return out;
}

function hasAmount(line: TextLine): boolean {
  return line.pieces.some((p) => AMOUNT_TOKEN.test(p.text));
}

/** Row boundaries: the ruled ones, plus splits inside a band that holds several rows of figures. */
function rowBoundaries(ys: number[], lines: readonly TextLine[]): { ys: number[]; guessed: boolean } {
  const out: number[] = [ys[0]!];
  let guessed = false;
  for (let b = 0; b + 1 < ys.length; b++) {
    const top = ys[b]!;
    const bottom = ys[b + 1]!;
    const inBand = lines.filter((l) => {
      const cy = (l.box.y0 + l.box.y1) / 2;
      return cy > top && cy < bottom;
    });
    const anchors = inBand.filter(hasAmount).map((l) => (l.box.y0 + l.box.y1) / 2);
    for (let i = 1; i < anchors.length; i++) {
      out.push((anchors[i - 1]! + anchors[i]!) / 2);
      guessed = true;
    }
    out.push(bottom);
  }
  return { ys: out, guessed };
}

export function buildStreamGrid(box: Box, hPositions: readonly number[], runs: readonly TextRun[]): Grid | null {
  const pieces = runs.flatMap(tokens);
  const lines = groupLines(pieces);
  const ruled = clusterPositions([box.y0, box.y1, ...hPositions], 3);
  const { ys, guessed } = rowBoundaries(ruled, lines);
  const nr = ys.length - 1;
  if (nr < 1) return null;
  const rowOf = (p: RunPiece): number => {
    const cy = (p.box.y0 + p.box.y1) / 2;
    for (let r = 0; r < nr; r++) if (cy >= ys[r]! && cy < ys[r + 1]!) return r;
    return -1;
  };
  const byRow: RunPiece[][] = Array.from({ length: nr }, () => []);
  for (const p of pieces) {
    const r = rowOf(p);
    if (r >= 0) byRow[r]!.push(p);
  }
  const firstData = byRow.findIndex((row) => row.some((p) => AMOUNT_TOKEN.test(p.text)));
  const bodyStart = firstData < 0 ? 0 : firstData;
  // column intervals from the body's tokens
  const intervals = byRow
    .slice(bodyStart)
    .flat()
    .map((p) => [p.box.x0, p.box.x1] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of intervals) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1] + 2) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  if (merged.length < 2) return null;
  const separators = merged.slice(1).map(([a], i) => (merged[i]![1] + a) / 2);
  const xs = [box.x0, ...separators.filter((x) => x > box.x0 + 1 && x < box.x1 - 1), box.x1];
  const crosses = (r: number, x: number): boolean => byRow[r]!.some((p) => p.box.x0 < x - 1 && p.box.x1 > x + 1);
  const grid = gridFromBorders(
    xs,
    ys,
    (k, r) => k === 0 || k === xs.length - 1 || !crosses(r, xs[k]!),
    () => true,
  );
  for (const cell of grid.cells) cell.confidence = guessed ? 'guessed-row' : 'guessed-column';
  return grid;
}
