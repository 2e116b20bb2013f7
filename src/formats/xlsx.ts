/**
 * XLSX → ExtractedDocument via exceljs. Each visible worksheet holds one table: its merged
 * ranges become spans, the rows above the header (title, code, 部门/单位) become attributes,
 * numbers read as the sheet prints them (numFmt applied, see numfmt.ts), hidden rows and
 * columns are left out as a printout leaves them out. A sheet of one-column text (情况说明)
 * becomes narrative. Locations: docs/office-formats.md.
 */
import ExcelJS from 'exceljs';
import { DocumentError } from '../core/errors';
import type { BlockSource, CellSource, ExtractedDocument, NarrativeBlock, Table } from '../core/model';
import { SCHEMA_VERSION } from '../core/model';
import { normalizeText } from '../core/text/normalize';
import { isTableCode, looksLikeTitle } from '../core/table/attributes';
import { cellValue } from '../core/table/header-rows';
import { formatDateWith, formatNumber } from './numfmt';
import type { OfficeExtractOptions } from './options';
import { throwIfCancelled } from './options';
import type { SourceCell, SourceGrid } from './table-build';
import { buildTable } from './table-build';
import { tidyCellText } from './text';

export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function parseAddress(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref.trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

export function parseRange(ref: string): Range | undefined {
  const [a, b = a] = ref.split(':');
  const p = a ? parseAddress(a) : undefined;
  const q = b ? parseAddress(b) : undefined;
  if (!p || !q) return undefined;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/** The value as the sheet prints it (also used by the renderer's XLSX source view). */
export function displayValue(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value, numFmt);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatDateWith(value, numFmt);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    // The cached result is what the producer printed; a formula never calculated shows nothing.
    const result = (value as { result?: unknown }).result;
    if (result && typeof result === 'object' && 'error' in result) return String((result as { error: unknown }).error);
    return result === undefined ? '' : displayValue(result as ExcelJS.CellValue, numFmt);
  }
  if ('hyperlink' in value) {
    const text = (value as { text?: unknown }).text;
    if (typeof text === 'string') return text;
    if (text && typeof text === 'object' && 'richText' in text) return (text as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
    return '';
  }
  if ('error' in value) return String(value.error);
  return '';
}

function cellText(cell: ExcelJS.Cell): string {
  return tidyCellText(normalizeText(displayValue(cell.value, cell.numFmt)).split(/\r?\n/));
}

function isGenericSheetName(name: string): boolean {
  return /^(?:sheet|工作表|表)\s*\d*$/i.test(name.trim());
}

/** The last row of the sheet's "rows to repeat at top" print setting, if any ("$1:$5" → 5). */
function printTitleEnd(ws: ExcelJS.Worksheet): number | undefined {
  const titles = ws.pageSetup?.printTitlesRow;
  if (!titles) return undefined;
  const m = /\$?(\d+):\$?(\d+)/.exec(titles);
  return m ? Number(m[2]) : undefined;
}

function hasBorder(cell: ExcelJS.Cell): boolean {
  const b = cell.border;
  return !!b && [b.top, b.left, b.bottom, b.right].some((side) => side?.style);
}

function isSpacerRow(row: ExcelJS.Row, minC: number, maxC: number, texts: ReadonlyMap<string, string>): boolean {
  for (let c = minC; c <= maxC; c++) {
    if (texts.has(`${row.number},${c}`) || hasBorder(row.getCell(c))) return false;
  }
  return true;
}

interface SheetContent {
  tables: Table[];
  narrative: NarrativeBlock[];
}

/** A disclosure table's title: one text alone on its row, naming a table (…预算表, …决算表（按功能分类）). */
const TABLE_TITLE = /表(?:[（(][^）)]*[）)])?$/;

/**
 * The sheet's rows split where a new table starts: a row holding only a table title, after rows
 * with figures. Several tables stacked on one worksheet (one sheet for the whole publication) are
 * then read as the tables they are; a sheet with one table stays one piece.
 */
