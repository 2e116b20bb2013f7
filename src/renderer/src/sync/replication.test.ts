/**
 * Team sync against a real CouchDB-protocol server (express-pouchdb, in memory, on a local port
 * started here): two clerks, each with their own review database (Dexie on fake-indexeddb) and
 * local replica (PouchDB, memory adapter).
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anchorFor } from '../../../core/review/anchors';
import type { CellEdit, CellRef, FindingDecision } from '../../../core/review/model';
import { ReviewDatabase } from '../db/database';
import { dismissFinding, loadDecisions, revokeDecision } from '../db/decision-repo';
import { saveAnnotationChange, loadAnnotations } from '../db/annotation-repo';
import { appendEdit, loadEdits } from '../db/review-repo';
import { loadSyncConflicts as loadConflicts, resolveSyncConflict } from '../db/sync-repo';
import { addReply, createAnnotation, editAnnotation } from '../features/annotations/annotation-ops';
import { cellChanges } from '../review/history';
import { testDocument } from '../review/test-document';
import { canonical, docId, editEntry, toDoc } from './mapping';
import { Replicator, type RemoteTarget, type SyncStatus } from './replicator';
import type { PouchDoc } from './pouch-types';
import { MEMORY, READER, TestCouch, TestPouch } from './test-server';

const HASH = 'a'.repeat(64);
const DOC = testDocument(HASH);
const A: CellRef = { tableId: 't1', row: 2, col: 3 };
const B: CellRef = { tableId: 't1', row: 2, col: 2 };

let n = 0;
const uid = (p: string): string => `${p}-${++n}-${Math.random().toString(36).slice(2, 8)}`;

function edit(ref: CellRef, after: string, reviewer: string, at: number, before = ''): CellEdit {
  return { id: uid('e'), fileHash: HASH, cell: ref, anchor: anchorFor(DOC, ref) ?? anchorFor(DOC, A)!, before, after, reviewer, at, op: 'set' };
}

interface Clerk {
  name: string;
  db: ReviewDatabase;
  dbName: string;
  replicaName: string;
  sync: Replicator;
}

let server: TestCouch;
const clerks: Clerk[] = [];

function replicator(db: ReviewDatabase, replicaName: string, name: string, remote: RemoteTarget | null): Replicator {
  return new Replicator({ db, PouchDB: TestPouch, localName: replicaName, localOptions: MEMORY, remote, me: () => name, pollMs: 50, maxRetryDelayMs: 100, batchSize: 100 });
}

async function clerk(name: string, options: { online?: boolean; auth?: { username: string; password: string } } = {}): Promise<Clerk> {
  const dbName = uid(`review-${name}`);
  const replicaName = uid(`replica-${name}`);
  const db = new ReviewDatabase(dbName);
  const remote = { url: server.url, username: options.auth?.username ?? '', password: options.auth?.password ?? '' };
  const sync = replicator(db, replicaName, name, options.online === false ? null : remote);
  const c = { name, db, dbName, replicaName, sync };
  clerks.push(c);
  return c;
}

/** The same clerk after a restart: a new database connection and a new replicator on the same stores. */
async function restart(c: Clerk, online = true): Promise<Clerk> {
  c.db.close();
  const db = new ReviewDatabase(c.dbName);
  const sync = replicator(db, c.replicaName, c.name, online ? { url: server.url, username: '', password: '' } : null);
  const again = { ...c, db, sync };
  clerks.push(again);
  return again;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 30));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function state(db: ReviewDatabase): Promise<unknown> {
  const edits = (await loadEdits(db, HASH)).sort((a, b) => a.id.localeCompare(b.id));
  const annotations = (await loadAnnotations(db, [HASH])).sort((a, b) => a.id.localeCompare(b.id));
  const decisions = (await loadDecisions(db, HASH)).sort((a, b) => a.findingId.localeCompare(b.findingId));
  const current = [...cellChanges(edits).entries()].map(([k, c]) => [k, c.current]).sort();
  const conflicts = (await loadConflicts(db)).map((c) => ({ id: c.id, resolved: Boolean(c.resolution) }));
  return { edits, current, annotations, decisions: decisions.map(({ findingMessage: _m, ...d }) => d), conflicts };
}

