/**
 * Team sync of the review: a local PouchDB replica (one per team database) kept in live, retrying
 * replication with a CouchDB database, and a pump between it and Dexie — local log entries are
 * written into the replica as documents (sync/mapping.ts), documents arriving in the replica are
 * validated and applied to Dexie (db/sync-repo.ts). Replication itself is PouchDB's (checkpointed,
 * resumable); the pump resumes from a cursor committed with what it applied.
 *
 * Working offline is normal: the replica keeps everything and replication retries. A server that
 * refuses writes (401/403) makes the review read-only; reading goes on.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ReviewDatabase } from '../db/database';
import { applyRemote, collectLocal, loadPullCursor, markPushed, refreshAfterPush, START, type ApplyResult, type PushCursors, type Rejection } from '../db/sync-repo';
import { canonical, parseReplicatedDoc, probeDoc, toDoc, type SyncEntry } from './mapping';
import type { PouchDatabase, PouchError, PouchOptions, PouchStatic, ReplicationHandle, ReplicationInfo } from './pouch-types';

export type SyncPhase = 'off' | 'connecting' | 'connected' | 'syncing' | 'offline' | 'error';

export interface SyncStatus {
  phase: SyncPhase;
  /** changes waiting to go either way (replication's count) */
  pending: number;
  /** epoch ms of the last time both sides were up to date */
  lastSyncedAt: number | null;
  /** the server refused our writes: the review is shown, not changed */
  readOnly: boolean;
  /** in 'error': why (wrong password, no such database, …) */
  message: string | null;
  /** documents from the server that were not applied, newest last (at most 50) */
  rejected: Rejection[];
}

export const INITIAL_STATUS: SyncStatus = { phase: 'off', pending: 0, lastSyncedAt: null, readOnly: false, message: null, rejected: [] };

export interface RemoteTarget {
  /** the team database, e.g. https://couch.example/budget-dept-01 */
  url: string;
  username: string;
  password: string;
}

export interface ReplicatorOptions {
  db: ReviewDatabase;
  PouchDB: PouchStatic;
  /** the local replica's name (one per team database) */
  localName: string;
  localOptions?: PouchOptions;
  /** null: keep the local replica only (no server configured) */
  remote: RemoteTarget | null;
  /** skip_setup for the remote (default true: an administrator creates the database) */
  skipSetup?: boolean;
  /** the reviewer using this app (labels conflict sides) */
  me: () => string;
  /** only files of the open folder are pushed (default: all) */
  inScope?: (fileHash: string) => boolean;
  /** how often Dexie is looked at for new local entries besides kick() (ms) */
  pollMs?: number;
  batchSize?: number;
  /** ceiling of the retry back-off (ms) */
  maxRetryDelayMs?: number;
  now?: () => number;
  onApplied?: (result: ApplyResult) => void;
}

const MAX_REJECTIONS = 50;

function errorStatus(err: PouchError | undefined): number | undefined {
  return typeof err?.status === 'number' ? err.status : undefined;
}

export function describeError(err: PouchError | undefined): string {
  const status = errorStatus(err);
  if (status === 401) return '用户名或密码不正确（401）';
  if (status === 403) return '没有权限（403）';
  if (status === 404) return '服务器上没有这个数据库（404）';
  return err?.reason ?? err?.message ?? '未知错误';
}

class Killed extends Error {}

export class Replicator {
  readonly status: StoreApi<SyncStatus> = createStore<SyncStatus>()(() => ({ ...INITIAL_STATUS }));
  private local: PouchDatabase | null = null;
  private remote: PouchDatabase | null = null;
  private replication: ReplicationHandle | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private cursors: PushCursors = { ...START };
  private running: Promise<void> | null = null;
  private again = false;
  private dead = false;
  /** the write probe ran (or is running) for this connection */
  private probed = false;
  private readonly now: () => number;

  constructor(private readonly options: ReplicatorOptions) {
    this.now = options.now ?? Date.now;
  }

  private set(change: Partial<SyncStatus>): void {
    this.status.setState(change);
  }

