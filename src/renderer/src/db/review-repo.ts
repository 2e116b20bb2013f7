/**
 * Reads and writes of the review database. Every write resolves only once its IndexedDB
 * transaction has committed, so callers may show "saved" when the promise resolves.
 */
import type { CellEdit } from '../../../core/review/model';
import type { ExtractedDocument } from '../../../core/model';
import { reanchorEdits } from '../../../core/review/anchors';
import type { ReanchorRecord, ReviewDatabase, ReviewedTableRecord, StoredEdit } from './database';

function strip(stored: StoredEdit): CellEdit {
  const { seq: _seq, ...edit } = stored;
  return edit;
}

/** Appends one log entry; resolves after the transaction committed. */
export async function appendEdit(db: ReviewDatabase, edit: CellEdit): Promise<void> {
  await db.transaction('rw', db.edits, async () => {
    await db.edits.add({ ...edit });
  });
}

/** A file's edit log in log (insertion) order. */
export async function loadEdits(db: ReviewDatabase, fileHash: string): Promise<CellEdit[]> {
  const stored = await db.edits.where('fileHash').equals(fileHash).sortBy('seq');
  return stored.map(strip);
}

/** Edit logs of several files at once (document list figures). */
export async function loadEditsByFile(db: ReviewDatabase, fileHashes: readonly string[]): Promise<Map<string, CellEdit[]>> {
  const byFile = new Map<string, CellEdit[]>(fileHashes.map((h) => [h, []]));
  if (fileHashes.length === 0) return byFile;
  const stored = await db.edits.where('fileHash').anyOf([...fileHashes]).sortBy('seq');
  for (const s of stored) byFile.get(s.fileHash)?.push(strip(s));
  return byFile;
}

export async function loadReviewedTables(db: ReviewDatabase, fileHashes: readonly string[]): Promise<ReviewedTableRecord[]> {
  if (fileHashes.length === 0) return [];
  return db.reviewedTables.where('fileHash').anyOf([...fileHashes]).toArray();
}

export async function setTableReviewed(db: ReviewDatabase, record: ReviewedTableRecord, reviewed: boolean): Promise<void> {
  await db.transaction('rw', db.reviewedTables, async () => {
    if (reviewed) await db.reviewedTables.put(record);
    else await db.reviewedTables.delete([record.fileHash, record.tableId]);
  });
}

/** Re-anchoring records whose target is this version of a file (their orphans are shown). */
export async function loadReanchors(db: ReviewDatabase, toHash: string): Promise<ReanchorRecord[]> {
  return db.reanchors.where('toHash').equals(toHash).sortBy('at');
}

/**
 * Notes the version of a file at a path. When the path held another version whose edits have not
 * been carried over, moves that log onto this parse (re-anchored by table title, row label and
 * column header) and records the edits that could not follow. The old log stays untouched under
 * its own hash. Returns the new record, or null when nothing moved.
 */
export async function reconcileFileVersion(db: ReviewDatabase, relativePath: string, doc: ExtractedDocument, now: number): Promise<ReanchorRecord | null> {
  const toHash = doc.source.sha256;
  return db.transaction('rw', [db.fileVersions, db.edits, db.reanchors], async () => {
    const previous = await db.fileVersions.get(relativePath);
    await db.fileVersions.put({ relativePath, sha256: toHash, seenAt: now });
    if (!previous || previous.sha256 === toHash) return null;
    const fromHash = previous.sha256;
    // A version that already has its own review (e.g. the file was reverted) keeps it.
    if ((await db.edits.where('fileHash').equals(toHash).count()) > 0) return null;
    const log = (await db.edits.where('fileHash').equals(fromHash).sortBy('seq')).map(strip);
    if (log.length === 0) return null;
    const { edits, orphans } = reanchorEdits(log, doc);
    await db.edits.bulkAdd(edits.map((e) => ({ ...e })));
    const record: ReanchorRecord = { relativePath, fromHash, toHash, at: now, moved: edits.length, orphans };
    record.id = await db.reanchors.add(record);
    return record;
  });
}
