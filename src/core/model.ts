/**
 * The extracted-document model: what every other part of the tool (review UI,
 * checks, export) consumes. Serialised as-is by the CLI; see docs/extraction-schema.md.
 */

/** Bumped whenever the JSON shape or the extraction output changes meaningfully (cache key). */
export const SCHEMA_VERSION = 1;

/**
 * Version of the extractors' output (PDF, DOCX, XLSX). Part of the parse-cache key with
 * SCHEMA_VERSION: bump it whenever an extractor change alters what a document extracts to, so
 * cached results from the older extractor are re-parsed instead of reused.
 */
export const PARSER_VERSION = 1;

/** [x0, y0, x1, y1] in PDF points, pdf.js user space of the page (origin bottom-left). */
export type BBox = [number, number, number, number];

/** Why the reviewer should look at a cell first. */
export type CellConfidence =
  | 'ok'
  /** a text run crossed a ruling line and was split by glyph position */
  | 'split-text'
  /** the column boundary was guessed from text alignment (no ruling line) */
  | 'guessed-column'
  /** the row boundary was guessed from text lines (no ruling line) */
  | 'guessed-row'
  /** a merge (span) was inferred rather than drawn */
  | 'inferred-merge';

export interface Cell {
  /** Printed text as a reader sees it (wrapped lines joined). */
  text: string;
  /**
   * Amount in hundredths of the printed unit (integer "cents"), e.g. "2,006.90" → 200690,
   * "0.00"/"-"/"--" → 0; null when the text is not an amount (or is empty).
   */
  value: number | null;
  rowSpan: number;
  colSpan: number;
  /** 1-based page number. */
  page: number;
  bbox: BBox;
  confidence: CellConfidence;
}

/** A grid row: exactly `columnCount` entries; positions covered by a span hold null. */
export type GridRow = (Cell | null)[];

export interface Table {
  /** Stable within a document: "t1", "t2", … in reading order. */
  id: string;
  title: string | null;
  /** e.g. "预算01表", "公开03表" */
  code: string | null;
  /** e.g. "万元" */
  unit: string | null;
  /** from "部门名称：…" / "单位名称：…" */
  department: string | null;
  /** [first, last] 1-based pages */
  pages: [number, number];
  /** footnotes ("注：…", "本表无数据") */
  notes: string[];
  columnCount: number;
  header: GridRow[];
  rows: GridRow[];
}

export interface NarrativeBlock {
  page: number;
  bbox: BBox;
  text: string;
}

export interface ExtractedDocument {
  schemaVersion: number;
  source: { path: string; sha256: string; pages: number };
  narrative: NarrativeBlock[];
  tables: Table[];
}
