/**
 * Team sync against the review database: which local log entries still have to be replicated
 * (with the entries of the same cell / finding their author had seen), applying validated entries
 * from the replica, and the conflicts that follow. Every apply is one transaction together with
 * the replica cursor, so a replica stopped at any moment resumes without losing or repeating an
 * entry.
 *
 * Concurrency: an entry's `parents` are the "heads" of its cell (entries of that cell no later
 * entry had superseded) when it was written. Two heads with different texts are two clerks who
 * changed the cell without seeing each other's change: a conflict, stored in reviewConflicts
 * (the review-package conflict model) and shown until someone picks — the pick is a new edit
 * whose parents are both heads, which resolves it on every replica. The cell shows the later
 * value meanwhile, the same on every replica. Annotations never conflict: their events are
 * unioned and folded (latest state, all replies).
 */
import { cellKey } from '../../../core/review/edits';
import type { Annotation, AnnotationReply, CellEdit, FindingDecision } from '../../../core/review/model';
import type { ConflictChoice, DecisionConflict, EditConflict } from '../../../core/review/package';
import { annotationEntry, decisionEntry, docId, editEntry, entryContent, type ReplicatedDecision, type SyncEntry } from '../sync/mapping';
import type { AnnotationEvent, DecisionLogRecord, ReviewDatabase, StoredConflict, StoredEdit, SyncRecord } from './database';

export interface PushCursors {
  edits: number;
  annotationEvents: number;
  decisionLog: number;
}

export const START: PushCursors = { edits: 0, annotationEvents: 0, decisionLog: 0 };

export interface Rejection {
  id: string;
  messageZh: string;
  message: string;
}

interface Node {
  id: string;
  key: string;
  parents: string[] | null;
}

/**
 * Walks one kind of log in insertion order. Entries without known parents get the heads of their
 * key at that point; returns every entry's parents and the heads left at the end, per key.
 */
export function walkHeads(nodes: readonly Node[]): { parents: Map<string, string[]>; heads: Map<string, string[]> } {
  const present = new Map<string, string[]>();
  const referenced = new Map<string, Set<string>>();
  const parents = new Map<string, string[]>();
  const headsOf = (key: string): string[] => {
    const refs = referenced.get(key);
    return (present.get(key) ?? []).filter((id) => !refs?.has(id));
  };
  for (const n of nodes) {
    const p = n.parents ?? headsOf(n.key);
    parents.set(n.id, p);
    const list = present.get(n.key);
    if (list) list.push(n.id);
    else present.set(n.key, [n.id]);
    let refs = referenced.get(n.key);
    if (!refs) referenced.set(n.key, (refs = new Set()));
    for (const id of p) refs.add(id);
  }
  const heads = new Map<string, string[]>();
  for (const key of present.keys()) heads.set(key, headsOf(key));
  return { parents, heads };
}

async function recordsOf(db: ReviewDatabase, kind: SyncRecord['kind'], fileHash: string): Promise<Map<string, SyncRecord>> {
  const records = await db.syncRecords.where('[kind+fileHash]').equals([kind, fileHash]).toArray();
  return new Map(records.map((r) => [r.entryId, r]));
}

async function editsOf(db: ReviewDatabase, fileHash: string): Promise<StoredEdit[]> {
  return db.edits.where('fileHash').equals(fileHash).sortBy('seq');
}

async function decisionLogOf(db: ReviewDatabase, fileHash: string): Promise<DecisionLogRecord[]> {
  return db.decisionLog.where('fileHash').equals(fileHash).sortBy('seq');
}

function editNodes(edits: readonly StoredEdit[], records: ReadonlyMap<string, SyncRecord>): Node[] {
  return edits.map((e) => ({ id: e.id, key: cellKey(e.cell), parents: records.get(e.id)?.parents ?? null }));
}

function decisionNodes(log: readonly DecisionLogRecord[], records: ReadonlyMap<string, SyncRecord>): Node[] {
  return log.map((r) => ({ id: r.id, key: r.findingId, parents: records.get(r.id)?.parents ?? null }));
}

