/**
 * One worksheet per table, laid out as printed: title, code, 部门名称/单位 line, the header grid
 * with its merges, the body (amounts as numbers, codes and labels as text), the notes. Corrected
 * and annotated cells are filled and carry a note.
 */
import type { Cell as XCell, Style, Workbook, Worksheet } from 'exceljs';
import type { Cell, GridRow, Table } from '../core/model';
import { formatAmount } from '../core/money';
import { cellKey } from '../core/review/edits';
import { amountColumns, codeColumns, displayWidth, isAmountCell, isColumnNumberRow } from './columns';
import type { ExportContext } from './context';
import { heightFor, lines } from './layout';
import { clipText } from './limits';
import { annotationNote, correctionNote } from './notes';
import { ANNOTATED_FILL, CORRECTED_FILL, STYLES, dashFormat } from './styles';

const MIN_WIDTH = 6;
const MAX_WIDTH = 50;
/** header text wraps rather than widening an amount column beyond this */
const HEADER_WIDTH_CAP = 16;
const DASH = /^[-—–−]{1,2}$/;

/** How a body cell is written: its display text (for widths) and its value/style. */
interface Rendered {
  display: string;
  value: string | number | null;
  style: Partial<Style>;
}

function renderBody(cell: Cell, isCode: boolean, amountColumn: boolean, numberRow: boolean): Rendered {
  const text = cell.text.trim();
  if (!text) return { display: '', value: null, style: isCode ? STYLES.code : STYLES.text };
  if (cell.value !== null && isAmountCell(cell, isCode, amountColumn, numberRow)) {
    const squeezed = text.replace(/\s+/g, '');
    if (DASH.test(squeezed)) return { display: squeezed, value: 0, style: { ...STYLES.amount, numFmt: dashFormat(squeezed) } };
    // Integer hundredths ÷ 100 is correctly rounded: the nearest double to the printed decimal.
    return { display: formatAmount(cell.value), value: cell.value / 100, style: STYLES.amount };
  }
  return { display: text, value: clipText(text), style: isCode ? STYLES.code : STYLES.text };
}

/**
 * Merges that never overlap: a damaged extraction with crossing spans must not abort the export
 * (exceljs throws on overlapping merges, and Excel would ask to repair the file).
 */
class Merger {
  private readonly used = new Set<string>();

  constructor(
    private readonly ws: Worksheet,
    private readonly maxCol: number,
  ) {}

  merge(top: number, left: number, bottom: number, right: number, maxRow = bottom): void {
    const b = Math.min(bottom, maxRow);
    const r = Math.min(right, this.maxCol);
    if (b <= top && r <= left) return;
    for (let y = top; y <= b; y++) for (let x = left; x <= r; x++) if (this.used.has(`${y}:${x}`)) return;
    for (let y = top; y <= b; y++) for (let x = left; x <= r; x++) this.used.add(`${y}:${x}`);
    this.ws.mergeCells(top, left, b, r);
  }
}

function columnWidths(table: Table, bodies: (Rendered | null)[][]): number[] {
  const widths = Array.from({ length: table.columnCount }, () => 0);
  for (const row of table.header) {
    row.forEach((cell, c) => {
      if (cell && cell.colSpan === 1) widths[c] = Math.max(widths[c]!, Math.min(displayWidth(cell.text.trim()), HEADER_WIDTH_CAP));
    });
  }
  bodies.forEach((row, r) =>
    row.forEach((rendered, c) => {
      if (rendered && table.rows[r]![c]!.colSpan === 1) widths[c] = Math.max(widths[c]!, displayWidth(rendered.display));
    }),
  );
  return widths.map((w) => Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w + 2)));
}

function spanWidth(widths: number[], col: number, span: number): number {
  let w = 0;
  for (let c = col; c < Math.min(col + span, widths.length); c++) w += widths[c]!;
  return w;
}

/** Row heights for wrapped text (Excel does not grow rows on open; LibreOffice does). */
function gridHeights(grid: GridRow[], widths: number[], texts: (r: number, c: number) => string): number[] {
  const heights = grid.map(() => 1);
  grid.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell) return;
      const needed = Math.ceil(lines(texts(r, c), spanWidth(widths, c, cell.colSpan)) / cell.rowSpan);
      heights[r] = Math.max(heights[r]!, needed);
    }),
  );
  return heights;
}

function setNote(cell: XCell, text: string): void {
  const [head, ...rest] = text.split('\n');
  cell.note = { texts: [{ text: `${head ?? ''}\n`, font: { bold: true, size: 9 } }, { text: clipText(rest.join('\n')), font: { size: 9 } }] };
}

/** The worksheet row of body row 0: after the title, code, other heading lines, 部门名称/单位 line and header rows. */
export function bodyStartRow(table: Table): number {
  return 2 + (table.code ? 1 : 0) + (table.meta?.length ? 1 : 0) + (table.department || table.unit ? 1 : 0) + table.header.length;
}

