/**
 * The review database (IndexedDB through Dexie). Everything is keyed by the file's content hash,
 * so a renamed file keeps its review. Edits are an append-only log; nothing here is ever
 * rewritten in place except the "last seen version" of a path.
 *
 * Schema changes: append a new entry to SCHEMA_VERSIONS (never edit a released one) and extend
 * database.test.ts with data written by the previous version.
 */
import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import type { Annotation, CellEdit, FindingDecision } from '../../../core/review/model';

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
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

export class ReviewDatabase extends Dexie {
  edits!: EntityTable<StoredEdit, 'seq'>;
  annotations!: EntityTable<Annotation, 'id'>;
  decisions!: Table<FindingDecision, [string, string]>;
  reviewedTables!: Table<ReviewedTableRecord, [string, string]>;
  fileVersions!: EntityTable<FileVersionRecord, 'relativePath'>;
  reanchors!: EntityTable<ReanchorRecord, 'id'>;

  /** `upTo` opens an older schema (migration tests only). */
  constructor(name: string = DB_NAME, upTo: number = LATEST_VERSION) {
    super(name);
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