function localRecord(entry: SyncEntry, key: string, parents: string[]): SyncRecord {
  const entryId = entry.kind === 'edit' ? entry.edit.id : entry.kind === 'annotation' ? entry.event.id : entry.record.id;
  return { docId: entry.docId, kind: entry.kind, fileHash: entry.fileHash, entryId, key, parents, origin: 'local', pushed: false };
}

export interface Collected {
  entries: SyncEntry[];
  cursors: PushCursors;
}

/**
 * The local entries after `cursors` that still have to reach the local replica (made here, or
 * imported from a review package), oldest first, at most `limit` per log. Their sync records
 * (with parents) are written before they are handed out, so a push interrupted at any point
 * replicates the same documents later.
 */
export async function collectLocal(db: ReviewDatabase, cursors: PushCursors, options: { limit: number; inScope?: (fileHash: string) => boolean }): Promise<Collected> {
  const inScope = options.inScope ?? (() => true);
  return db.transaction('rw', [db.edits, db.annotationEvents, db.decisionLog, db.decisions, db.syncRecords], async () => {
    const next = { ...cursors };
    const entries: SyncEntry[] = [];
    const newRecords: SyncRecord[] = [];

    // edits
    const edits = await db.edits.where('seq').above(cursors.edits).limit(options.limit).toArray();
    if (edits.length) next.edits = edits[edits.length - 1]!.seq!;
    const editRecords = await db.syncRecords.bulkGet(edits.map((e) => docId('edit', e.fileHash, e.id)));
    const needEdits = edits.filter((e, i) => inScope(e.fileHash) && !(editRecords[i] && (editRecords[i]!.origin === 'remote' || editRecords[i]!.pushed)));
    for (const fileHash of new Set(needEdits.map((e) => e.fileHash))) {
      const records = await recordsOf(db, 'edit', fileHash);
      const { parents } = walkHeads(editNodes(await editsOf(db, fileHash), records));
      for (const e of needEdits.filter((x) => x.fileHash === fileHash)) {
        const entry = editEntry(e, parents.get(e.id) ?? []);
        entries.push(entry);
        if (!records.has(e.id)) newRecords.push(localRecord(entry, cellKey(e.cell), parents.get(e.id) ?? []));
      }
    }

    // annotation events (no parents: they never conflict)
    const events = await db.annotationEvents.where('seq').above(cursors.annotationEvents).limit(options.limit).toArray();
    if (events.length) next.annotationEvents = events[events.length - 1]!.seq!;
    const eventRecords = await db.syncRecords.bulkGet(events.map((e) => docId('annotation', e.fileHash, e.id)));
    events.forEach((e, i) => {
      const r = eventRecords[i];
      if (!inScope(e.fileHash) || (r && (r.origin === 'remote' || r.pushed))) return;
      const entry = annotationEntry(e);
      entries.push(entry);
      if (!r) newRecords.push(localRecord(entry, e.annotationId, []));
    });

    // decisions
    const log = await db.decisionLog.where('seq').above(cursors.decisionLog).limit(options.limit).toArray();
    if (log.length) next.decisionLog = log[log.length - 1]!.seq!;
    const logRecords = await db.syncRecords.bulkGet(log.map((r) => docId('decision', r.fileHash, r.id)));
    const needLog = log.filter((r, i) => inScope(r.fileHash) && !(logRecords[i] && (logRecords[i]!.origin === 'remote' || logRecords[i]!.pushed)));
    for (const fileHash of new Set(needLog.map((r) => r.fileHash))) {
      const records = await recordsOf(db, 'decision', fileHash);
      const { parents } = walkHeads(decisionNodes(await decisionLogOf(db, fileHash), records));
      for (const r of needLog.filter((x) => x.fileHash === fileHash)) {
        const replicated: ReplicatedDecision = { ...r };
        const current = await db.decisions.get([r.fileHash, r.findingId]);
        if (current && current.by === r.by && current.at === r.at && current.decision === r.action && current.findingMessage !== undefined) replicated.findingMessage = current.findingMessage;
        const entry = decisionEntry(replicated, parents.get(r.id) ?? []);
        entries.push(entry);
        if (!records.has(r.id)) newRecords.push(localRecord(entry, r.findingId, parents.get(r.id) ?? []));
      }
    }
    if (newRecords.length) await db.syncRecords.bulkPut(newRecords);
    return { entries, cursors: next };
  });
}

