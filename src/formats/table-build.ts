/**
 * Turns a source grid (Word table or sheet range, spans already explicit) into a model Table:
 * leading rows that only carry the title/code/department/unit become attributes, trailing
 * footnote rows become notes, and the header is the rows the author marked as repeating header
 * (DOCX w:tblHeader, XLSX print titles) or else is inferred by the PDF extractor's own rule
 * (src/core/table/header-rows.ts), so a table reads the same whatever format it came in.
 */
import type { BBox, Cell, CellSource, GridRow, Table } from '../core/model';
import { cellValue, detectHeaderRows } from '../core/table/header-rows';
import type { TableAttributes } from '../core/table/attributes';
import { classifyField, isNoteText, looksLikeTitle, mergeAttributes, parseAttributeFields } from '../core/table/attributes';

export interface SourceCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  bbox: BBox;
  source?: CellSource;
}

/** Every row has `columnCount` entries; positions covered by a span hold null. */
export interface SourceGrid {
  columnCount: number;
  rows: (SourceCell | null)[][];
  /** rows the author marked as repeating header rows, counted from the top (0: none) */
  markedHeaderRows: number;
  page: number;
}

export interface BuiltTable {
  attributes: TableAttributes;
  notes: string[];
  columnCount: number;
  header: GridRow[];
  rows: GridRow[];
  /** columns whose header names codes or row numbers (their numbers are not amounts) */
  identifier: boolean[];
}

/** The cell shape the PDF extractor's header rule reads (grid position, spans, text). */
interface GridCell {
  r0: number;
  c0: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  box: { x0: number; y0: number; x1: number; y1: number };
  confidence: 'ok';
}

/** Header paths naming codes or row/column numbers: their numbers are not amounts (as for PDF). */
const IDENTIFIER_HEADER = /编码|代码|编号|行次|栏次|序号|^类$|^款$|^项$/;

function rowCells(row: readonly (SourceCell | null)[]): SourceCell[] {
  return row.filter((c): c is SourceCell => c !== null);
}

function filledCells(row: readonly (SourceCell | null)[]): SourceCell[] {
  return rowCells(row).filter((c) => c.text !== '');
}

/** A row that only carries attributes: 部门/单位/年度/code fields, or the title merged across the top. */
function attributeRow(row: readonly (SourceCell | null)[], columnCount: number, titleAllowed: boolean): TableAttributes | undefined {
  const cells = filledCells(row);
  if (cells.length === 0 || rowCells(row).some((c) => c.rowSpan > 1)) return undefined;
  if (cells.some((c) => cellValue(c.text, false) !== null)) return undefined;
  const attrs = parseAttributeFields(cells.map((c) => c.text));
  if (attrs) return attrs;
  const only = cells.length === 1 ? cells[0]! : undefined;
  // A department name alone on its line above the header ("853保定市莲池区医疗保障局").
  const alone = only ? classifyField(only.text, true) : undefined;
  if (alone?.department) return alone;
  if (titleAllowed && only && looksLikeTitle(only.text) && !classifyField(only.text, false)) {
    // One label alone in a row is a title only if it spans the table or reads like one.
    const wide = only.colSpan * 2 >= columnCount && columnCount > 1;
    if (wide || /表|情况|明细|\d{4}\s*年/.test(only.text)) return { title: only.text };
  }
  return undefined;
}

/**
 * The footnote rows at the bottom: from the topmost 注 row of the trailing single-text rows down
 * (a note's numbered continuations and remarks such as 本表… included).
 */
function noteRowCount(rows: readonly (SourceCell | null)[][]): number {
  let start = -1;
  for (let r = rows.length - 1; r > 0 && rows.length - r <= 8; r--) {
    const cells = filledCells(rows[r]!);
    if (cells.length !== 1 || rowCells(rows[r]!).some((c) => c.rowSpan > 1)) break;
    const text = cells[0]!.text;
    if (cellValue(text, false) !== null) break;
    if (isNoteText(text)) start = r;
  }
  return start < 0 ? 0 : rows.length - start;
}

