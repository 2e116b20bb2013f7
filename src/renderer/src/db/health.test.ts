import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LATEST_VERSION, ReviewDatabase } from './database';
import { checkReviewDatabase, type MarkStorage } from './health';

const opened: ReviewDatabase[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  vi.restoreAllMocks();
});

function freshName(): string {
  return `health-test-${Math.random().toString(36).slice(2)}`;
}

function open(name: string): ReviewDatabase {
  const db = new ReviewDatabase(name);
  opened.push(db);
  return db;
}

function memoryStorage(): MarkStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const EDIT = {
  id: 'e1',
  fileHash: 'h',
  cell: { tableId: 't1', row: 0, col: 1 },
  anchor: { tableTitle: '表', tableOccurrence: 0, rowLabel: '合计', rowOccurrence: 0, columnHeader: '金额' },
  before: '1.00',
  after: '2.00',
  reviewer: '张三',
  at: 1,
  op: 'set' as const,
};

function rawVersion(name: string): Promise<{ version: number; stores: string[] }> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => {
      const db = request.result;
      resolve({ version: db.version, stores: Array.from(db.objectStoreNames) });
      db.close();
    };
    request.onerror = () => reject(request.error);
  });
}

describe('review database health at start-up', () => {
  it('is ok for a new database, and marks it once review data is written', async () => {
    const name = freshName();
    const storage = memoryStorage();
    const db = open(name);
    expect(await checkReviewDatabase({ db, name, storage })).toEqual({ kind: 'ok' });
    expect(storage.data.size).toBe(0);
    await db.edits.add({ ...EDIT });
    expect(storage.data.size).toBe(1);
  });

  it('reports a database emptied outside the app (the browser discarded damaged files), once', async () => {
    const name = freshName();
    const storage = memoryStorage();
    storage.setItem('proofreader.reviewDb.heldDataSince', '1700000000000');
    const health = await checkReviewDatabase({ db: open(name), name, storage });
    expect(health).toEqual({ kind: 'reset', since: 1700000000000 });
    // the next start does not repeat it
    expect(await checkReviewDatabase({ db: open(name), name, storage })).toEqual({ kind: 'ok' });
  });

  it('does not report a database that still holds its data', async () => {
    const name = freshName();
    const storage = memoryStorage();
    const first = open(name);
    await checkReviewDatabase({ db: first, name, storage });
    await first.edits.add({ ...EDIT });
    first.close();
    expect(await checkReviewDatabase({ db: open(name), name, storage })).toEqual({ kind: 'ok' });
  });

  it('refuses a database written by a newer version without opening or changing it', async () => {
    const name = freshName();
    const future = (LATEST_VERSION + 1) * 10;
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, future);
      request.onupgradeneeded = () => request.result.createObjectStore('somethingNew', { keyPath: 'id' });
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    const db = open(name);
    expect(await checkReviewDatabase({ db, name, storage: memoryStorage() })).toEqual({ kind: 'too-new', version: LATEST_VERSION + 1 });
    expect(db.isOpen()).toBe(false);
    expect(await rawVersion(name)).toEqual({ version: future, stores: ['somethingNew'] });
  });

  it('reports a database that cannot be opened, with the reason', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const name = freshName();
    const broken = new ReviewDatabase(name, LATEST_VERSION, {
      indexedDB: {
        open: () => {
          throw new Error('IO error: .../000003.log: Corruption');
        },
      },
      IDBKeyRange,
    });
    const health = await checkReviewDatabase({ db: broken, name, storage: memoryStorage() });
    expect(health.kind).toBe('failed');
    expect(health.kind === 'failed' && health.detail).toContain('Corruption');
  });
});