async function converged(a: Clerk, b: Clerk): Promise<boolean> {
  await Promise.all([a.sync.flush(), b.sync.flush()]);
  const sa = canonical(await state(a.db));
  const sb = canonical(await state(b.db));
  if (process.env.SYNC_DEBUG && sa !== sb) console.log(sa, '\n', sb, a.sync.status.getState(), b.sync.status.getState());
  return sa === sb;
}

beforeEach(async () => {
  server = new TestCouch();
  await server.start();
});

afterEach(async () => {
  for (const c of clerks.splice(0)) {
    await c.sync.stop().catch(() => undefined);
    c.db.close();
  }
  await server.stop();
});

describe('team sync through a CouchDB-protocol server', () => {
  it('two clerks edit offline (same and different cells, annotations, decisions), reconnect and converge; the same cell is a conflict, nothing lost', async () => {
    const zhang = await clerk('张三');
    const li = await clerk('李四');
    // both offline: work goes into their own databases only
    await appendEdit(zhang.db, edit(A, '626.94', '张三', 1000, '625.94'));
    await appendEdit(zhang.db, edit(B, '10.00', '张三', 1010));
    await appendEdit(li.db, edit(A, '600.00', '李四', 1100, '625.94'));
    const note = createAnnotation({ fileHash: HASH, target: { kind: 'page-rect', page: 1, bbox: [1, 2, 3, 4] }, text: '印章不清', category: 'format' }, { id: 'n1', by: '张三', at: 1200 });
    await saveAnnotationChange(zhang.db, note.annotation, note.event);
    const reply = addReply(note.annotation, '已重新扫描', { id: 'r-li', by: '李四', at: 1300 })!;
    // 李四 had received the annotation by a package earlier: he replies to it offline
    await saveAnnotationChange(li.db, note.annotation, { ...note.event });
    await saveAnnotationChange(li.db, reply.annotation, reply.event);
    const resolved = editAnnotation(note.annotation, { status: 'resolved' }, { id: 'st-z', by: '张三', at: 1400 })!;
    await saveAnnotationChange(zhang.db, resolved.annotation, resolved.event);
    const dismissal: FindingDecision = { fileHash: HASH, findingId: 'f1', decision: 'dismissed', reason: '尾差', by: '李四', at: 1500 };
    await dismissFinding(li.db, dismissal, 'd-li');

    await zhang.sync.start();
    await li.sync.start();
    await until('convergence', () => converged(zhang, li));

    const s = (await state(zhang.db)) as { edits: CellEdit[]; current: [string, string][] };
    expect(s.edits.map((e) => e.after).sort()).toEqual(['10.00', '600.00', '626.94']); // nothing lost
    expect(Object.fromEntries(s.current)).toEqual({ 't1:2:2': '10.00', 't1:2:3': '600.00' }); // the later value meanwhile, on both
    const conflicts = await loadConflicts(zhang.db);
    expect(conflicts).toHaveLength(1);
    const c = conflicts[0]!;
    expect(c.resolution).toBeUndefined();
    expect(c.conflict.kind).toBe('edit');
    if (c.conflict.kind !== 'edit') return;
    // both values with author and time; "local" is each clerk's own side
    expect(c.conflict.local).toEqual({ text: '626.94', reviewer: '张三', at: 1000 });
    expect(c.conflict.incoming).toEqual({ text: '600.00', reviewer: '李四', at: 1100 });
    const liConflict = (await loadConflicts(li.db))[0]!;
    expect(liConflict.conflict.kind === 'edit' && liConflict.conflict.local.reviewer).toBe('李四');
    // annotations never conflict: the latest status and every reply
    const [annotation] = await loadAnnotations(li.db, [HASH]);
    expect(annotation!.status).toBe('resolved');
    expect(annotation!.replies.map((r) => r.text)).toEqual(['已重新扫描']);
    expect((await loadDecisions(zhang.db, HASH)).map((d) => [d.decision, d.reason, d.by])).toEqual([['dismissed', '尾差', '李四']]);

    // 张三 picks 李四's value: the pick is an edit, and settles the conflict on both
    const picked = await resolveSyncConflict(zhang.db, c.id, 'incoming', { by: '张三', at: 2000, newId: () => 'pick-1' });
    expect(picked.map((e) => [e.after, e.reviewer])).toEqual([['600.00', '张三']]);
    await until('the pick reaching 李四', async () => (await converged(zhang, li)) && (await loadConflicts(li.db))[0]?.resolution !== undefined);
    expect((await loadConflicts(li.db))[0]!.resolution).toMatchObject({ by: '张三', choice: { text: '600.00' } });
    expect(await loadEdits(li.db, HASH)).toHaveLength(4);
  });

  it('a clerk who saw the other change is not a conflict; decisions taken on both sides without seeing each other are', async () => {
    const zhang = await clerk('张三');
    const li = await clerk('李四');
    await zhang.sync.start();
    await li.sync.start();
    await appendEdit(zhang.db, edit(A, '626.94', '张三', 1000, '625.94'));
    zhang.sync.kick();
    await until('the edit reaching 李四', async () => (await loadEdits(li.db, HASH)).length === 1);
    await appendEdit(li.db, edit(A, '627.94', '李四', 1100, '626.94'));
    li.sync.kick();
    await until('convergence', () => converged(zhang, li));
    expect(await loadConflicts(zhang.db)).toEqual([]);
    expect(cellChanges(await loadEdits(zhang.db, HASH)).get('t1:2:3')?.current).toBe('627.94');

    // concurrent decisions: one dismisses, the other dismisses with another reason
    await zhang.sync.stop();
    await li.sync.stop();
    await dismissFinding(zhang.db, { fileHash: HASH, findingId: 'f2', decision: 'dismissed', reason: '四舍五入', by: '张三', at: 3000 }, 'dz');
    await dismissFinding(li.db, { fileHash: HASH, findingId: 'f2', decision: 'dismissed', reason: '口径不同', by: '李四', at: 3100 }, 'dl');
    const z2 = await restart(zhang);
    const l2 = await restart(li);
    await z2.sync.start();
    await l2.sync.start();
    await until('convergence', () => converged(z2, l2));
    const conflicts = await loadConflicts(z2.db);
    expect(conflicts.map((c) => c.conflict.kind)).toEqual(['decision']);
    await resolveSyncConflict(z2.db, conflicts[0]!.id, 'local', { by: '张三', at: 4000, newId: () => 'pick-d' });
    await until('the pick reaching 李四', async () => (await converged(z2, l2)) && (await loadConflicts(l2.db)).every((c) => c.resolution));
    expect((await loadDecisions(l2.db, HASH)).find((d) => d.findingId === 'f2')).toMatchObject({ reason: '四舍五入', by: '张三' });
    // a revocation travels too
    await revokeDecision(l2.db, { id: 'rv', fileHash: HASH, findingId: 'f2', by: '李四', at: 5000 });
    l2.sync.kick();
    await until('the revocation reaching 张三', async () => (await loadDecisions(z2.db, HASH)).every((d) => d.findingId !== 'f2'));
  });

  it('a replica killed mid-sync resumes without losing or repeating an edit', async () => {
    const zhang = await clerk('张三');
    for (let i = 0; i < 600; i++) await appendEdit(zhang.db, edit({ tableId: 't1', row: i % 5, col: 1 + (i % 4) }, String(i), '张三', 1000 + i));
    await zhang.sync.start();
    await until('everything on the server', async () => (await server.database().info()).doc_count === 600);

    let li = await clerk('李四');
    await li.sync.start();
    await until('part of it applied', async () => (await li.db.edits.count()) > 0);
    li.sync.kill();
    const partial = await li.db.edits.count();
    li = await restart(li);
    await li.sync.start();
    await until('all of it applied', async () => {
      return (await li.db.edits.count()) === 600;
    });
    await li.sync.flush();
    const ids = (await li.db.edits.toArray()).map((e) => e.id);
    expect(new Set(ids).size).toBe(600);
    expect(partial).toBeLessThanOrEqual(600);
    expect(await converged(zhang, li)).toBe(true);

    // killed while pushing: the entries reach the server once
    for (let i = 0; i < 300; i++) await appendEdit(li.db, edit({ tableId: 't1', row: 4, col: 1 + (i % 4) }, `l${i}`, '李四', 9000 + i));
    li.sync.kick();
    li.sync.kill();
    li = await restart(li);
    await li.sync.start();
    await until('李四\'s edits on the server', async () => (await server.database().info()).doc_count === 900);
    await until('convergence', () => converged(zhang, li));
    expect(await zhang.db.edits.count()).toBe(900);
  });

  it('keeps working while the server is down and catches up when it is back', async () => {
    const zhang = await clerk('张三');
    const li = await clerk('李四');
    await zhang.sync.start();
    await li.sync.start();
    await until('both connected', async () => [zhang, li].every((c) => c.sync.status.getState().phase === 'connected'));
    await server.stop();
    await appendEdit(zhang.db, edit(A, '1.00', '张三', 1000));
    await appendEdit(li.db, edit(B, '2.00', '李四', 1100));
    zhang.sync.kick();
    li.sync.kick();
    await until('offline noticed', async () => {
      return zhang.sync.status.getState().phase === 'offline';
    });
    const offline: SyncStatus = zhang.sync.status.getState();
    expect(offline.message).toBeNull(); // offline is not an error
    expect(await loadEdits(zhang.db, HASH)).toHaveLength(1); // the review is still written locally
    await server.start(); // same port, same data
    await until('convergence', async () => (await converged(zhang, li)) && (await zhang.db.edits.count()) === 2);
    await until('connected again', async () => zhang.sync.status.getState().phase === 'connected');
    expect(zhang.sync.status.getState().lastSyncedAt).not.toBeNull();
  });

  it('rejects malformed and replayed documents from the server with a message, and applies the rest', async () => {
    const zhang = await clerk('张三');
    const good = edit(A, '5.00', '李四', 1000);
    const goodDoc = toDoc(editEntry(good, [])) as unknown as PouchDoc;
    const remote = server.database();
    await remote.bulkDocs([
      goodDoc,
      { _id: docId('edit', HASH, 'bad-1'), type: 'edit', schema: 1, fileHash: HASH, parents: [], edit: { ...good, id: 'bad-1', at: 'yesterday' } },
      { _id: docId('edit', HASH, 'bad-2'), type: 'edit', schema: 1, fileHash: HASH, parents: [], edit: { ...good, id: 'bad-2', after: 'x'.repeat(30_000) } },
      { _id: docId('edit', HASH, 'wrong-id'), type: 'edit', schema: 1, fileHash: HASH, parents: [], edit: { ...good, id: 'other' } },
      { _id: 'junk', hello: 'world' },
      { _id: docId('edit', HASH, 'future'), type: 'edit', schema: 2, fileHash: HASH, parents: [], edit: { ...good, id: 'future' } },
    ]);
    await zhang.sync.start();
    await until('the rejections', async () => zhang.sync.status.getState().rejected.length >= 5);
    expect(await loadEdits(zhang.db, HASH)).toEqual([good]);
    const messages = zhang.sync.status.getState().rejected.map((r) => r.messageZh);
    expect(messages.join('\n')).toMatch(/时间戳/);
    expect(messages.join('\n')).toMatch(/过长/);
    expect(messages.join('\n')).toMatch(/id 与内容不符/);
    expect(messages.join('\n')).toMatch(/更新版本/);

    // the same id replayed with other content (a new revision on the server) is refused
    const current = await remote.get(goodDoc._id);
    await remote.put({ ...current, edit: { ...good, after: '999.00' } });
    await until('the replay refused', async () => zhang.sync.status.getState().rejected.some((r) => /重放/.test(r.messageZh)));
    expect((await loadEdits(zhang.db, HASH)).map((e) => e.after)).toEqual(['5.00']);
  });

  it('a reader without write rights gets the review read-only', async () => {
    const zhang = await clerk('张三');
    await appendEdit(zhang.db, edit(A, '626.94', '张三', 1000, '625.94'));
    await zhang.sync.start();
    await until('on the server', async () => (await server.database().info()).doc_count === 1);
    const auditor = await clerk('审计', { auth: READER });
    await appendEdit(auditor.db, edit(B, '1.00', '审计', 2000));
    await auditor.sync.start();
    await until('read-only', async () => auditor.sync.status.getState().readOnly);
    await until('the review pulled', async () => (await auditor.db.edits.count()) === 2);
    expect((await server.database().info()).doc_count).toBe(1);
    expect(zhang.sync.status.getState().readOnly).toBe(false);
  });
});
