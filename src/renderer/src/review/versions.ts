/**
 * Watches parsed versions of files: when a path now holds new content (a new sha256), its edit
 * log and its annotations are moved onto the new parse (re-anchored) and what cannot follow is
 * kept as orphans; decisions on findings follow where the new version has the very same finding.
 */
import type { ExtractedDocument } from '../../../core/model';
import type { DocumentEntry } from '../../../shared/ipc-contract';
import type { ReanchorRecord, ReviewDatabase } from '../db/database';
import { runChecks } from '../../../core/checks';
import { reanchorEdits } from '../../../core/review/anchors';
import { applyEdits } from '../../../core/review/edits';
import { hasAnnotations, moveAnnotations } from '../db/annotation-repo';
import { carryDecisions } from '../db/decision-repo';
import { loadEdits, reconcileFileVersion } from '../db/review-repo';

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
    const hasReview = previous
      ? (await db.edits.where('fileHash').equals(previous.sha256).count()) > 0 ||
        (await hasAnnotations(db, previous.sha256)) ||
        (await db.decisions.where('fileHash').equals(previous.sha256).count()) > 0
      : false;
    if (!previous || !hasReview) {
      // Nothing to carry over: just remember this version (no need to fetch the extraction).
      await db.fileVersions.put({ relativePath: entry.relativePath, sha256: entry.sha256, seenAt: now() });
      continue;
    }
    const doc = await extraction(entry.relativePath);
    // Annotations move first (idempotent); the version record written next marks the file as seen.
    await moveAnnotations(db, entry.relativePath, previous.sha256, doc, now());
    // The file may have changed again meanwhile; the extraction's own hash is what is recorded.
    // Decisions next (idempotent too): the new version's findings, with the edits that will move onto it
    const moving = reanchorEdits(await loadEdits(db, previous.sha256), doc).edits;
    const report = runChecks(applyEdits(doc, moving));
    await carryDecisions(db, previous.sha256, doc.source.sha256, new Map(report.findings.map((f) => [f.id, f.message])), now());
    const record = await reconcileFileVersion(db, entry.relativePath, doc, now());
    if (record) records.push(record);
  }
  return records;
}
