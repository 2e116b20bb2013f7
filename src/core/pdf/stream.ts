/**
 * Columns from text alignment, for tables ruled only between rows (WPS-style) or framed without
 * inner verticals: the gaps that stay free of text down the body rows are the column borders. In
 * the header, a word crossing such a gap, or a short rule underlining a group of columns, makes a
 * merged header cell. Every cell made here is flagged as guessed.
 */
import type { Box } from './geometry';
import { boxUnion, clusterPositions } from './geometry';
import type { Grid } from './grid';
import { gridFromBorders } from './grid';
import { groupLines } from './lines';
import type { TextLine } from './lines';
import type { Ruling } from './rulings';
import type { RunPiece, TextRun } from './text-runs';
import { wholePiece } from './text-runs';

const AMOUNT_TOKEN = /^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})$|^[-—–−]{1,2}$/;
const TOL = 3;

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

/** Joins pieces that touch on a line (one word split at a font change) so alignment sees words. */
function words(pieces: readonly RunPiece[]): RunPiece[] {
  const out: RunPiece[] = [];
  for (const line of groupLines(pieces)) {
    let current: RunPiece | null = null;
    for (const p of line.pieces) {
      if (current && p.box.x0 - current.box.x1 < 0.25 * p.run.fontSize) {
        current = { run: current.run, text: current.text + p.text, box: boxUnion(current.box, p.box) };
      } else {
        if (current) out.push(current);
        current = p;
      }
    }
    if (current) out.push(current);
  }
  return out;
}

function hasAmount(line: TextLine): boolean {
  return line.pieces.some((p) => AMOUNT_TOKEN.test(p.text));
}

/**
 * Where one row of figures ends and the next begins. Lines between them that hold only text
 * (a wrapped name) go with the row they are closer to by spacing: at the widest gap between
 * the lines; when the spacing is even, a line directly below a row of figures continues it.
 */
function splitBetween(a: TextLine, b: TextLine, inBand: readonly TextLine[], ya: number, yb: number): number {
  const between = inBand.filter((l) => l !== a && l !== b && l.box.y0 >= a.box.y1 - 1 && l.box.y1 <= b.box.y0 + 1).sort((x, y) => x.box.y0 - y.box.y0);
  if (between.length === 0) return (ya + yb) / 2;
  const stack = [a, ...between, b];
  let best = stack.length - 2;
  let widest = -Infinity;
  for (let k = 0; k + 1 < stack.length; k++) {
    const gap = stack[k + 1]!.box.y0 - stack[k]!.box.y1;
    // a clearly wider gap (by a third of a line) separates rows; otherwise the last gap wins
    if (gap > widest + 0.33 * (stack[k]!.box.y1 - stack[k]!.box.y0)) {
      widest = gap;
      best = k;
    } else if (gap >= widest - 0.33 * (stack[k]!.box.y1 - stack[k]!.box.y0)) {
      best = k;
      widest = Math.max(widest, gap);
    }
  }
  return (stack[best]!.box.y1 + stack[best + 1]!.box.y0) / 2;
}

/** Row boundaries: the ruled ones, plus splits inside a band that holds several rows of figures. */
function rowBoundaries(ys: number[], lines: readonly TextLine[], unruled: boolean): { ys: number[]; virtual: Set<number> } {
  const out: number[] = [ys[0]!];
  const virtual = new Set<number>();
  for (let b = 0; b + 1 < ys.length; b++) {
    const top = ys[b]!;
    const bottom = ys[b + 1]!;
    const inBand = lines.filter((l) => {
      const cy = (l.box.y0 + l.box.y1) / 2;
      return cy > top && cy < bottom;
    });
    const anchorLines = inBand.filter(hasAmount);
    const anchors = anchorLines.map((l) => (l.box.y0 + l.box.y1) / 2);
    // without any rule, the column titles above the first row of figures are a row of their own
    const firstAnchor = anchorLines[0];
    const titles = firstAnchor ? inBand.filter((l) => l.box.y1 <= firstAnchor.box.y0 + 1) : [];
    if (unruled && firstAnchor && titles.length) {
      out.push((Math.max(...titles.map((l) => l.box.y1)) + firstAnchor.box.y0) / 2);
      virtual.add(out.length - 1);
    }
    for (let i = 1; i < anchorLines.length; i++) {
      out.push(splitBetween(anchorLines[i - 1]!, anchorLines[i]!, inBand, anchors[i - 1]!, anchors[i]!));
      virtual.add(out.length - 1);
    }
    out.push(bottom);
  }
  return { ys: out, virtual };
}