  async start(): Promise<void> {
    const o = this.options;
    this.local = new o.PouchDB(o.localName, o.localOptions);
    if (o.remote) {
      const auth = o.remote.username ? { auth: { username: o.remote.username, password: o.remote.password } } : {};
      this.remote = new o.PouchDB(o.remote.url, { ...auth, skip_setup: o.skipSetup ?? true });
      this.set({ phase: 'connecting', message: null });
      this.replicate(false);
    }
    this.timer = setInterval(() => this.kick(), o.pollMs ?? 1000);
    this.kick();
  }

  private replicate(pullOnly: boolean): void {
    const local = this.local;
    const remote = this.remote;
    if (!local || !remote) return;
    const max = this.options.maxRetryDelayMs ?? 30_000;
    const opts = { live: true, retry: true, batch_size: this.options.batchSize ?? 500, back_off_function: (d: number) => Math.min(max, d === 0 ? Math.min(1000, max) : d * 2) } as const;
    const handle = pullOnly ? this.options.PouchDB.replicate(remote, local, opts) : this.options.PouchDB.sync(local, remote, opts);
    this.replication = handle;
    handle
      .on('change', (info: ReplicationInfo) => {
        const pending = info.change?.pending ?? info.pending ?? 0;
        this.set({ phase: 'syncing', pending });
        if (pullOnly || info.direction === 'pull') this.kick();
      })
      .on('active', () => this.set({ phase: 'syncing' }))
      .on('paused', (err?: PouchError) => {
        // a retrying replication pauses without an error too while the server is away: ask it
        if (err) this.set({ phase: 'offline', pending: 0 });
        else void this.probe();
        this.kick();
      })
      .on('denied', () => this.set({ readOnly: true }))
      .on('error', (err: PouchError) => {
        if (this.replication !== handle || this.dead) return;
        const status = errorStatus(err);
        if (status === 403 || (status === 401 && !pullOnly && this.status.getState().lastSyncedAt !== null)) {
          // we may read but not write: keep pulling
          this.set({ readOnly: true, phase: 'connecting' });
          this.replicate(true);
          return;
        }
        this.set({ phase: 'error', message: describeError(err) });
      });
  }

  private async probe(): Promise<void> {
    const remote = this.remote;
    if (!remote) return;
    try {
      await remote.info();
      if (this.remote === remote && !this.dead) this.set({ phase: 'connected', pending: 0, lastSyncedAt: this.now(), message: null });
    } catch {
      if (this.remote === remote && !this.dead) this.set({ phase: 'offline', pending: 0 });
      return;
    }
    await this.probeWrite(remote);
  }

  /**
   * Once per connection of a signed-in reviewer: may we write? Writes `probe:<user>` (created the
   * first time, a conflict afterwards — both mean yes); a refusal (forbidden / 401 / 403) makes the
   * review read-only before the reviewer tries to change anything.
   */
  private async probeWrite(remote: PouchDatabase): Promise<void> {
    const username = this.options.remote?.username;
    if (!username || this.probed || this.status.getState().readOnly) return;
    this.probed = true;
    const refused = (status: number | undefined, error: unknown): boolean => status === 401 || status === 403 || error === 'forbidden' || error === 'unauthorized';
    try {
      const [result] = await remote.bulkDocs([probeDoc(username, this.now())]);
      if (this.remote !== remote || this.dead) return;
      if (result && !result.ok && refused(result.status, result.error)) this.set({ readOnly: true });
    } catch (e) {
      const err = e as PouchError;
      if (this.remote !== remote || this.dead) return;
      if (refused(errorStatus(err), err.error)) this.set({ readOnly: true });
      else this.probed = false; // unreachable meanwhile: ask again when connected
    }
  }

