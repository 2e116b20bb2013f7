/**
 * Team sync as the UI sees it: one Replicator (sync/replicator.ts) for the open folder, started
 * when a sync connection exists ('sync:connection'), its status folded into what the header
 * badge shows, the read-only flag (the server refused our writes), the documents the server sent
 * that were refused (with a message), and the unresolved conflicts of the folder's files (two
 * clerks changed the same cell or finding without seeing each other's change). Remote entries are
 * applied to Dexie by the replicator (through sync/mapping.ts); the store then tells the review
 * (and findings) to reload what it shows. A pick in a conflict is itself an edit
 * (resolveSyncConflict), replicated like any other.
 *
 * createSyncStore takes its surroundings as dependencies so the logic runs in Node tests against
 * a real CouchDB-protocol server; `useSync` is the app's instance.
 */
import { liveQuery } from 'dexie';
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { ConflictChoice } from '../../../core/review/package';
import type { SyncConnection } from '../../../shared/ipc-contract';
import type { ReviewDatabase, StoredConflict } from '../db/database';
import { isSyncConflict, resolveSyncConflict, type ApplyResult, type Rejection } from '../db/sync-repo';
import type { PouchOptions, PouchStatic } from './pouch-types';
import { Replicator, type ReplicatorOptions, type SyncStatus } from './replicator';

export type SyncState = 'off' | 'connecting' | 'connected' | 'syncing' | 'offline' | 'denied';

export interface SyncView {
  state: SyncState;
  /** changes waiting to go either way */
  pending: number;
  lastSyncedAt: number | null;
  /** why the connection does not work (wrong password, no such database…); offline is not an error */
  error?: string;
  /** the server refuses this reviewer's writes: the review is shown, not changed */
  readOnly: boolean;
  /** documents from the server that were not applied (newest last) */
  rejected: Rejection[];
}

export interface SyncStoreState extends SyncView {
  /** unresolved sync conflicts of the folder's files */
  conflicts: StoredConflict[];
  /** the database URL connected to (no credentials); null when off */
  url: string | null;
  /** (re)reads the connection and starts replication for the folder; stops it when there is none */
  start: () => Promise<void>;
  stop: () => Promise<void>;
  /** look for local changes to send now (after an edit) */
  kick: () => void;
  /** a person's pick for a conflict: recorded as an edit (or decision) and replicated */
  resolve: (conflictId: string, choice: ConflictChoice) => Promise<void>;
  /** test hook: waits until the pump is idle */
  flush: () => Promise<void>;
}

export interface SyncDeps {
  db: () => ReviewDatabase;
  loadPouch: () => Promise<PouchStatic>;
  localOptions?: PouchOptions;
  /** the local replica's name for a database URL (default replicaName; tests running two clerks in one process give each its own) */
  replicaName?: (url: string) => string;
  connection: () => Promise<SyncConnection | null>;
  /** the person whose name goes on edits */
  me: () => string;
  /** content hashes of the open folder's files (null: every file) */
  folderFiles: () => ReadonlySet<string> | null;
  /** stored review of these files changed (remote entries applied, a conflict picked) */
  onFilesChanged: (files: readonly string[]) => Promise<void> | void;
  onReadOnly?: (readOnly: boolean) => void;
  now?: () => number;
  newId: () => string;
  /** replicator tuning (tests) */
  tuning?: Pick<ReplicatorOptions, 'pollMs' | 'maxRetryDelayMs' | 'batchSize'>;
}

export const OFF_VIEW: SyncView = { state: 'off', pending: 0, lastSyncedAt: null, readOnly: false, rejected: [] };

/** The replicator's status as the badge shows it. Read-only wins over every phase but "off". */
export function viewOf(status: SyncStatus): SyncView {
  const base = { pending: status.pending, lastSyncedAt: status.lastSyncedAt, readOnly: status.readOnly, rejected: status.rejected };
  if (status.phase === 'off') return { ...base, state: 'off', readOnly: false };
  if (status.readOnly) return { ...base, state: 'denied' };
  switch (status.phase) {
    case 'error':
      // the server answered but will not let us in: not reachable for us, with the reason
      return { ...base, state: 'offline', pending: 0, error: status.message ?? undefined };
    default:
      return { ...base, state: status.phase };
  }
}

/**
 * The local replica's name for a team database: from the URL without credentials, query or
 * fragment, and never containing "://" (PouchDB would take such a name for a remote database).
 */
