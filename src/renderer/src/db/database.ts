/**
 * The review database (IndexedDB through Dexie). Everything is keyed by the file's content hash,
 * so a renamed file keeps its review. Edits are an append-only log; nothing here is ever
 * rewritten in place except the "last seen version" of a path.
 *
 * Schema changes: append a new entry to SCHEMA_VERSIONS (never edit a released one) and extend
 * database.test.ts with data written by the previous version.
 */
import { Dexie, type DexieOptions, type EntityTable, type Table, type Transaction } from 'dexie';
import type { Annotation, CellEdit, FindingDecision } from '../../../core/review/model';
import type { ConflictChoice, ReviewConflict } from '../../../core/review/package-merge';

export const DB_NAME = 'proofreader-review';

/** A log entry as stored: `seq` (auto-increment) keeps insertion order within a millisecond. */
export interface StoredEdit extends CellEdit {
  seq?: number;
}

export interface ReviewedTableRecord {
  fileHash: string;
  tableId: string;
  reviewer: string;
  at: number;
}

/** The content hash last seen at a path: tells that a file changed and its edits must move. */
export interface FileVersionRecord {
  relativePath: string;
  sha256: string;
  seenAt: number;
}

/** One move of an edit log onto a new version of a file, with the edits that could not follow. */
export interface ReanchorRecord {
  id?: number;
  relativePath: string;
  fromHash: string;
  toHash: string;
  at: number;
  moved: number;
  orphans: CellEdit[];
}

export type AnnotationEventKind = 'created' | 'edited' | 'replied' | 'moved' | 'imported' | 'migrated';

export interface AnnotationFieldChange {
  field: 'text' | 'category' | 'status' | 'target';
  before: string;
  after: string;
}

/**
 * One change of an annotation (append-only): who, when, which fields, and the annotation's whole
 * state after it. The `annotations` table holds the current state, written in the same transaction.
 */
export interface AnnotationEvent {
  seq?: number;
  id: string;
  annotationId: string;
  fileHash: string;
  kind: AnnotationEventKind;
  by: string;
  at: number;
  changes: AnnotationFieldChange[];
  snapshot: Annotation;
}

/** One move of a file's annotations onto a new version of the file, with those that could not follow. */
export interface AnnotationMoveRecord {
  id?: number;
  relativePath: string;
  fromHash: string;
  toHash: string;
  at: number;
  moved: number;
  /** the annotations (as they were on the old version) whose target the new version lacks */
  orphans: Annotation[];
}

/** A conflict found when a review package was imported; kept until the reviewer resolves it. */
export interface StoredConflict {
  /** the conflict's stable id */
  id: string;
  fileHash: string;
  conflict: ReviewConflict;
  /** who exported the package it came from */
  source: string;
  importedAt: number;
  resolution?: { choice: ConflictChoice; by: string; at: number };
}

/**
 * One decision on a finding as it was taken (append-only): confirmed, dismissed (with the
 * reason) or revoked. `decisions` holds the current decision; this log keeps every earlier one.
 */
export interface DecisionLogRecord {
  seq?: number;
  id: string;
  fileHash: string;
  findingId: string;
  action: 'confirmed' | 'dismissed' | 'revoked';
  reason?: string;
  by: string;
  at: number;
  annotationId?: string;
}

/**
 * What team sync (src/renderer/src/sync) knows about one log entry it replicated or received: the
 * replicated document's id, which entries of the same cell / finding / annotation its author had
 * seen (`parents`: concurrent entries are those neither of which saw the other), and whether it
 * reached the local replica. Written in the same transaction as the entry when it came from the
 * server, before pushing when it was made here.
 */
export interface SyncRecord {
  /** e.g. `edit:<fileHash>:<editId>` (see sync/mapping.ts) */
  docId: string;
  kind: 'edit' | 'annotation' | 'decision';
  fileHash: string;
  /** the entry's id in its log (edits, annotationEvents, decisionLog) */
  entryId: string;
  /** cellKey for edits, findingId for decisions, annotationId for annotation events */
  key: string;
  /** ids of the entries (same kind and key) this one supersedes */
  parents: string[];
  origin: 'local' | 'remote';
  /** local entries: stored in the local replica (so replication carries it) */
  pushed: boolean;
}