/** Merged x-intervals of a set of pieces. */
function intervals(pieces: readonly RunPiece[]): [number, number][] {
  const sorted = pieces.map((p) => [p.box.x0, p.box.x1] as [number, number]).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1] + 2) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

function coverage(h: readonly Ruling[], y: number, a: number, b: number): number {
  let covered = 0;
  for (const r of h) if (Math.abs(r.pos - y) <= TOL) covered += Math.max(0, Math.min(r.end, b) - Math.max(r.start, a));
  return covered / Math.max(b - a, 0.01);
}

/**
 * A column border somewhere in the gap [g0, g1] the body leaves free; header titles are often
 * wider than their column's figures, so the border goes where the titles leave the gap free too.
 */
function placeSeparator(g0: number, g1: number, header: readonly RunPiece[]): number {
  let free: [number, number][] = [[g0, g1]];
  for (const p of header) {
    free = free.flatMap(([a, b]): [number, number][] => {
      if (p.box.x1 <= a || p.box.x0 >= b) return [[a, b]];
      return ([[a, p.box.x0], [p.box.x1, b]] as [number, number][]).filter(([x, y]) => y - x > 0.5);
    });
  }
  const widest = free.sort((x, y) => y[1] - y[0] - (x[1] - x[0]))[0];
  return widest ? (widest[0] + widest[1]) / 2 : (g0 + g1) / 2;
}

function columnOf(xs: readonly number[], x: number): number {
  for (let c = 0; c + 1 < xs.length; c++) if (x >= xs[c]! && x < xs[c + 1]!) return c;
  return -1;
}

const centre = (p: RunPiece): number => (p.box.x0 + p.box.x1) / 2;

/**
 * Where a header band holds two rows of column titles without a rule between them: in some
 * column a title sits above another that does not continue it (a wrapped title keeps its centre
 * or its left edge). Titles standing across the split line span both rows.
 */
function splitHeaderBands(ys: readonly number[], byRow: readonly RunPiece[][], bodyStart: number, xs: readonly number[]): { y: number; blocked: Set<number> }[] {
  const splits: { y: number; blocked: Set<number> }[] = [];
  for (let r = 0; r < bodyStart; r++) {
    const gaps: [number, number][] = [];
    for (let c = 0; c + 1 < xs.length; c++) {
      const inColumn = byRow[r]!.filter((p) => columnOf(xs, centre(p)) === c).sort((a, b) => a.box.y0 - b.box.y0);
      for (let i = 1; i < inColumn.length; i++) {
        const upper = inColumn[i - 1]!;
        const lower = inColumn[i]!;
        if (lower.box.y0 < upper.box.y1 - 1) continue; // same line
        const em = upper.run.fontSize;
        const wrapped = Math.abs(centre(upper) - centre(lower)) <= 0.6 * em || Math.abs(upper.box.x0 - lower.box.x0) <= 0.6 * em;
        if (!wrapped) gaps.push([upper.box.y1, lower.box.y0]);
      }
    }
    if (!gaps.length) continue;
    // one split where the gaps agree
    const lo = Math.max(...gaps.map((g) => g[0]));
    const hi = Math.min(...gaps.map((g) => g[1]));
    const y = lo <= hi ? (lo + hi) / 2 : (gaps[0]![0] + gaps[0]![1]) / 2;
    const blocked = new Set<number>();
    for (const p of byRow[r]!) {
      const above = y - p.box.y0;
      const below = p.box.y1 - y;
      const h = p.box.y1 - p.box.y0;
      if (above > 0.2 * h && below > 0.2 * h) {
        for (let c = 0; c + 1 < xs.length; c++) if (p.box.x1 > xs[c]! && p.box.x0 < xs[c + 1]!) blocked.add(c);
      }
    }
    splits.push({ y, blocked });
  }
  return splits;
}

/**
 * A header title centred over several columns whose cells in its row are otherwise empty spans
 * them (本年收入 over 小计 / 财政拨款收入 / 事业收入). Returns whether the border at xs[k] in row r
 * is inside such a span.
 */
