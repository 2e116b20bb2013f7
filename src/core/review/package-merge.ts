/**
 * Merging another reviewer's review into ours. Edit logs are unioned by id; a cell both sides
 * changed to different current texts is a conflict that stays at the local value until someone
 * resolves it (never overwritten silently). Annotations merge by id (newer fields win, replies
 * are unioned); finding decisions that differ are conflicts.
 */
import { cellKey, latestEdits } from './edits';
import type { Annotation, AnnotationReply, CellAnchor, CellEdit, CellRef, DocumentReview, FindingDecision } from './model';

export interface EditConflict {
  kind: 'edit';
  /** stable: the same conflict found twice has the same id */
  id: string;
  fileHash: string;
  /** where the local log has the cell (the incoming entries are moved here on resolution) */
  cell: CellRef;
  anchor: CellAnchor;
  /** the text before anyone edited it (the earliest `before` on either side) */
  printed: string;
  local: { text: string; reviewer: string; at: number };
  incoming: { text: string; reviewer: string; at: number };
  /** incoming log entries for this cell that the local log lacks; held back until resolved */
  incomingEdits: CellEdit[];
}

export interface DecisionConflict {
  kind: 'decision';
  id: string;
  fileHash: string;
  findingId: string;
  local: FindingDecision;
  incoming: FindingDecision;
}

export type ReviewConflict = EditConflict | DecisionConflict;

export interface MergeSummary {
  editsAdded: number;
  annotationsAdded: number;
  annotationsUpdated: number;
  decisionsAdded: number;
  conflicts: number;
}

export interface MergeResult {
  review: DocumentReview;
  conflicts: ReviewConflict[];
  summary: MergeSummary;
}

export interface PackageMergeResult {
  /** one merged review per document of the package, in package order */
  reviews: DocumentReview[];
  conflicts: ReviewConflict[];
  summary: MergeSummary;
}

/** Keep ours, take theirs, or (edits only) type a third value. */
export type ConflictChoice = 'local' | 'incoming' | { text: string };

export interface ResolveOptions {
  /** who resolved it (recorded as the reviewer of the resolving edit) */
  by: string;
  /** epoch ms */
  at: number;
  /** id of the resolving edit; defaults to one derived from the conflict */
  id?: string;
}

function anchorKey(a: CellAnchor): string | null {
  // An anchor with neither table nor column says nothing about which cell it is.
  if (!a.tableTitle && !a.columnHeader) return null;
  return `a:${JSON.stringify([a.tableTitle, a.tableOccurrence, a.rowLabel, a.rowOccurrence, a.columnHeader])}`;
}

/**
 * Two entries are about the same cell when their cell refs or their anchors agree (a re-parse by
 * another extractor version may move one but not the other). Union-find over both keys.
 */
class CellIdentity {
  private readonly parent = new Map<string, string>();

  private find(k: string): string {
    let root = k;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(k, root);
    return root;
  }

  add(e: CellEdit): void {
    const c = `c:${cellKey(e.cell)}`;
    if (!this.parent.has(c)) this.parent.set(c, c);
    const a = anchorKey(e.anchor);
    if (a === null) return;
    if (!this.parent.has(a)) this.parent.set(a, a);
    const ra = this.find(a);
    const rc = this.find(c);
    if (ra !== rc) this.parent.set(ra, rc);
  }

  of(e: CellEdit): string {
    return this.find(`c:${cellKey(e.cell)}`);
  }
}

function sameEdit(a: CellEdit, b: CellEdit): boolean {
  return (
    a.id === b.id &&
    a.fileHash === b.fileHash &&
    cellKey(a.cell) === cellKey(b.cell) &&
    anchorKey(a.anchor) === anchorKey(b.anchor) &&
    a.anchor.rowLabel === b.anchor.rowLabel &&
    a.before === b.before &&
    a.after === b.after &&
    a.reviewer === b.reviewer &&
    a.at === b.at &&
    a.op === b.op &&
    (a.revertsId ?? '') === (b.revertsId ?? '')
  );
}

