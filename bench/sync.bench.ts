/**
 * Team sync against a real CouchDB-protocol server (express-pouchdb, in memory, on a local port):
 * a clerk's review of 10,000 edits pushed, then replicated in full to a second clerk's fresh
 * replica (the initial sync a new desk does), and the steady-state latency of one edit reaching the
 * other desk with the replicator's default polling. Baseline in the same run: writing the same
 * 10,000 edits into the local review database (what the clerk's own edits cost).
 *
 * The replicas use PouchDB's memory adapter and Dexie on fake-indexeddb (Node has no IndexedDB), so
 * the figures are the protocol and mapping cost, not a browser's storage speed.
 */
import 'fake-indexeddb/auto';
import { anchorFor } from '../src/core/review/anchors';
import type { CellEdit } from '../src/core/review/model';
import { ReviewDatabase } from '../src/renderer/src/db/database';
import { appendEdit, loadEdits } from '../src/renderer/src/db/review-repo';
import { testDocument } from '../src/renderer/src/review/test-document';
import { Replicator } from '../src/renderer/src/sync/replicator';
import { MEMORY, TestCouch, TestPouch } from '../src/renderer/src/sync/test-server';

export interface SyncBench {
  edits: number;
  /** clerk A's 10,000 local edits reaching the server */
  pushMs: number;
  /** a fresh replica receiving all of them, into its review database */
  initialSyncMs: number;
  /** one edit on A seen on B, median of the runs */
  latencyMs: number;
  latencyP95Ms: number;
  baselineMs: number;
  ratio: number;
}

const EDITS = 10_000;
const HASH = 'b'.repeat(64);

async function until(check: () => Promise<boolean>, timeoutMs = 600_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('sync bench: timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function benchSync(): Promise<SyncBench> {
  const doc = testDocument(HASH);
  const ref = { tableId: 't1', row: 2, col: 3 };
  const anchor = anchorFor(doc, ref)!;
  const edit = (i: number, reviewer: string): CellEdit => ({ id: `bench-${reviewer}-${i}`, fileHash: HASH, cell: { ...ref, row: i % 6 }, anchor, before: '', after: (i / 100).toFixed(2), reviewer, at: i + 1, op: 'set' });
  const server = new TestCouch();
  await server.start();
  const tag = Math.random().toString(36).slice(2, 8);
  const a = new ReviewDatabase(`bench-a-${tag}`);
  const b = new ReviewDatabase(`bench-b-${tag}`);
  const remote = { url: server.url, username: '', password: '' };
  const syncA = new Replicator({ db: a, PouchDB: TestPouch, localName: `bench-ra-${tag}`, localOptions: MEMORY, remote, me: () => '张三' });
  const syncB = new Replicator({ db: b, PouchDB: TestPouch, localName: `bench-rb-${tag}`, localOptions: MEMORY, remote, me: () => '李四' });
  try {
    const t0 = performance.now();
    for (let i = 0; i < EDITS; i++) await appendEdit(a, edit(i, '张三'));
    const baselineMs = performance.now() - t0;

    const t1 = performance.now();
    await syncA.start();
    await syncA.flush();
    const pushMs = performance.now() - t1;

    const t2 = performance.now();
    await syncB.start();
    await until(async () => (await loadEdits(b, HASH)).length >= EDITS);
    const initialSyncMs = performance.now() - t2;

    const latencies: number[] = [];
    for (let k = 0; k < 15; k++) {
      const e = edit(EDITS + k, '张三');
      const t = performance.now();
      await appendEdit(a, e);
      await until(async () => (await b.edits.where('id').equals(e.id).count()) > 0, 60_000);
      latencies.push(performance.now() - t);
    }
    latencies.sort((x, y) => x - y);
    return {
      edits: EDITS,
      pushMs,
      initialSyncMs,
      latencyMs: latencies[Math.floor(latencies.length / 2)]!,
      latencyP95Ms: latencies[Math.floor(latencies.length * 0.95)]!,
      baselineMs,
      ratio: initialSyncMs / baselineMs,
    };
  } finally {
    await syncA.stop().catch(() => undefined);
    await syncB.stop().catch(() => undefined);
    a.close();
    b.close();
    await server.stop();
  }
}

if (process.argv[1]?.endsWith('sync.bench.ts')) console.log(await benchSync());