/** Writes the table; returns the worksheet row of body row 0 (= bodyStartRow(table)). */
export function writeTableSheet(wb: Workbook, ctx: ExportContext, table: Table, sheetName: string): number {
  const edited = ctx.edited.tables.find((t) => t.id === table.id) ?? table;
  const n = Math.max(1, table.columnCount);
  const codes = codeColumns(table);
  const amounts = amountColumns(table, codes);
  const bodies = edited.rows.map((row) => {
    const numberRow = isColumnNumberRow(row);
    return row.map((cell, c) => (cell ? renderBody(cell, codes[c] ?? false, amounts[c] ?? false, numberRow) : null));
  });
  const widths = columnWidths(table, bodies);
  const ws = wb.addWorksheet(sheetName, {
    pageSetup: { paperSize: 9, orientation: n > 6 ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  const merger = new Merger(ws, n);
  const merge = (top: number, left: number, bottom: number, right: number, maxRow?: number): void => merger.merge(top, left, bottom, right, maxRow);
  const total = widths.reduce((a, b) => a + b, 0);

  let r = 1;
  const title = ws.getCell(r, 1);
  title.value = table.title ?? table.code ?? sheetName;
  title.style = STYLES.title;
  merge(r, 1, r, n);
  ws.getRow(r).height = 26;
  r++;

  if (table.code) {
    const code = ws.getCell(r, 1);
    code.value = table.code;
    code.style = STYLES.metaRight;
    merge(r, 1, r, n);
    r++;
  }
  if (table.meta?.length) {
    // 预算年度：2025, 截止时间：2024-12-31 … as printed with the heading
    const meta = ws.getCell(r, 1);
    meta.value = table.meta.join('    ');
    meta.style = STYLES.meta;
    merge(r, 1, r, n);
    r++;
  }
  const department = table.department ? `部门名称：${table.department}` : null;
  const unit = table.unit ? `单位：${table.unit}` : null;
  if (department || unit) {
    if (n === 1 || !department || !unit) {
      const only = ws.getCell(r, 1);
      only.value = [department, unit].filter(Boolean).join('    ');
      only.style = department ? STYLES.meta : STYLES.metaRight;
      merge(r, 1, r, n);
    } else {
      const split = n >= 4 ? n - 2 : n - 1;
      const left = ws.getCell(r, 1);
      left.value = department;
      left.style = STYLES.meta;
      merge(r, 1, r, split);
      const right = ws.getCell(r, split + 1);
      right.value = unit;
      right.style = STYLES.metaRight;
      merge(r, split + 1, r, n);
    }
    r++;
  }

  // Header grid: every position is styled so merged areas keep their borders.
  const headerStart = r;
  const headerHeights = gridHeights(table.header, widths, (hr, c) => table.header[hr]![c]!.text.trim());
  table.header.forEach((row, hr) => {
    for (let c = 0; c < n; c++) ws.getCell(headerStart + hr, c + 1).style = STYLES.header;
    row.forEach((cell, c) => {
      if (!cell) return;
      ws.getCell(headerStart + hr, c + 1).value = clipText(cell.text.trim());
      merge(headerStart + hr, c + 1, headerStart + hr + cell.rowSpan - 1, c + cell.colSpan, headerStart + table.header.length - 1);
    });
    ws.getRow(headerStart + hr).height = heightFor(headerHeights[hr]!);
  });
  const bodyStart = headerStart + table.header.length;
  if (table.header.length > 0) ws.views = [{ state: 'frozen', xSplit: 0, ySplit: bodyStart - 1 }];

  const bodyHeights = gridHeights(edited.rows, widths, (br, c) => bodies[br]![c]!.display);
  // Covered positions take the style of the cell that covers them, so merged areas keep borders.
  const styles: Partial<Style>[][] = edited.rows.map((row, br) => row.map((_, c) => bodies[br]![c]?.style ?? STYLES.text));
  edited.rows.forEach((row, br) =>
    row.forEach((cell, c) => {
      if (!cell) return;
      for (let rr = br; rr < Math.min(br + cell.rowSpan, styles.length); rr++) {
        for (let cc = c; cc < Math.min(c + cell.colSpan, n); cc++) styles[rr]![cc] = styles[br]![c]!;
      }
    }),
  );
  edited.rows.forEach((row, br) => {
    const rowNumber = bodyStart + br;
    for (let c = 0; c < n; c++) {
      const key = cellKey({ tableId: table.id, row: br, col: c });
      const corrected = ctx.corrected.has(key);
      const annotations = ctx.annotationsByCell.get(key);
      const base = styles[br]![c] ?? STYLES.text;
      const xcell = ws.getCell(rowNumber, c + 1);
      xcell.style = corrected ? { ...base, fill: CORRECTED_FILL } : annotations ? { ...base, fill: ANNOTATED_FILL } : base;
      const cell = row[c];
      if (!cell) continue;
      const rendered = bodies[br]![c]!;
      if (rendered.value !== null) xcell.value = rendered.value;
      merge(rowNumber, c + 1, rowNumber + cell.rowSpan - 1, c + cell.colSpan, bodyStart + edited.rows.length - 1);
      const notes: string[] = [];
      if (corrected) notes.push(correctionNote(table.rows[br]![c]!.text, ctx.latest.get(key)!, ctx.editCounts.get(key) ?? 1));
      // A range annotation is noted once, on its top-left cell.
      for (const a of annotations ?? []) {
        const t = a.target;
        if (t.kind === 'cell' || (t.kind === 'range' && t.rows[0] === br && t.cols[0] === c)) notes.push(annotationNote(a));
      }
      if (notes.length > 0) setNote(xcell, notes.join('\n\n'));
    }
    if (bodyHeights[br]! > 1) ws.getRow(rowNumber).height = heightFor(bodyHeights[br]!);
  });

  r = bodyStart + edited.rows.length;
  for (const note of table.notes) {
    const cell = ws.getCell(r, 1);
    cell.value = clipText(note);
    cell.style = STYLES.note;
    merge(r, 1, r, n);
    ws.getRow(r).height = heightFor(lines(note, total));
    r++;
  }
  return bodyStart;
}
