/**
 * What every sheet of one workbook needs to know about the document and its review, computed
 * once: the edited copy, the current edit per cell, which cells differ from print, the
 * annotations per cell, and (filled while the table sheets are written) where each table landed.
 */
import type { Finding } from '../core/checks/model';
import type { ExtractedDocument, Table } from '../core/model';
import { applyEdits, cellKey, latestEdits } from '../core/review/edits';
import type { Annotation, CellEdit, CellRef, DocumentReview, FindingDecision } from '../core/review/model';
import { headerPaths } from './columns';
import { internalLink } from './sheet-names';

export interface TableLayout {
  table: Table;
  sheet: string;
  /** 1-based worksheet row of body row 0 */
  bodyStart: number;
}

export interface ExportContext {
  /** as parsed (printed values) */
  document: ExtractedDocument;
  /** with the review's edits applied */
  edited: ExtractedDocument;
  review: DocumentReview;
  findings: Finding[];
  /** latest edit per cell key */
  latest: Map<string, CellEdit>;
  editCounts: Map<string, number>;
  /** cell keys whose current text differs from the printed text */
  corrected: Set<string>;
  /** annotations on a cell or range, by the key of every cell they cover */
  annotationsByCell: Map<string, Annotation[]>;
  decisions: Map<string, FindingDecision>;
  layouts: Map<string, TableLayout>;
}

export function createContext(document: ExtractedDocument, review: DocumentReview, findings: Finding[]): ExportContext {
  const latest = latestEdits(review.edits);
  const editCounts = new Map<string, number>();
  for (const e of review.edits) editCounts.set(cellKey(e.cell), (editCounts.get(cellKey(e.cell)) ?? 0) + 1);
  const tables = new Map(document.tables.map((t) => [t.id, t]));
  const corrected = new Set<string>();
  for (const [key, e] of latest) {
    const cell = tables.get(e.cell.tableId)?.rows[e.cell.row]?.[e.cell.col];
    if (cell && cell.text !== e.after) corrected.add(key);
  }
  const annotationsByCell = new Map<string, Annotation[]>();
  const add = (ref: CellRef, a: Annotation): void => {
    const key = cellKey(ref);
    const list = annotationsByCell.get(key);
    if (list) list.push(a);
    else annotationsByCell.set(key, [a]);
  };
  for (const a of review.annotations) {
    if (a.target.kind === 'cell') add(a.target.cell, a);
    else if (a.target.kind === 'range') {
      const { tableId, rows, cols } = a.target;
      for (let row = rows[0]; row <= rows[1]; row++) for (let col = cols[0]; col <= cols[1]; col++) add({ tableId, row, col }, a);
    }
  }
  return {
    document,
    edited: applyEdits(document, review.edits),
    review,
    findings,
    latest,
    editCounts,
    corrected,
    annotationsByCell,
    decisions: new Map(review.decisions.map((d) => [d.findingId, d])),
    layouts: new Map(),
  };
}

/** 1 → A, 27 → AA */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

export interface Location {
  sheet: string;
  /** e.g. "C12" */
  address: string;
  /** "#'Sheet'!C12" */
  link: string;
  /** what a reader calls the cell: row label and column header */
  description: string;
}

const ROW_NUMBER_HEADER = /行次|序号/;

/**
 * The printed label of a cell's row: the text cells (code and name) just left of the cell, so a
 * side-by-side table (人员经费 | 公用经费, 收入 | 支出) names the right half's own row, e.g.
 * "30201 办公费". 行次/序号 numbers are skipped. Empty for a label cell itself.
 */
export function rowLabel(table: Table, row: number, col = table.columnCount): string {
  const cells = table.rows[row] ?? [];
  const skip = headerPaths(table).map((path) => path.some((t) => ROW_NUMBER_HEADER.test(t)));
  const parts: string[] = [];
  for (let c = Math.min(col, cells.length) - 1; c >= 0; c--) {
    const cell = cells[c];
    if (!cell || skip[c]) continue;
    const text = cell.text.trim();
    const isLabel = text !== '' && (cell.value === null || /^\d{3,}$/.test(text));
    if (!isLabel) {
      if (parts.length > 0) break;
      continue;
    }
    parts.unshift(text);
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}

export function columnHeader(table: Table, col: number): string {
  const path = headerPaths(table)[col] ?? [];
  return path.filter((t, i) => path.indexOf(t) === i).join(' / ');
}

export function locate(ctx: ExportContext, tableId: string, row: number, col: number): Location | null {
  const layout = ctx.layouts.get(tableId);
  if (!layout || row < 0 || row >= layout.table.rows.length || col < 0 || col >= layout.table.columnCount) return null;
  const address = `${columnLetter(col + 1)}${layout.bodyStart + row}`;
  const table = ctx.edited.tables.find((t) => t.id === tableId) ?? layout.table;
  const what = [rowLabel(table, row, col), columnHeader(table, col)].filter(Boolean).join(' · ');
  return { sheet: layout.sheet, address, link: internalLink(layout.sheet, address), description: what };
}
