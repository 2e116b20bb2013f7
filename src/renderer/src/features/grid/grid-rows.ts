/**
 * Body rows as the grid shows them: the current text of each cell (edits applied, writes in
 * flight shown), whether it was edited, and where row spans start. Rows without edits are built
 * once per table and reused, so an edit re-renders one row, not the whole table.
 */
import type { Severity } from '../../../../core/checks/model';
import type { CellConfidence, Table } from '../../../../core/model';
import { labelColumns, spanOrigins } from '../../../../core/review/anchors';
import type { CellChange } from '../../review/history';

export interface GridCellView {
  text: string;
  /** printed text */
  original: string;
  edited: boolean;
  /** being written to the database */
  pending: boolean;
  /** an amount: right-aligned, as printed */
  numeric: boolean;
  colSpan: number;
  confidence: CellConfidence;
  /** set when open findings name the cell: the most severe one and every message */
  finding?: { severity: Severity; messages: string[] };
  /** texts of the annotations marked on the cell (features/annotations) */
  annotations?: string[];
  /** inside the Shift+click range being annotated */
  inRange?: boolean;
  /** read by OCR from the page image: its confidence, and whether the clerk must check it */
  ocr?: { confidence: number; flagged: boolean };
}

export interface GridRowView {
  id: string;
  /** index into table.rows */
  index: number;
  cells: (GridCellView | null)[];
  /** per column: the row where the covering cell starts (itself when not covered) */
  spanStart: number[];
  /** per column: the column where the covering cell starts */
  spanCol: number[];
}

/** The rows as printed (no edits). */
export function printedRows(table: Table): GridRowView[] {
  const origins = spanOrigins(table.rows, table.columnCount);
  const labels = new Set(labelColumns(table));
  return table.rows.map((cells, index) => ({
    id: `${table.id}:${index}`,
    index,
    spanStart: cells.map((_, c) => origins[index]?.[c]?.row ?? index),
    spanCol: cells.map((_, c) => origins[index]?.[c]?.col ?? c),
    cells: cells.map((cell, col) =>
      cell
        ? {
            text: cell.text,
            original: cell.text,
            edited: false,
            pending: false,
            numeric: !labels.has(col) && cell.value !== null,
            colSpan: Math.max(1, cell.colSpan),
            confidence: cell.confidence,
            ...(cell.source?.kind === 'ocr' ? { ocr: { confidence: cell.source.confidence, flagged: cell.source.flagged === true } } : {}),
          }
        : null,
    ),
  }));
}

/** Parses "tableId:row:col" keys of one table into row → col → value. */
function byRow<T>(tableId: string, entries: Iterable<[string, T]>): Map<number, Map<number, T>> {
  const rows = new Map<number, Map<number, T>>();
  const prefix = `${tableId}:`;
  for (const [key, value] of entries) {
    if (!key.startsWith(prefix)) continue;
    const [row, col] = key.slice(prefix.length).split(':').map(Number) as [number, number];
    let cols = rows.get(row);
    if (!cols) rows.set(row, (cols = new Map()));
    cols.set(col, value);
  }
  return rows;
}

/** The printed rows with edits and in-flight writes applied; untouched rows keep their identity. */
export function gridRows(printed: readonly GridRowView[], tableId: string, changes: ReadonlyMap<string, CellChange>, pending: ReadonlyMap<string, string>): GridRowView[] {
  const changed = byRow(tableId, changes);
  const inFlight = byRow(tableId, pending);
  if (changed.size === 0 && inFlight.size === 0) return printed as GridRowView[];
  return printed.map((row) => {
    const rowChanges = changed.get(row.index);
    const rowPending = inFlight.get(row.index);
    if (!rowChanges && !rowPending) return row;
    return {
      ...row,
      cells: row.cells.map((cell, col) => {
        if (!cell) return null;
        const writing = rowPending?.get(col);
        const text = writing ?? rowChanges?.get(col)?.current ?? cell.original;
        return { ...cell, text, edited: text !== cell.original, pending: writing !== undefined };
      }),
    };
  });
}
