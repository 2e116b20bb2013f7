/**
 * Cell anchors: how a reviewer's edit finds its cell again after the file changed and was parsed
 * anew. A cell is named the way a reader names it — table title, row label, column header — so an
 * inserted row or a moved table does not send the edit to the wrong cell. Edits whose anchor no
 * longer names exactly one cell are returned as orphans for the reviewer, never dropped.
 */
import type { ExtractedDocument, GridRow, Table } from '../model';
import type { CellAnchor, CellEdit, CellRef } from './model';

/** Where the cell covering a grid position starts (itself when it is not covered by a span). */
export interface SpanOrigin {
  row: number;
  col: number;
}

/**
 * For every position of a grid, the origin of the cell covering it, following rowSpan/colSpan;
 * null where no cell covers the position (a hole in the printed grid).
 */
export function spanOrigins(grid: readonly GridRow[], columnCount: number): (SpanOrigin | null)[][] {
  const origins: (SpanOrigin | null)[][] = grid.map(() => new Array<SpanOrigin | null>(columnCount).fill(null));
  grid.forEach((cells, r) => {
    for (let c = 0; c < columnCount; c++) {
      const cell = cells[c];
      if (!cell) continue;
      const origin = { row: r, col: c };
      for (let dr = 0; dr < Math.max(1, cell.rowSpan); dr++) {
        const target = origins[r + dr];
        if (!target) break;
        for (let dc = 0; dc < Math.max(1, cell.colSpan) && c + dc < columnCount; dc++) {
          // A cell's own position always wins over a neighbour's span that overlaps it.
          if (dr === 0 && dc === 0) target[c + dc] = origin;
          else target[c + dc] ??= origin;
        }
      }
    }
  });
  return origins;
}

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The key tables are matched by: the title, else the code ("预算01表"), else empty. */
export function tableKey(table: Table): string {
  return clean(table.title) || clean(table.code);
}

/** The header path of every grid column, joined with " / " ("基本支出 / 人员经费"). */
export function columnHeaderPaths(table: Table): string[] {
  const origins = spanOrigins(table.header, table.columnCount);
  const paths: string[] = [];
  for (let c = 0; c < table.columnCount; c++) {
    const parts: string[] = [];
    for (let r = 0; r < table.header.length; r++) {
      const o = origins[r]?.[c];
      const text = o ? clean(table.header[o.row]?.[o.col]?.text) : '';
      if (text && parts[parts.length - 1] !== text) parts.push(text);
    }
    paths.push(parts.join(' / '));
  }
  return paths;
}

const AMOUNT_LIKE = /^[-−(（]?[\d,]*\d\.\d{1,2}[)）]?$|^[-—–−]{1,2}$/;

/**
 * The leading columns that name a row (codes, names, 序号): every column before the first one
 * whose filled body cells mostly look like printed amounts ("2,006.90").
 */
export function labelColumns(table: Table): number[] {
  const columns: number[] = [];
  for (let c = 0; c < table.columnCount; c++) {
    let filled = 0;
    let amounts = 0;
    for (const row of table.rows) {
      const text = clean(row[c]?.text);
      if (!text) continue;
      filled++;
      if (AMOUNT_LIKE.test(text)) amounts++;
    }
    if (filled > 0 && amounts * 2 >= filled) break;
    columns.push(c);
  }
  // A table with no amount column at all (a text table) is labelled by its first column only.
  return columns.length === table.columnCount ? columns.slice(0, 1) : columns;
}

/** Every body row's label: the texts of its label columns (spans from above included). */
export function rowLabels(table: Table): string[] {
  const origins = spanOrigins(table.rows, table.columnCount);
  const columns = labelColumns(table);
  return table.rows.map((_, r) => {
    const parts: string[] = [];
    for (const c of columns) {
      const o = origins[r]?.[c];
      const text = o ? clean(table.rows[o.row]?.[o.col]?.text) : '';
      if (text && parts[parts.length - 1] !== text) parts.push(text);
    }
    return parts.join(' ');
  });
}

/** Position of `index` among the entries of `keys` equal to keys[index]. */
function occurrence(keys: readonly string[], index: number): number {
  let n = 0;
  for (let i = 0; i < index; i++) if (keys[i] === keys[index]) n++;
  return n;
}

