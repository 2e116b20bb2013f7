/**
 * Watches parsed versions of files: when a path now holds new content (a new sha256), its edit
 * log and its annotations are moved onto the new parse (re-anchored) and what cannot follow is
 * kept as orphans.
 */
import type { ExtractedDocument } from '../../../core/model';
import type { DocumentEntry } from '../../../shared/ipc-contract';
import type { ReanchorRecord, ReviewDatabase } from '../db/database';
import { hasAnnotations, moveAnnotations } from '../db/annotation-repo';
import { reconcileFileVersion } from '../db/review-repo';

export async function reconcileVersions(
  db: ReviewDatabase,
  entries: readonly DocumentEntry[],
  extraction: (relativePath: string) => Promise<ExtractedDocument>,
  now: () => number,
): Promise<ReanchorRecord[]> {
  const parsed = entries.filter((e): e is DocumentEntry & { sha256: string } => e.status === 'parsed' && e.sha256 !== null);
  const seen = await db.fileVersions.bulkGet(parsed.map((e) => e.relativePath));
  const records: ReanchorRecord[] = [];
  for (const [i, entry] of parsed.entries()) {
    const previous = seen[i];
    if (previous?.sha256 === entry.sha256) continue;
    const hasReview = previous ? (await db.edits.where('fileHash').equals(previous.sha256).count()) > 0 || (await hasAnnotations(db, previous.sha256)) : false;
    if (!previous || !hasReview) {
      // Nothing to carry over: just remember this version (no need to fetch the extraction).
      await db.fileVersions.put({ relativePath: entry.relativePath, sha256: entry.sha256, seenAt: now() });
      continue;
    }
    const doc = await extraction(entry.relativePath);
    // Annotations move first (idempotent); the version record written next marks the file as seen.
    await moveAnnotations(db, entry.relativePath, previous.sha256, doc, now());
    // The file may have changed again meanwhile; the extraction's own hash is what is recorded.
    const record = await reconcileFileVersion(db, entry.relativePath, doc, now());
    if (record) records.push(record);
  }
  return records;
}
