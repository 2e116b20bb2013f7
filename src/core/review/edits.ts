/**
 * The edit log is append-only; a cell's current text is the `after` of its latest entry (undo and
 * redo entries carry the text they restore). These helpers fold the log into current values.
 */
import type { ExtractedDocument, GridRow } from '../model';
import { cellValue, tableIdentifierColumns } from '../table/header-rows';
import type { CellEdit, CellRef } from './model';

export function cellKey(ref: CellRef): string {
  return `${ref.tableId}:${ref.row}:${ref.col}`;
}

/** Log order: by time, then by insertion order for entries in the same millisecond. */
function inLogOrder(edits: readonly CellEdit[]): CellEdit[] {
  return edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.at - b.e.at || a.i - b.i).map(({ e }) => e);
}

/** The latest entry per cell. */
export function latestEdits(edits: readonly CellEdit[]): Map<string, CellEdit> {
  const latest = new Map<string, CellEdit>();
  for (const e of inLogOrder(edits)) latest.set(cellKey(e.cell), e);
  return latest;
}

/**
 * A copy of the document with the edits applied (text and parsed value). Cells whose latest entry
 * restores the printed text come back unchanged. Edits pointing at cells that do not exist are
 * ignored here; re-anchoring reports them as orphans.
 */
export function applyEdits(doc: ExtractedDocument, edits: readonly CellEdit[]): ExtractedDocument {
  if (edits.length === 0) return doc;
  const latest = latestEdits(edits);
  const tables = doc.tables.map((table) => {
    let rows: GridRow[] | null = null;
    let identifier: boolean[] | null = null;
    for (const edit of latest.values()) {
      if (edit.cell.tableId !== table.id) continue;
      const cell = table.rows[edit.cell.row]?.[edit.cell.col];
      if (!cell) continue;
      rows ??= table.rows.map((r) => r.slice());
      // a corrected code stays a code: values follow the same column rule as extraction
      identifier ??= tableIdentifierColumns(table);
      rows[edit.cell.row]![edit.cell.col] = { ...cell, text: edit.after, value: cellValue(edit.after, identifier[edit.cell.col] ?? false) };
    }
    return rows ? { ...table, rows } : table;
  });
  return { ...doc, tables };
}
