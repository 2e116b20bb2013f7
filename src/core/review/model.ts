/**
 * What reviewers and auditors add to a document: cell corrections, annotations and decisions on
 * findings. Shared by the renderer (Dexie), the XLSX export and review packages. Everything is
 * keyed by the file's content hash, so a renamed file keeps its review.
 */

/** A position in an extracted table: `row` indexes `table.rows` (body), `col` the grid column. */
export interface CellRef {
  tableId: string;
  row: number;
  col: number;
}

/**
 * How a cell is found again after the file changes and is parsed anew: by what a reader would
 * use (table title, the row's label, the column's header), not by indexes.
 */
export interface CellAnchor {
  tableTitle: string;
  /** 0-based position among tables with the same title (a document may repeat a table per unit) */
  tableOccurrence: number;
  /** the row's code and/or name as printed (e.g. "2101501 行政运行"); empty for unlabelled rows */
  rowLabel: string;
  /** 0-based position among body rows with the same label */
  rowOccurrence: number;
  /** the column's header path joined with " / " (e.g. "基本支出 / 人员经费") */
  columnHeader: string;
}

/** One append-only entry of the edit log. The cell's current text is the last entry's `after`. */
export interface CellEdit {
  id: string;
  fileHash: string;
  cell: CellRef;
  anchor: CellAnchor;
  before: string;
  after: string;
  reviewer: string;
  /** epoch milliseconds */
  at: number;
  /** 'undo'/'redo' entries restore an earlier state; `revertsId` names the entry they undo/redo */
  op: 'set' | 'undo' | 'redo';
  revertsId?: string;
}

export type AnnotationCategory = 'data-error' | 'text-error' | 'format' | 'question';
export type AnnotationStatus = 'open' | 'resolved' | 'wont-fix';

export type AnnotationTarget =
  | { kind: 'cell'; cell: CellRef; anchor: CellAnchor }
  | { kind: 'range'; tableId: string; rows: [number, number]; cols: [number, number]; anchor: CellAnchor }
  | { kind: 'narrative'; block: number; start: number; end: number; quote: string }
  | { kind: 'page-rect'; page: number; bbox: [number, number, number, number] };

export interface AnnotationReply {
  id: string;
  author: string;
  text: string;
  at: number;
}

export interface Annotation {
  id: string;
  fileHash: string;
  target: AnnotationTarget;
  text: string;
  category: AnnotationCategory;
  status: AnnotationStatus;
  author: string;
  createdAt: number;
  updatedAt: number;
  replies: AnnotationReply[];
  /** set when the annotation was made by confirming a finding */
  findingId?: string;
}

/** A reviewer's decision on an automatic finding; keyed by the finding's stable id. */
export interface FindingDecision {
  fileHash: string;
  findingId: string;
  decision: 'confirmed' | 'dismissed';
  reason?: string;
  by: string;
  at: number;
  annotationId?: string;
  /** the finding's message when decided: a decision follows a changed file only to the very same finding */
  findingMessage?: string;
}

/** The review of one document as a whole, as exported into workbooks and review packages. */
export interface DocumentReview {
  fileHash: string;
  fileName: string;
  edits: CellEdit[];
  annotations: Annotation[];
  decisions: FindingDecision[];
  /** table ids the reviewer marked as reviewed */
  reviewedTables: string[];
}
