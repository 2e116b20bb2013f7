/**
 * The one boundary between the local review (Dexie: the append-only edit log, annotation events,
 * the decision log) and the documents replicated through CouchDB. Every log entry becomes one
 * immutable document whose id is derived from the file's content hash and the entry's own id
 * (`edit:<fileHash>:<editId>`, …), so pushing or receiving the same entry twice is a no-op and a
 * document is never updated in place: CouchDB revision conflicts cannot arise between clerks.
 * Concurrent changes of the same cell are found from `parents` instead (see sync-repo.ts).
 *
 * Everything coming from the server goes through `parseReplicatedDoc`: shape, types, sizes, the
 * id matching the content, and the schema version. What fails is rejected with a message and
 * never reaches the local database.
 */
import { documentReview, InvalidField } from '../../../core/review/package-validate';
import type { CellEdit, FindingDecision } from '../../../core/review/model';
import type { AnnotationEvent, AnnotationEventKind, AnnotationFieldChange, DecisionLogRecord } from '../db/database';

export const SYNC_SCHEMA = 1;
/** a replicated document larger than this (as JSON) is refused */
export const MAX_DOC_BYTES = 64 * 1024;
/** the longest id (of an entry, annotation or finding) accepted */
export const MAX_ID_LENGTH = 200;
/** the longest text (cell text, annotation text, reason) accepted */
export const MAX_TEXT_LENGTH = 20_000;
export const MAX_PARENTS = 64;

export type DocKind = 'edit' | 'annotation' | 'decision';

/**
 * `probe:<user name>`: the document a signed-in reviewer writes once on connecting, to learn whether
 * the server lets them write (a reader is refused at once instead of at their first edit). Not
 * part of the review: ignored when read.
 */
export const PROBE_PREFIX = 'probe:';

export function probeDoc(username: string, at: number): { _id: string; type: 'probe'; schema: number; at: number } {
  return { _id: `${PROBE_PREFIX}${username}`, type: 'probe', schema: SYNC_SCHEMA, at };
}

/** A decision log entry as replicated: the log record and the finding's message when decided. */
export interface ReplicatedDecision extends DecisionLogRecord {
  findingMessage?: string;
}

export type SyncEntry =
  | { kind: 'edit'; docId: string; fileHash: string; edit: CellEdit; parents: string[] }
  | { kind: 'annotation'; docId: string; fileHash: string; event: AnnotationEvent }
  | { kind: 'decision'; docId: string; fileHash: string; record: ReplicatedDecision; parents: string[] };

/** The stored form (PouchDB adds `_rev`). */
export interface ReplicatedDoc {
  _id: string;
  _rev?: string;
  type: DocKind;
  schema: number;
  fileHash: string;
  parents?: string[];
  edit?: CellEdit;
  event?: AnnotationEvent;
  record?: ReplicatedDecision;
}

export type ParseResult = { ok: true; entry: SyncEntry } | { ok: false; id: string; messageZh: string; message: string } | { ok: 'ignore' };

const PREFIX: Record<DocKind, string> = { edit: 'edit', annotation: 'note', decision: 'decision' };

export function docId(kind: DocKind, fileHash: string, entryId: string): string {
  return `${PREFIX[kind]}:${fileHash}:${entryId}`;
}

export function entryDocId(entry: SyncEntry): string {
  switch (entry.kind) {
    case 'edit':
      return docId('edit', entry.fileHash, entry.edit.id);
    case 'annotation':
      return docId('annotation', entry.fileHash, entry.event.id);
    case 'decision':
      return docId('decision', entry.fileHash, entry.record.id);
    default: {
      const never: never = entry;
      throw new Error(`unhandled entry ${String(never)}`);
    }
  }
}

function stripSeq<T extends { seq?: number }>(value: T): Omit<T, 'seq'> {
  const { seq: _seq, ...rest } = value;
  return rest;
}

export function editEntry(edit: CellEdit & { seq?: number }, parents: readonly string[]): SyncEntry {
  const e = stripSeq(edit) as CellEdit;
  return { kind: 'edit', docId: docId('edit', e.fileHash, e.id), fileHash: e.fileHash, edit: e, parents: [...parents] };
}

