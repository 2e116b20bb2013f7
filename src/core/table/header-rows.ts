/**
 * What a table's grid means, whatever format it came from (PDF, DOCX, XLSX): which leading rows
 * are the header, which columns hold codes rather than amounts, and each body cell's amount.
 */
import type { Table } from '../model';
import { parseAmount } from '../money';

/** A cell placed on the grid: its top-left slot, its spans and its text. */
export interface PlacedCell {
  r0: number;
  c0: number;
  rowSpan: number;
  colSpan: number;
  text: string;
}

/** A header path naming an identifier column: its numbers are codes, not amounts. */
const IDENTIFIER_HEADER = /编码|代码|编号|行次|栏次|序号|^类$|^款$|^项$/;
/** Printed amounts: thousands separators or decimals, or a dash standing for zero. */
const AMOUNT_LIKE = /^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{1,2}$|^[-−]?\d{1,3}(?:,\d{3})+$|^[-—–−]{1,2}$/;
/** The label of a row that starts the body whatever its figures: totals, numbered items, codes. */
const BODY_LABEL = /^(?:合计|总计|小计|本年收入合计|收入总计|支出总计|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d{3,}$|无$|本表无数据)/;
/** Headers are short; a long text cell is body content (绩效目标 forms, 项目名称…). */
const MAX_HEADER_TEXT = 24;

/** The amount printed in a body cell, or null when the text is not an amount or the column holds codes. */
export function cellValue(text: string, identifierColumn: boolean): number | null {
  if (identifierColumn) return null;
  const t = text.replace(/\s+/g, '');
  return t ? parseAmount(t) : null;
}

function rowCells(at: (PlacedCell | null)[][], r: number): PlacedCell[] {
  return at[r]!.filter((c): c is PlacedCell => c !== null);
}

function isDataRow(cells: readonly PlacedCell[]): boolean {
  return cells.some((c) => AMOUNT_LIKE.test(c.text.replace(/\s+/g, '')));
}

/** 栏次 rows ("栏次 1 2 3", or just consecutive column numbers) belong to the header. */
function isColumnNumberRow(cells: readonly PlacedCell[]): boolean {
  const texts = cells.map((c) => c.text).filter(Boolean);
  if (texts.some((t) => /^栏\s*次$/.test(t))) return true;
  const numbers = texts.filter((t) => /^\d{1,2}$/.test(t)).map(Number);
  return numbers.length >= 3 && numbers.length === texts.length && numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
}

/**
 * A body row known by its label (合计, 一、…, a code) even without figures, e.g. the 合计 row of an
 * empty table. In a header the same words (合计 over a column) sit among other column titles.
 */
function isLabelledBodyRow(cells: readonly PlacedCell[]): boolean {
  const filled = cells.filter((c) => c.text);
  const first = filled[0];
  if (!first || !BODY_LABEL.test(first.text)) return false;
  return filled.slice(1).every((c) => AMOUNT_LIKE.test(c.text.replace(/\s+/g, '')));
}

/**
 * Header rows: the leading rows before the first row of figures or labelled body row, extended
 * so no header cell hangs into the body; at least the first row (and its spans).
 */
export function detectHeaderRows(at: (PlacedCell | null)[][], raw: readonly PlacedCell[], nr: number): number {
  if (nr > 0 && isFormRow(rowCells(at, 0))) return 0;
  let end = 0;
  let columnNumbers = false;
  for (let r = 0; r < nr; r++) {
    const cells = rowCells(at, r);
    if (r > 0 && isColumnNumberRow(cells)) {
      end = r + 1;
      columnNumbers = true;
      continue;
    }
    if (isDataRow(cells)) break;
    if (r > 0 && cells.every((c) => !c.text)) break;
    if (r > 0 && isLabelledBodyRow(cells)) break;
    if (cells.some((c) => c.text.length > MAX_HEADER_TEXT)) break;
    end = r + 1;
  }
  // no figures at all: a form or an empty table — unless a 栏次 row closes the header (a page
  // holding only the header of a table that continues on the next)
  if (end === nr && !columnNumbers) end = Math.min(1, nr);
  end = Math.max(end, 1);
  // close over spans
  let changed = true;
  while (changed) {
    changed = false;
    for (const c of raw) {
      if (c.r0 < end && c.r0 + c.rowSpan > end) {
        end = c.r0 + c.rowSpan;
        changed = true;
      }
    }
  }
  return Math.min(end, nr);
}

const FORM_LABEL = /(?:名称|编码|代码)\s*[:：]?$/;
const HEADER_WORD = /(?:名称|编码|代码|合计|小计|金额|数|费|支出|收入|项目)$/;

/**
 * A form (绩效目标表, 自评表) has no column header: its first row pairs a label with a value that
 * spans several columns ("部门(单位)名称 | 焦作市…局"), unlike a header row of column titles.
 */
function isFormRow(cells: readonly PlacedCell[]): boolean {
  const filled = cells.filter((c) => c.text);
  for (let i = 0; i + 1 < filled.length; i++) {
    const label = filled[i]!;
    const value = filled[i + 1]!;
    if (FORM_LABEL.test(label.text) && value.colSpan >= 2 && value.c0 === label.c0 + label.colSpan && !HEADER_WORD.test(value.text)) return true;
  }
  return false;
}

/** Columns whose header path names codes, row or column numbers. */
export function identifierColumns(raw: readonly PlacedCell[], headerRows: number, nc: number): boolean[] {
  const out = Array<boolean>(nc).fill(false);
  for (const c of raw) {
    if (c.r0 >= headerRows || !IDENTIFIER_HEADER.test(c.text.replace(/\s+/g, ''))) continue;
    // a spanning header like 科目编码 over 类/款/项 marks all its columns
    for (let k = c.c0; k < c.c0 + c.colSpan; k++) out[k] = true;
  }
  return out;
}

/** The code/number columns of an extracted table, read from its header grid. */
export function tableIdentifierColumns(table: Pick<Table, 'header' | 'columnCount'>): boolean[] {
  const placed: PlacedCell[] = [];
  table.header.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell) placed.push({ r0: r, c0: c, rowSpan: cell.rowSpan, colSpan: cell.colSpan, text: cell.text });
    }),
  );
  return identifierColumns(placed, table.header.length, table.columnCount);
}
