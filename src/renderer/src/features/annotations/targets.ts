/**
 * What an annotation points at, as places on the source pages (to outline and mark) and as a
 * short Chinese label (for lists).
 */
import type { BBox, ExtractedDocument, NarrativeBlock } from '../../../../core/model';
import type { AnnotationTarget } from '../../../../core/review/model';
import { STRINGS } from '../../strings';
import { tableName } from '../tables/table-name';

export interface PageBox {
  page: number;
  bbox: BBox;
}

/**
 * The printed lines a span [start, end) of a paragraph covers. The first and last lines are cut
 * in proportion to the characters they hold (CJK text is close to monospaced).
 */
export function narrativeBoxes(block: NarrativeBlock, start: number, end: number): PageBox[] {
  const lines = block.lines ?? [];
  const boxes: PageBox[] = [];
  for (const line of lines) {
    const s = Math.max(start, line.start);
    const e = Math.min(end, line.end);
    if (e <= s) continue;
    const length = Math.max(1, line.end - line.start);
    const [x0, y0, x1, y1] = line.bbox;
    const width = x1 - x0;
    boxes.push({ page: line.page, bbox: [x0 + (width * (s - line.start)) / length, y0, x0 + (width * (e - line.start)) / length, y1] });
  }
  return boxes.length > 0 ? boxes : [{ page: block.page, bbox: block.bbox }];
}

/** Every box of the target on the source pages (a range gives one box per cell). */
export function targetBoxes(doc: ExtractedDocument, target: AnnotationTarget): PageBox[] {
  switch (target.kind) {
    case 'cell': {
      const cell = doc.tables.find((t) => t.id === target.cell.tableId)?.rows[target.cell.row]?.[target.cell.col];
      return cell ? [{ page: cell.page, bbox: cell.bbox }] : [];
    }
    case 'range': {
      const table = doc.tables.find((t) => t.id === target.tableId);
      const boxes: PageBox[] = [];
      for (let r = target.rows[0]; r <= target.rows[1]; r++) {
        for (let c = target.cols[0]; c <= target.cols[1]; c++) {
          const cell = table?.rows[r]?.[c];
          if (cell) boxes.push({ page: cell.page, bbox: cell.bbox });
        }
      }
      return boxes;
    }
    case 'narrative': {
      const block = doc.narrative[target.block];
      return block ? narrativeBoxes(block, target.start, target.end) : [];
    }
    case 'page-rect':
      return [{ page: target.page, bbox: target.bbox }];
    default: {
      const never: never = target;
      throw new Error(`unknown annotation target ${String(never)}`);
    }
  }
}

/** The smallest box holding every box of the target on its first page. */
export function targetFocus(doc: ExtractedDocument, target: AnnotationTarget): PageBox | null {
  const boxes = targetBoxes(doc, target);
  const page = boxes[0]?.page;
  if (page === undefined) return null;
  const onPage = boxes.filter((b) => b.page === page);
  return {
    page,
    bbox: [Math.min(...onPage.map((b) => b.bbox[0])), Math.min(...onPage.map((b) => b.bbox[1])), Math.max(...onPage.map((b) => b.bbox[2])), Math.max(...onPage.map((b) => b.bbox[3]))],
  };
}

function shorten(text: string, max = 24): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/** A short label: table and cell names, the quoted words, or the page. */
export function targetLabel(doc: ExtractedDocument | null, target: AnnotationTarget): string {
  switch (target.kind) {
    case 'cell':
    case 'range': {
      const tableId = target.kind === 'cell' ? target.cell.tableId : target.tableId;
      const table = doc?.tables.find((t) => t.id === tableId);
      const name = table ? tableName(table) : target.anchor.tableTitle || STRINGS.orphans.untitled;
      if (target.kind === 'range') {
        return STRINGS.annotations.rangeTarget(name, STRINGS.annotations.rows(target.rows[0] + 1, target.rows[1] + 1), STRINGS.annotations.cols(target.cols[0] + 1, target.cols[1] + 1));
      }
      // The anchor names the cell the way a reader does, also when the document is not open.
      const anchor = target.anchor;
      return STRINGS.annotations.cellTarget(
        name,
        anchor.rowLabel || STRINGS.cell.rowNumber(target.cell.row + 1),
        anchor.columnHeader || STRINGS.cell.columnNumber(target.cell.col + 1),
      );
    }
    case 'narrative':
      return STRINGS.annotations.narrativeTarget(shorten(target.quote));
    case 'page-rect':
      return STRINGS.annotations.pageRectTarget(target.page);
    default: {
      const never: never = target;
      throw new Error(`unknown annotation target ${String(never)}`);
    }
  }
}

/** Whether a target covers a body cell (for grid markers). */
export function coversCell(target: AnnotationTarget, tableId: string, row: number, col: number): boolean {
  if (target.kind === 'cell') return target.cell.tableId === tableId && target.cell.row === row && target.cell.col === col;
  if (target.kind === 'range') return target.tableId === tableId && row >= target.rows[0] && row <= target.rows[1] && col >= target.cols[0] && col <= target.cols[1];
  return false;
}
