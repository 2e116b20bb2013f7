import type { BBox } from '../model';

/** An affine transform [a, b, c, d, e, f] as in PDF. */
export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/**
 * A rectangle in the page's reading space: points, origin top-left, y growing downwards, page
 * rotation already applied. All layout analysis works here; only output goes back to PDF space.
 */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The transform that applies m1 first, then m2 (row-vector convention, as PDF's `cm`). */
export function multiply(m1: Matrix, m2: Matrix): Matrix {
  const [a1, b1, c1, d1, e1, f1] = m1;
  const [a2, b2, c2, d2, e2, f2] = m2;
  return [
    a1 * a2 + b1 * c2,
    a1 * b2 + b1 * d2,
    c1 * a2 + d1 * c2,
    c1 * b2 + d1 * d2,
    e1 * a2 + f1 * c2 + e2,
    e1 * b2 + f1 * d2 + f2,
  ];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

export function invert(m: Matrix): Matrix {
  const [a, b, c, d, e, f] = m;
  const det = a * d - b * c;
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
}

export function union(a: BBox, b: BBox): BBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

export function boxUnion(a: Box, b: Box): Box {
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}

export function boxesUnion(boxes: readonly Box[]): Box | null {
  let out: Box | null = null;
  for (const b of boxes) out = out ? boxUnion(out, b) : { ...b };
  return out;
}

/** Overlap of [a0, a1] and [b0, b1] (0 when disjoint). */
export function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

/** Maps a reading-space box to PDF user space [x0, y0, x1, y1] (origin bottom-left), rounded. */
export function toUserBBox(box: Box, readingToUser: Matrix): BBox {
  const [ax, ay] = apply(readingToUser, box.x0, box.y0);
  const [bx, by] = apply(readingToUser, box.x1, box.y1);
  return [round2(Math.min(ax, bx)), round2(Math.min(ay, by)), round2(Math.max(ax, bx)), round2(Math.max(ay, by))];
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function roundBox(b: BBox): BBox {
  return [round2(b[0]), round2(b[1]), round2(b[2]), round2(b[3])];
}

/** Groups sorted numbers whose neighbours are within `tolerance`; returns each group's mean. */
export function clusterPositions(values: readonly number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of sorted) {
    if (group.length && v - group[group.length - 1]! > tolerance) {
      out.push(mean(group));
      group = [];
    }
    group.push(v);
  }
  if (group.length) out.push(mean(group));
  return out;
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}