/** Where applying the local replica's changes feed stopped, per replica (committed with the applied entries). */
export interface SyncCursorRecord {
  id: string;
  pullSeq: number | string;
}

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      edits: '++seq, &id, fileHash',
      annotations: 'id, fileHash',
      decisions: '[fileHash+findingId], fileHash',
      reviewedTables: '[fileHash+tableId], fileHash',
      fileVersions: 'relativePath, sha256',
      reanchors: '++id, toHash, fromHash',
    },
  },
  {
    // Annotation history (append-only events), annotation moves onto new file versions, and
    // conflicts from imported review packages.
    version: 2,
    stores: {
      annotations: 'id, fileHash, findingId',
      annotationEvents: '++seq, &id, annotationId, fileHash',
      annotationMoves: '++id, toHash, fromHash',
      reviewConflicts: 'id, fileHash',
    },
    upgrade: async (tx) => {
      // Annotations written before history was kept start their history with their stored state.
      const existing = (await tx.table('annotations').toArray()) as Annotation[];
      const events: AnnotationEvent[] = existing.map((a) => ({
        id: `migrated:${a.id}`,
        annotationId: a.id,
        fileHash: a.fileHash,
        kind: 'migrated',
        by: a.author,
        at: a.updatedAt,
        changes: [],
        snapshot: a,
      }));
      await tx.table('annotationEvents').bulkAdd(events);
    },
  },
  {
    // The history of finding decisions (append-only); decisions taken before it start it.
    version: 3,
    stores: {
      decisionLog: '++seq, &id, fileHash, [fileHash+findingId]',
    },
    upgrade: async (tx) => {
      const existing = (await tx.table('decisions').toArray()) as FindingDecision[];
      const log: DecisionLogRecord[] = existing.map((d) => ({
        id: `migrated:${d.fileHash}:${d.findingId}`,
        fileHash: d.fileHash,
        findingId: d.findingId,
        action: d.decision,
        ...(d.reason !== undefined ? { reason: d.reason } : {}),
        by: d.by,
        at: d.at,
        ...(d.annotationId !== undefined ? { annotationId: d.annotationId } : {}),
      }));
      await tx.table('decisionLog').bulkAdd(log);
    },
  },
  {
    // Team sync: what was replicated, and where applying the replica's changes stopped.
    version: 4,
    stores: {
      syncRecords: 'docId, [kind+fileHash+key], [kind+fileHash]',
      syncCursors: 'id',
    },
  },
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

export class ReviewDatabase extends Dexie {
  edits!: EntityTable<StoredEdit, 'seq'>;
  annotations!: EntityTable<Annotation, 'id'>;
  decisions!: Table<FindingDecision, [string, string]>;
  reviewedTables!: Table<ReviewedTableRecord, [string, string]>;
  fileVersions!: EntityTable<FileVersionRecord, 'relativePath'>;
  reanchors!: EntityTable<ReanchorRecord, 'id'>;
  annotationEvents!: EntityTable<AnnotationEvent, 'seq'>;
  annotationMoves!: EntityTable<AnnotationMoveRecord, 'id'>;
  reviewConflicts!: EntityTable<StoredConflict, 'id'>;
  decisionLog!: EntityTable<DecisionLogRecord, 'seq'>;
  syncRecords!: EntityTable<SyncRecord, 'docId'>;
  syncCursors!: EntityTable<SyncCursorRecord, 'id'>;

  /** `upTo` opens an older schema (migration tests only). */
  constructor(name: string = DB_NAME, upTo: number = LATEST_VERSION, options?: DexieOptions) {
    super(name, options);
    for (const v of SCHEMA_VERSIONS) {
      if (v.version > upTo) break;
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
  }
}

let shared: ReviewDatabase | null = null;

/** The app's database (opened lazily). */
export function reviewDb(): ReviewDatabase {
  shared ??= new ReviewDatabase();
  return shared;
}

/**
 * For a database this version must not touch (db/health.ts found it written by a newer version):
 * from now on nothing opens it and every use of reviewDb() fails asynchronously, like a closed
 * database, so callers report it through their usual error paths.
 */
export function refuseReviewDb(): void {
  shared?.close();
  shared = new ReviewDatabase(DB_NAME, LATEST_VERSION, { autoOpen: false });
}
