/**
 * Everything the layout analysis needs from one page, read through pdf.js and moved into reading
 * space (rotation applied, origin top-left): text runs, ruling lines, and the way back to PDF space.
 */
import type { BBox } from '../model';
import type { Box, Matrix } from './geometry';
import { invert, toUserBBox } from './geometry';
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
  toUser(box: Box): BBox;
}

export async function readPage(page: PdfPage, pageNumber: number, OPS: OpsTable): Promise<PageContent> {
  const viewport = page.getViewport({ scale: 1 });
  const userToReading = Array.from(viewport.transform) as Matrix;
  const readingToUser = invert(userToReading);
  const [text, ops] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
  const items = text.items.filter((i): i is RawTextItem & typeof i => 'str' in i);
  const runs = toTextRuns(items, userToReading, text.styles as Record<string, FontStyle>);
  const rulings = extractRulings(ops.fnArray, ops.argsArray, OPS, userToReading);
  return {
    pageNumber,
    width: viewport.width,
    height: viewport.height,
    runs,
    rulings,
    toUser: (box) => toUserBBox(box, readingToUser),
  };
}