/** Index of the `n`-th entry equal to `key`, or -1. */
function nthIndex(keys: readonly string[], key: string, n: number): number {
  let seen = 0;
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== key) continue;
    if (seen === n) return i;
    seen++;
  }
  return -1;
}

/** Looks cells up by anchor and names cells by anchor; computes each table's labels once. */
export class AnchorIndex {
  private readonly tableKeys: string[];
  private readonly labels = new Map<string, string[]>();
  private readonly headers = new Map<string, string[]>();

  constructor(private readonly doc: ExtractedDocument) {
    this.tableKeys = doc.tables.map(tableKey);
  }

  private rowLabelsOf(table: Table): string[] {
    let labels = this.labels.get(table.id);
    if (!labels) this.labels.set(table.id, (labels = rowLabels(table)));
    return labels;
  }

  private headersOf(table: Table): string[] {
    let headers = this.headers.get(table.id);
    if (!headers) this.headers.set(table.id, (headers = columnHeaderPaths(table)));
    return headers;
  }

  /** The anchor of a body cell, or null when the reference points outside the document. */
  anchorOf(ref: CellRef): CellAnchor | null {
    const t = this.doc.tables.findIndex((table) => table.id === ref.tableId);
    const table = this.doc.tables[t];
    if (!table || !table.rows[ref.row] || ref.col < 0 || ref.col >= table.columnCount) return null;
    const labels = this.rowLabelsOf(table);
    return {
      tableTitle: this.tableKeys[t]!,
      tableOccurrence: occurrence(this.tableKeys, t),
      rowLabel: labels[ref.row]!,
      rowOccurrence: occurrence(labels, ref.row),
      columnHeader: this.headersOf(table)[ref.col]!,
    };
  }

  /**
   * The cell an anchor names in this document, or null when it names none or is ambiguous.
   * `hint` (the edit's old position) settles columns that share a header, such as the two
   * "金额" columns of a 收支总表.
   */
  locate(anchor: CellAnchor, hint?: CellRef): CellRef | null {
    const t = nthIndex(this.tableKeys, anchor.tableTitle, anchor.tableOccurrence);
    const table = this.doc.tables[t];
    if (!table) return null;
    const row = nthIndex(this.rowLabelsOf(table), anchor.rowLabel, anchor.rowOccurrence);
    if (row < 0) return null;
    const candidates: number[] = [];
    this.headersOf(table).forEach((h, c) => {
      if (h === anchor.columnHeader) candidates.push(c);
    });
    let col: number | undefined;
    if (candidates.length === 1) col = candidates[0];
    else if (hint && candidates.includes(hint.col)) col = hint.col;
    if (col === undefined) return null;
    // The position must hold a cell of its own, not a piece of a neighbour's span.
    if (!table.rows[row]?.[col]) return null;
    return { tableId: table.id, row, col };
  }
}

export function anchorFor(doc: ExtractedDocument, ref: CellRef): CellAnchor | null {
  return new AnchorIndex(doc).anchorOf(ref);
}

export interface ReanchorResult {
  /**
   * the edits moved onto the new parse: new file hash and cell positions, same anchors, ids
   * derived from the old ones (the old log stays stored under the old hash, so ids must differ)
   */
  edits: CellEdit[];
  /** edits whose anchor names no single cell of the new parse, unchanged */
  orphans: CellEdit[];
}

/**
 * Moves an edit log onto a new parse of the same file. Every entry is located by its own anchor,
 * so a cell's undo/redo history moves with it. The log order is kept.
 */
export function reanchorEdits(edits: readonly CellEdit[], doc: ExtractedDocument): ReanchorResult {
  const index = new AnchorIndex(doc);
  const hash = doc.source.sha256;
  // Deterministic ids, so moving the same log twice stores the same records.
  const moveId = (id: string): string => `${id}~${hash.slice(0, 12)}`;
  const result: ReanchorResult = { edits: [], orphans: [] };
  for (const edit of edits) {
    const cell = index.locate(edit.anchor, edit.cell);
    if (!cell) {
      result.orphans.push(edit);
      continue;
    }
    const moved: CellEdit = { ...edit, id: moveId(edit.id), fileHash: hash, cell };
    if (edit.revertsId !== undefined) moved.revertsId = moveId(edit.revertsId);
    result.edits.push(moved);
  }
  return result;
}
