/**
 * An OCR'd page as the PDF layout analysis sees a text layer: the rulings found in the image and
 * one text run per recognised line, in reading-space points. src/core/pdf's layoutPage then builds
 * the grids, merged cells, headers and tables exactly as for a born-digital page; afterwards
 * `markOcrCells` gives every cell on an OCR'd page its recognition confidence.
 */
import type { BBox, Cell, CellSource, NarrativeBlock, Table } from '../core/model';
import type { Box, Matrix } from '../core/pdf/geometry';
import { invert, toUserBBox } from '../core/pdf/geometry';
import type { PageContent } from '../core/pdf/page-content';
import type { Ruling } from '../core/pdf/rulings';
import type { TextRun } from '../core/pdf/text-runs';
import { estimateEdges } from '../core/pdf/text-runs';
import { isCjkChar } from '../core/text/normalize';
import { assessCell } from './amounts';
import type { PixelBox, PixelRuling } from './raster-grid';

/** A recognised line in reading-space points, with its character probabilities. */
export interface OcrLine {
  text: string;
  probs: number[];
  box: Box;
  /** index of the ruled slot it was read in, -1 outside tables */
  cell: number;
}

/** What the OCR of one page produced: plain data, so it can cross a worker boundary and be cached. */
export interface OcrPageResult {
  pageNumber: number;
  /** reading-space size in points */
  width: number;
  height: number;
  /** viewport transform (scale 1) from PDF user space to reading space */
  userToReading: Matrix;
  rulings: Ruling[];
  lines: OcrLine[];
  skew: number;
  dpi: number;
  /** why the page could not be read (blank, sideways, too small), Chinese and English */
  problem?: { messageZh: string; message: string };
  /** seconds spent on this page */
  seconds: number;
}

/**
 * OCR puts a space wherever glyphs stand apart; a reader sees none between Chinese characters or
 * between Chinese and its punctuation ("八、 社会保障" → "八、社会保障"). Spaces between Latin
 * words and digits are kept.
 */
export function cleanOcrText(text: string): string {
  const chars = Array.from(text.trim().replace(/\s+/g, ' '));
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === ' ') {
      const before = chars[i - 1] ?? '';
      const after = chars[i + 1] ?? '';
      if (isCjkChar(before) || isCjkChar(after) || /[.,:;%)]/.test(after) || /[(]/.test(before)) continue;
    }
    out += ch;
  }
  return out;
}

export function pixelRulingsToPoints(rulings: readonly PixelRuling[], scale: number): Ruling[] {
  return rulings.map((r) => ({ orientation: r.orientation, pos: r.pos / scale, start: r.start / scale, end: r.end / scale }));
}

export function pixelBoxToPoints(b: PixelBox, scale: number): Box {
  return { x0: b.x0 / scale, y0: b.y0 / scale, x1: b.x1 / scale, y1: b.y1 / scale };
}

/** The page content layoutPage reads, built from an OCR result. */
export function ocrPageContent(page: OcrPageResult): PageContent {
  const readingToUser = invert(page.userToReading);
  const runs: TextRun[] = page.lines
    .filter((l) => l.text.trim())
    .map((l) => ({
      text: l.text,
      box: l.box,
      fontSize: Math.max(4, (l.box.y1 - l.box.y0) * 0.95),
      fontName: 'ocr',
      edges: estimateEdges(l.text, l.box.x0, l.box.x1),
      vertical: false,
    }));
  return {
    pageNumber: page.pageNumber,
    width: page.width,
    height: page.height,
    runs,
    rulings: page.rulings,
    images: 1,
    toUser: (box) => toUserBBox(box, readingToUser),
  };
}

function inside(inner: BBox, outer: BBox, slack: number): boolean {
  const cx = (inner[0] + inner[2]) / 2;
  const cy = (inner[1] + inner[3]) / 2;
  return cx >= outer[0] - slack && cx <= outer[2] + slack && cy >= outer[1] - slack && cy <= outer[3] + slack;
}

/** The OCR source and confidence of every cell on OCR'd pages (in place). */
export function markOcrCells(tables: Table[], narrative: NarrativeBlock[], pages: ReadonlyMap<number, OcrPageResult>): void {
  const userLines = new Map<number, { bbox: BBox; line: OcrLine }[]>();
  for (const [n, page] of pages) {
    const toUser = ocrPageContent(page).toUser;
    userLines.set(
      n,
      page.lines.map((line) => ({ bbox: toUser(line.box), line })),
    );
  }
  const mark = (cell: Cell | null, header: boolean): void => {
    if (!cell) return;
    const lines = userLines.get(cell.page);
    if (!lines) return;
    const within = lines.filter((l) => inside(l.bbox, cell.bbox, 1));
    const probs = within.flatMap((l) => l.line.probs);
    const a = assessCell(cell.text, probs, { header });
    const source: CellSource = { kind: 'ocr', confidence: a.confidence, ...(a.flagged ? { flagged: true, reasons: a.reasons } : {}) };
    cell.source = source;
  };
  for (const t of tables) {
    for (const row of t.header) row.forEach((c) => mark(c, true));
    for (const row of t.rows) row.forEach((c) => mark(c, false));
  }
  void narrative;
}
