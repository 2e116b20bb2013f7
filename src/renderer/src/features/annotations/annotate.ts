/** What "添加批注" annotates: the grid range if one is selected, else the selected cell. */
import { AnchorIndex } from '../../../../core/review/anchors';
import type { Annotation, AnnotationTarget } from '../../../../core/review/model';
import { useWorkspace } from '../../stores/workspace';
import { useAnnotations } from './store';

export function selectedTarget(): { fileHash: string; target: AnnotationTarget } | null {
  const { doc, selection, tableId } = useWorkspace.getState();
  if (!doc) return null;
  const fileHash = doc.source.sha256;
  const range = useAnnotations.getState().range;
  const index = new AnchorIndex(doc);
  if (range && range.tableId === tableId && (range.rows[0] !== range.rows[1] || range.cols[0] !== range.cols[1])) {
    const anchor = index.anchorOf({ tableId: range.tableId, row: range.rows[0], col: range.cols[0] });
    if (anchor) return { fileHash, target: { kind: 'range', tableId: range.tableId, rows: range.rows, cols: range.cols, anchor } };
  }
  if (selection) {
    const anchor = index.anchorOf(selection);
    if (anchor) return { fileHash, target: { kind: 'cell', cell: selection, anchor } };
  }
  return null;
}

/** Starts a new annotation on the selection (or attaches an orphan there); false when nothing is selected. */
export function annotateSelection(reattach?: Annotation): boolean {
  const selected = selectedTarget();
  if (!selected) return false;
  useAnnotations.getState().startDraft(reattach ? { ...selected, reattach } : selected);
  return true;
}
