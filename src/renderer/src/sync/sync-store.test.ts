/**
 * The sync store against a real CouchDB-protocol server (express-pouchdb on a local port): the
 * status it shows, remote edits applied with the review told to reload, conflicts listed with
 * both sides and settled by a pick that is an edit, malformed documents refused with a message,
 * a reader without write rights read-only, and a server going away shown as offline (no error).
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anchorFor } from '../../../core/review/anchors';
import type { CellEdit, CellRef } from '../../../core/review/model';
import type { SyncConnection } from '../../../shared/ipc-contract';
import { ReviewDatabase } from '../db/database';
import { appendEdit, loadEdits } from '../db/review-repo';
import { testDocument } from '../review/test-document';
import { docId, editEntry, toDoc } from './mapping';
import type { PouchDoc } from './pouch-types';
import type { SyncStatus } from './replicator';
import { createSyncStore, replicaName, unresolvedSyncConflicts, viewOf, type SyncStoreState } from './sync-store';
import { MEMORY, READER, TestCouch, TestPouch } from './test-server';
import type { StoreApi, UseBoundStore } from 'zustand';

const HASH = 'b'.repeat(64);
const DOC = testDocument(HASH);
const A: CellRef = { tableId: 't1', row: 2, col: 3 };

let n = 0;
const uid = (p: string): string => `${p}-${++n}-${Math.random().toString(36).slice(2, 8)}`;

function edit(ref: CellRef, after: string, reviewer: string, at: number, before = '', parents: string[] = []): { edit: CellEdit; doc: PouchDoc } {
  const e: CellEdit = { id: uid('e'), fileHash: HASH, cell: ref, anchor: anchorFor(DOC, ref)!, before, after, reviewer, at, op: 'set' };
  return { edit: e, doc: toDoc(editEntry(e, parents)) as unknown as PouchDoc };
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 30));
  }
  throw new Error(`timed out waiting for ${what}`);
}

let server: TestCouch;
const opened: { db: ReviewDatabase; store: UseBoundStore<StoreApi<SyncStoreState>> }[] = [];

function setup(connection: SyncConnection | null, me = '张三'): { db: ReviewDatabase; store: UseBoundStore<StoreApi<SyncStoreState>>; changed: string[][]; readOnly: boolean[] } {
  const db = new ReviewDatabase(uid('review'));
  const changed: string[][] = [];
  const readOnly: boolean[] = [];
  const store = createSyncStore({
    db: () => db,
    loadPouch: async () => TestPouch,
    localOptions: MEMORY,
    replicaName: () => uid('replica'),
    connection: async () => connection,
    me: () => me,
    folderFiles: () => new Set([HASH]),
    onFilesChanged: (files) => {
      changed.push([...files]);
    },
    onReadOnly: (r) => readOnly.push(r),
    newId: () => uid('pick'),
    tuning: { pollMs: 50, maxRetryDelayMs: 100, batchSize: 100 },
  });
  opened.push({ db, store });
  return { db, store, changed, readOnly };
}

beforeEach(async () => {
  server = new TestCouch();
  await server.start();
});

afterEach(async () => {
  for (const o of opened.splice(0)) {
    await o.store.getState().stop();
    o.db.close();
  }
  await server.stop();
});

describe('viewOf', () => {
  const status: SyncStatus = { phase: 'connected', pending: 0, lastSyncedAt: 5, readOnly: false, message: null, rejected: [] };
  it('maps the replicator phases; read-only wins; a refused login is shown with its reason', () => {
    expect(viewOf(status).state).toBe('connected');
    expect(viewOf({ ...status, phase: 'syncing', pending: 3 })).toMatchObject({ state: 'syncing', pending: 3 });
    expect(viewOf({ ...status, phase: 'offline' }).state).toBe('offline');
    expect(viewOf({ ...status, phase: 'offline' }).error).toBeUndefined();
    expect(viewOf({ ...status, readOnly: true, phase: 'syncing' }).state).toBe('denied');
    expect(viewOf({ ...status, phase: 'error', message: '用户名或密码不正确（401）' })).toMatchObject({ state: 'offline', error: '用户名或密码不正确（401）' });
    expect(viewOf({ ...status, phase: 'off', readOnly: true })).toMatchObject({ state: 'off', readOnly: false });
  });
  it('names the replica by the database, never by the credentials', () => {
    expect(replicaName('https://u:secret@couch.example:6984/budget-01/?x=1')).toBe('team-replica_https_couch.example_6984_budget-01');
    expect(replicaName('http://127.0.0.1:5984/dept')).not.toMatch(/:\/\//);
  });
  it('lists only unresolved sync conflicts of the folder', () => {
    const c = (id: string, fileHash: string, resolved = false) => ({ id, fileHash, source: '', importedAt: 0, conflict: {} as never, ...(resolved ? { resolution: { choice: 'local' as const, by: 'x', at: 1 } } : {}) });
    expect(unresolvedSyncConflicts([c('sync:a', HASH), c('pkg:b', HASH), c('sync:c', HASH, true), c('sync:d', 'c'.repeat(64))], new Set([HASH])).map((x) => x.id)).toEqual(['sync:a']);
  });
});

describe('sync store against a CouchDB-protocol server', () => {
  it('is off without a connection', async () => {
    const { store } = setup(null);
    await store.getState().start();
    expect(store.getState()).toMatchObject({ state: 'off', url: null, readOnly: false });
  });

  it('says why when the connection cannot be read, and stays usable', async () => {
    const db = new ReviewDatabase(uid('review'));
    const store = createSyncStore({ db: () => db, loadPouch: async () => TestPouch, connection: async () => Promise.reject(new Error('主进程无响应')), me: () => '张三', folderFiles: () => null, onFilesChanged: () => undefined, newId: () => uid('x') });
    opened.push({ db, store });
    await store.getState().start();
    expect(store.getState()).toMatchObject({ state: 'off', error: '主进程无响应' });
  });

  it('sends local edits, applies remote ones, lists a same-cell conflict with both sides, and a pick resolves it as an edit', async () => {
    const { db, store, changed } = setup({ url: server.url, username: '', password: '' });
    const mine = edit(A, '626.94', '张三', 1000, '625.94');
    await appendEdit(db, mine.edit);
    await store.getState().start();
    await until('connected', () => store.getState().state === 'connected');
    expect(store.getState().lastSyncedAt).not.toBeNull();
    const remote = server.database();
    await until('the edit on the server', async () => (await remote.info()).doc_count === 1);

    // 李四 changed the same cell without having seen 张三's edit
    const theirs = edit(A, '600.00', '李四', 1100, '625.94');
    await remote.bulkDocs([theirs.doc]);
    await until('the conflict listed', () => store.getState().conflicts.length === 1);
    expect(changed.flat()).toContain(HASH);
    expect((await loadEdits(db, HASH)).map((e) => e.after).sort()).toEqual(['600.00', '626.94']);
    const conflict = store.getState().conflicts[0]!.conflict;
    expect(conflict.kind).toBe('edit');
    if (conflict.kind !== 'edit') return;
    expect(conflict.local).toEqual({ text: '626.94', reviewer: '张三', at: 1000 });
    expect(conflict.incoming).toEqual({ text: '600.00', reviewer: '李四', at: 1100 });

    await store.getState().resolve(store.getState().conflicts[0]!.id, 'incoming');
    await until('the conflict gone', () => store.getState().conflicts.length === 0);
    const log = await loadEdits(db, HASH);
    expect(log.at(-1)).toMatchObject({ after: '600.00', reviewer: '张三' });
    // the pick is itself an edit, and reaches the server
    await until('the pick on the server', async () => (await remote.info()).doc_count === 3);
    const pick = await remote.get(docId('edit', HASH, log.at(-1)!.id));
    expect((pick as unknown as { parents: string[] }).parents.sort()).toEqual([mine.edit.id, theirs.edit.id].sort());
  });

  it('refuses malformed documents from the server with a message and applies the rest', async () => {
    const { db, store } = setup({ url: server.url, username: '', password: '' });
    const good = edit(A, '5.00', '李四', 1000);
    await server.database().bulkDocs([good.doc, { _id: docId('edit', HASH, 'bad'), type: 'edit', schema: 1, fileHash: HASH, parents: [], edit: { ...good.edit, id: 'bad', at: 'yesterday' } }]);
    await store.getState().start();
    await until('the rejection', () => store.getState().rejected.length === 1);
    expect(store.getState().rejected[0]!.messageZh).toMatch(/时间戳/);
    expect((await loadEdits(db, HASH)).map((e) => e.after)).toEqual(['5.00']);
  });

  it('a reader without write rights is denied writing: read-only, the review still pulled', async () => {
    await server.database().bulkDocs([edit(A, '7.00', '张三', 1000).doc]);
    const { db, store, readOnly } = setup({ url: server.url, ...READER }, '审计');
    await appendEdit(db, edit({ tableId: 't1', row: 2, col: 2 }, '1.00', '审计', 2000).edit);
    await store.getState().start();
    await until('denied', () => store.getState().state === 'denied');
    expect(store.getState().readOnly).toBe(true);
    expect(readOnly).toEqual([true]);
    await until('the review pulled', async () => (await db.edits.count()) === 2);
    expect((await server.database().info()).doc_count).toBe(1);
    // a pick is not taken while read-only
    await store.getState().resolve('sync:none', 'local');
  });

  it('a reader is read-only on connecting, before any write; a writer signed in stays writable (its probe is not part of the review)', async () => {
    const reader = setup({ url: server.url, ...READER }, '审计');
    await reader.store.getState().start();
    await until('denied', () => reader.store.getState().state === 'denied');
    expect(reader.readOnly).toEqual([true]);
    const writer = setup({ url: server.url, username: 'zhangsan', password: 'secret' });
    await writer.store.getState().start();
    await until('the probe on the server', async () => {
      try {
        await server.database().get('probe:zhangsan');
        return true;
      } catch {
        return false;
      }
    });
    await until('connected', () => writer.store.getState().state === 'connected');
    await writer.store.getState().flush();
    expect(writer.store.getState()).toMatchObject({ readOnly: false, rejected: [] });
    // connecting again: the probe exists (a conflict), still writable
    await writer.store.getState().start();
    await until('connected again', () => writer.store.getState().state === 'connected');
    await new Promise((r) => setTimeout(r, 200));
    expect(writer.store.getState()).toMatchObject({ readOnly: false, rejected: [] });
    expect(writer.readOnly).not.toContain(true);
  });

  it('shows offline (not an error) when the server goes away, and connected again when it is back', async () => {
    const { db, store } = setup({ url: server.url, username: '', password: '' });
    await store.getState().start();
    await until('connected', () => store.getState().state === 'connected');
    await server.stop();
    await appendEdit(db, edit(A, '1.00', '张三', 1000).edit);
    store.getState().kick();
    await until('offline', () => store.getState().state === 'offline');
    expect(store.getState().error).toBeUndefined();
    await server.start();
    await until('connected again', async () => store.getState().state === 'connected' && (await server.database().info()).doc_count === 1);
  });
});
