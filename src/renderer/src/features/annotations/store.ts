/**
 * Annotations of the folder (the current version of each file) and what the reviewer is doing
 * with them: the one shown in the pane, a new one being written, the grid range, drawing on the
 * page. The lists follow the database live (Dexie liveQuery), so an annotation appears only once
 * it is stored — whoever stored it (this pane, a confirmed finding, an imported package).
 */
import { create } from 'zustand';
import type { Annotation, AnnotationCategory, AnnotationTarget, CellRef } from '../../../../core/review/model';
import { userMessage } from '../../api/errors';
import type { AnnotationEvent, AnnotationMoveRecord } from '../../db/database';
import { reviewDb } from '../../db/database';
import { saveAnnotationChange } from '../../db/annotation-repo';
import { monotonicNow, newId } from '../../review/ids';
import { useReview } from '../../stores/review';
import { useSettings } from '../../stores/settings';
import { addReply, createAnnotation, editAnnotation, type AnnotationChange, type AnnotationPatch, type Stamp } from './annotation-ops';
import { NO_FILTER, type AnnotationFilter } from './filters';
import { movedAnnotationId } from './reanchor';

export interface GridRange {
  tableId: string;
  rows: [number, number];
  cols: [number, number];
}

/** Text selected on the page or in the narrative list, offered for a new annotation. */
export interface TextOffer {
  fileHash: string;
  target: AnnotationTarget;
  /** where to show the button (viewport pixels) */
  x: number;
  y: number;
}

export interface Draft {
  fileHash: string;
  target: AnnotationTarget;
  /** an orphaned annotation being attached to this target (its copy keeps text, status, replies) */
  reattach?: Annotation;
}

export type PaneScope = 'document' | 'folder';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: number } | { kind: 'error'; message: string };

interface AnnotationsState {
  /** annotations of the folder's current file versions */
  all: Annotation[];
  /** moves onto the current versions (orphans listed from these) */
  moves: AnnotationMoveRecord[];
  paneOpen: boolean;
  scope: PaneScope;
  filter: AnnotationFilter;
  openId: string | null;
  history: AnnotationEvent[];
  draft: Draft | null;
  range: GridRange | null;
  /** the cell a Shift+click range starts from */
  rangeStart: CellRef | null;
  drawing: boolean;
  offer: TextOffer | null;
  save: SaveState;
  /** a hint shown at the top of the pane (e.g. nothing selected to annotate) */
  notice: string | null;

  setData: (all: Annotation[], moves: AnnotationMoveRecord[]) => void;
  setHistory: (history: AnnotationEvent[]) => void;
  setPaneOpen: (open: boolean) => void;
  setScope: (scope: PaneScope) => void;
  setFilter: (filter: Partial<AnnotationFilter>) => void;
  open: (id: string | null) => void;
  startDraft: (draft: Draft) => void;
  cancelDraft: () => void;
  setRange: (range: GridRange | null, start: CellRef | null) => void;
  setDrawing: (drawing: boolean) => void;
  setOffer: (offer: TextOffer | null) => void;
  create: (fields: { text: string; category: AnnotationCategory }) => Promise<string | null>;
  edit: (id: string, patch: AnnotationPatch) => Promise<boolean>;
  reply: (id: string, text: string) => Promise<boolean>;
}

function stamp(): Stamp {
  return { id: newId(), by: useSettings.getState().settings.reviewerName, at: monotonicNow() };
}

export const useAnnotations = create<AnnotationsState>()((set, get) => {
  /** writes go one after another, in the order the reviewer made them */
  let queue: Promise<unknown> = Promise.resolve();

  async function commit(change: AnnotationChange | null): Promise<boolean> {
    // read-only review (team sync without write rights): nothing is written
    if (!change || useReview.getState().readOnly) return false;
    const run = queue.then(async () => {
      set({ save: { kind: 'saving' } });
      try {
        await saveAnnotationChange(reviewDb(), change.annotation, change.event);
      } catch (e) {
        set({ save: { kind: 'error', message: userMessage(e) } });
        return false;
      }
      // Durable now: show it at once (the live query confirms it a moment later).
      set((s) => ({ all: [...s.all.filter((a) => a.id !== change.annotation.id), change.annotation], save: { kind: 'saved', at: Date.now() } }));
      return true;
    });
    queue = run.catch(() => undefined);
    return run;
  }

  function current(id: string): Annotation | undefined {
    return get().all.find((a) => a.id === id);
  }

  return {
    all: [],
    moves: [],
    paneOpen: false,
    scope: 'document',
    filter: NO_FILTER,
    openId: null,
    history: [],
    draft: null,
    range: null,
    rangeStart: null,
    drawing: false,
    offer: null,
    save: { kind: 'idle' },
    notice: null,

    setData: (all, moves) => set({ all, moves }),
    setHistory: (history) => set({ history }),
    setPaneOpen: (paneOpen) => set({ paneOpen, notice: null }),
    setScope: (scope) => set({ scope }),
    setFilter: (filter) => set((s) => ({ filter: { ...s.filter, ...filter } })),
    open: (openId) => set({ openId, history: [], draft: null, notice: null, paneOpen: openId !== null || get().paneOpen }),
    startDraft: (draft) => {
      if (useReview.getState().readOnly) return;
      set({ draft, offer: null, drawing: false, paneOpen: true, notice: null, save: { kind: 'idle' } });
    },
    cancelDraft: () => set({ draft: null }),
    setRange: (range, rangeStart) => set({ range, rangeStart }),
    setDrawing: (drawing) => set({ drawing, offer: null }),
    setOffer: (offer) => set({ offer }),

    create: async ({ text, category }) => {
      const draft = get().draft;
      if (!draft || !text.trim()) return null;
      const s = stamp();
      let change: AnnotationChange;
      if (draft.reattach) {
        // The orphan's thread continues on the new version, at the place the reviewer chose.
        const moved: Annotation = {
          ...draft.reattach,
          id: movedAnnotationId(draft.reattach.id, draft.fileHash),
          fileHash: draft.fileHash,
          target: draft.target,
          text: text.trim(),
          category,
          updatedAt: Math.max(s.at, draft.reattach.updatedAt),
        };
        change = {
          annotation: moved,
          event: { id: `${s.id}:moved`, annotationId: moved.id, fileHash: moved.fileHash, kind: 'moved', by: s.by, at: s.at, changes: [{ field: 'target', before: JSON.stringify(draft.reattach.target), after: JSON.stringify(draft.target) }], snapshot: moved },
        };
      } else {
        change = createAnnotation({ fileHash: draft.fileHash, target: draft.target, text, category }, s);
      }
      const ok = await commit(change);
      if (!ok) return null;
      set({ draft: null, openId: change.annotation.id, history: [], range: null });
      return change.annotation.id;
    },

    edit: async (id, patch) => {
      const annotation = current(id);
      return annotation ? commit(editAnnotation(annotation, patch, stamp())) : false;
    },

    reply: async (id, text) => {
      const annotation = current(id);
      return annotation ? commit(addReply(annotation, text, stamp())) : false;
    },
  };
});
