/**
 * The proofreading checks in the workspace: the open document's findings (re-run in the checks
 * worker after every edit, undo or redo, at most once per frame), the reviewer's decisions on them
 * (stored in IndexedDB first, shown once durable), the selected finding and the panel's filters;
 * and the open findings per document for the document list.
 */
import { create } from 'zustand';
import type { CheckReport, Severity } from '../../../core/checks/model';
import type { ExtractedDocument } from '../../../core/model';
import type { CellEdit, FindingDecision } from '../../../core/review/model';
import { userMessage } from '../api/errors';
import { reviewDb } from '../db/database';
import { confirmFinding, dismissFinding, loadDecisionLog, loadDecisions, revokeDecision, type DecisionLogRecord } from '../db/decision-repo';
import { createAnnotation, editAnnotation } from '../features/annotations/annotation-ops';
import { annotationInput } from '../features/findings/annotation';
import { checkDocument, releaseDocuments } from '../features/findings/checks-client';
import { ALL_FILTERS, filterViews, findingViews, nextOpen, openCount, type Counts, type FindingFilters } from '../features/findings/findings-view';
import { spanLineBoxes, unionBox } from '../features/findings/narrative-marks';
import { monotonicNow, newId } from '../review/ids';
import { useReview } from './review';
import { useSettings } from './settings';
import { useWorkspace } from './workspace';

export interface CheckTiming {
  /** applyEdits + runChecks in the worker, last run */
  engineMs: number;
  /** from the edit reaching the store to its findings shown, last run */
  latencyMs: number;
  /** runs since the document was opened */
  runs: number;
}

interface FindingsState {
  /** sha256 → open findings per severity (absent: not checked yet) */
  openFindings: Record<string, Counts<Severity>>;
  setOpenFindings: (sha256: string, counts: Counts<Severity>) => void;

  doc: ExtractedDocument | null;
  report: CheckReport | null;
  decisions: ReadonlyMap<string, FindingDecision>;
  /** every decision ever taken on this document, oldest first */
  history: readonly DecisionLogRecord[];
  decisionsLoaded: boolean;
  selectedId: string | null;
  filters: FindingFilters;
  /** the finding whose dismissal reason is being asked for */
  dismissingId: string | null;
  /** go on to the next open finding once dismissed (the keyboard flow) */
  advanceAfterDismiss: boolean;
  error: string | null;
  timing: CheckTiming | null;

  /** the open document and its edit log (called on every change of either) */
  setInput: (doc: ExtractedDocument | null, edits: readonly CellEdit[]) => void;
  setFilters: (filters: Partial<FindingFilters>) => void;
  select: (id: string | null) => void;
  /** selects the next (1) or previous (-1) open finding among those the filters show */
  step: (direction: 1 | -1) => void;
  confirm: (id: string) => Promise<void>;
  askDismiss: (id: string, advance?: boolean) => void;
  cancelDismiss: () => void;
  dismiss: (id: string, reason: string) => Promise<void>;
  revoke: (id: string) => Promise<void>;
}

/** Runs `task` before the next frame (several edits in one frame give one run). */
function nextFrame(task: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => task());
  else setTimeout(task, 0);
}

