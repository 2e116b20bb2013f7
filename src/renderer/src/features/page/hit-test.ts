/** Which table cell lies under a point of a page (PDF user space), for clicks on the source view. */
import type { ExtractedDocument } from '../../../../core/model';
import type { CellRef } from '../../../../core/review/model';

/** Half a point of slack: a click on a ruling line still belongs to a cell. */
const SLACK = 0.5;

/**
 * The body cell whose bbox on `page` contains (x, y); the smallest one when boxes overlap.
 * Cells of `preferTableId` win over other tables on the same page.
 */
export function cellAtPoint(doc: ExtractedDocument, page: number, x: number, y: number, preferTableId: string | null = null): CellRef | null {
  let best: { ref: CellRef; area: number; preferred: boolean } | null = null;
  for (const table of doc.tables) {
    if (page < table.pages[0] || page > table.pages[1]) continue;
    const preferred = table.id === preferTableId;
    for (const [row, cells] of table.rows.entries()) {
      for (const [col, cell] of cells.entries()) {
        if (!cell || cell.page !== page) continue;
        const [x0, y0, x1, y1] = cell.bbox;
        if (x < x0 - SLACK || x > x1 + SLACK || y < y0 - SLACK || y > y1 + SLACK) continue;
        const area = (x1 - x0) * (y1 - y0);
        if (!best || (preferred && !best.preferred) || (preferred === best.preferred && area < best.area)) {
          best = { ref: { tableId: table.id, row, col }, area, preferred };
        }
      }
    }
  }
  return best?.ref ?? null;
}