/** After the local replica stored them. */
export async function markPushed(db: ReviewDatabase, docIds: readonly string[]): Promise<void> {
  if (docIds.length === 0) return;
  await db.transaction('rw', db.syncRecords, async () => {
    const records = await db.syncRecords.bulkGet([...docIds]);
    await db.syncRecords.bulkPut(records.flatMap((r) => (r ? [{ ...r, pushed: true }] : [])));
  });
}

// ---- applying entries from the replica ----

function strip<T extends { seq?: number }>(value: T): Omit<T, 'seq'> {
  const { seq: _seq, ...rest } = value;
  return rest;
}

function localContent(entry: SyncEntry, local: StoredEdit | AnnotationEvent | DecisionLogRecord): string {
  const same = { ...entry };
  switch (same.kind) {
    case 'edit':
      return entryContent({ ...same, edit: strip(local as StoredEdit) as CellEdit });
    case 'annotation':
      return entryContent({ ...same, event: strip(local as AnnotationEvent) as AnnotationEvent });
    case 'decision': {
      // the local log record does not keep the finding's message: compare without it
      return entryContent({ ...same, record: { ...(strip(local as DecisionLogRecord) as DecisionLogRecord), ...(same.record.findingMessage !== undefined ? { findingMessage: same.record.findingMessage } : {}) } });
    }
    default: {
      const never: never = same;
      throw new Error(`unhandled entry ${String(never)}`);
    }
  }
}

/** Replies of every state an annotation had, each once, in time order. */
function unionReplies(states: readonly Annotation[]): AnnotationReply[] {
  const byId = new Map<string, AnnotationReply>();
  for (const s of states) for (const r of s.replies) if (!byId.has(r.id)) byId.set(r.id, r);
  return [...byId.values()].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** An annotation's state from all its events: the latest change's fields, every reply. The same on every replica. */
export function foldAnnotation(events: readonly AnnotationEvent[]): Annotation | null {
  if (events.length === 0) return null;
  const ordered = [...events].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const latest = ordered[ordered.length - 1]!.snapshot;
  const states = ordered.map((e) => e.snapshot);
  return { ...latest, createdAt: Math.min(...states.map((s) => s.createdAt)), updatedAt: Math.max(...states.map((s) => s.updatedAt)), replies: unionReplies(states) };
}

function latestOf<T extends { at: number; id: string }>(items: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const x of items) if (!best || x.at > best.at || (x.at === best.at && x.id > best.id)) best = x;
  return best;
}

function decisionOf(r: DecisionLogRecord, findingMessage?: string): FindingDecision | null {
  if (r.action === 'revoked') return null;
  const d: FindingDecision = { fileHash: r.fileHash, findingId: r.findingId, decision: r.action, by: r.by, at: r.at };
  if (r.reason !== undefined) d.reason = r.reason;
  if (r.annotationId !== undefined) d.annotationId = r.annotationId;
  if (findingMessage !== undefined) d.findingMessage = findingMessage;
  return d;
}

export const SYNC_CONFLICT_PREFIX = 'sync:';

export function isSyncConflict(conflictId: string): boolean {
  return conflictId.startsWith(SYNC_CONFLICT_PREFIX);
}

/** The conflicts team sync found (resolved ones too), by id. */
export async function loadSyncConflicts(db: ReviewDatabase): Promise<StoredConflict[]> {
  return (await db.reviewConflicts.orderBy('id').toArray()).filter((c) => isSyncConflict(c.id));
}

function pickSides<T extends { id: string; at: number }>(heads: readonly T[], mine: (x: T) => boolean): [T, T] {
  const sorted = [...heads].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  const local = sorted.find(mine) ?? sorted[0]!;
  const incoming = [...sorted].reverse().find((x) => x !== local)!;
  return [local, incoming];
}

