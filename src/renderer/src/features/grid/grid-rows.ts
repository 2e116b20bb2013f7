/**
 * Body rows as the grid shows them: the current text of each cell (edits applied, writes in
 * flight shown), whether it was edited, and where row spans start.
 */
import type { CellConfidence, Table } from '../../../../core/model';
import { labelColumns, spanOrigins } from '../../../../core/review/anchors';
import { cellKey } from '../../../../core/review/edits';
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

export function gridRows(table: Table, changes: ReadonlyMap<string, CellChange>, pending: ReadonlyMap<string, string>): GridRowView[] {
  const origins = spanOrigins(table.rows, table.columnCount);
  const labels = new Set(labelColumns(table));
  return table.rows.map((cells, index) => ({
    id: `${table.id}:${index}`,
    index,
    spanStart: cells.map((_, c) => origins[index]?.[c]?.row ?? index),
    spanCol: cells.map((_, c) => origins[index]?.[c]?.col ?? c),
    cells: cells.map((cell, col) => {
      if (!cell) return null;
      const key = cellKey({ tableId: table.id, row: index, col });
      const change = changes.get(key);
      const inFlight = pending.get(key);
      const text = inFlight ?? change?.current ?? cell.text;
      return {
        text,
        original: cell.text,
        edited: text !== cell.text,
        pending: inFlight !== undefined,
        numeric: !labels.has(col) && cell.value !== null,
        colSpan: Math.max(1, cell.colSpan),
        confidence: cell.confidence,
      };
    }),
  }));
}