  /** Look for work now (after a local write, or when the replica received documents). */
  kick(): void {
    if (this.dead || !this.local) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  /** Resolves once no pump is running (tests, benchmarks). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Runs one push and one pull now and waits for them. */
  async flush(): Promise<void> {
    await this.idle();
    this.kick();
    await this.idle();
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.push();
        await this.pull();
      } catch (e) {
        if (e instanceof Killed) return;
        this.set({ phase: 'error', message: e instanceof Error ? e.message : String(e) });
      }
    } while (this.again && !this.dead);
  }

  private alive(): void {
    if (this.dead) throw new Killed();
  }

  private reject(rejections: readonly Rejection[]): void {
    if (rejections.length === 0) return;
    const all = [...this.status.getState().rejected, ...rejections];
    this.set({ rejected: all.slice(-MAX_REJECTIONS) });
  }

  private async push(): Promise<void> {
    const { db } = this.options;
    const local = this.local!;
    for (;;) {
      this.alive();
      const { entries, cursors } = await collectLocal(db, this.cursors, { limit: this.options.batchSize ?? 500, inScope: this.options.inScope });
      const moved = cursors.edits !== this.cursors.edits || cursors.annotationEvents !== this.cursors.annotationEvents || cursors.decisionLog !== this.cursors.decisionLog;
      if (entries.length > 0) {
        this.alive();
        await this.store(local, entries);
        this.alive();
        await markPushed(db, entries.map((e) => e.docId));
        await refreshAfterPush(db, entries, { me: this.options.me(), now: this.now() });
      }
      this.cursors = cursors;
      if (!moved) return;
    }
  }

  /** Writes entries into the replica; an id already there with the same content counts as written. */
  private async store(local: PouchDatabase, entries: readonly SyncEntry[]): Promise<void> {
    const docs = entries.map(toDoc);
    const results = await local.bulkDocs(docs.map((d) => ({ ...d })));
    const clashes = results.flatMap((r, i) => (r.ok ? [] : [{ result: r, doc: docs[i]! }]));
    const unexpected = clashes.filter((c) => c.result.status !== 409);
    if (unexpected.length) throw new Error(`local replica refused ${unexpected.length} documents: ${unexpected[0]!.result.message ?? unexpected[0]!.result.error}`);
    if (clashes.length === 0) return;
    const existing = await local.allDocs({ keys: clashes.map((c) => c.doc._id), include_docs: true });
    const rejections: Rejection[] = [];
    existing.rows.forEach((row, i) => {
      const mine = clashes[i]!.doc;
      const { _rev: _r, ...theirs } = row.doc ?? { _id: row.key };
      if (canonical(theirs) !== canonical(mine)) {
        rejections.push({ id: mine._id, messageZh: '团队库中已有同一 id 的不同记录，本机这条未上传', message: 'the team database holds a different document with this id; this entry was not sent' });
      }
    });
    this.reject(rejections);
  }

  private async pull(): Promise<void> {
    const { db } = this.options;
    const local = this.local!;
    const cursorId = this.options.localName;
    let since = await loadPullCursor(db, cursorId);
    const info = await local.info();
    // a replica recreated from scratch starts its sequence again: so do we (applying is idempotent)
    if (typeof since === 'number' && typeof info.update_seq === 'number' && since > info.update_seq) since = 0;
    for (;;) {
      this.alive();
      const changes = await local.changes({ since, include_docs: true, limit: this.options.batchSize ?? 500 });
      if (changes.results.length === 0) return;
      const entries: SyncEntry[] = [];
      const rejections: Rejection[] = [];
      for (const row of changes.results) {
        const parsed = parseReplicatedDoc(row.doc ?? { _id: row.id, _deleted: row.deleted === true });
        if (parsed.ok === true) entries.push(parsed.entry);
        else if (parsed.ok === false) rejections.push({ id: parsed.id, messageZh: parsed.messageZh, message: parsed.message });
      }
      this.alive();
      const result = await applyRemote(db, entries, { id: cursorId, pullSeq: changes.last_seq }, { me: this.options.me(), now: this.now() });
      this.reject([...rejections, ...result.rejected]);
      if (result.files.length) this.options.onApplied?.(result);
      since = changes.last_seq;
    }
  }

  /** Stops replication and the pump, waits for the pump, closes the replica. */
  async stop(): Promise<void> {
    this.halt();
    await this.running?.catch(() => undefined);
    await this.local?.close();
    await this.remote?.close();
    this.local = null;
    this.remote = null;
    this.set({ phase: 'off', pending: 0 });
  }

  /** Stops everything at once, as a crash would (the next step of a running pump is not taken). */
  kill(): void {
    this.halt();
  }

  private halt(): void {
    this.dead = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const r = this.replication;
    this.replication = null;
    r?.cancel();
  }
}