async function storeConflict(db: ReviewDatabase, id: string, fileHash: string, conflict: EditConflict | DecisionConflict | null, settled: { text: string; by: string; at: number } | null, source: string, now: number): Promise<void> {
  const existing = await db.reviewConflicts.get(id);
  if (conflict) {
    const headsKey = (c: StoredConflict['conflict']): string => JSON.stringify(c.kind === 'edit' ? [c.local, c.incoming].map((s) => [s.text, s.reviewer, s.at]).sort() : [c.local, c.incoming].map((s) => [s.decision, s.reason ?? '', s.by, s.at]).sort());
    if (existing && !existing.resolution && headsKey(existing.conflict) === headsKey(conflict)) return;
    await db.reviewConflicts.put({ id, fileHash, conflict, source, importedAt: now });
  } else if (existing && !existing.resolution && settled) {
    await db.reviewConflicts.put({ ...existing, resolution: { choice: { text: settled.text }, by: settled.by, at: settled.at } });
  }
}

/** Recomputes the sync conflicts of some cells of a file (all of them when `cells` is null). */
export async function refreshEditConflicts(db: ReviewDatabase, fileHash: string, cells: ReadonlySet<string> | null, me: string, now: number): Promise<void> {
  const edits = await editsOf(db, fileHash);
  const { heads } = walkHeads(editNodes(edits, await recordsOf(db, 'edit', fileHash)));
  const byId = new Map(edits.map((e) => [e.id, e]));
  for (const [key, ids] of heads) {
    if (cells && !cells.has(key)) continue;
    const id = `${SYNC_CONFLICT_PREFIX}edit:${fileHash}:${key}`;
    const headEdits = ids.map((h) => byId.get(h)!);
    const texts = new Set(headEdits.map((e) => e.after));
    if (texts.size <= 1) {
      const last = latestOf(headEdits);
      await storeConflict(db, id, fileHash, null, last ? { text: last.after, by: last.reviewer, at: last.at } : null, '', now);
      continue;
    }
    const [local, incoming] = pickSides(headEdits, (e) => e.reviewer === me);
    const all = edits.filter((e) => cellKey(e.cell) === key);
    const printed = [...all].sort((a, b) => a.at - b.at)[0]!.before;
    const conflict: EditConflict = {
      kind: 'edit',
      id,
      fileHash,
      cell: local.cell,
      anchor: local.anchor,
      printed,
      local: { text: local.after, reviewer: local.reviewer, at: local.at },
      incoming: { text: incoming.after, reviewer: incoming.reviewer, at: incoming.at },
      incomingEdits: [],
    };
    await storeConflict(db, id, fileHash, conflict, null, incoming.reviewer, now);
  }
}

async function refreshDecisions(db: ReviewDatabase, fileHash: string, findings: ReadonlySet<string>, me: string, now: number, messages: ReadonlyMap<string, string>): Promise<void> {
  const log = await decisionLogOf(db, fileHash);
  const { heads } = walkHeads(decisionNodes(log, await recordsOf(db, 'decision', fileHash)));
  const byId = new Map(log.map((r) => [r.id, r]));
  for (const findingId of findings) {
    const headRecords = (heads.get(findingId) ?? []).map((h) => byId.get(h)!);
    const current = latestOf(headRecords);
    if (!current) continue;
    // every replica shows the same current decision: the latest head
    const decision = decisionOf(current, messages.get(current.id));
    if (decision) await db.decisions.put(decision);
    else await db.decisions.delete([fileHash, findingId]);
    const id = `${SYNC_CONFLICT_PREFIX}decision:${fileHash}:${findingId}`;
    const decided = headRecords.filter((r) => r.action !== 'revoked');
    const distinct = new Set(decided.map((r) => `${r.action}\u0000${(r.reason ?? '').trim()}`));
    if (distinct.size <= 1) {
      await storeConflict(db, id, fileHash, null, { text: current.action, by: current.by, at: current.at }, '', now);
      continue;
    }
    const [local, incoming] = pickSides(decided, (r) => r.by === me);
    const conflict: DecisionConflict = { kind: 'decision', id, fileHash, findingId, local: decisionOf(local, messages.get(local.id))!, incoming: decisionOf(incoming, messages.get(incoming.id))! };
    await storeConflict(db, id, fileHash, conflict, null, incoming.by, now);
  }
}

export interface ApplyResult {
  applied: number;
  rejected: Rejection[];
  /** files whose stored review changed */
  files: string[];
}

/**
 * Applies validated entries from the replica and moves the replica cursor, in one transaction.
 * An entry already here is skipped; one whose id is known with different content is rejected.
 */
