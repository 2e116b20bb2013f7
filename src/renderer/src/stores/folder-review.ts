/**
 * The whole-folder review as the dashboard shows it: loaded through 'folder:review' whenever the
 * folder's settled files change (not on every progress tick), the clerk's pair / unpair sent as
 * the folder's full overrides, and the navigation from the dashboard to a cell of a document (a
 * cross-document finding's source cell) or to a file's worst finding.
 */
import { create } from 'zustand';
import type { Severity } from '../../../core/checks/model';
import type { CrossFinding, DocCellRef, DocNarrativeRef, RelationResult } from '../../../core/folder/model';
import type { RelationKind, RelationOverrides } from '../../../core/folder/relations';
import type { FolderReviewResult, FolderState } from '../../../shared/ipc-contract';
import { invoke } from '../api/client';
import { userMessage } from '../api/errors';
import { useDocuments } from './documents';
import { useFindings } from './findings';
import { useWorkspace } from './workspace';

export type FolderView = 'document' | 'folder';

const SETTLE_MS = 250;
/** how long the last review took and when it ended (performance.now()) */
let lastReview = { ms: 0, endedAt: 0 };

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

interface FolderReviewState {
  /** what the main area shows: the open document or the folder dashboard */
  view: FolderView;
  review: FolderReviewResult | null;
  loading: boolean;
  error: string | null;
  setView: (view: FolderView) => void;
  /** loads the review now and whenever the folder's settled files change; returns the unsubscribe */
  start: () => () => void;
  load: () => Promise<void>;
  unpair: (relation: RelationResult) => Promise<void>;
  pair: (kind: RelationKind, files: [string, string]) => Promise<void>;
  /** undoes an unpair */
  restore: (unpair: { kind?: RelationKind; files: [string, string] }) => Promise<void>;
  /** opens the document at the cell (or narrative span) and shows it */
  openAt: (place: DocCellRef | DocNarrativeRef) => Promise<void>;
  /** opens the file's most severe open finding: its own, or a cross-document one when that is worse */
  openWorst: (relativePath: string) => Promise<void>;
}

/** The files' settled states: the review only changes when these do. */
export function settledKey(folder: FolderState | null): string {
  if (!folder) return '';
  return JSON.stringify([folder.folder, folder.documents.filter((d) => d.status === 'parsed' || d.status === 'error').map((d) => [d.relativePath, d.status, d.sha256, d.mtimeMs])]);
}

function sameFiles(a: readonly string[], b: readonly string[]): boolean {
  return (a[0] === b[0] && a[1] === b[1]) || (a[0] === b[1] && a[1] === b[0]);
}

/** The cross-document findings that name the file. */
export function crossFindingsOf(findings: readonly CrossFinding[], file: string): CrossFinding[] {
  return findings.filter((f) => f.documents.includes(file));
}

/** Where a cross-document finding shows on each of its files: the first printed cell, else its sentence. */
export function placesOf(f: CrossFinding): { file: string; place: DocCellRef | DocNarrativeRef | null }[] {
  return f.documents.map((file) => ({ file, place: f.cells.find((c) => c.file === file && c.page !== null) ?? f.narrative.find((n) => n.file === file) ?? f.cells.find((c) => c.file === file) ?? null }));
}

function isCell(place: DocCellRef | DocNarrativeRef): place is DocCellRef {
  return 'table' in place;
}

/** Resolves once the open document's checks and decisions are in (or after `timeoutMs`). */
function reportOf(sha256: string, timeoutMs = 30_000): Promise<boolean> {
  const ready = (): boolean => {
    const s = useFindings.getState();
    return s.doc?.source.sha256 === sha256 && s.report !== null && s.decisionsLoaded;
  };
  if (ready()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      off();
      resolve(false);
    }, timeoutMs);
    const off = useFindings.subscribe(() => {
      if (!ready()) return;
      clearTimeout(timer);
      off();
      resolve(true);
    });
  });
}

