/**
 * The review database checked once at start-up, before anything uses it, so a database the app
 * cannot trust gives the reviewer a clear message instead of a blank or silently empty workspace:
 *   - written by a newer version of the app (its IndexedDB version is above ours): not opened at
 *     all (Dexie would otherwise open it in "downgrade" mode and might patch its schema);
 *   - failing to open (e.g. damaged files the browser will not read);
 *   - emptied outside the app: Chromium discards an IndexedDB whose files are corrupt and starts
 *     an empty one without telling the page. A mark in localStorage (a separate store) records
 *     that the review database held data; finding it empty while marked means the data was lost.
 */
import { LATEST_VERSION, refuseReviewDb, reviewDb, DB_NAME, type ReviewDatabase } from './database';

export type DatabaseHealth =
  | { kind: 'ok' }
  | { kind: 'too-new'; version: number }
  | { kind: 'failed'; detail: string }
  | { kind: 'reset'; since: number };

const MARK_KEY = 'proofreader.reviewDb.heldDataSince';

/** The part of the Storage API used here (localStorage in the app, a map in tests). */
export type MarkStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function defaultStorage(): MarkStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function describe(e: unknown): string {
  if (e instanceof Error) {
    const inner = (e as { inner?: unknown }).inner;
    return inner instanceof Error ? `${e.name}: ${inner.name} ${inner.message}` : `${e.name}: ${e.message}`;
  }
  return String(e);
}

/** The native (IndexedDB) version of a database, without opening or creating it. */
async function installedVersion(name: string): Promise<number | null> {
  if (typeof indexedDB.databases !== 'function') return null;
  const found = (await indexedDB.databases()).find((d) => d.name === name);
  return found?.version ?? null;
}

const REVIEW_TABLES = ['edits', 'annotations', 'decisions', 'reviewedTables'] as const;

async function holdsData(db: ReviewDatabase): Promise<boolean> {
  const counts = await Promise.all(REVIEW_TABLES.map((t) => db.table(t).count()));
  return counts.some((n) => n > 0);
}

/** Marks the first write of review data (and keeps the mark while data is there). */
function markWrites(db: ReviewDatabase, storage: MarkStorage): void {
  let marked = storage.getItem(MARK_KEY) !== null;
  const mark = (): void => {
    if (marked) return;
    marked = true;
    storage.setItem(MARK_KEY, String(Date.now()));
  };
  for (const t of REVIEW_TABLES) db.table(t).hook('creating', mark);
}

export interface HealthOptions {
  db?: ReviewDatabase;
  name?: string;
  storage?: MarkStorage | null;
}

export async function checkReviewDatabase(options: HealthOptions = {}): Promise<DatabaseHealth> {
  const name = options.name ?? DB_NAME;
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  try {
    // Dexie stores version n as IndexedDB version n × 10.
    const native = await installedVersion(name);
    if (native !== null && native > LATEST_VERSION * 10) {
      if (!options.db) refuseReviewDb();
      return { kind: 'too-new', version: native / 10 };
    }
  } catch {
    // databases() is only a look-ahead; opening tells the rest
  }
  const db = options.db ?? reviewDb();
  try {
    await db.open();
    const hasData = await holdsData(db);
    const since = Number(storage?.getItem(MARK_KEY) ?? NaN);
    if (storage) {
      if (hasData && Number.isNaN(since)) storage.setItem(MARK_KEY, String(Date.now()));
      // told once: new work marks the (new) database again
      if (!hasData && !Number.isNaN(since)) storage.removeItem(MARK_KEY);
      markWrites(db, storage);
    }
    if (!hasData && !Number.isNaN(since)) return { kind: 'reset', since };
    return { kind: 'ok' };
  } catch (e) {
    console.error(e);
    return { kind: 'failed', detail: describe(e) };
  }
}