export async function applyRemote(db: ReviewDatabase, entries: readonly SyncEntry[], cursor: { id: string; pullSeq: number | string }, options: { me: string; now: number }): Promise<ApplyResult> {
  const tables = [db.edits, db.annotationEvents, db.annotations, db.decisionLog, db.decisions, db.syncRecords, db.syncCursors, db.reviewConflicts];
  return db.transaction('rw', tables, async () => {
    const rejected: Rejection[] = [];
    const records = await db.syncRecords.bulkGet(entries.map((e) => e.docId));
    const editIds = entries.flatMap((e) => (e.kind === 'edit' ? [e.edit.id] : []));
    const eventIds = entries.flatMap((e) => (e.kind === 'annotation' ? [e.event.id] : []));
    const logIds = entries.flatMap((e) => (e.kind === 'decision' ? [e.record.id] : []));
    const localEdits = new Map((editIds.length ? await db.edits.where('id').anyOf(editIds).toArray() : []).map((e) => [e.id, e]));
    const localEvents = new Map((eventIds.length ? await db.annotationEvents.where('id').anyOf(eventIds).toArray() : []).map((e) => [e.id, e]));
    const localLog = new Map((logIds.length ? await db.decisionLog.where('id').anyOf(logIds).toArray() : []).map((e) => [e.id, e]));

    const editCells = new Map<string, Set<string>>();
    const annotations = new Map<string, string>();
    const findings = new Map<string, Set<string>>();
    const messages = new Map<string, string>();
    const files = new Set<string>();
    const newRecords: SyncRecord[] = [];
    const seen = new Set<string>();
    let applied = 0;
    for (const [i, entry] of entries.entries()) {
      if (seen.has(entry.docId)) continue;
      seen.add(entry.docId);
      const local = entry.kind === 'edit' ? localEdits.get(entry.edit.id) : entry.kind === 'annotation' ? localEvents.get(entry.event.id) : localLog.get(entry.record.id);
      if (local) {
        if (local.fileHash !== entry.fileHash || localContent(entry, local) !== entryContent(entry)) {
          rejected.push({ id: entry.docId, messageZh: '已有同一 id 的记录而内容不同（重放或被改动的文档），未应用', message: 'an entry with this id exists with different content (replayed or altered document); not applied' });
          continue;
        }
        if (!records[i]) newRecords.push({ ...localRecord(entry, keyOf(entry), entry.kind === 'annotation' ? [] : entry.parents), origin: 'remote', pushed: true });
        continue;
      }
      switch (entry.kind) {
        case 'edit': {
          await db.edits.add({ ...entry.edit });
          const key = cellKey(entry.edit.cell);
          const set = editCells.get(entry.fileHash) ?? new Set<string>();
          editCells.set(entry.fileHash, set.add(key));
          break;
        }
        case 'annotation':
          await db.annotationEvents.add({ ...entry.event });
          annotations.set(entry.event.annotationId, entry.fileHash);
          break;
        case 'decision': {
          await db.decisionLog.add(strip(entry.record) as DecisionLogRecord & { findingMessage?: string });
          if (entry.record.findingMessage !== undefined) messages.set(entry.record.id, entry.record.findingMessage);
          const set = findings.get(entry.fileHash) ?? new Set<string>();
          findings.set(entry.fileHash, set.add(entry.record.findingId));
          break;
        }
        default: {
          const never: never = entry;
          throw new Error(`unhandled entry ${String(never)}`);
        }
      }
      newRecords.push({ ...localRecord(entry, keyOf(entry), entry.kind === 'annotation' ? [] : entry.parents), origin: 'remote', pushed: true });
      files.add(entry.fileHash);
      applied++;
    }
    if (newRecords.length) await db.syncRecords.bulkPut(newRecords);

    for (const [annotationId, fileHash] of annotations) {
      const events = await db.annotationEvents.where('annotationId').equals(annotationId).toArray();
      const state = foldAnnotation(events.filter((e) => e.fileHash === fileHash));
      if (state) await db.annotations.put(state);
    }
    for (const [fileHash, set] of findings) await refreshDecisions(db, fileHash, set, options.me, options.now, messages);
    for (const [fileHash, cells] of editCells) await refreshEditConflicts(db, fileHash, cells, options.me, options.now);
    await db.syncCursors.put({ id: cursor.id, pullSeq: cursor.pullSeq });
    return { applied, rejected, files: [...files] };
  });
}

