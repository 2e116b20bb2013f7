/**
 * The open document's review: its edit log (with undo/redo), reviewed tables and orphaned edits.
 * Every change is appended to IndexedDB first; the log in memory — and so the UI's "saved"
 * state — only changes after the transaction committed.
 */
import { create } from 'zustand';
import type { ExtractedDocument } from '../../../core/model';
import { AnchorIndex } from '../../../core/review/anchors';
import { cellKey } from '../../../core/review/edits';
import type { CellEdit, CellRef } from '../../../core/review/model';
import { userMessage } from '../api/errors';
import { reviewDb, type ReanchorRecord } from '../db/database';
import { appendEdit, loadEdits, loadReanchors, loadReviewedTables, setTableReviewed } from '../db/review-repo';
import { cellChanges, editedCellCount, historyStacks, redoEntry, undoEntry, type CellChange } from '../review/history';
import { monotonicNow, newId } from '../review/ids';
import { useDocuments } from './documents';
import { useSettings } from './settings';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; durableMs: number; at: number } | { kind: 'error'; message: string };

interface ReviewState {
  doc: ExtractedDocument | null;
  log: CellEdit[];
  /** cellKey → printed/current text and history */
  changes: Map<string, CellChange>;
  /** cellKey → text being written (shown, not yet durable) */
  pending: Map<string, string>;
  canUndo: boolean;
  canRedo: boolean;
  reviewedTables: Set<string>;
  reanchors: ReanchorRecord[];
  save: SaveState;
  /** team sync: the server refuses this reviewer's writes — the review is shown, not changed */
  readOnly: boolean;
  setReadOnly: (readOnly: boolean) => void;
  load: (doc: ExtractedDocument) => Promise<void>;
  /** reloads the open document's log from the database (entries arrived from team sync) */
  refresh: () => Promise<void>;
  close: () => void;
  setCell: (ref: CellRef, text: string) => Promise<void>;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
  setReviewed: (tableId: string, reviewed: boolean) => Promise<void>;
}

function derived(log: CellEdit[]): Pick<ReviewState, 'log' | 'changes' | 'canUndo' | 'canRedo'> {
  const stacks = historyStacks(log);
  return { log, changes: cellChanges(log), canUndo: stacks.undo.length > 0, canRedo: stacks.redo.length > 0 };
}

export const useReview = create<ReviewState>()((set, get) => {
  let anchors: AnchorIndex | null = null;
  /** writes are applied one after another, in the order the reviewer made them */
  let queue: Promise<void> = Promise.resolve();
  function serial(task: () => Promise<void>): Promise<void> {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  }

  function reviewer(): string {
    return useSettings.getState().settings.reviewerName;
  }

  function stamp(): { id: string; at: number; reviewer: string } {
    return { id: newId(), at: monotonicNow(), reviewer: reviewer() };
  }

  async function commit(edit: CellEdit): Promise<void> {
    const key = cellKey(edit.cell);
    const started = performance.now();
    // Start the write first: the database works while the grid shows the text as "saving".
    const write = appendEdit(reviewDb(), edit);
    set((s) => ({ pending: new Map(s.pending).set(key, edit.after), save: { kind: 'saving' } }));
    try {
      await write;
    } catch (e) {
      set((s) => {
        const pending = new Map(s.pending);
        pending.delete(key);
        return { pending, save: { kind: 'error', message: userMessage(e) } };
      });
      return;
    }
    const durableMs = performance.now() - started;
    // The document may have been switched while writing; the entry is stored either way.
    if (get().doc?.source.sha256 !== edit.fileHash) return;
    const log = [...get().log, edit];
    set((s) => {
      const pending = new Map(s.pending);
      pending.delete(key);
      return { ...derived(log), pending, save: { kind: 'saved', durableMs, at: Date.now() } };
    });
    useDocuments.getState().setFigures(edit.fileHash, { editedCells: editedCellCount(log) });
  }

  return {
    doc: null,
    ...derived([]),
    pending: new Map(),
    reviewedTables: new Set(),
    reanchors: [],
    save: { kind: 'idle' },
    readOnly: false,
    setReadOnly: (readOnly) => set({ readOnly }),

    load: (doc) =>
      serial(async () => {
        anchors = new AnchorIndex(doc);
        const db = reviewDb();
        const hash = doc.source.sha256;
        set({ doc, ...derived([]), pending: new Map(), reviewedTables: new Set(), reanchors: [], save: { kind: 'idle' } });
        let loaded: [CellEdit[], Awaited<ReturnType<typeof loadReviewedTables>>, ReanchorRecord[]];
        try {
          loaded = await Promise.all([loadEdits(db, hash), loadReviewedTables(db, [hash]), loadReanchors(db, hash)]);
        } catch (e) {
          // An unusable database must not keep the document from being read: it opens without its
          // review, and the save state (and the start-up notice) say why.
          if (get().doc === doc) set({ save: { kind: 'error', message: userMessage(e) } });
          return;
        }
        const [log, reviewed, reanchors] = loaded;
        if (get().doc !== doc) return;
        set({ ...derived(log), reviewedTables: new Set(reviewed.map((r) => r.tableId)), reanchors });
      }),

    refresh: () =>
      serial(async () => {
        const doc = get().doc;
        if (!doc) return;
        const db = reviewDb();
        let log: CellEdit[];
        try {
          log = await loadEdits(db, doc.source.sha256);
        } catch (e) {
          if (get().doc === doc) set({ save: { kind: 'error', message: userMessage(e) } });
          return;
        }
        if (get().doc !== doc) return;
        set(derived(log));
        useDocuments.getState().setFigures(doc.source.sha256, { editedCells: editedCellCount(log) });
      }),

    close: () => {
      anchors = null;
      set({ doc: null, ...derived([]), pending: new Map(), reviewedTables: new Set(), reanchors: [] });
    },

    setCell: (ref, text) =>
      serial(async () => {
        const { doc, changes, readOnly } = get();
        if (readOnly) return;
        const printed = doc?.tables.find((t) => t.id === ref.tableId)?.rows[ref.row]?.[ref.col];
        const anchor = anchors?.anchorOf(ref);
        if (!doc || !printed || !anchor) return;
        const before = changes.get(cellKey(ref))?.current ?? printed.text;
        if (text === before) return;
        await commit({ ...stamp(), fileHash: doc.source.sha256, cell: ref, anchor, before, after: text, op: 'set' });
      }),

    undo: () =>
      serial(async () => {
        if (get().readOnly) return;
        const entry = undoEntry(get().log, stamp());
        if (entry) await commit(entry);
      }),

    redo: () =>
      serial(async () => {
        if (get().readOnly) return;
        const entry = redoEntry(get().log, stamp());
        if (entry) await commit(entry);
      }),

    setReviewed: (tableId, reviewed) =>
      serial(async () => {
        const doc = get().doc;
        if (!doc) return;
        const fileHash = doc.source.sha256;
        try {
          await setTableReviewed(reviewDb(), { fileHash, tableId, reviewer: reviewer(), at: monotonicNow() }, reviewed);
        } catch (e) {
          set({ save: { kind: 'error', message: userMessage(e) } });
          return;
        }
        const next = new Set(get().reviewedTables);
        if (reviewed) next.add(tableId);
        else next.delete(tableId);
        set({ reviewedTables: next });
        useDocuments.getState().setFigures(fileHash, { reviewedTables: next.size });
      }),
  };
});
