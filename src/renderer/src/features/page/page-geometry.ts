/** PDF user space (origin bottom-left, points) ↔ the rendered page (CSS pixels, origin top-left). */
import type { BBox } from '../../../../core/model';

/** The slice of pdf.js's PageViewport used here. */
export interface ViewportLike {
  convertToViewportRectangle(rect: number[]): number[];
  convertToPdfPoint(x: number, y: number): number[];
}

export interface ScreenRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A bbox as a rectangle on the rendered page (the viewport flips y and applies scale/rotation). */
export function bboxToScreen(viewport: ViewportLike, bbox: BBox): ScreenRect {
  const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = viewport.convertToViewportRectangle(bbox);
  return { left: Math.min(x1, x2), top: Math.min(y1, y2), width: Math.abs(x2 - x1), height: Math.abs(y2 - y1) };
}

export function screenToPdf(viewport: ViewportLike, x: number, y: number): [number, number] {
  const [px = 0, py = 0] = viewport.convertToPdfPoint(x, y);
  return [px, py];
}