function toGridCells(rows: readonly (SourceCell | null)[][]): { at: (GridCell | null)[][]; raw: GridCell[] } {
  const raw: GridCell[] = [];
  const at = rows.map((row, r) =>
    row.map((c, col) => {
      if (!c) return null;
      const cell: GridCell = { r0: r, c0: col, rowSpan: c.rowSpan, colSpan: c.colSpan, text: c.text, box: { x0: col, y0: r, x1: col + c.colSpan, y1: r + c.rowSpan }, confidence: 'ok' };
      raw.push(cell);
      return cell;
    }),
  );
  return { at, raw };
}

/** Extends a header row count so no header cell hangs into the body. */
function closeOverSpans(rows: readonly (SourceCell | null)[][], count: number): number {
  let end = count;
  for (let changed = true; changed; ) {
    changed = false;
    for (let r = 0; r < end; r++) {
      for (const c of rowCells(rows[r]!)) {
        if (r + c.rowSpan > end) {
          end = r + c.rowSpan;
          changed = true;
        }
      }
    }
  }
  return Math.min(end, rows.length);
}

/** Clips spans so none reaches past the last row (rows were cut off below). */
function clipSpans(rows: (SourceCell | null)[][]): void {
  rows.forEach((row, r) => {
    for (const c of rowCells(row)) c.rowSpan = Math.min(c.rowSpan, rows.length - r);
  });
}

export function buildTable(grid: SourceGrid): BuiltTable {
  let rows = grid.rows;
  let marked = grid.markedHeaderRows;
  const attributes: TableAttributes = {};
  // Leading attribute rows (title, code, 部门名称/单位 lines) are not part of the grid.
  for (let guard = 0; guard < 5 && rows.length > 1; guard++) {
    const attrs = attributeRow(rows[0]!, grid.columnCount, attributes.title === undefined);
    if (!attrs) break;
    mergeAttributes(attributes, attrs);
    rows = rows.slice(1);
    marked = Math.max(0, marked - 1);
  }
  const noteRows = noteRowCount(rows);
  const notes = rows.slice(rows.length - noteRows).map((row) => filledCells(row)[0]!.text);
  rows = rows.slice(0, rows.length - noteRows);
  clipSpans(rows);

  const { at, raw } = toGridCells(rows);
  const headerCount = marked > 0 ? closeOverSpans(rows, marked) : detectHeaderRows(at, raw, rows.length);
  const identifier = Array<boolean>(grid.columnCount).fill(false);
  for (const c of raw) {
    if (c.r0 >= headerCount || !IDENTIFIER_HEADER.test(c.text.replace(/\s+/g, ''))) continue;
    for (let k = c.c0; k < c.c0 + c.colSpan; k++) identifier[k] = true;
  }
  const convert = (row: readonly (SourceCell | null)[], inHeader: boolean): GridRow =>
    row.map((c, col): Cell | null => {
      if (!c) return null;
      const cell: Cell = {
        text: c.text,
        value: inHeader ? null : cellValue(c.text, identifier[col] ?? false),
        rowSpan: c.rowSpan,
        colSpan: c.colSpan,
        page: grid.page,
        bbox: c.bbox,
        confidence: 'ok',
      };
      if (c.source) cell.source = c.source;
      return cell;
    });
  return {
    attributes,
    notes,
    columnCount: grid.columnCount,
    header: rows.slice(0, headerCount).map((r) => convert(r, true)),
    rows: rows.slice(headerCount).map((r) => convert(r, false)),
    identifier,
  };
}

/** Header rows of a headerless continuation, re-read as body rows of the table they continue. */
export function asBodyRows(rows: readonly GridRow[], identifier: readonly boolean[]): GridRow[] {
  return rows.map((row) => row.map((c, i) => (c ? { ...c, value: cellValue(c.text, identifier[i] ?? false) } : null)));
}

/** Printed figures (decimals or thousands separators) in a row: it is body, not header. */
export function holdsFigures(row: GridRow): boolean {
  return row.some((c) => c !== null && /^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{1,2}$|^[-−]?\d{1,3}(?:,\d{3})+$/.test(c.text.replace(/\s+/g, '')));
}

/** The header's texts and spans, for recognising a continuation's repeated header. */
export function headerTexts(table: Pick<Table, 'header'>): string {
  return JSON.stringify(table.header.map((r) => r.map((c) => (c ? [c.text.replace(/\s+/g, ''), c.rowSpan, c.colSpan] : null))));
}