export function annotationEntry(event: AnnotationEvent): SyncEntry {
  const e = stripSeq(event) as AnnotationEvent;
  return { kind: 'annotation', docId: docId('annotation', e.fileHash, e.id), fileHash: e.fileHash, event: e };
}

export function decisionEntry(record: ReplicatedDecision & { seq?: number }, parents: readonly string[]): SyncEntry {
  const r = stripSeq(record) as ReplicatedDecision;
  return { kind: 'decision', docId: docId('decision', r.fileHash, r.id), fileHash: r.fileHash, record: r, parents: [...parents] };
}

/** The document to replicate for a log entry. */
export function toDoc(entry: SyncEntry): ReplicatedDoc {
  const base = { _id: entry.docId, type: entry.kind, schema: SYNC_SCHEMA, fileHash: entry.fileHash };
  switch (entry.kind) {
    case 'edit':
      return { ...base, parents: entry.parents, edit: entry.edit };
    case 'annotation':
      return { ...base, event: entry.event };
    case 'decision':
      return { ...base, parents: entry.parents, record: entry.record };
    default: {
      const never: never = entry;
      throw new Error(`unhandled entry ${String(never)}`);
    }
  }
}

/** JSON with sorted keys: two entries are the same entry when this is equal. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

/** The replicated content of an entry (what must match when the same id arrives twice). */
export function entryContent(entry: SyncEntry): string {
  switch (entry.kind) {
    case 'edit':
      return canonical(entry.edit);
    case 'annotation':
      return canonical(entry.event);
    case 'decision':
      return canonical(entry.record);
    default: {
      const never: never = entry;
      throw new Error(`unhandled entry ${String(never)}`);
    }
  }
}

// ---- validation of incoming documents ----

class Refused extends Error {
  constructor(
    readonly messageZh: string,
    message: string,
  ) {
    super(message);
  }
}

type Obj = Record<string, unknown>;

function obj(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Refused(`${path} 应为对象`, `${path}: expected an object`);
  return v as Obj;
}

function str(v: unknown, path: string, max: number, nonEmpty = false): string {
  if (typeof v !== 'string' || (nonEmpty && v.length === 0)) throw new Refused(`${path} 应为${nonEmpty ? '非空' : ''}字符串`, `${path}: expected a${nonEmpty ? ' non-empty' : ''} string`);
  if (v.length > max) throw new Refused(`${path} 过长`, `${path}: longer than ${max} characters`);
  return v;
}

function optionalStr(v: unknown, path: string, max: number): string | undefined {
  return v === undefined ? undefined : str(v, path, max);
}

function time(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new Refused(`${path} 应为时间戳`, `${path}: expected epoch milliseconds`);
  return v;
}

function onlyKeys(o: Obj, allowed: readonly string[], path: string): void {
  for (const k of Object.keys(o)) {
    if (k.startsWith('_') && path === '') continue; // _id, _rev, _revisions … are PouchDB's
    if (!allowed.includes(k)) throw new Refused(`${path || '文档'} 含有未知字段 ${k.slice(0, 40)}`, `${path || 'document'}: unknown field ${k.slice(0, 40)}`);
  }
}

/** Every string in the value bounded (anything the shape checks do not reach stays small too). */
function boundedStrings(v: unknown, depth = 0): void {
  if (depth > 12) throw new Refused('文档嵌套过深', 'document nested too deeply');
  if (typeof v === 'string' && v.length > MAX_TEXT_LENGTH) throw new Refused('文档中的文字过长', 'a string in the document is too long');
  if (Array.isArray(v)) for (const x of v) boundedStrings(x, depth + 1);
  else if (typeof v === 'object' && v !== null) for (const x of Object.values(v)) boundedStrings(x, depth + 1);
}

function parents(v: unknown): string[] {
  if (!Array.isArray(v)) throw new Refused('parents 应为数组', 'parents: expected an array');
  if (v.length > MAX_PARENTS) throw new Refused('parents 过多', 'parents: too many');
  const out = v.map((p, i) => str(p, `parents[${i}]`, MAX_ID_LENGTH, true));
  return [...new Set(out)];
}

