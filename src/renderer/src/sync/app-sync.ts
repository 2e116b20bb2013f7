/**
 * The app's team sync: the sync store wired to the real surroundings — the review database,
 * pouchdb-browser (IndexedDB replica + HTTP), the connection main keeps ('sync:connection'), the
 * reviewer's name, the open folder's files, and the review / findings stores, which reload what
 * they show when entries from the team arrive. `useSyncWiring` starts replication and restarts it
 * for another folder (or files newly read in it).
 */
import { useEffect } from 'react';
import { invoke } from '../api/client';
import { reviewDb } from '../db/database';
import { loadEditsByFile } from '../db/review-repo';
import { editedCellCount } from '../review/history';
import { monotonicNow, newId } from '../review/ids';
import { useDocuments } from '../stores/documents';
import { useFindings } from '../stores/findings';
import { useReview } from '../stores/review';
import { useSettings } from '../stores/settings';
import type { PouchStatic } from './pouch-types';
import { createSyncStore } from './sync-store';

function folderFiles(): Set<string> | null {
  const folder = useDocuments.getState().folder;
  if (!folder?.folder) return null;
  return new Set(folder.documents.flatMap((d) => (d.sha256 ? [d.sha256] : [])));
}

/** After entries of these files arrived: the document list figures and the open document's review. */
async function refreshShown(files: readonly string[]): Promise<void> {
  const inFolder = folderFiles();
  const shown = files.filter((h) => !inFolder || inFolder.has(h));
  if (shown.length === 0) return;
  const logs = await loadEditsByFile(reviewDb(), shown);
  for (const hash of shown) useDocuments.getState().setFigures(hash, { editedCells: editedCellCount(logs.get(hash) ?? []) });
  const doc = useReview.getState().doc;
  if (doc && shown.includes(doc.source.sha256)) {
    // the findings reload their decisions when their input document changes
    useFindings.getState().setInput(null, []);
    await useReview.getState().refresh();
  }
}

export const useSync = createSyncStore({
  db: reviewDb,
  loadPouch: async () => (await import('pouchdb-browser')).default as PouchStatic,
  // the replica lives in IndexedDB next to the review database
  localOptions: { adapter: 'idb' },
  connection: () => invoke('sync:connection', undefined),
  me: () => useSettings.getState().settings.reviewerName,
  folderFiles,
  onFilesChanged: refreshShown,
  onReadOnly: (readOnly) => useReview.getState().setReadOnly(readOnly),
  now: monotonicNow,
  newId,
});

function scopeKey(): string {
  const folder = useDocuments.getState().folder;
  const files = [...(folderFiles() ?? [])].sort();
  return `${folder?.folder ?? ''}\u0000${files.join(',')}`;
}

/** Starts team sync once, and again when the folder (or the set of its read files) changes. */
export function useSyncWiring(): void {
  useEffect(() => {
    let key = scopeKey();
    let timer: ReturnType<typeof setTimeout> | null = null;
    void useSync.getState().start();
    const off = useDocuments.subscribe(() => {
      const next = scopeKey();
      if (next === key) return;
      key = next;
      // files are read one after another: restart once they settle
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void useSync.getState().start(), 1500);
    });
    // a local edit goes out at once rather than at the next poll
    const offReview = useReview.subscribe((s, prev) => {
      if (s.log !== prev.log) useSync.getState().kick();
    });
    return () => {
      off();
      offReview();
      if (timer) clearTimeout(timer);
      void useSync.getState().stop();
    };
  }, []);
}
