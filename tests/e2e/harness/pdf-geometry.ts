/**
 * Page geometry read in Node with pdf.js's legacy build, independently of the app: where a bbox
 * (PDF user space, origin bottom-left) must appear on a page rendered at a given CSS width.
 */
import { readFile } from 'node:fs/promises';
import type { BBox } from '../../../src/core/model';
import { loadPdfjsForNode } from '../../../src/node/pdfjs-node';

/** The page's view box [x0, y0, x1, y1] (unrotated pages). */
export async function pageViewBox(pdfPath: string, page: number): Promise<[number, number, number, number]> {
  const { pdfjs, params } = await loadPdfjsForNode();
  const doc = await pdfjs.getDocument({ data: new Uint8Array(await readFile(pdfPath)), ...params }).promise;
  try {
    const p = await doc.getPage(page);
    if (p.rotate % 360 !== 0) throw new Error('rotated pages are not handled by this helper');
    const [x0, y0, x1, y1] = p.view as [number, number, number, number];
    return [x0, y0, x1, y1];
  } finally {
    await doc.destroy();
  }
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where `bbox` lands on a page drawn into `canvas` (the canvas's on-screen rectangle). */
export function expectedRect(view: [number, number, number, number], canvas: Rect, bbox: BBox): Rect {
  const scale = canvas.width / (view[2] - view[0]);
  return {
    x: canvas.x + (bbox[0] - view[0]) * scale,
    // flip: PDF y grows upwards from the bottom of the view box, screen y downwards from its top
    y: canvas.y + (view[3] - bbox[3]) * scale,
    width: (bbox[2] - bbox[0]) * scale,
    height: (bbox[3] - bbox[1]) * scale,
  };
}

export function center(r: Rect): { x: number; y: number } {
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}