/** The core's package validator, on one-item documents: the same rules as an imported review package. */
function viaPackageRules<T>(fileHash: string, field: 'edits' | 'annotations' | 'decisions', item: unknown): T {
  try {
    const review = documentReview({ fileHash, fileName: '', edits: [], annotations: [], decisions: [], reviewedTables: [], [field]: [item] }, field);
    return review[field][0] as T;
  } catch (e) {
    if (e instanceof InvalidField) throw new Refused(`${e.path}：${e.expected.zh}`, `${e.path}: ${e.expected.en}`);
    throw e;
  }
}

const EVENT_KINDS: readonly AnnotationEventKind[] = ['created', 'edited', 'replied', 'moved', 'imported', 'migrated'];
const CHANGE_FIELDS: readonly AnnotationFieldChange['field'][] = ['text', 'category', 'status', 'target'];

function annotationEvent(v: unknown, fileHash: string): AnnotationEvent {
  const o = obj(v, 'event');
  onlyKeys(o, ['id', 'annotationId', 'fileHash', 'kind', 'by', 'at', 'changes', 'snapshot'], 'event');
  if (o.fileHash !== fileHash) throw new Refused('event.fileHash 与文档不一致', 'event.fileHash differs from the document');
  const kind = o.kind;
  if (typeof kind !== 'string' || !(EVENT_KINDS as readonly string[]).includes(kind)) throw new Refused('event.kind 无效', 'event.kind: unknown kind');
  if (!Array.isArray(o.changes) || o.changes.length > 8) throw new Refused('event.changes 应为数组', 'event.changes: expected an array');
  const changes = o.changes.map((c, i): AnnotationFieldChange => {
    const r = obj(c, `event.changes[${i}]`);
    onlyKeys(r, ['field', 'before', 'after'], `event.changes[${i}]`);
    if (typeof r.field !== 'string' || !(CHANGE_FIELDS as readonly string[]).includes(r.field)) throw new Refused('event.changes.field 无效', 'event.changes.field: unknown field');
    return { field: r.field as AnnotationFieldChange['field'], before: str(r.before, 'before', MAX_TEXT_LENGTH), after: str(r.after, 'after', MAX_TEXT_LENGTH) };
  });
  const annotationId = str(o.annotationId, 'event.annotationId', MAX_ID_LENGTH, true);
  const snapshot = viaPackageRules<AnnotationEvent['snapshot']>(fileHash, 'annotations', o.snapshot);
  if (snapshot.id !== annotationId) throw new Refused('event.snapshot 属于另一条批注', 'event.snapshot belongs to another annotation');
  return {
    id: str(o.id, 'event.id', MAX_ID_LENGTH, true),
    annotationId,
    fileHash,
    kind: kind as AnnotationEventKind,
    by: str(o.by, 'event.by', MAX_ID_LENGTH),
    at: time(o.at, 'event.at'),
    changes,
    snapshot,
  };
}

function decisionRecord(v: unknown, fileHash: string): ReplicatedDecision {
  const o = obj(v, 'record');
  onlyKeys(o, ['id', 'fileHash', 'findingId', 'action', 'reason', 'by', 'at', 'annotationId', 'findingMessage'], 'record');
  if (o.fileHash !== fileHash) throw new Refused('record.fileHash 与文档不一致', 'record.fileHash differs from the document');
  const action = o.action;
  if (action !== 'confirmed' && action !== 'dismissed' && action !== 'revoked') throw new Refused('record.action 无效', 'record.action: expected confirmed / dismissed / revoked');
  const record: ReplicatedDecision = {
    id: str(o.id, 'record.id', MAX_ID_LENGTH, true),
    fileHash,
    findingId: str(o.findingId, 'record.findingId', MAX_ID_LENGTH, true),
    action,
    by: str(o.by, 'record.by', MAX_ID_LENGTH),
    at: time(o.at, 'record.at'),
  };
  const reason = optionalStr(o.reason, 'record.reason', MAX_TEXT_LENGTH);
  if (action === 'dismissed' && !reason?.trim()) throw new Refused('驳回须有理由', 'a dismissal needs a reason');
  if (reason !== undefined) record.reason = reason;
  const annotationId = optionalStr(o.annotationId, 'record.annotationId', MAX_ID_LENGTH);
  if (annotationId !== undefined) record.annotationId = annotationId;
  const findingMessage = optionalStr(o.findingMessage, 'record.findingMessage', MAX_TEXT_LENGTH);
  if (findingMessage !== undefined) record.findingMessage = findingMessage;
  return record;
}

