/**
 * Between grid cells and places in the rendered Word/Excel source: a cell's `source`
 * (docs/office-formats.md) names its place as a key; the index maps keys back to body cells, so a
 * click in the source selects the cell in the grid.
 */
import type { BlockSource, CellSource, ExtractedDocument } from '../../../../core/model';
import type { CellRef } from '../../../../core/review/model';

/** "x:<sheetIndex>:<address>" for a worksheet cell, "d:<table>:<row>:<col>" for a Word table cell. */
export function sourceKey(source: CellSource | BlockSource): string | null {
  if (source.kind === 'xlsx') return `x:${source.sheetIndex}:${source.address}`;
  if ('table' in source) return `d:${source.table}:${source.row}:${source.col}`;
  return null;
}

export function docxCellKey(table: number, row: number, col: number): string {
  return `d:${table}:${row}:${col}`;
}

export function xlsxCellKey(sheetIndex: number, address: string): string {
  return `x:${sheetIndex}:${address}`;
}

/** Every body cell of the document by the key of its place in the source. */
export function bodyCellsBySource(doc: ExtractedDocument): Map<string, CellRef> {
  const index = new Map<string, CellRef>();
  for (const table of doc.tables) {
    table.rows.forEach((cells, row) =>
      cells.forEach((cell, col) => {
        const key = cell?.source ? sourceKey(cell.source) : null;
        if (key && !index.has(key)) index.set(key, { tableId: table.id, row, col });
      }),
    );
  }
  return index;
}

/** What the source view should outline: the selected cell, else the selected narrative block. */
export type SourceTarget = { kind: 'cell'; key: string } | { kind: 'paragraph'; index: number } | null;

export function targetOf(doc: ExtractedDocument, selection: CellRef | null, narrativeIndex: number | null): SourceTarget {
  if (selection) {
    const source = doc.tables.find((t) => t.id === selection.tableId)?.rows[selection.row]?.[selection.col]?.source;
    const key = source ? sourceKey(source) : null;
    return key ? { kind: 'cell', key } : null;
  }
  if (narrativeIndex !== null) {
    const source = doc.narrative[narrativeIndex]?.source;
    if (!source) return null;
    if (source.kind === 'docx') return { kind: 'paragraph', index: source.paragraph };
    const key = sourceKey(source);
    return key ? { kind: 'cell', key } : null;
  }
  return null;
}
