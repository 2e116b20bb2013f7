/**
 * Which cells are amounts. A cell is written as a number only when its value parses as an amount
 * AND it is not in a code/行次/序号 column or a 栏次 row: codes like 2101501 and 208 parse as
 * numbers but must stay text (Excel would otherwise show 2,101,501.00 and drop leading zeros).
 * A bare integer in a column of names (a unit code "516" on a subtotal row of 项目名称) is a code
 * too; in a column of amounts it is an amount.
 */
import type { Cell, GridRow, Table } from '../core/model';

const CODE_HEADER = /编码|代码|编号|行次|序号|^(类|款|项)$/;
const COLUMN_NUMBER_ROW = /^栏次$/;

function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

/** The first printed cell of a row ("栏次" marks the row of column numbers 1, 2, 3 …). */
export function isColumnNumberRow(row: GridRow): boolean {
  const first = row.find((c) => c !== null && squeeze(c.text) !== '');
  return !!first && COLUMN_NUMBER_ROW.test(squeeze(first.text));
}

/** For every grid column: the header texts above it, top to bottom, spans included once. */
export function headerPaths(table: Table): string[][] {
  const paths: string[][] = Array.from({ length: table.columnCount }, () => []);
  for (const row of table.header) {
    if (isColumnNumberRow(row)) continue;
    row.forEach((cell, c) => {
      if (!cell) return;
      const text = squeeze(cell.text);
      if (!text) return;
      for (let k = c; k < Math.min(c + cell.colSpan, table.columnCount); k++) paths[k]!.push(text);
    });
  }
  return paths;
}

/** Columns whose header names a code, a row number or a sequence number. */
export function codeColumns(table: Table): boolean[] {
  const paths = headerPaths(table);
  return paths.map((path) => path.some((text) => CODE_HEADER.test(text)));
}

/**
 * Columns that hold amounts: not a code column, and more of their printed body cells are amounts
 * than text. Decided on the printed table, so a reviewer's edit does not flip a whole column.
 */
export function amountColumns(table: Table, codes: readonly boolean[] = codeColumns(table)): boolean[] {
  const amounts = Array.from({ length: table.columnCount }, () => 0);
  const texts = Array.from({ length: table.columnCount }, () => 0);
  for (const row of table.rows) {
    if (isColumnNumberRow(row)) continue;
    row.forEach((cell, c) => {
      if (!cell || c >= table.columnCount || !cell.text.trim()) return;
      if (cell.value !== null) amounts[c]!++;
      else texts[c]!++;
    });
  }
  return amounts.map((n, c) => !codes[c] && n > texts[c]!);
}

/** Whether a body cell is written as a number (see the module comment). */
export function isAmountCell(cell: Cell, isCode: boolean, amountColumn: boolean, numberRow: boolean): boolean {
  if (cell.value === null || isCode || numberRow) return false;
  return amountColumn || !/^\d+$/.test(cell.text.replace(/\s+/g, ''));
}

/** Screen width of text in Excel character units: CJK and full-width characters count double. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      cp >= 0x20000;
    width += wide ? 2 : 1;
  }
  return width;
}