export const useFolderReview = create<FolderReviewState>()((set, get) => {
  let ticket = 0;
  async function send(overrides: RelationOverrides): Promise<void> {
    const mine = ++ticket;
    set({ loading: true });
    try {
      const review = await invoke('folder:relations:set', overrides);
      if (mine === ticket) set({ review, loading: false, error: null });
    } catch (e) {
      if (mine === ticket) set({ loading: false, error: userMessage(e) });
    }
  }
  function overrides(): Required<RelationOverrides> {
    const o = get().review?.overrides;
    return { pairs: [...(o?.pairs ?? [])], unpairs: [...(o?.unpairs ?? [])] };
  }
  async function openDocumentAt(file: string): Promise<boolean> {
    const ws = useWorkspace.getState();
    set({ view: 'document' });
    if (ws.openPath !== file || !ws.doc) await ws.openDocument(file);
    const now = useWorkspace.getState();
    return now.openPath === file && now.doc !== null;
  }

  // a document opened from the list (or anywhere) is shown
  useWorkspace.subscribe((s, prev) => {
    if (s.openPath && s.openPath !== prev.openPath && get().view !== 'document') set({ view: 'document' });
  });

  return {
    view: 'document',
    review: null,
    loading: false,
    error: null,
    setView: (view) => set({ view }),

    start: () => {
      let key = settledKey(useDocuments.getState().folder);
      let timer: ReturnType<typeof setTimeout> | null = null;
      void get().load();
      const off = useDocuments.subscribe((s) => {
        const next = settledKey(s.folder);
        if (next === key) return;
        key = next;
        if (timer) clearTimeout(timer);
        // several files finishing together give one review; while files are still being parsed,
        // reviews are spaced by ten times the last one's duration, so a large folder being indexed
        // does not keep the main process reviewing
        const pending = s.folder?.documents.some((d) => d.status === 'queued' || d.status === 'parsing') ?? false;
        const delay = pending ? Math.max(SETTLE_MS, lastReview.endedAt + lastReview.ms * 10 - performance.now()) : SETTLE_MS;
        timer = setTimeout(() => {
          timer = null;
          void get().load();
        }, delay);
      });
      return () => {
        off();
        if (timer) clearTimeout(timer);
      };
    },

    load: async () => {
      const mine = ++ticket;
      set({ loading: true });
      const started = performance.now();
      try {
        const review = await invoke('folder:review', undefined);
        lastReview = { ms: performance.now() - started, endedAt: performance.now() };
        if (mine === ticket) set({ review, loading: false, error: null });
      } catch (e) {
        if (mine === ticket) set({ loading: false, error: userMessage(e) });
      }
    },

    unpair: (relation) => {
      const o = overrides();
      // a relation the clerk made is taken back; one found automatically is marked as wrong
      if (relation.source === 'manual') o.pairs = o.pairs.filter((p) => !(p.kind === relation.kind && sameFiles(p.files, relation.files)));
      else o.unpairs.push({ kind: relation.kind, files: [...relation.files] });
      return send(o);
    },

    pair: (kind, files) => {
      const o = overrides();
      const unpaired = o.unpairs.filter((u) => (!u.kind || u.kind === kind) && sameFiles(u.files, files));
      if (unpaired.length > 0) o.unpairs = o.unpairs.filter((u) => !unpaired.includes(u));
      else o.pairs.push({ kind, files: [...files] });
      return send(o);
    },

    restore: (unpair) => {
      const o = overrides();
      o.unpairs = o.unpairs.filter((u) => !(u.kind === unpair.kind && sameFiles(u.files, unpair.files)));
      return send(o);
    },

    openAt: async (place) => {
      if (!(await openDocumentAt(place.file))) return;
      const ws = useWorkspace.getState();
      if (isCell(place)) {
        const cell = ws.doc?.tables.find((t) => t.id === place.table)?.rows[place.row]?.[place.col];
        if (cell) ws.selectCell({ tableId: place.table, row: place.row, col: place.col }, 'list');
        else if (place.page !== null) ws.setPage(place.page);
        return;
      }
      ws.selectNarrative(place.block);
    },

    openWorst: async (relativePath) => {
      const entry = useDocuments.getState().folder?.documents.find((d) => d.relativePath === relativePath);
      if (!entry) return;
      const own = entry.sha256 ? useFindings.getState().openFindings[entry.sha256] : undefined;
      const ownRank = own ? (own.error > 0 ? 0 : own.warning > 0 ? 1 : own.note > 0 ? 2 : 3) : 3;
      const cross = crossFindingsOf(get().review?.findings ?? [], relativePath).sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
      const worstCross = cross[0];
      const crossRank = worstCross ? SEVERITY_RANK[worstCross.severity] : 3;
      if (worstCross && crossRank < ownRank) {
        const place = placesOf(worstCross).find((p) => p.file === relativePath)?.place;
        if (place) return get().openAt(place);
      }
      if (entry.status !== 'parsed' || !entry.sha256) return;
      if (!(await openDocumentAt(relativePath))) return;
      if (!(await reportOf(entry.sha256))) return;
      const { report, decisions, select } = useFindings.getState();
      const open = (report?.findings ?? []).filter((f) => !decisions.has(f.id));
      const worst = open.reduce<(typeof open)[number] | null>((w, f) => (!w || SEVERITY_RANK[f.severity] < SEVERITY_RANK[w.severity] ? f : w), null);
      if (worst) select(worst.id);
      else if (worstCross) {
        const place = placesOf(worstCross).find((p) => p.file === relativePath)?.place;
        if (place) await get().openAt(place);
      }
    },
  };
});