function splitAtTitles(rows: readonly (SourceCell | null)[][]): number[] {
  const starts = [0];
  let figures = false;
  rows.forEach((row, i) => {
    const filled = row.filter((c): c is SourceCell => !!c && c.text !== '');
    const only = filled.length === 1 ? filled[0]!.text.trim() : null;
    if (i > 0 && figures && only !== null && looksLikeTitle(only) && TABLE_TITLE.test(only)) {
      starts.push(i);
      figures = false;
    }
    if (filled.some((c) => cellValue(c.text, false) !== null && /\d/.test(c.text))) figures = true;
  });
  return starts;
}

/** Restricts a grid to rows [from, to): spans are cut at the edges (a merge rarely crosses tables). */
function sliceGrid(grid: readonly (SourceCell | null)[][], from: number, to: number): (SourceCell | null)[][] {
  const rows = grid.slice(from, to).map((row) => [...row]);
  // a span starting above `from` leaves covered positions: give them back as empty cells
  rows.forEach((row, i) =>
    row.forEach((cell, c) => {
      if (cell) row[c] = { ...cell, rowSpan: Math.min(cell.rowSpan, rows.length - i) };
    }),
  );
  const covered = rows.map((row) => row.map(() => false));
  rows.forEach((row, i) =>
    row.forEach((cell, c) => {
      if (!cell) return;
      for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) if (dr || dc) covered[i + dr]![c + dc] = true;
    }),
  );
  return rows.map((row, i) => row.map((cell, c) => cell ?? (covered[i]![c] ? null : { text: '', rowSpan: 1, colSpan: 1, bbox: [0, 0, 0, 0] })));
}

