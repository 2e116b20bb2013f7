/**
 * The part of PouchDB's API team sync uses (pouchdb-browser ships no types). The replicator takes
 * the constructor as an argument: the app passes pouchdb-browser (IndexedDB + HTTP), the tests
 * pouchdb-core with the memory adapter.
 */

export interface PouchDoc {
  _id: string;
  _rev?: string;
  [field: string]: unknown;
}

export interface PouchError {
  status?: number;
  name?: string;
  error?: string | boolean;
  reason?: string;
  message?: string;
}

export interface BulkResult {
  ok?: boolean;
  id?: string;
  rev?: string;
  error?: string | boolean;
  status?: number;
  name?: string;
  message?: string;
}

export interface ChangesResponse {
  results: { id: string; seq: number | string; doc?: PouchDoc & { _deleted?: boolean }; deleted?: boolean }[];
  last_seq: number | string;
}

export interface PouchDatabase {
  name: string;
  info(): Promise<{ update_seq: number | string; doc_count: number }>;
  bulkDocs(docs: PouchDoc[]): Promise<BulkResult[]>;
  allDocs(options: { keys: string[]; include_docs: true }): Promise<{ rows: { id?: string; key: string; doc?: PouchDoc | null; error?: string }[] }>;
  changes(options: { since: number | string; include_docs: true; limit: number }): Promise<ChangesResponse>;
  get(id: string): Promise<PouchDoc>;
  put(doc: PouchDoc): Promise<{ ok: boolean; id: string; rev: string }>;
  close(): Promise<void>;
  destroy(): Promise<void>;
}

export interface ReplicationInfo {
  direction?: 'push' | 'pull';
  change?: { docs_read?: number; docs_written?: number; pending?: number; docs?: unknown[] };
  docs_written?: number;
  pending?: number;
}

export interface ReplicationHandle {
  on(event: 'change', listener: (info: ReplicationInfo) => void): ReplicationHandle;
  on(event: 'paused', listener: (err?: PouchError) => void): ReplicationHandle;
  on(event: 'active', listener: () => void): ReplicationHandle;
  on(event: 'denied', listener: (err: PouchError) => void): ReplicationHandle;
  on(event: 'error', listener: (err: PouchError) => void): ReplicationHandle;
  on(event: 'complete', listener: (info: unknown) => void): ReplicationHandle;
  cancel(): void;
}

export interface ReplicationOptions {
  live: true;
  retry: true;
  batch_size?: number;
  back_off_function?: (delay: number) => number;
}

export interface PouchOptions {
  adapter?: string;
  auth?: { username: string; password: string };
  skip_setup?: boolean;
}

export interface PouchStatic {
  new (name: string, options?: PouchOptions): PouchDatabase;
  sync(local: PouchDatabase, remote: PouchDatabase, options: ReplicationOptions): ReplicationHandle;
  replicate(source: PouchDatabase, target: PouchDatabase, options: ReplicationOptions): ReplicationHandle;
}