/** The entry that decides the cell's current text (latest by time, then by log position). */
function latest(edits: readonly CellEdit[]): CellEdit {
  let best = edits[0]!;
  for (const e of edits) if (e.at >= best.at) best = e;
  return best;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

interface EditMerge {
  edits: CellEdit[];
  added: number;
  conflicts: EditConflict[];
}

function mergeEdits(fileHash: string, local: readonly CellEdit[], incomingRaw: readonly CellEdit[]): EditMerge {
  const localById = new Map(local.map((e) => [e.id, e]));
  // An id clash with different content cannot be the same entry: keep both, theirs renamed.
  const incoming = incomingRaw.map((e) => {
    let id = e.id;
    for (let n = 1; localById.has(id) && !sameEdit(localById.get(id)!, { ...e, id }); n++) id = `${e.id}~${n}`;
    return id === e.id ? e : { ...e, id };
  });
  const fresh = incoming.filter((e) => !localById.has(e.id));

  const identity = new CellIdentity();
  for (const e of local) identity.add(e);
  for (const e of incoming) identity.add(e);
  const localByCell = groupBy(local, (e) => identity.of(e));
  const incomingByCell = groupBy(incoming, (e) => identity.of(e));
  const freshByCell = groupBy(fresh, (e) => identity.of(e));

  const accepted: CellEdit[] = [];
  const conflicts: EditConflict[] = [];
  for (const [cell, theirsNew] of freshByCell) {
    const ours = localByCell.get(cell);
    const theirsAll = incomingByCell.get(cell) ?? theirsNew;
    const theirIds = new Set(theirsAll.map((e) => e.id));
    // They had seen all of our entries for this cell (e.g. they imported our package first).
    const fastForward = !ours || ours.every((e) => theirIds.has(e.id));
    const ourLatest = ours ? latest(ours) : null;
    const theirLatest = latest(theirsAll);
    if (fastForward || !ourLatest || ourLatest.after === theirLatest.after) {
      accepted.push(...theirsNew);
      continue;
    }
    const everyone = [...ours!, ...theirsAll].sort((a, b) => a.at - b.at);
    conflicts.push({
      kind: 'edit',
      id: `edit:${fileHash}:${cellKey(ourLatest.cell)}`,
      fileHash,
      cell: ourLatest.cell,
      anchor: ourLatest.anchor,
      printed: everyone[0]!.before,
      local: { text: ourLatest.after, reviewer: ourLatest.reviewer, at: ourLatest.at },
      incoming: { text: theirLatest.after, reviewer: theirLatest.reviewer, at: theirLatest.at },
      incomingEdits: theirsNew,
    });
  }
  // Keep their log order for the accepted entries (ties within a millisecond are ordered by position).
  const acceptedIds = new Set(accepted.map((e) => e.id));
  const ordered = fresh.filter((e) => acceptedIds.has(e.id));
  return { edits: [...local, ...ordered], added: ordered.length, conflicts };
}

function unionReplies(a: readonly AnnotationReply[], b: readonly AnnotationReply[]): AnnotationReply[] {
  const byId = new Map<string, AnnotationReply>();
  for (const r of [...a, ...b]) if (!byId.has(r.id)) byId.set(r.id, r);
  return [...byId.values()].sort((x, y) => x.at - y.at || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

function sameAnnotation(a: Annotation, b: Annotation): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function mergeAnnotations(local: readonly Annotation[], incoming: readonly Annotation[]): { annotations: Annotation[]; added: number; updated: number } {
  const byId = new Map(local.map((a) => [a.id, a]));
  const result = local.slice();
  let added = 0;
  let updated = 0;
  for (const theirs of incoming) {
    const ours = byId.get(theirs.id);
    if (!ours) {
      result.push(theirs);
      byId.set(theirs.id, theirs);
      added++;
      continue;
    }
    // Status and text changes are part of the workflow: the later update wins; replies add up.
    const newer = theirs.updatedAt > ours.updatedAt ? theirs : ours;
    const merged: Annotation = { ...newer, createdAt: Math.min(ours.createdAt, theirs.createdAt), replies: unionReplies(ours.replies, theirs.replies) };
    if (!sameAnnotation(merged, ours)) {
      result[result.indexOf(ours)] = merged;
      byId.set(merged.id, merged);
      updated++;
    }
  }
  return { annotations: result, added, updated };
}

function sameDecision(a: FindingDecision, b: FindingDecision): boolean {
  return a.decision === b.decision && (a.reason ?? '').trim() === (b.reason ?? '').trim();
}

function mergeDecisions(fileHash: string, local: readonly FindingDecision[], incoming: readonly FindingDecision[]): { decisions: FindingDecision[]; added: number; conflicts: DecisionConflict[] } {
  const byFinding = new Map(local.map((d) => [d.findingId, d]));
  const decisions = local.slice();
  const conflicts: DecisionConflict[] = [];
  let added = 0;
  for (const theirs of incoming) {
    const ours = byFinding.get(theirs.findingId);
    if (!ours) {
      decisions.push(theirs);
      byFinding.set(theirs.findingId, theirs);
      added++;
    } else if (!sameDecision(ours, theirs)) {
      conflicts.push({ kind: 'decision', id: `decision:${fileHash}:${theirs.findingId}`, fileHash, findingId: theirs.findingId, local: ours, incoming: theirs });
    }
  }
  return { decisions, added, conflicts };
}

/**
 * Merges `incoming` (another reviewer's review of the same file) into `local`. Pure: neither
 * input is modified. Conflicting cells and decisions keep the local value and are listed.
 */
export function mergeReview(local: DocumentReview, incoming: DocumentReview): MergeResult {
  if (local.fileHash !== incoming.fileHash) {
    throw new Error(`mergeReview: different files (${local.fileHash} vs ${incoming.fileHash})`);
  }
  const edits = mergeEdits(local.fileHash, local.edits, incoming.edits);
  const annotations = mergeAnnotations(local.annotations, incoming.annotations);
  const decisions = mergeDecisions(local.fileHash, local.decisions, incoming.decisions);
  const conflicts: ReviewConflict[] = [...edits.conflicts, ...decisions.conflicts];
  return {
    review: {
      fileHash: local.fileHash,
      fileName: local.fileName || incoming.fileName,
      edits: edits.edits,
      annotations: annotations.annotations,
      decisions: decisions.decisions,
      reviewedTables: [...new Set([...local.reviewedTables, ...incoming.reviewedTables])],
    },
    conflicts,
    summary: {
      editsAdded: edits.added,
      annotationsAdded: annotations.added,
      annotationsUpdated: annotations.updated,
      decisionsAdded: decisions.added,
      conflicts: conflicts.length,
    },
  };
}

/** Merges every document of a (validated) package; documents we have no review of are taken as they are. */
export function mergePackage(locals: readonly DocumentReview[], pkg: { documents: readonly DocumentReview[] }): PackageMergeResult {
  const byHash = new Map(locals.map((r) => [r.fileHash, r]));
  const summary: MergeSummary = { editsAdded: 0, annotationsAdded: 0, annotationsUpdated: 0, decisionsAdded: 0, conflicts: 0 };
  const reviews: DocumentReview[] = [];
  const conflicts: ReviewConflict[] = [];
  for (const doc of pkg.documents) {
    const local = byHash.get(doc.fileHash) ?? { fileHash: doc.fileHash, fileName: doc.fileName, edits: [], annotations: [], decisions: [], reviewedTables: [] };
    const merged = mergeReview(local, doc);
    reviews.push(merged.review);
    conflicts.push(...merged.conflicts);
    for (const k of Object.keys(summary) as (keyof MergeSummary)[]) summary[k] += merged.summary[k];
  }
  return { reviews, conflicts, summary };
}

function resolveEdit(review: DocumentReview, conflict: EditConflict, choice: ConflictChoice, options: ResolveOptions): DocumentReview {
  const text = choice === 'local' ? conflict.local.text : choice === 'incoming' ? conflict.incoming.text : choice.text;
  const known = new Set(review.edits.map((e) => e.id));
  // Their entries join the log (the history shows both reviewers), moved onto our cell.
  const theirs = conflict.incomingEdits.filter((e) => !known.has(e.id)).map((e) => ({ ...e, cell: conflict.cell, anchor: conflict.anchor }));
  const edits = [...review.edits, ...theirs];
  const key = cellKey(conflict.cell);
  const anchor = anchorKey(conflict.anchor);
  const sameCell = edits.filter((e) => cellKey(e.cell) === key || (anchor !== null && anchorKey(e.anchor) === anchor));
  const current = latestEdits(edits).get(key)?.after ?? conflict.printed;
  if (current !== text) {
    const lastAt = Math.max(0, ...sameCell.map((e) => e.at));
    edits.push({
      id: options.id ?? `${conflict.id}:resolved:${options.at}`,
      fileHash: review.fileHash,
      cell: conflict.cell,
      anchor: conflict.anchor,
      before: current,
      after: text,
      reviewer: options.by,
      // must be the latest entry of the cell, whatever the clocks of the two machines said
      at: Math.max(options.at, lastAt + 1),
      op: 'set',
    });
  }
  return { ...review, edits };
}

/** Applies a reviewer's choice for one conflict returned by `mergeReview`. */
export function resolveConflict(review: DocumentReview, conflict: ReviewConflict, choice: ConflictChoice, options: ResolveOptions): DocumentReview {
  if (conflict.fileHash !== review.fileHash) throw new Error('resolveConflict: the conflict belongs to another file');
  switch (conflict.kind) {
    case 'edit':
      return resolveEdit(review, conflict, choice, options);
    case 'decision': {
      if (typeof choice === 'object') throw new Error('resolveConflict: a decision conflict takes "local" or "incoming"');
      if (choice === 'local') return review;
      const decisions = review.decisions.filter((d) => d.findingId !== conflict.findingId);
      decisions.push(conflict.incoming);
      return { ...review, decisions };
    }
    default: {
      const never: never = conflict;
      throw new Error(`unhandled conflict ${String(never)}`);
    }
  }
}