function readSheet(ws: ExcelJS.Worksheet, sheetIndex: number, firstTableNumber: number): SheetContent {
  const texts = new Map<string, string>();
  let minR = Infinity;
  let maxR = 0;
  let minC = Infinity;
  let maxC = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const text = cellText(cell);
      if (!text) return;
      texts.set(`${r},${c}`, text);
      minR = Math.min(minR, r);
      maxR = Math.max(maxR, r);
      minC = Math.min(minC, c);
      maxC = Math.max(maxC, c);
    });
  });
  if (maxR === 0) return { tables: [], narrative: [] };
  const merges = (ws.model.merges ?? []).map(parseRange).filter((m): m is Range => !!m);
  for (const m of merges) {
    if (!texts.has(`${m.top},${m.left}`)) continue;
    minR = Math.min(minR, m.top);
    maxR = Math.max(maxR, m.bottom);
    minC = Math.min(minC, m.left);
    maxC = Math.max(maxC, m.right);
  }
  const mergedRows = new Set<number>();
  for (const m of merges) for (let r = m.top; r <= m.bottom; r++) mergedRows.add(r);
  const rowsUsed: number[] = [];
  for (let r = minR; r <= maxR; r++) {
    const row = ws.getRow(r);
    if (row.hidden) continue;
    // A blank row without borders is spacing (before a 注 line, between blocks), not a table row.
    if (!mergedRows.has(r) && isSpacerRow(row, minC, maxC, texts)) continue;
    rowsUsed.push(r);
  }
  const colsUsed: number[] = [];
  for (let c = minC; c <= maxC; c++) if (!ws.getColumn(c).hidden) colsUsed.push(c);
  const mergeAt = new Map<string, Range>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) mergeAt.set(`${r},${c}`, m);
  }
  const sourceOf = (r: number, c: number): CellSource & BlockSource => ({
    kind: 'xlsx',
    sheet: ws.name,
    sheetIndex,
    row: r,
    col: c,
    address: `${columnLetters(c)}${r}`,
  });

  const grid: (SourceCell | null)[][] = rowsUsed.map((r) =>
    colsUsed.map((c): SourceCell | null => {
      const m = mergeAt.get(`${r},${c}`);
      if (!m) return { text: texts.get(`${r},${c}`) ?? '', rowSpan: 1, colSpan: 1, bbox: [c, r, c + 1, r + 1], source: sourceOf(r, c) };
      const spanRows = rowsUsed.filter((x) => x >= m.top && x <= m.bottom);
      const spanCols = colsUsed.filter((x) => x >= m.left && x <= m.right);
      if (spanRows[0] !== r || spanCols[0] !== c) return null;
      return {
        text: texts.get(`${m.top},${m.left}`) ?? '',
        rowSpan: spanRows.length,
        colSpan: spanCols.length,
        bbox: [m.left, m.top, m.right + 1, m.bottom + 1],
        source: sourceOf(m.top, m.left),
      };
    }),
  );
  if (grid.length === 0 || colsUsed.length === 0) return { tables: [], narrative: [] };

  // A sheet of single texts per row (情况说明) is narrative, not a table.
  const textRows = grid.map((row) => row.filter((c): c is SourceCell => !!c && c.text !== ''));
  if (textRows.every((cells) => cells.length <= 1) && !textRows.some((cells) => cells.some((c) => /^\s*[-\d.,]+\s*$/.test(c.text)))) {
    const narrative = textRows.flat().map((c) => ({ page: sheetIndex, bbox: c.bbox, text: c.text, source: c.source as BlockSource }));
    return { tables: [], narrative };
  }

  const titleEnd = printTitleEnd(ws);
  const starts = splitAtTitles(grid);
  const tables = starts.map((from, k): Table => {
    const to = starts[k + 1] ?? grid.length;
    // print titles repeat the first table's header rows only
    const marked = k === 0 && titleEnd !== undefined ? rowsUsed.slice(from, to).filter((r) => r <= titleEnd).length : 0;
    const sourceGrid: SourceGrid = { columnCount: colsUsed.length, rows: starts.length > 1 ? sliceGrid(grid, from, to) : grid, markedHeaderRows: marked, page: sheetIndex };
    const built = buildTable(sourceGrid);
    const a = built.attributes;
    // the sheet's name stands for the title or code only when the sheet holds one table
    const alone = starts.length === 1;
    const code = a.code ?? (alone && isTableCode(ws.name) ? ws.name.trim() : undefined);
    const title = a.title ?? (!alone || isGenericSheetName(ws.name) || isTableCode(ws.name) ? undefined : ws.name.trim());
    return {
      id: `t${firstTableNumber + k}`,
      title: title ?? null,
      code: code ?? null,
      unit: a.unit ?? null,
      department: a.department ?? null,
      ...(a.meta?.length ? { meta: a.meta } : {}),
      pages: [sheetIndex, sheetIndex],
      notes: built.notes,
      columnCount: built.columnCount,
      header: built.header,
      rows: built.rows,
    };
  });
  return { tables, narrative: [] };
}

export async function extractXlsx(data: Uint8Array, options: OfficeExtractOptions): Promise<ExtractedDocument> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch (e) {
    // The package opened, so the workbook is not simply truncated: exceljs could not read it.
    throw new DocumentError('unreadable', e instanceof Error ? `Excel: ${e.message.slice(0, 200)}` : undefined);
  }
  throwIfCancelled(options.signal);
  const sheets = workbook.worksheets;
  const tables: Table[] = [];
  const narrative: NarrativeBlock[] = [];
  sheets.forEach((ws, i) => {
    throwIfCancelled(options.signal);
    if (ws.state === 'visible') {
      const content = readSheet(ws, i + 1, tables.length + 1);
      tables.push(...content.tables);
      narrative.push(...content.narrative);
    }
    options.onProgress?.(i + 1, sheets.length);
  });
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { path: options.path, sha256: options.sha256, pages: sheets.length, format: 'xlsx' },
    narrative,
    tables,
  };
}
