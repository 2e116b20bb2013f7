/**
 * Text runs in reading space. A pdf.js text item is a run of glyphs that may cross a cell border
 * (WPS writes "96,282,213.44 一、公共安全支出" as one item), so each run keeps estimated glyph
 * edges: splitting at a ruling needs to know where each character sits.
 */
import { normalizeText, isCjkChar } from '../text/normalize';
import type { Box, Matrix } from './geometry';
import { multiply } from './geometry';

export interface TextRun {
  /** normalised text as a reader sees it */
  text: string;
  box: Box;
  fontSize: number;
  fontName: string;
  /** x of each character's left edge plus the run's right end (length text.length + 1); horizontal runs only */
  edges: number[];
  /** true for text running top-to-bottom in reading space (rotated headers) */
  vertical: boolean;
}

export interface RawTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

export interface FontStyle {
  ascent?: number;
  descent?: number;
}

/** Relative advance of a character in ems, for apportioning a run's measured width. */
export function charWeight(ch: string): number {
  if (isCjkChar(ch)) return 1;
  if (ch === ' ') return 0.28;
  if (/[0-9]/.test(ch)) return 0.55;
  if (/[.,:;'|!]/.test(ch)) return 0.28;
  if (/[()[\]\-]/.test(ch)) return 0.33;
  if (/[A-Z%@#&]/.test(ch)) return 0.68;
  if (/[a-z]/.test(ch)) return 0.5;
  return 0.55;
}

/** Character edges of a run from x0 to x1, apportioned by estimated glyph widths. */
export function estimateEdges(text: string, x0: number, x1: number): number[] {
  const chars = Array.from(text);
  const weights = chars.map(charWeight);
  const total = weights.reduce((s, w) => s + w, 0) || 1;
  const scale = (x1 - x0) / total;
  const edges = [x0];
  let x = x0;
  for (const w of weights) {
    x += w * scale;
    edges.push(x);
  }
  return edges;
}

const DEFAULT_ASCENT = 0.86;
const DEFAULT_DESCENT = 0.14;

/**
 * Converts pdf.js text items into reading-space runs: normalised text, boxes, glyph edges.
 * Whitespace-only items are dropped; glyphs overprinted to fake bold are kept once.
 */
export function toTextRuns(items: readonly RawTextItem[], userToReading: Matrix, styles: Record<string, FontStyle>): TextRun[] {
  const runs: TextRun[] = [];
  const seen = new Map<string, Box[]>();
  for (const item of items) {
    if (!item.str) continue;
    const m = multiply(item.transform as Matrix, userToReading);
    const fontSize = Math.hypot(m[2], m[3]) || item.height || 1;
    // A real space glyph is kept (it separates words a reader sees apart); some producers also
    // emit "spaces" hundreds of ems wide to mark gaps, which carry nothing.
    if (!item.str.trim() && !(Math.abs(item.width) > 0.05 * fontSize && Math.abs(item.width) < 2 * fontSize)) continue;
    const style = styles[item.fontName];
    const ascent = sane(style?.ascent, 0.5, 1.2) ?? DEFAULT_ASCENT;
    const descent = Math.abs(sane(style?.descent, -0.5, 0.5) ?? -DEFAULT_DESCENT);
    const text = Array.from(normalizeText(item.str)).join('');
    const width = Math.abs(item.width);
    const horizontal = Math.abs(m[0]) >= Math.abs(m[1]);
    let box: Box;
    let edges: number[];
    if (horizontal) {
      const dir = m[0] >= 0 ? 1 : -1;
      const xa = m[4];
      const xb = m[4] + dir * width;
      box = { x0: Math.min(xa, xb), x1: Math.max(xa, xb), y0: m[5] - ascent * fontSize, y1: m[5] + descent * fontSize };
      edges = estimateEdges(text, box.x0, box.x1);
    } else {
      const dir = m[1] >= 0 ? 1 : -1;
      const ya = m[5];
      const yb = m[5] + dir * width;
      box = { x0: m[4] - descent * fontSize, x1: m[4] + ascent * fontSize, y0: Math.min(ya, yb), y1: Math.max(ya, yb) };
      edges = [];
    }
    if (isOverprint(seen, text, box)) continue;
    runs.push({ text, box, fontSize, fontName: item.fontName, edges, vertical: !horizontal });
  }
  return runs;
}

function sane(v: number | undefined, min: number, max: number): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max && v !== 0 ? v : undefined;
}

/** Fake bold draws the same text again shifted by a fraction of a point. */
function isOverprint(seen: Map<string, Box[]>, text: string, box: Box): boolean {
  const boxes = seen.get(text);
  if (boxes?.some((b) => Math.abs(b.x0 - box.x0) < 1.5 && Math.abs(b.y0 - box.y0) < 1.5)) return true;
  if (boxes) boxes.push(box);
  else seen.set(text, [box]);
  return false;
}

/** A piece of a run: characters [start, end) of `run`, with their box. */
export interface RunPiece {
  run: TextRun;
  text: string;
  box: Box;
  /** the run was cut at a border where no character boundary or space lined up with it */
  ambiguousCut?: boolean;
}

export function wholePiece(run: TextRun): RunPiece {
  return { run, text: run.text, box: run.box };
}

/**
 * Splits a horizontal run at the given x positions (cell borders crossing it). A cut lands on the
 * character boundary nearest the border, preferring a space within half an em, since producers put
 * the gap between two cells' texts into the run as a space.
 */
export function splitRun(run: TextRun, cuts: readonly number[]): RunPiece[] {
  if (run.vertical || cuts.length === 0 || run.edges.length === 0) return [wholePiece(run)];
  const chars = Array.from(run.text);
  const boundaries: number[] = [];
  let ambiguousCut = false;
  for (const x of cuts) {
    if (x <= run.box.x0 + 0.5 || x >= run.box.x1 - 0.5) continue;
    let best = -1;
    let bestDist = Infinity;
    for (let i = 1; i < chars.length; i++) {
      const d = Math.abs(run.edges[i]! - x);
      if (d < bestDist) {
        bestDist = d;
        best = i;
      }
    }
    const spaceNear = nearestSpaceBoundary(chars, run.edges, x, run.fontSize * 0.75);
    if (spaceNear >= 0) best = spaceNear;
    else if (bestDist > 0.35 * run.fontSize) ambiguousCut = true;
    if (best > 0 && best < chars.length) boundaries.push(best);
  }
  const unique = [...new Set(boundaries)].sort((a, b) => a - b);
  const pieces: RunPiece[] = [];
  let start = 0;
  for (const end of [...unique, chars.length]) {
    const text = chars.slice(start, end).join('').trim();
    if (text) {
      pieces.push({ run, text, box: { ...run.box, x0: run.edges[start]!, x1: run.edges[end]! }, ambiguousCut });
    }
    start = end;
  }
  return pieces;
}

/** Index of the boundary next to a space character closest to x (within maxDist), or -1. */
function nearestSpaceBoundary(chars: string[], edges: number[], x: number, maxDist: number): number {
  let best = -1;
  let bestDist = maxDist;
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] !== ' ') continue;
    const mid = (edges[i]! + edges[i + 1]!) / 2;
    const d = Math.abs(mid - x);
    if (d <= bestDist) {
      bestDist = d;
      best = mid > x ? i : i + 1;
    }
  }
  return best;
}
