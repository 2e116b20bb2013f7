/**
 * Groups text pieces into visual lines and joins them into text. Items split at font changes
 * (「项」「⽬」「名称」) come back together here by position.
 */
import { isCjkChar } from '../text/normalize';
import type { Box } from './geometry';
import { boxUnion } from './geometry';
import type { RunPiece } from './text-runs';

export interface TextLine {
  pieces: RunPiece[];
  box: Box;
  text: string;
  fontSize: number;
}

/** Pieces that share a line: vertical overlap of at least half the smaller height. */
export function groupLines(pieces: readonly RunPiece[]): TextLine[] {
  const sorted = [...pieces].sort((a, b) => a.box.y0 + a.box.y1 - (b.box.y0 + b.box.y1));
  const lines: { pieces: RunPiece[]; box: Box }[] = [];
  for (const piece of sorted) {
    const h = piece.box.y1 - piece.box.y0;
    let target: { pieces: RunPiece[]; box: Box } | undefined;
    for (let i = lines.length - 1; i >= 0 && i >= lines.length - 4; i--) {
      const line = lines[i]!;
      const lh = line.box.y1 - line.box.y0;
      const ov = Math.min(line.box.y1, piece.box.y1) - Math.max(line.box.y0, piece.box.y0);
      if (ov >= 0.5 * Math.min(h, lh)) {
        target = line;
        break;
      }
    }
    if (target) {
      target.pieces.push(piece);
      target.box = boxUnion(target.box, piece.box);
    } else {
      lines.push({ pieces: [piece], box: { ...piece.box } });
    }
  }
  return lines.map((l) => {
    const ps = l.pieces.sort((a, b) => a.box.x0 - b.box.x0);
    return { pieces: ps, box: l.box, text: joinPieces(ps), fontSize: medianFontSize(ps) };
  });
}

function medianFontSize(pieces: readonly RunPiece[]): number {
  const sizes = pieces.map((p) => p.run.fontSize).sort((a, b) => a - b);
  return sizes[Math.floor(sizes.length / 2)] ?? 10;
}

/**
 * Joins pieces of one line left to right. Chinese never gets a space; between Latin letters or
 * digits a visible gap (more than a quarter em) becomes one space. Overlapping duplicates are skipped.
 */
export function joinPieces(pieces: readonly RunPiece[]): string {
  let out = '';
  let prev: RunPiece | null = null;
  let space: RunPiece | null = null;
  for (const p of pieces) {
    if (!p.text.trim()) {
      if (prev !== null) space = p;
      continue;
    }
    if (space && !out.endsWith(' ') && !isAutospace(space, out[out.length - 1] ?? '', p.text[0] ?? '')) out += ' ';
    space = null;
    if (prev) {
      const gap = p.box.x0 - prev.box.x1;
      const em = Math.max(prev.run.fontSize, p.run.fontSize);
      if (gap < -0.5 * em && p.text === prev.text) continue;
      const last = out[out.length - 1] ?? '';
      const first = p.text[0] ?? '';
      const cjkBoundary = isCjkChar(last) || isCjkChar(first);
      if (gap > (cjkBoundary ? 1.5 : 0.25) * em && last !== ' ') out += ' ';
    }
    out += p.text;
    prev = p;
  }
  return out.replace(/\s+/g, ' ').trim();
}

const HAN = /[\u3400-\u9fff]/u;
const LATIN_OR_DIGIT = /[A-Za-z0-9]/;

/**
 * Word and Writer set a narrow gap between Chinese and Western characters ("3 月底", "单价 50 万元")
 * that pdf.js reports as a space; a reader reads "3月底". A real space is wider than this gap.
 */
function isAutospace(space: RunPiece, before: string, after: string): boolean {
  const mixed = (HAN.test(before) && LATIN_OR_DIGIT.test(after)) || (LATIN_OR_DIGIT.test(before) && HAN.test(after));
  return mixed && space.box.x1 - space.box.x0 < 0.26 * space.run.fontSize;
}

/** Splits a line at wide gaps (two ems or more): "编制部门：…" and "单位：元" printed on one line. */
export function lineSegments(line: TextLine): TextLine[] {
  const out: TextLine[] = [];
  let current: RunPiece[] = [];
  for (const p of line.pieces) {
    const prev = current[current.length - 1];
    if (prev && p.box.x0 - prev.box.x1 > 2 * Math.max(prev.run.fontSize, p.run.fontSize)) {
      out.push(makeLine(current));
      current = [];
    }
    current.push(p);
  }
  if (current.length) out.push(makeLine(current));
  return out;
}

function makeLine(pieces: RunPiece[]): TextLine {
  let box = { ...pieces[0]!.box };
  for (const p of pieces) box = boxUnion(box, p.box);
  return { pieces, box, text: joinPieces(pieces), fontSize: medianFontSize(pieces) };
}
