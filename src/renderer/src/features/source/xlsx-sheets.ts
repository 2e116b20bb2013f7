/**
 * A workbook as the source view shows it: every worksheet as a grid of printed texts with its
 * merged ranges, hidden rows and columns left out (as the printout and the extractor leave them
 * out). Sheet positions count hidden sheets, as `cell.source.sheetIndex` does
 * (docs/office-formats.md), so a cell's source finds its `<td>` by sheet index and address.
 */
import ExcelJS from 'exceljs';
import { columnLetters, displayValue, parseRange, type Range } from '../../../../formats/xlsx';

export interface SheetCell {
  /** A1 address of the cell (the top-left cell of a merged range) */
  address: string;
  text: string;
  rowSpan: number;
  colSpan: number;
  numeric: boolean;
  bold: boolean;
  align: 'left' | 'center' | 'right' | null;
}

export interface SheetRow {
  /** 1-based sheet row */
  row: number;
  /** cells in column order; positions covered by a merge are left out */
  cells: SheetCell[];
}

export interface SheetView {
  name: string;
  /** 1-based position among all worksheets, hidden ones counted */
  index: number;
  hidden: boolean;
  /** widths of the shown columns in CSS pixels */
  columnWidths: number[];
  rows: SheetRow[];
  /** rows of the sheet beyond the shown ones (very long sheets are cut) */
  omittedRows: number;
}

/** Beyond this many rows a sheet is cut: the DOM of a 50,000-row sheet would freeze the view. */
export const MAX_ROWS = 3000;

function bounds(ws: ExcelJS.Worksheet, merges: readonly Range[]): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.type === ExcelJS.ValueType.Merge || cell.text === '') return;
      rows = Math.max(rows, r);
      cols = Math.max(cols, c);
    });
  });
  for (const m of merges) {
    rows = Math.max(rows, m.bottom);
    cols = Math.max(cols, m.right);
  }
  return { rows, cols };
}

function alignment(cell: ExcelJS.Cell): SheetCell['align'] {
  const h = cell.alignment?.horizontal;
  if (h === 'center' || h === 'centerContinuous') return 'center';
  if (h === 'left' || h === 'right') return h;
  return null;
}

function readSheet(ws: ExcelJS.Worksheet, index: number): SheetView {
  const merges = (ws.model.merges ?? []).map(parseRange).filter((m): m is Range => !!m);
  const size = bounds(ws, merges);
  const shownCols: number[] = [];
  for (let c = 1; c <= size.cols; c++) if (!ws.getColumn(c).hidden) shownCols.push(c);
  const mergeAt = new Map<string, Range>();
  for (const m of merges) for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) mergeAt.set(`${r},${c}`, m);
  const hiddenRow = (r: number): boolean => ws.getRow(r).hidden;
  const shownBetween = (from: number, to: number, hidden: (n: number) => boolean): number => {
    let n = 0;
    for (let k = from; k <= to; k++) if (!hidden(k)) n++;
    return n;
  };

  const rows: SheetRow[] = [];
  let omittedRows = 0;
  for (let r = 1; r <= size.rows; r++) {
    if (hiddenRow(r)) continue;
    if (rows.length >= MAX_ROWS) {
      omittedRows++;
      continue;
    }
    const cells: SheetCell[] = [];
    for (const c of shownCols) {
      const m = mergeAt.get(`${r},${c}`);
      // a merged range is drawn once, from its first shown row and column
      if (m) {
        const firstRow = Array.from({ length: m.bottom - m.top + 1 }, (_, k) => m.top + k).find((x) => !hiddenRow(x));
        const firstCol = shownCols.find((x) => x >= m.left && x <= m.right);
        if (firstRow !== r || firstCol !== c) continue;
      }
      const master = ws.getCell(m ? m.top : r, m ? m.left : c);
      const value = master.value;
      cells.push({
        address: `${columnLetters(m ? m.left : c)}${m ? m.top : r}`,
        text: displayValue(value, master.numFmt),
        rowSpan: m ? shownBetween(r, m.bottom, hiddenRow) : 1,
        colSpan: m ? shownCols.filter((x) => x >= m.left && x <= m.right).length : 1,
        numeric: typeof value === 'number' || (typeof value === 'object' && value !== null && 'result' in value && typeof value.result === 'number'),
        bold: master.font?.bold === true,
        align: alignment(master),
      });
    }
    rows.push({ row: r, cells });
  }
  // exceljs widths are in characters of the default font; about 7 px each plus padding
  const columnWidths = shownCols.map((c) => Math.round(((ws.getColumn(c).width ?? 9) * 7 + 5) * 1.1));
  return { name: ws.name, index, hidden: ws.state !== 'visible', columnWidths, rows, omittedRows };
}

export async function readSheets(data: Uint8Array): Promise<SheetView[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  return workbook.worksheets.map((ws, i) => readSheet(ws, i + 1));
}