function headerSpans(
  rows: readonly RunPiece[][],
  headerRows: number,
  xs: readonly number[],
  /** columns of row r held by a title from the row above that spans down into it */
  heldFromAbove: (r: number) => ReadonlySet<number>,
): (r: number, k: number) => boolean {
  const inside = new Set<string>();
  const nc = xs.length - 1;
  for (let r = 0; r < headerRows; r++) {
    const held = heldFromAbove(r);
    for (const p of rows[r]!) {
      // columns taken by the other titles of the row (or by a title spanning down from above)
      const occupied = Array.from({ length: nc }, (_, c) => held.has(c) || rows[r]!.some((q) => q !== p && columnOf(xs, centre(q)) === c));
      const home = columnOf(xs, centre(p));
      if (home < 0) continue;
      let best: [number, number] = [home, home];
      let bestDist = Math.abs(centre(p) - (xs[home]! + xs[home + 1]!) / 2);
      for (let a = home; a >= 0 && (a === home || !occupied[a]); a--) {
        for (let b = home; b < nc && (b === home || !occupied[b]); b++) {
          const d = Math.abs(centre(p) - (xs[a]! + xs[b + 1]!) / 2);
          if (d < bestDist - 1) {
            best = [a, b];
            bestDist = d;
          }
        }
      }
      for (let k = best[0] + 1; k <= best[1]; k++) inside.add(`${r}:${k}`);
    }
  }
  return (r, k) => inside.has(`${r}:${k}`);
}

const AMOUNT_SEGMENT = /^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{1,2}$/;

/** Pieces of a line separated by gaps of at least 1.5 em: the cells of an unruled row. */
function segments(line: TextLine): RunPiece[][] {
  const out: RunPiece[][] = [];
  for (const p of line.pieces) {
    const current = out[out.length - 1];
    const prev = current?.[current.length - 1];
    if (current && prev && p.box.x0 - prev.box.x1 < 1.5 * p.run.fontSize) current.push(p);
    else out.push([p]);
  }
  return out;
}

/**
 * Tables printed with no rules at all: at least three consecutive lines of aligned cells with
 * figures, plus the column titles just above them. Returns their boxes in reading space.
 */
export function findUnruledTables(runs: readonly TextRun[], isHeading: (text: string) => boolean): Box[] {
  const lines = groupLines(words(runs.flatMap(tokens)));
  const tabular = lines.map((l) => {
    const segs = segments(l);
    const amounts = segs.filter((seg) => seg.length === 1 && AMOUNT_SEGMENT.test(seg[0]!.text)).length;
    return segs.length >= 3 && amounts >= 1 && !/[。；]/.test(l.text);
  });
  const boxes: Box[] = [];
  for (let i = 0; i < lines.length; ) {
    if (!tabular[i]) {
      i++;
      continue;
    }
    let j = i;
    let rows = 1;
    const pitch = (k: number): number => lines[k + 1]!.box.y0 - lines[k]!.box.y1;
    const close = (k: number): boolean => pitch(k) < 2.2 * (lines[k]!.box.y1 - lines[k]!.box.y0);
    // a wrapped name's rest on a line of its own (no figures, no code), under the first column
    const continuation = (k: number): boolean => {
      const line = lines[k]!;
      const em = line.fontSize;
      return segments(line).length === 1 && !hasAmount(line) && !/^\d/.test(line.text) && !/[。；，]/.test(line.text) && Math.abs(line.box.x0 - lines[i]!.box.x0) < 2 * em;
    };
    for (;;) {
      if (j + 1 < lines.length && tabular[j + 1] && close(j)) {
        j++;
        rows++;
      } else if (j + 2 < lines.length && continuation(j + 1) && tabular[j + 2] && close(j) && close(j + 1)) {
        j += 2;
        rows++;
      } else break;
    }
    if (rows >= 3) {
      let start = i;
      for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
        const line = lines[k]!;
        const gap = lines[k + 1]!.box.y0 - line.box.y1;
        if (gap > 2 * (line.box.y1 - line.box.y0) || segments(line).length < 2 || /[。；，]/.test(line.text) || isHeading(line.text)) break;
        start = k;
      }
      let box = { ...lines[start]!.box };
      for (let k = start; k <= j; k++) box = boxUnion(box, lines[k]!.box);
      boxes.push({ x0: box.x0 - 1, y0: box.y0 - 1, x1: box.x1 + 1, y1: box.y1 + 1 });
    }
    i = j + 1;
  }
  return boxes;
}