export const useFindings = create<FindingsState>()((set, get) => {
  let input: { doc: ExtractedDocument | null; edits: readonly CellEdit[]; at: number } = { doc: null, edits: [], at: 0 };
  let scheduled = false;
  let running = false;
  /** decisions are written one after another, in the order the reviewer took them */
  let queue: Promise<void> = Promise.resolve();
  function serial(task: () => Promise<void>): Promise<void> {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  }

  function publishCount(): void {
    const { doc, report, decisions, decisionsLoaded } = get();
    if (doc && report && decisionsLoaded) get().setOpenFindings(doc.source.sha256, openCount(report, decisions));
  }

  function schedule(): void {
    if (scheduled || running) return;
    scheduled = true;
    nextFrame(() => {
      scheduled = false;
      void run();
    });
  }

  async function run(): Promise<void> {
    const taken = input;
    if (!taken.doc) return;
    running = true;
    try {
      const { report, ms } = await checkDocument(taken.doc, taken.edits, true);
      if (get().doc !== taken.doc) return;
      const timing = get().timing;
      set({ report, error: null, timing: { engineMs: ms, latencyMs: performance.now() - taken.at, runs: (timing?.runs ?? 0) + 1 } });
      publishCount();
    } catch (e) {
      if (get().doc === taken.doc) set({ error: userMessage(e) });
    } finally {
      running = false;
      // Edits made while the checks ran: one more run with the latest log.
      if (input !== taken && input.doc) schedule();
    }
  }

  async function loadDecisionsOf(doc: ExtractedDocument): Promise<void> {
    try {
      const db = reviewDb();
      const [decisions, history] = await Promise.all([loadDecisions(db, doc.source.sha256), loadDecisionLog(db, doc.source.sha256)]);
      if (get().doc !== doc) return;
      set({ decisions: new Map(decisions.map((d) => [d.findingId, d])), history, decisionsLoaded: true });
      publishCount();
    } catch (e) {
      if (get().doc === doc) set({ error: userMessage(e), decisionsLoaded: true });
    }
  }

  function reviewer(): string {
    return useSettings.getState().settings.reviewerName;
  }

  function findingOf(id: string): ReturnType<typeof findById> {
    return findById(get().report, id);
  }

  return {
    openFindings: {},
    setOpenFindings: (sha256, counts) => set((s) => ({ openFindings: { ...s.openFindings, [sha256]: counts } })),

    doc: null,
    report: null,
    decisions: new Map(),
    history: [],
    decisionsLoaded: false,
    selectedId: null,
    filters: ALL_FILTERS,
    dismissingId: null,
    advanceAfterDismiss: false,
    error: null,
    timing: null,

    setInput: (doc, edits) => {
      if (doc === input.doc && edits === input.edits) return;
      input = { doc, edits, at: performance.now() };
      if (doc !== get().doc) {
        set({ doc, report: null, decisions: new Map(), history: [], decisionsLoaded: false, selectedId: null, dismissingId: null, error: null, timing: null });
        releaseDocuments(doc);
        if (doc) void loadDecisionsOf(doc);
      }
      if (doc) schedule();
    },

    setFilters: (filters) => set((s) => ({ filters: { ...s.filters, ...filters } })),

    select: (id) => {
      set({ selectedId: id });
      const finding = id ? findingOf(id) : null;
      const doc = get().doc;
      if (!finding || !doc) return;
      const workspace = useWorkspace.getState();
      const first = finding.cells[0];
      if (first) {
        const ref = { tableId: first.table, row: first.row, col: first.col };
        workspace.selectCell(ref, 'list');
        const cell = doc.tables.find((t) => t.id === first.table)?.rows[first.row]?.[first.col];
        if (cell) workspace.setPage(cell.page);
        return;
      }
      const span = finding.narrative[0];
      if (!span) return;
      // Outline the sentence's lines on the first page they are printed on.
      const lines = spanLineBoxes(doc.narrative, finding.narrative);
      const page = lines[0]?.page;
      const bbox = unionBox(lines.filter((l) => l.page === page).map((l) => l.bbox));
      workspace.selectNarrative(span.block, page !== undefined && bbox ? { page, bbox } : undefined);
    },

    step: (direction) => {
      const { report, decisions, filters, selectedId } = get();
      if (!report) return;
      // the walk stays within the kinds and severities shown; decided findings are skipped
      const views = filterViews(findingViews(report.findings, decisions), { ...filters, status: 'all' });
      const next = nextOpen(views, selectedId, direction);
      if (next) get().select(next.finding.id);
    },

    confirm: (id) =>
      serial(async () => {
        // a reader of a team review (no write rights) decides nothing: it would never reach the team
        if (useReview.getState().readOnly) return;
        const { doc } = get();
        const finding = findingOf(id);
        if (!doc || !finding) return;
        const at = monotonicNow();
        const by = reviewer();
        try {
          const input = annotationInput(doc, finding);
          const stamp = { id: newId(), by, at };
          const decision = await confirmFinding(reviewDb(), {
            decision: { fileHash: doc.source.sha256, findingId: id, decision: 'confirmed', by, at, findingMessage: finding.message },
            logId: newId(),
            // confirmed again after a revocation: the same annotation is reopened, not duplicated
            annotate: (existing) => (existing ? editAnnotation(existing, { status: 'open' }, stamp) : input ? createAnnotation(input, stamp) : null),
          });
          applyDecision(decision.record, decision.log);
        } catch (e) {
          set({ error: userMessage(e) });
        }
      }),

    askDismiss: (id, advance = false) => {
      if (findingOf(id) && !useReview.getState().readOnly) set({ dismissingId: id, advanceAfterDismiss: advance });
    },
    cancelDismiss: () => set({ dismissingId: null }),

    dismiss: (id, reason) =>
      serial(async () => {
        const { doc } = get();
        const text = reason.trim();
        const finding = findingOf(id);
        if (!doc || !finding || !text || useReview.getState().readOnly) return;
        try {
          const decision: FindingDecision = {
            fileHash: doc.source.sha256,
            findingId: id,
            decision: 'dismissed',
            reason: text,
            by: reviewer(),
            at: monotonicNow(),
            findingMessage: finding.message,
          };
          const log = await dismissFinding(reviewDb(), decision, newId());
          const advance = get().advanceAfterDismiss;
          set({ dismissingId: null, advanceAfterDismiss: false });
          applyDecision(decision, log);
          if (advance) get().step(1);
        } catch (e) {
          set({ error: userMessage(e) });
        }
      }),

    revoke: (id) =>
      serial(async () => {
        if (useReview.getState().readOnly) return;
        const { doc, decisions } = get();
        if (!doc || !decisions.has(id)) return;
        try {
          const stamp = { id: newId(), by: reviewer(), at: monotonicNow() };
          const log = await revokeDecision(reviewDb(), {
            ...stamp,
            fileHash: doc.source.sha256,
            findingId: id,
            // the annotation the confirmation made stays (with its history), marked 不予处理
            onAnnotation: (annotation) => (annotation.status === 'open' ? editAnnotation(annotation, { status: 'wont-fix' }, { ...stamp, id: newId() }) : null),
          });
          if (get().doc !== doc) return;
          const next = new Map(get().decisions);
          next.delete(id);
          set({ decisions: next, history: [...get().history, log] });
          publishCount();
        } catch (e) {
          set({ error: userMessage(e) });
        }
      }),
  };

  function applyDecision(decision: FindingDecision, log: DecisionLogRecord): void {
    if (get().doc?.source.sha256 !== decision.fileHash) return;
    set((s) => ({ decisions: new Map(s.decisions).set(decision.findingId, decision), history: [...s.history, log], error: null }));
    publishCount();
  }
});

function findById(report: CheckReport | null, id: string): CheckReport['findings'][number] | null {
  return report?.findings.find((f) => f.id === id) ?? null;
}

/** Open findings of a document per severity; null until it has been checked. */
export function useOpenFindingCount(sha256: string | null): Counts<Severity> | null {
  return useFindings((s) => (sha256 ? (s.openFindings[sha256] ?? null) : null));
}
