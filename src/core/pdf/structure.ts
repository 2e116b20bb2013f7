/**
 * From a filled grid to the table's logical structure: cells with spans, header rows separated
 * from body rows, and amounts parsed only where the column holds amounts (codes and 行次 stay text).
 */
import type { BBox, Cell, CellConfidence, GridRow } from '../model';
import { cellValue, detectHeaderRows, identifierColumns } from '../table/header-rows';
import type { PlacedCell } from '../table/header-rows';
import type { Box } from './geometry';
import type { Grid } from './grid';
import { cellBox, columnCount, rowCount } from './grid';

export interface TableBody {
  columnCount: number;
  header: GridRow[];
  rows: GridRow[];
  /** column boundaries in reading space, to match a continuation on the next page */
  xs: number[];
  box: Box;
  /** columns holding codes or row numbers (their numbers are not amounts) */
  identifier: boolean[];
  page: number;
  /** per column: the cell in the first row has no top border (continues from the previous page) */
  openTop: boolean[];
  /** per column: the cell reaching the last row has no bottom border (continues on the next page) */
  openBottom: boolean[];
}

interface RawCell extends PlacedCell {
  box: Box;
  confidence: CellConfidence;
  indent: number | null;
}

/**
 * Assembles the table. `page` and `toUser` give every cell its page and PDF-space bbox.
 */
export function buildTableBody(
  grid: Grid,
  texts: readonly string[],
  confidence: readonly CellConfidence[],
  page: number,
  toUser: (b: Box) => BBox,
  indents: readonly (number | null)[] = [],
): TableBody {
  const nr = rowCount(grid);
  const nc = columnCount(grid);
  const raw: RawCell[] = grid.cells.map((cell, i) => ({
    r0: cell.r0,
    c0: cell.c0,
    rowSpan: cell.r1 - cell.r0,
    colSpan: cell.c1 - cell.c0,
    text: texts[i] ?? '',
    box: cellBox(grid, cell),
    confidence: confidence[i] ?? 'ok',
    indent: indents[i] ?? null,
  }));
  const at: (RawCell | null)[][] = Array.from({ length: nr }, () => Array<RawCell | null>(nc).fill(null));
  for (const c of raw) at[c.r0]![c.c0] = c;

  const headerRows = detectHeaderRows(at, raw, nr);
  const identifier = identifierColumns(raw, headerRows, nc);

  const toCell = (c: RawCell, inHeader: boolean): Cell => ({
    text: c.text,
    value: inHeader ? null : cellValue(c.text, identifier[c.c0] ?? false),
    rowSpan: c.rowSpan,
    colSpan: c.colSpan,
    page,
    bbox: toUser(c.box),
    confidence: c.confidence,
    // only text cells: a figure's alignment says nothing about the hierarchy
    ...(!inHeader && c.indent !== null && c.text && cellValue(c.text, identifier[c.c0] ?? false) === null ? { indent: c.indent } : {}),
  });
  const header: GridRow[] = [];
  const rows: GridRow[] = [];
  for (let r = 0; r < nr; r++) {
    const inHeader = r < headerRows;
    const row: GridRow = at[r]!.map((c) => (c ? toCell(c, inHeader) : null));
    // blank printed rows are kept: row positions stay those of the page
    if (inHeader) header.push(row);
    else rows.push(row);
  }
  const openTop = Array<boolean>(nc).fill(false);
  const openBottom = Array<boolean>(nc).fill(false);
  for (const cell of grid.cells) {
    for (let c = cell.c0; c < cell.c1; c++) {
      if (cell.openTop) openTop[c] = true;
      if (cell.openBottom) openBottom[c] = true;
    }
  }
  return {
    columnCount: nc,
    openTop,
    openBottom,
    header,
    rows,
    xs: grid.xs,
    box: { x0: grid.xs[0]!, y0: grid.ys[0]!, x1: grid.xs[nc]!, y1: grid.ys[nr]! },
    identifier,
    page,
  };
}

