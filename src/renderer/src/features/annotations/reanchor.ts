/**
 * Moves annotations onto a new parse of their file (the file changed). Cell and range targets are
 * found again by their cell anchor with the same AnchorIndex the edit log uses; a sentence by its
 * quoted text; a page rectangle stays where it was drawn while the page exists. What cannot be
 * placed is returned as an orphan, never dropped.
 */
import type { ExtractedDocument } from '../../../../core/model';
import { AnchorIndex } from '../../../../core/review/anchors';
import type { Annotation, AnnotationTarget } from '../../../../core/review/model';

export interface MovedAnnotation {
  before: Annotation;
  after: Annotation;
}

export interface AnnotationReanchorResult {
  moved: MovedAnnotation[];
  orphans: Annotation[];
}

/** Deterministic, so moving the same annotations twice yields the same records. */
export function movedAnnotationId(id: string, toHash: string): string {
  return `${id}~${toHash.slice(0, 12)}`;
}

/** Where `quote` occurs in the narrative: the block nearest to `hint` that contains it. */
function findQuote(doc: ExtractedDocument, quote: string, hint: number): { block: number; start: number } | null {
  if (!quote) return null;
  let best: { block: number; start: number } | null = null;
  for (const [i, block] of doc.narrative.entries()) {
    const start = block.text.indexOf(quote);
    if (start < 0) continue;
    if (!best || Math.abs(i - hint) < Math.abs(best.block - hint)) best = { block: i, start };
  }
  return best;
}

function moveTarget(target: AnnotationTarget, doc: ExtractedDocument, index: AnchorIndex): AnnotationTarget | null {
  switch (target.kind) {
    case 'cell': {
      const cell = index.locate(target.anchor, target.cell);
      return cell ? { kind: 'cell', cell, anchor: target.anchor } : null;
    }
    case 'range': {
      // The range follows its first cell; its shape is kept and must still fit the table.
      const first = index.locate(target.anchor, { tableId: target.tableId, row: target.rows[0], col: target.cols[0] });
      if (!first) return null;
      const table = doc.tables.find((t) => t.id === first.tableId);
      const rows: [number, number] = [first.row, first.row + target.rows[1] - target.rows[0]];
      const cols: [number, number] = [first.col, first.col + target.cols[1] - target.cols[0]];
      if (!table || rows[1] >= table.rows.length || cols[1] >= table.columnCount) return null;
      return { kind: 'range', tableId: first.tableId, rows, cols, anchor: target.anchor };
    }
    case 'narrative': {
      const found = findQuote(doc, target.quote, target.block);
      return found ? { kind: 'narrative', block: found.block, start: found.start, end: found.start + target.quote.length, quote: target.quote } : null;
    }
    case 'page-rect':
      return target.page >= 1 && target.page <= doc.source.pages ? { ...target, bbox: [...target.bbox] } : null;
    default: {
      const never: never = target;
      throw new Error(`unknown annotation target ${String(never)}`);
    }
  }
}

export function reanchorAnnotations(annotations: readonly Annotation[], doc: ExtractedDocument): AnnotationReanchorResult {
  const index = new AnchorIndex(doc);
  const hash = doc.source.sha256;
  const result: AnnotationReanchorResult = { moved: [], orphans: [] };
  for (const annotation of annotations) {
    const target = moveTarget(annotation.target, doc, index);
    if (!target) {
      result.orphans.push(annotation);
      continue;
    }
    result.moved.push({ before: annotation, after: { ...annotation, id: movedAnnotationId(annotation.id, hash), fileHash: hash, target, replies: annotation.replies.map((r) => ({ ...r })) } });
  }
  return result;
}
