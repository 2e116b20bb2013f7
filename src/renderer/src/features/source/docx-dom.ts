/**
 * Finding Word table cells and paragraphs in docx-preview's rendering, by the indexes the DOCX
 * reader records (docs/office-formats.md): the n-th `w:tbl` of the document is the n-th `<table>`
 * of the body (nested ones counted, in document order), its rows are the `w:tr`, and a cell is the
 * `<td>` that starts at its grid column. docx-preview keeps one `<td>` per `w:tc` (continued
 * vertical merges stay as hidden cells) and renders `w:gridBefore` as a spacer `<td>` spanning
 * those columns, so adding up colSpans gives grid columns.
 */

/** The body's tables in document order (headers and footers are not rendered). */
export function wordTables(root: ParentNode): HTMLTableElement[] {
  return Array.from(root.querySelectorAll<HTMLTableElement>('article table'));
}

export function wordParagraphs(root: ParentNode): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('article p'));
}

function ownRows(table: HTMLTableElement): HTMLTableRowElement[] {
  return Array.from(table.rows);
}

function isHidden(td: HTMLTableCellElement): boolean {
  return td.style.display === 'none';
}

function cellStartingAt(tr: HTMLTableRowElement, col: number): HTMLTableCellElement | null {
  let at = 0;
  for (const td of Array.from(tr.cells)) {
    if (at === col) return td;
    if (at > col) return null;
    at += Math.max(1, td.colSpan);
  }
  return null;
}

/** The `<td>` of a Word table cell; a continued vertical merge resolves to the merge's first cell. */
export function wordCell(root: ParentNode, table: number, row: number, col: number): HTMLTableCellElement | null {
  const t = wordTables(root)[table];
  if (!t) return null;
  const rows = ownRows(t);
  for (let r = row; r >= 0; r--) {
    const tr = rows[r];
    const td = tr ? cellStartingAt(tr, col) : null;
    if (!td) return null;
    if (!isHidden(td)) return td;
  }
  return null;
}

/** Where a clicked `<td>` sits: table, row and grid column, as the DOCX reader counts them. */
export function wordCellPosition(root: ParentNode, td: HTMLTableCellElement): { table: number; row: number; col: number } | null {
  const tr = td.parentElement;
  const t = tr?.closest('table');
  if (!(tr instanceof HTMLTableRowElement) || !t) return null;
  const table = wordTables(root).indexOf(t);
  const row = ownRows(t).indexOf(tr);
  if (table < 0 || row < 0) return null;
  let col = 0;
  for (const cell of Array.from(tr.cells)) {
    if (cell === td) return { table, row, col };
    col += Math.max(1, cell.colSpan);
  }
  return null;
}