export function replicaName(url: string): string {
  let where = url;
  try {
    const u = new URL(url);
    where = `${u.protocol.replace(':', '')}_${u.host}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    // not a URL: its characters are made safe below
  }
  return `team-replica_${where.replace(/[^A-Za-z0-9._-]+/g, '_')}`;
}

export function unresolvedSyncConflicts(all: readonly StoredConflict[], files: ReadonlySet<string> | null): StoredConflict[] {
  return all.filter((c) => isSyncConflict(c.id) && !c.resolution && (!files || files.has(c.fileHash)));
}

export function createSyncStore(deps: SyncDeps): UseBoundStore<StoreApi<SyncStoreState>> {
  const now = deps.now ?? Date.now;
  let replicator: Replicator | null = null;
  let unsubscribeStatus: (() => void) | null = null;
  let conflictSubscription: { unsubscribe: () => void } | null = null;
  /** start/stop run one after another */
  let queue: Promise<void> = Promise.resolve();
  function serial(task: () => Promise<void>): Promise<void> {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  }

  const store = create<SyncStoreState>()((set, get) => {
    async function teardown(): Promise<void> {
      unsubscribeStatus?.();
      unsubscribeStatus = null;
      conflictSubscription?.unsubscribe();
      conflictSubscription = null;
      const r = replicator;
      replicator = null;
      await r?.stop().catch(() => undefined);
    }

    function followConflicts(): void {
      conflictSubscription?.unsubscribe();
      const db = deps.db();
      conflictSubscription = liveQuery(() => db.reviewConflicts.toArray()).subscribe({
        next: (all) => set({ conflicts: unresolvedSyncConflicts(all, deps.folderFiles()) }),
        error: (e: unknown) => set({ error: e instanceof Error ? e.message : String(e) }),
      });
    }

    function readOnlyChanged(readOnly: boolean): void {
      deps.onReadOnly?.(readOnly);
    }

    return {
      ...OFF_VIEW,
      conflicts: [],
      url: null,

      start: () =>
        serial(async () => {
          await teardown();
          let connection: SyncConnection | null;
          try {
            connection = await deps.connection();
          } catch (e) {
            set({ ...OFF_VIEW, url: null, conflicts: [], error: e instanceof Error ? e.message : String(e) });
            readOnlyChanged(false);
            return;
          }
          if (!connection?.url) {
            set({ ...OFF_VIEW, url: null, conflicts: [], error: undefined });
            readOnlyChanged(false);
            return;
          }
          set({ ...OFF_VIEW, state: 'connecting', url: connection.url, error: undefined });
          let PouchDB: PouchStatic;
          try {
            PouchDB = await deps.loadPouch();
          } catch (e) {
            set({ state: 'offline', error: e instanceof Error ? e.message : String(e) });
            return;
          }
          const files = deps.folderFiles();
          const r = new Replicator({
            db: deps.db(),
            PouchDB,
            localName: (deps.replicaName ?? replicaName)(connection.url),
            localOptions: deps.localOptions,
            remote: { url: connection.url, username: connection.username, password: connection.password },
            me: deps.me,
            inScope: files ? (hash) => files.has(hash) : undefined,
            now,
            ...deps.tuning,
            onApplied: (result: ApplyResult) => {
              void deps.onFilesChanged(result.files);
            },
          });
          replicator = r;
          let wasReadOnly = false;
          unsubscribeStatus = r.status.subscribe((status) => {
            if (replicator !== r) return;
            const view = viewOf(status);
            // a status without an error clears the previous one
            set({ ...view, error: view.error });
            if (view.readOnly !== wasReadOnly) {
              wasReadOnly = view.readOnly;
              readOnlyChanged(view.readOnly);
            }
          });
          followConflicts();
          try {
            await r.start();
          } catch (e) {
            set({ state: 'offline', error: e instanceof Error ? e.message : String(e) });
          }
        }),

      stop: () =>
        serial(async () => {
          await teardown();
          set({ ...OFF_VIEW, url: null, conflicts: [], error: undefined });
          readOnlyChanged(false);
        }),

      kick: () => replicator?.kick(),

      resolve: async (conflictId, choice) => {
        if (get().readOnly) return;
        const db = deps.db();
        const stored = await db.reviewConflicts.get(conflictId);
        if (!stored) return;
        await resolveSyncConflict(db, conflictId, choice, { by: deps.me(), at: now(), newId: deps.newId });
        await deps.onFilesChanged([stored.fileHash]);
        replicator?.kick();
      },

      flush: async () => {
        await replicator?.flush();
      },
    };
  });
  return store;
}