export function buildStreamGrid(box: Box, h: readonly Ruling[], runs: readonly TextRun[]): Grid | null {
  const pieces = words(runs.flatMap(tokens));
  const lines = groupLines(pieces);
  const ruled = clusterPositions([box.y0, box.y1, ...h.map((r) => r.pos)], TOL);
  const { ys, virtual } = rowBoundaries(ruled, lines, h.length === 0);
  const nr = ys.length - 1;
  if (nr < 1) return null;
  const byRow: RunPiece[][] = Array.from({ length: nr }, () => []);
  for (const p of pieces) {
    const cy = (p.box.y0 + p.box.y1) / 2;
    for (let r = 0; r < nr; r++) {
      if (cy >= ys[r]! && cy < ys[r + 1]!) {
        byRow[r]!.push(p);
        break;
      }
    }
  }
  const firstData = byRow.findIndex((row) => row.some((p) => AMOUNT_TOKEN.test(p.text)));
  const bodyStart = firstData < 0 ? 0 : firstData;
  // columns: where the body's text runs, plus header words above columns the body leaves empty
  const body = intervals(byRow.slice(bodyStart).flat());
  // (a title a little beside right-aligned figures still heads their column, unless another title does)
  const titles = byRow.slice(0, bodyStart).flat();
  const gapTo = (a: number, b: number, [c, d]: [number, number]): number => Math.max(0, c - b, a - d);
  const headerOnly = intervals(titles).filter(([a, b]) => {
    if (body.some(([c, d]) => a < d + 2 && c < b + 2)) return false;
    const nearest = [...body].sort((x, y) => gapTo(a, b, x) - gapTo(a, b, y))[0];
    if (!nearest) return true;
    const own = gapTo(a, b, nearest);
    return titles.some((t) => !(t.box.x0 >= a && t.box.x1 <= b) && gapTo(t.box.x0, t.box.x1, nearest) < own);
  });
  const columns = [...body, ...headerOnly].sort((a, b) => a[0] - b[0]);
  if (columns.length < 2) return null;
  const headerWords = byRow.slice(0, bodyStart).flat();
  const separators = columns.slice(1).map(([a], i) => placeSeparator(columns[i]![1], a, headerWords));
  const xs = [box.x0, ...separators.filter((x) => x > box.x0 + 1 && x < box.x1 - 1), box.x1];
  const nc = xs.length - 1;

  // header bands may hold two header rows with no rule between them
  const headerSplits = splitHeaderBands(ys, byRow, bodyStart, xs);
  const allYs = [...ys, ...headerSplits.map((s) => s.y)].sort((a, b) => a - b);
  const splitAt = new Map(headerSplits.map((s) => [allYs.indexOf(s.y), s]));
  const rowsOf: RunPiece[][] = Array.from({ length: allYs.length - 1 }, () => []);
  for (const p of pieces) {
    const cy = (p.box.y0 + p.box.y1) / 2;
    for (let r = 0; r + 1 < allYs.length; r++) {
      if (cy >= allYs[r]! && cy < allYs[r + 1]!) {
        // a title standing across a header split belongs to the row where its cell starts
        const split = splitAt.get(r);
        const straddles = split !== undefined && p.box.y0 < allYs[r]! - 0.2 * (p.box.y1 - p.box.y0);
        rowsOf[straddles ? r - 1 : r]!.push(p);
        break;
      }
    }
  }
  const nRows = allYs.length - 1;
  const headerRows = allYs.findIndex((y) => Math.abs(y - ys[bodyStart]!) < 0.01);
  const crosses = (r: number, x: number): boolean => rowsOf[r]!.some((p) => p.box.x0 < x - 1 && p.box.x1 > x + 1);
  /** A short rule under one header title spanning several columns marks it as one merged cell. */
  const underlined = (r: number, x: number): boolean => {
    if (r >= headerRows) return false;
    const y = allYs[r + 1]!;
    return h.some((rule) => {
      if (Math.abs(rule.pos - y) > TOL || rule.start >= x - TOL || rule.end <= x + TOL || rule.end - rule.start >= box.x1 - box.x0 - 2 * TOL) return false;
      const above = new Set(rowsOf[r]!.filter((p) => centre(p) > rule.start && centre(p) < rule.end).map((p) => columnOf(xs, centre(p))));
      return above.size <= 1;
    });
  };
  const centredOver = headerSpans(rowsOf, headerRows, xs, (r) => splitAt.get(r)?.blocked ?? new Set<number>());
  const virtualIndex = new Set([...virtual].map((k) => allYs.indexOf(ys[k]!)));
  const grid = gridFromBorders(
    xs,
    allYs,
    (k, r) => k === 0 || k === nc || !(crosses(r, xs[k]!) || underlined(r, xs[k]!) || centredOver(r, k)),
    (k, c) => {
      // body rows always start afresh, whatever rules the producer drew under the header
      if (k === 0 || k === nRows || k >= headerRows || virtualIndex.has(k)) return true;
      const split = splitAt.get(k);
      if (split) return !split.blocked.has(c);
      return coverage(h, allYs[k]!, xs[c]!, xs[c + 1]!) >= 0.5;
    },
  );
  for (const cell of grid.cells) cell.confidence = virtual.size || headerSplits.length ? 'guessed-row' : 'guessed-column';
  return grid;
}