function keyOf(entry: SyncEntry): string {
  switch (entry.kind) {
    case 'edit':
      return cellKey(entry.edit.cell);
    case 'annotation':
      return entry.event.annotationId;
    case 'decision':
      return entry.record.findingId;
    default: {
      const never: never = entry;
      throw new Error(`unhandled entry ${String(never)}`);
    }
  }
}

/** Local entries just handed to the replica may settle conflicts (a clerk typed over one): recheck their cells. */
export async function refreshAfterPush(db: ReviewDatabase, entries: readonly SyncEntry[], options: { me: string; now: number }): Promise<void> {
  const cells = new Map<string, Set<string>>();
  for (const e of entries) {
    if (e.kind !== 'edit') continue;
    const set = cells.get(e.fileHash) ?? new Set<string>();
    cells.set(e.fileHash, set.add(cellKey(e.edit.cell)));
  }
  if (cells.size === 0) return;
  const pending = await db.reviewConflicts.filter((c) => isSyncConflict(c.id) && !c.resolution).toArray();
  const touched = new Set(pending.map((c) => c.fileHash));
  await db.transaction('rw', [db.edits, db.syncRecords, db.reviewConflicts], async () => {
    for (const [fileHash, set] of cells) if (touched.has(fileHash)) await refreshEditConflicts(db, fileHash, set, options.me, options.now);
  });
}

export async function loadPullCursor(db: ReviewDatabase, id: string): Promise<number | string> {
  return (await db.syncCursors.get(id))?.pullSeq ?? 0;
}

export interface ResolveMeta {
  by: string;
  at: number;
  newId: () => string;
}

/**
 * A person's pick for a sync conflict. The pick is itself an entry (an edit, or a decision) made
 * after both sides, so every replica sees the conflict settled once it arrives.
 */
export async function resolveSyncConflict(db: ReviewDatabase, conflictId: string, choice: ConflictChoice, meta: ResolveMeta): Promise<CellEdit[]> {
  return db.transaction('rw', [db.edits, db.decisions, db.decisionLog, db.reviewConflicts, db.syncRecords], async () => {
    const stored = await db.reviewConflicts.get(conflictId);
    if (!stored || stored.resolution) return [];
    const c = stored.conflict;
    const at = (lastAt: number): number => Math.max(meta.at, lastAt + 1);
    if (c.kind === 'edit') {
      const text = choice === 'local' ? c.local.text : choice === 'incoming' ? c.incoming.text : choice.text;
      const key = cellKey(c.cell);
      const cellEdits = (await editsOf(db, stored.fileHash)).filter((e) => cellKey(e.cell) === key);
      const last = latestOf(cellEdits.map((e) => ({ ...e })));
      const edit: CellEdit = {
        id: meta.newId(),
        fileHash: stored.fileHash,
        cell: c.cell,
        anchor: c.anchor,
        before: last?.after ?? c.printed,
        after: text,
        reviewer: meta.by,
        at: at(last?.at ?? 0),
        op: 'set',
      };
      await db.edits.add({ ...edit });
      await db.reviewConflicts.put({ ...stored, resolution: { choice, by: meta.by, at: edit.at } });
      return [edit];
    }
    if (typeof choice === 'object') throw new Error('a decision conflict takes "local" or "incoming"');
    const chosen = choice === 'local' ? c.local : c.incoming;
    const log = (await decisionLogOf(db, stored.fileHash)).filter((r) => r.findingId === c.findingId);
    const when = at(Math.max(0, ...log.map((r) => r.at)));
    const record: DecisionLogRecord = { id: meta.newId(), fileHash: stored.fileHash, findingId: c.findingId, action: chosen.decision, by: meta.by, at: when };
    if (chosen.reason !== undefined) record.reason = chosen.reason;
    if (chosen.annotationId !== undefined) record.annotationId = chosen.annotationId;
    await db.decisionLog.add(record);
    await db.decisions.put({ ...chosen, by: meta.by, at: when });
    await db.reviewConflicts.put({ ...stored, resolution: { choice, by: meta.by, at: when } });
    return [];
  });
}
