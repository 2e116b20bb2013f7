/**
 * Where a finding's narrative spans are: the printed lines that hold their characters (to outline
 * on the page) and the marked pieces of a paragraph's text (to highlight in the narrative list).
 */
import type { NarrativeSpan } from '../../../../core/checks/model';
import type { BBox, NarrativeBlock, NarrativeLine } from '../../../../core/model';

/** The lines of the block that hold at least one character of [start, end). */
export function linesCovering(block: NarrativeBlock, span: NarrativeSpan): NarrativeLine[] {
  return (block.lines ?? []).filter((line) => line.start < span.end && line.end > span.start);
}

export interface PageBox {
  page: number;
  bbox: BBox;
}

/** Every printed line of the spans, once each, in reading order. */
export function spanLineBoxes(narrative: readonly NarrativeBlock[], spans: readonly NarrativeSpan[]): PageBox[] {
  const boxes: PageBox[] = [];
  const seen = new Set<string>();
  for (const span of spans) {
    const block = narrative[span.block];
    if (!block) continue;
    for (const line of linesCovering(block, span)) {
      const key = `${span.block}:${line.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      boxes.push({ page: line.page, bbox: line.bbox });
    }
  }
  return boxes;
}

/** The smallest box around the boxes (all on one page). */
export function unionBox(boxes: readonly BBox[]): BBox | null {
  if (boxes.length === 0) return null;
  return boxes.reduce<BBox>((u, b) => [Math.min(u[0], b[0]), Math.min(u[1], b[1]), Math.max(u[2], b[2]), Math.max(u[3], b[3])], [...boxes[0]!] as BBox);
}

export interface TextPiece {
  text: string;
  marked: boolean;
}

/** The block's text cut into plain and marked pieces (overlapping spans merged). */
export function markedPieces(text: string, spans: readonly { start: number; end: number }[]): TextPiece[] {
  const ranges = spans
    .map((s) => [Math.max(0, s.start), Math.min(text.length, s.end)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const [start, end] of merged) {
    if (start > at) pieces.push({ text: text.slice(at, start), marked: false });
    pieces.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}
