/**
 * Keeps the annotations store in step with the rest of the app: the folder's annotations and the
 * open one's history follow the database live; a grid range or a drawing in progress ends when the
 * reviewer turns to another table or document; Esc leaves drawing mode.
 */
import { liveQuery } from 'dexie';
import { useEffect } from 'react';
import { userMessage } from '../../api/errors';
import { loadAnnotationHistory, loadAnnotationMoves, loadAnnotations } from '../../db/annotation-repo';
import { reviewDb } from '../../db/database';
import { useDocuments } from '../../stores/documents';
import { useWorkspace } from '../../stores/workspace';
import type { FolderState } from '../../../../shared/ipc-contract';
import { useAnnotations } from './store';

function currentHashes(folder: FolderState | null): string[] {
  return [...new Set((folder?.documents ?? []).flatMap((d) => (d.status === 'parsed' && d.sha256 ? [d.sha256] : [])))].sort();
}

function useFolderAnnotations(): void {
  useEffect(() => {
    let key = '';
    let subscription: { unsubscribe: () => void } | null = null;
    const follow = (): void => {
      const { reconciled, folder } = useDocuments.getState();
      // after re-anchoring (reconciled), so annotations moved onto a new version are there
      const hashes = currentHashes(reconciled ?? folder);
      if (hashes.join() === key) return;
      key = hashes.join();
      subscription?.unsubscribe();
      const db = reviewDb();
      subscription = liveQuery(async () => Promise.all([loadAnnotations(db, hashes), loadAnnotationMoves(db, hashes)])).subscribe({
        next: ([all, moves]) => useAnnotations.getState().setData(all, moves),
        error: (e: unknown) => useAnnotations.setState({ save: { kind: 'error', message: userMessage(e) } }),
      });
    };
    follow();
    const off = useDocuments.subscribe(follow);
    return () => {
      off();
      subscription?.unsubscribe();
    };
  }, []);
}

function useOpenHistory(): void {
  useEffect(() => {
    let subscription: { unsubscribe: () => void } | null = null;
    let shown: string | null = null;
    const follow = (): void => {
      const id = useAnnotations.getState().openId;
      if (id === shown) return;
      shown = id;
      subscription?.unsubscribe();
      subscription = null;
      if (!id) return;
      subscription = liveQuery(() => loadAnnotationHistory(reviewDb(), id)).subscribe({
        next: (history) => {
          if (useAnnotations.getState().openId === id) useAnnotations.getState().setHistory(history);
        },
        error: (e: unknown) => useAnnotations.setState({ save: { kind: 'error', message: userMessage(e) } }),
      });
    };
    follow();
    const off = useAnnotations.subscribe(follow);
    return () => {
      off();
      subscription?.unsubscribe();
    };
  }, []);
}

function useSelectionHousekeeping(): void {
  useEffect(() => {
    const off = useWorkspace.subscribe((s, prev) => {
      const store = useAnnotations.getState();
      if (s.doc !== prev.doc) {
        store.setRange(null, null);
        store.setDrawing(false);
        store.setOffer(null);
      } else if (s.tableId !== prev.tableId && store.range && store.range.tableId !== s.tableId) {
        store.setRange(null, null);
      }
    });
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && useAnnotations.getState().drawing) useAnnotations.getState().setDrawing(false);
    };
    // The "添加批注" offer for selected text goes away with the selection.
    const onSelection = (): void => {
      if (useAnnotations.getState().offer && (window.getSelection()?.isCollapsed ?? true)) useAnnotations.getState().setOffer(null);
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('selectionchange', onSelection);
    return () => {
      off();
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('selectionchange', onSelection);
    };
  }, []);
}

export function useAnnotationsWiring(): void {
  useFolderAnnotations();
  useOpenHistory();
  useSelectionHousekeeping();
}
