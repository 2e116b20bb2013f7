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
export const PARSER_VERSION = 3;

/**
 * [x0, y0, x1, y1] in PDF points, pdf.js user space of the page (origin bottom-left).
 * DOCX/XLSX have no page geometry: there a cell's bbox is its box in the source grid,
 * [firstCol, firstRow, lastCol + 1, lastRow + 1] (0-based table grid for DOCX, 1-based sheet
 * rows/columns for XLSX), and `source` gives the exact location (docs/office-formats.md).
 */
export type BBox = [number, number, number, number];

/** The file format a document was extracted from. */
export type SourceFormat = 'pdf' | 'docx' | 'xlsx';

/**
 * Where a cell sits in a DOCX/XLSX file, so the source view can highlight it in the rendered
 * document. Absent for PDF cells (page + bbox say it there). See docs/office-formats.md.
 */
export type CellSource =
  | {
      kind: 'docx';
      /** 0-based index of the w:tbl among all w:tbl of word/document.xml in document order (nested ones counted) */
      table: number;
      /** 0-based index of the w:tr within that w:tbl */
      row: number;
      /** 0-based grid column (w:tblGrid) where the cell starts */
      col: number;
      /** 0-based index of the w:tc within the w:tr; null for grid positions no w:tc covers */
      cell: number | null;
    }
  | {
      kind: 'xlsx';
      /** worksheet name as shown on its tab */
      sheet: string;
      /** 1-based worksheet position in the workbook (hidden sheets counted) */
      sheetIndex: number;
      /** 1-based row and column of the (master) cell, as Excel numbers them */
      row: number;
      col: number;
      /** A1-style address of the (master) cell, e.g. "B3" */
      address: string;
    }
  | {
      /** PDF page read from its image by OCR (docs/ocr.md): page + bbox locate the cell */
      kind: 'ocr';
      /** lowest recognition probability of the cell's characters, 0–1 (1 for an empty cell) */
      confidence: number;
      /** the clerk must check this cell: an uncertain character or a malformed figure */
      flagged?: true;
      /** why it is flagged: low-probability, ambiguous-character, separator-groups, decimal-places, foreign-character */
      reasons?: string[];
    };

/** Where a narrative block sits in a DOCX/XLSX file (absent for PDF). */
export type BlockSource =
  | {
      kind: 'docx';
      /** 0-based index of the w:p among all w:p of word/document.xml in document order (those in tables counted) */
      paragraph: number;
    }
  | { kind: 'xlsx'; sheet: string; sheetIndex: number; row: number; col: number; address: string };

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
  /**
   * PDF text cells: points from the cell's left edge to the text (its first line). Names printed
   * without codes show their 类/款/项 level only by this indentation.
   */
  indent?: number;
  /** DOCX/XLSX only: the cell's location in the source file. */
  source?: CellSource;
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
  /** other heading lines printed with the table (预算年度：2025, 截止时间：2025-12-31, (2025年度)) */
  meta?: string[];
  columnCount: number;
  header: GridRow[];
  rows: GridRow[];
}

/** Where one printed line of a paragraph sits, and which characters of the paragraph it holds. */
export interface NarrativeLine {
  page: number;
  bbox: BBox;
  /** [start, end) offsets into the block's text */
  start: number;
  end: number;
}

/** A paragraph of the narrative; `page`/`bbox` are those of its first page (paragraphs may continue over a page break). */
export interface NarrativeBlock {
  page: number;
  bbox: BBox;
  text: string;
  /** PDF only: the paragraph's printed lines, so a sentence can be highlighted exactly. */
  lines?: NarrativeLine[];
  /** DOCX/XLSX only: the block's location in the source file. */
  source?: BlockSource;
}

/** PDF pages read by OCR (docs/ocr.md), and those that could not be read from their image. */
export interface OcrSummary {
  /** 1-based pages whose tables and text come from OCR */
  pages: number[];
  engine: string;
  dpi: number;
  /** pages OCR could not read (blank, sideways, too small), with the reason */
  problems: { page: number; messageZh: string; message: string }[];
}

export interface ExtractedDocument {
  schemaVersion: number;
  /**
   * `pages`: PDF pages; 1 for DOCX; the number of worksheets for XLSX. `format` absent means PDF.
   * `imageOnlyPages`: PDF pages with pictures but no text (scanned, or a table pasted as an image):
   * nothing on them was extracted or checked.
   */
  source: { path: string; sha256: string; pages: number; format?: SourceFormat; imageOnlyPages?: number[]; ocr?: OcrSummary };
  narrative: NarrativeBlock[];
  tables: Table[];
}