/**
 * Checks one document from the replica and rebuilds the entry from known fields only. Design
 * documents and PouchDB's own are ignored; deletions are refused (the review is append-only).
 */
export function parseReplicatedDoc(raw: unknown): ParseResult {
  const id = typeof raw === 'object' && raw !== null && typeof (raw as Obj)._id === 'string' ? ((raw as Obj)._id as string).slice(0, MAX_ID_LENGTH + 80) : '?';
  if (id.startsWith('_design/') || id.startsWith('_local/') || id.startsWith(PROBE_PREFIX)) return { ok: 'ignore' };
  try {
    const o = obj(raw, '文档');
    let size: number;
    try {
      size = JSON.stringify(o).length;
    } catch {
      throw new Refused('文档无法读取', 'document is not JSON');
    }
    if (size > MAX_DOC_BYTES) throw new Refused(`文档过大（${Math.round(size / 1024)} KB）`, `document too large (${size} bytes)`);
    if (o._deleted === true) throw new Refused('服务器上删除了一条记录；审阅记录只增不删，未应用', 'a deletion on the server: the review is append-only, not applied');
    if (typeof o.schema !== 'number') throw new Refused('缺少 schema 版本', 'missing schema version');
    if (o.schema > SYNC_SCHEMA) throw new Refused(`由更新版本的程序写入（schema ${o.schema}），请升级`, `written by a newer version (schema ${o.schema}); upgrade`);
    if (o.schema !== SYNC_SCHEMA) throw new Refused('schema 版本无效', 'invalid schema version');
    boundedStrings(o);
    const fileHash = o.fileHash;
    if (typeof fileHash !== 'string' || !/^[0-9a-f]{64}$/.test(fileHash)) throw new Refused('fileHash 应为文件的 SHA-256', 'fileHash: expected the file SHA-256');
    let entry: SyncEntry;
    switch (o.type) {
      case 'edit': {
        onlyKeys(o, ['type', 'schema', 'fileHash', 'parents', 'edit'], '');
        const edit = viaPackageRules<CellEdit>(fileHash, 'edits', o.edit);
        if (edit.id.length > MAX_ID_LENGTH) throw new Refused('edit.id 过长', 'edit.id too long');
        entry = editEntry(edit, parents(o.parents));
        break;
      }
      case 'annotation': {
        onlyKeys(o, ['type', 'schema', 'fileHash', 'event'], '');
        entry = annotationEntry(annotationEvent(o.event, fileHash));
        break;
      }
      case 'decision': {
        onlyKeys(o, ['type', 'schema', 'fileHash', 'parents', 'record'], '');
        const record = decisionRecord(o.record, fileHash);
        if (record.action !== 'revoked') {
          // the same rules as a decision in a review package
          viaPackageRules<FindingDecision>(fileHash, 'decisions', { fileHash, findingId: record.findingId, decision: record.action, reason: record.reason, by: record.by, at: record.at });
        }
        entry = decisionEntry(record, parents(o.parents));
        break;
      }
      default:
        throw new Refused('未知的文档类型', `unknown document type ${String(o.type).slice(0, 40)}`);
    }
    if (entry.docId !== id) throw new Refused('文档 id 与内容不符', `document id does not match its content (expected ${entry.docId.slice(0, 120)})`);
    return { ok: true, entry };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, id, messageZh: e.messageZh, message: e.message };
    throw e;
  }
}
