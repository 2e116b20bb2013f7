/**
 * Going to an annotation: open its document if another one is open, then show its target — the
 * cell selected in the grid and outlined on the page, a range, a sentence, a drawn rectangle.
 */
import type { Annotation } from '../../../../core/review/model';
import { useDocuments } from '../../stores/documents';
import { useWorkspace } from '../../stores/workspace';
import { useAnnotations } from './store';
import { targetFocus } from './targets';

/** The folder-relative path of the file an annotation belongs to, when that version is in the folder. */
export function documentPathOf(fileHash: string): string | null {
  return useDocuments.getState().folder?.documents.find((d) => d.sha256 === fileHash && d.status === 'parsed')?.relativePath ?? null;
}

export async function goToAnnotation(annotation: Annotation): Promise<void> {
  const store = useAnnotations.getState();
  store.open(annotation.id);
  let workspace = useWorkspace.getState();
  if (workspace.doc?.source.sha256 !== annotation.fileHash) {
    const path = documentPathOf(annotation.fileHash);
    if (!path) return;
    await workspace.openDocument(path);
    workspace = useWorkspace.getState();
  }
  const doc = workspace.doc;
  if (!doc || doc.source.sha256 !== annotation.fileHash) return;
  const target = annotation.target;
  const focus = targetFocus(doc, target);
  switch (target.kind) {
    case 'cell':
      if (workspace.tableId !== target.cell.tableId) workspace.selectTable(target.cell.tableId);
      // selecting the cell again re-centres the grid and the page on it
      useWorkspace.getState().selectCell(null, 'list');
      useWorkspace.getState().selectCell(target.cell, 'list');
      break;
    case 'range': {
      if (workspace.tableId !== target.tableId) workspace.selectTable(target.tableId);
      const first = { tableId: target.tableId, row: target.rows[0], col: target.cols[0] };
      useWorkspace.getState().selectCell(null, 'list');
      useWorkspace.getState().selectCell(first, 'list');
      store.setRange({ tableId: target.tableId, rows: target.rows, cols: target.cols }, first);
      if (focus) useWorkspace.setState({ focus, page: focus.page });
      break;
    }
    case 'narrative':
      if (focus) workspace.selectNarrative(target.block, focus);
      break;
    case 'page-rect':
      useWorkspace.setState({ selection: null, selectionOrigin: 'list', narrativeIndex: null, focus: { page: target.page, bbox: target.bbox } });
      workspace.setPage(target.page);
      break;
    default: {
      const never: never = target;
      throw new Error(`unknown annotation target ${String(never)}`);
    }
  }
}
