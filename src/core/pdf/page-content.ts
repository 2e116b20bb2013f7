/**
 * Everything the layout analysis needs from one page, read through pdf.js and moved into reading
 * space (rotation applied, origin top-left): text runs, ruling lines, and the way back to PDF space.
 */
import type { BBox } from '../model';
import type { Box, Matrix } from './geometry';
import { invert, multiply, toUserBBox } from './geometry';
import type { PdfPage } from './pdfjs-types';
import type { OpsTable, Ruling } from './rulings';
import { extractRulings } from './rulings';
import type { FontStyle, RawTextItem, TextRun } from './text-runs';
import { toTextRuns } from './text-runs';

export interface PageContent {
  /** 1-based */
  pageNumber: number;
  width: number;
  height: number;
  runs: TextRun[];
  rulings: Ruling[];
  /** images painted on the page: with no text, the page is a scan (or a pasted picture of a table) */
  images: number;
  toUser(box: Box): BBox;
}

const IMAGE_OPS = ['paintImageXObject', 'paintInlineImageXObject', 'paintImageMaskXObject', 'paintImageXObjectRepeat', 'paintInlineImageXObjectGroup', 'paintImageMaskXObjectGroup', 'paintImageMaskXObjectRepeat', 'paintSolidColorImageMask'];

function countImages(fnArray: ArrayLike<number>, OPS: OpsTable): number {
  const ops = new Set(IMAGE_OPS.map((name) => OPS[name]).filter((op) => op !== undefined));
  let images = 0;
  for (let i = 0; i < fnArray.length; i++) if (ops.has(fnArray[i]!)) images++;
  return images;
}

/**
 * The rotation at which the page's text reads left to right. Usually the page's own /Rotate, but a
 * page may be stored or set sideways (a landscape table on a portrait page): a reader turns it.
 */
function readingRotation(page: PdfPage, items: readonly RawTextItem[]): number {
  const candidates = [0, 90, 180, 270].map((turn) => (page.rotate + turn) % 360);
  let best = candidates[0]!;
  let bestScore = -1;
  for (const rotation of candidates) {
    const m = Array.from(page.getViewport({ scale: 1, rotation }).transform) as Matrix;
    let score = 0;
    for (const item of items) {
      const t = multiply(item.transform as Matrix, m);
      if (t[0] > 0 && Math.abs(t[1]) < 0.1 * t[0]) score += item.str.length;
    }
    if (score > bestScore) {
      best = rotation;
      bestScore = score;
    }
  }
  return best;
}

export async function readPage(page: PdfPage, pageNumber: number, OPS: OpsTable): Promise<PageContent> {
  const [text, ops] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
  const items = text.items.filter((i): i is RawTextItem & typeof i => 'str' in i);
  const viewport = page.getViewport({ scale: 1, rotation: readingRotation(page, items) });
  const userToReading = Array.from(viewport.transform) as Matrix;
  const readingToUser = invert(userToReading);
  const runs = toTextRuns(items, userToReading, text.styles as Record<string, FontStyle>);
  const rulings = extractRulings(ops.fnArray, ops.argsArray, OPS, userToReading);
  return {
    pageNumber,
    width: viewport.width,
    height: viewport.height,
    runs,
    rulings,
    images: countImages(ops.fnArray, OPS),
    toUser: (box) => toUserBBox(box, readingToUser),
  };
}
