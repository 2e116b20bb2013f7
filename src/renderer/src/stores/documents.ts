/** The watched folder and its documents, plus per-document review figures for the list. */
import { create } from 'zustand';
import type { DocumentEntry, FolderState } from '../../../shared/ipc-contract';
import { invoke, on } from '../api/client';
import { userMessage } from '../api/errors';
import { reviewDb } from '../db/database';
import { loadEditsByFile, loadReviewedTables } from '../db/review-repo';
import { editedCellCount } from '../review/history';
import { monotonicNow } from '../review/ids';
import { reconcileVersions } from '../review/versions';

export interface ReviewFigures {
  editedCells: number;
  reviewedTables: number;
}

interface DocumentsState {
  folder: FolderState | null;
  error: string | null;
  /** sha256 → figures */
  figures: Record<string, ReviewFigures>;
  /** the folder state whose versions have been reconciled (edits moved to changed files) */
  reconciled: FolderState | null;
  start: () => () => void;
  chooseFolder: () => Promise<void>;
  reparse: (relativePath: string) => Promise<void>;
  cancelParse: (relativePath: string) => Promise<void>;
  setFigures: (sha256: string, figures: Partial<ReviewFigures>) => void;
}

function applyProgress(folder: FolderState | null, relativePath: string, progress: number): FolderState | null {
  if (!folder) return folder;
  return {
    ...folder,
    documents: folder.documents.map((d): DocumentEntry => (d.relativePath === relativePath ? { ...d, status: 'parsing', progress } : d)),
  };
}

export const useDocuments = create<DocumentsState>()((set, get) => {
  /** Figures and re-anchoring follow the folder state; one pass at a time, the latest state wins. */
  let syncing: Promise<void> = Promise.resolve();
  function sync(folder: FolderState): void {
    syncing = syncing.then(async () => {
      const db = reviewDb();
      try {
        await reconcileVersions(db, folder.documents, (relativePath) => invoke('document:extraction', { relativePath }), monotonicNow);
        const hashes = [...new Set(folder.documents.flatMap((d) => (d.sha256 ? [d.sha256] : [])))];
        const [logs, reviewed] = await Promise.all([loadEditsByFile(db, hashes), loadReviewedTables(db, hashes)]);
        const figures: Record<string, ReviewFigures> = {};
        for (const h of hashes) figures[h] = { editedCells: editedCellCount(logs.get(h) ?? []), reviewedTables: 0 };
        for (const r of reviewed) if (figures[r.fileHash]) figures[r.fileHash]!.reviewedTables++;
        set({ figures, reconciled: folder });
      } catch (e) {
        set({ error: userMessage(e) });
      }
    });
  }
  function receive(folder: FolderState): void {
    set({ folder });
    sync(folder);
  }

  return {
    folder: null,
    error: null,
    figures: {},
    reconciled: null,
    start: () => {
      const offChanged = on('folder:changed', receive);
      const offProgress = on('document:progress', ({ relativePath, progress }) => set({ folder: applyProgress(get().folder, relativePath, progress) }));
      invoke('folder:state', undefined).then(receive, (e: unknown) => set({ error: userMessage(e) }));
      return () => {
        offChanged();
        offProgress();
      };
    },
    chooseFolder: async () => {
      try {
        receive(await invoke('folder:choose', undefined));
      } catch (e) {
        set({ error: userMessage(e) });
      }
    },
    reparse: async (relativePath) => {
      try {
        await invoke('document:reparse', { relativePath });
      } catch (e) {
        set({ error: userMessage(e) });
      }
    },
    cancelParse: async (relativePath) => {
      try {
        await invoke('document:cancel', { relativePath });
      } catch (e) {
        set({ error: userMessage(e) });
      }
    },
    setFigures: (sha256, figures) =>
      set((s) => ({ figures: { ...s.figures, [sha256]: { editedCells: 0, reviewedTables: 0, ...s.figures[sha256], ...figures } } })),
  };
});
