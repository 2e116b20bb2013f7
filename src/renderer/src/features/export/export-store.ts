/**
 * Exporting corrected workbooks: the open document (saved where the reviewer chooses) or every
 * parsed document of the folder (into a chosen directory, with progress, cancellable). Workbooks
 * are built in a worker; the review comes from IndexedDB as stored.
 */
import { create } from 'zustand';
import type { ExtractedDocument } from '../../../../core/model';
import type { DocumentReview } from '../../../../core/review/model';
import { workbookFileName } from '../../../../export/workbook';
import { invoke } from '../../api/client';
import { userMessage } from '../../api/errors';
import { reviewDb } from '../../db/database';
import { useDocuments } from '../../stores/documents';
import { useReview } from '../../stores/review';
import { useWorkspace } from '../../stores/workspace';
import { runBatchExport, type BatchProgress, type BatchSummary } from './batch';
import { loadDocumentReview } from './review-source';
import { TOOL_VERSION } from './tool-version';
import { buildInWorker } from './workbook-worker-client';

export type SingleExport =
  | { kind: 'idle' }
  | { kind: 'building'; name: string }
  | { kind: 'saved'; path: string; ms: number }
  | { kind: 'error'; message: string };

export type BatchExport =
  | { phase: 'running'; directory: string; progress: BatchProgress }
  | { phase: 'finished'; directory: string; summary: BatchSummary }
  | { phase: 'error'; message: string };

interface ExportState {
  single: SingleExport;
  batch: BatchExport | null;
  exportOpenDocument: () => Promise<void>;
  exportFolder: () => Promise<void>;
  cancelBatch: () => void;
  closeBatch: () => void;
}

function baseName(path: string): string {
  return path.split('/').pop() ?? path;
}

/** Resolves once no edit of the open document is still being written. */
function editsWritten(): Promise<void> {
  if (useReview.getState().pending.size === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const off = useReview.subscribe((s) => {
      if (s.pending.size === 0) {
        off();
        resolve();
      }
    });
  });
}

async function build(document: ExtractedDocument, review: DocumentReview, signal?: AbortSignal): Promise<Uint8Array> {
  const built = await buildInWorker({ document, review, toolVersion: TOOL_VERSION, exportedAt: Date.now() }, signal);
  return built.bytes;
}

export const useExport = create<ExportState>()((set, get) => {
  let batchAbort: AbortController | null = null;

  return {
    single: { kind: 'idle' },
    batch: null,

    exportOpenDocument: async () => {
      const { doc, openPath } = useWorkspace.getState();
      if (!doc || !openPath || get().single.kind === 'building') return;
      const started = performance.now();
      const name = baseName(openPath);
      set({ single: { kind: 'building', name } });
      try {
        await editsWritten();
        const review = await loadDocumentReview(reviewDb(), doc.source.sha256, name);
        const bytes = await build(doc, review);
        const saved = await invoke('file:save', { suggestedName: workbookFileName(name), kind: 'xlsx', bytes });
        set({ single: saved ? { kind: 'saved', path: saved.path, ms: performance.now() - started } : { kind: 'idle' } });
      } catch (e) {
        set({ single: { kind: 'error', message: userMessage(e) } });
      }
    },

    exportFolder: async () => {
      if (get().batch?.phase === 'running') return;
      const documents = useDocuments.getState().folder?.documents ?? [];
      let directory: { token: string; path: string } | null;
      try {
        directory = await invoke('export:chooseDirectory', undefined);
      } catch (e) {
        set({ batch: { phase: 'error', message: userMessage(e) } });
        return;
      }
      if (!directory) return;
      const { token, path } = directory;
      const abort = new AbortController();
      batchAbort = abort;
      set({ batch: { phase: 'running', directory: path, progress: { done: 0, total: 0, current: null } } });
      await editsWritten();
      const db = reviewDb();
      const summary = await runBatchExport(
        documents,
        {
          extraction: (entry) => invoke('document:extraction', { relativePath: entry.relativePath }),
          review: (entry, doc) => loadDocumentReview(db, doc.source.sha256, entry.name),
          build: (doc, review, signal) => build(doc, review, signal),
          write: async (name, bytes) => (await invoke('export:writeFile', { token, name, bytes })).path,
          message: userMessage,
        },
        { signal: abort.signal, onProgress: (progress) => set({ batch: { phase: 'running', directory: path, progress } }) },
      );
      if (batchAbort === abort) batchAbort = null;
      set({ batch: { phase: 'finished', directory: path, summary } });
    },

    cancelBatch: () => batchAbort?.abort(),

    closeBatch: () => {
      if (get().batch?.phase === 'running') return;
      set({ batch: null });
    },
  };
});
