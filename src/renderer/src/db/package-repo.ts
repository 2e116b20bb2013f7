/**
 * Review packages against the review database: reading the review of each file for an export,
 * and importing a validated package — read, merge and write in ONE transaction, so an import is
 * stored completely or not at all. Conflicts are stored with it and stay until resolved.
 */
import type { Annotation, CellEdit, DocumentReview, FindingDecision } from '../../../core/review/model';
import { mergePackage, resolveConflict, type ConflictChoice, type PackageMergeResult, type ReviewPackage } from '../../../core/review/package';
import { importedEvent } from '../features/annotations/annotation-ops';
import { agreeingEntries } from '../features/review-package/log-order';
import type { ReviewDatabase, StoredConflict } from './database';
import { loadEdits, loadEditsByFile } from './review-repo';
import { SYNC_CONFLICT_PREFIX } from './sync-repo';

export interface ReviewedFile {
  fileHash: string;
  fileName: string;
}

function isEmpty(r: DocumentReview): boolean {
  return r.edits.length === 0 && r.annotations.length === 0 && r.decisions.length === 0 && r.reviewedTables.length === 0;
}

async function reviewsOf(db: ReviewDatabase, files: readonly ReviewedFile[]): Promise<DocumentReview[]> {
  const hashes = files.map((f) => f.fileHash);
  const [edits, annotations, decisions, reviewed] = await Promise.all([
    loadEditsByFile(db, hashes),
    hashes.length ? db.annotations.where('fileHash').anyOf(hashes).toArray() : Promise.resolve([] as Annotation[]),
    hashes.length ? db.decisions.where('fileHash').anyOf(hashes).toArray() : Promise.resolve([] as FindingDecision[]),
    hashes.length ? db.reviewedTables.where('fileHash').anyOf(hashes).toArray() : Promise.resolve([]),
  ]);
  return files.map((f) => ({
    fileHash: f.fileHash,
    fileName: f.fileName,
    edits: edits.get(f.fileHash) ?? [],
    annotations: annotations.filter((a) => a.fileHash === f.fileHash).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)),
    decisions: decisions.filter((d) => d.fileHash === f.fileHash),
    reviewedTables: reviewed.filter((r) => r.fileHash === f.fileHash).map((r) => r.tableId),
  }));
}

/** The stored review of each file that has one (files without any review are left out). */
export async function loadDocumentReviews(db: ReviewDatabase, files: readonly ReviewedFile[]): Promise<DocumentReview[]> {
  const unique = [...new Map(files.map((f) => [f.fileHash, f])).values()];
  return (await reviewsOf(db, unique)).filter((r) => !isEmpty(r));
}

export interface ImportMeta {
  /** the importing reviewer */
  by: string;
  at: number;
  newId: () => string;
}

function sameConflict(a: StoredConflict, b: StoredConflict): boolean {
  return JSON.stringify(a.conflict) === JSON.stringify(b.conflict);
}

/**
 * Merges a validated package into the database. Conflicting cells and decisions keep the local
 * value; the conflicts are stored (a conflict resolved before and found again unchanged stays
 * resolved). Returns the merge result.
 */
export async function importReviewPackage(db: ReviewDatabase, pkg: ReviewPackage, meta: ImportMeta): Promise<PackageMergeResult> {
  const tables = [db.edits, db.annotations, db.annotationEvents, db.decisions, db.reviewedTables, db.reviewConflicts];
  return db.transaction('rw', tables, async () => {
    const files = pkg.documents.map((d) => ({ fileHash: d.fileHash, fileName: d.fileName }));
    const locals = await reviewsOf(db, files);
    const result = mergePackage(locals, pkg);
    for (const [i, merged] of result.reviews.entries()) {
      const local = locals[i]!;
      // edits: the new entries, in the merged order, then any entry that makes both readings agree
      const known = new Set(local.edits.map((e) => e.id));
      const added = merged.edits.filter((e) => !known.has(e.id));
      const extra = agreeingEntries(local.edits, added, { by: meta.by, at: meta.at, id: () => meta.newId() });
      if (added.length + extra.length > 0) await db.edits.bulkAdd([...added, ...extra].map((e) => ({ ...e })));
      // annotations: new or changed ones, each with an 'imported' history event
      const localAnnotations = new Map(local.annotations.map((a) => [a.id, JSON.stringify(a)]));
      for (const a of merged.annotations) {
        if (localAnnotations.get(a.id) === JSON.stringify(a)) continue;
        await db.annotationEvents.add(importedEvent(a, { id: meta.newId(), by: pkg.exportedBy, at: meta.at }));
        await db.annotations.put({ ...a });
      }
      const localDecisions = new Set(local.decisions.map((d) => d.findingId));
      const newDecisions = merged.decisions.filter((d) => !localDecisions.has(d.findingId));
      if (newDecisions.length) await db.decisions.bulkPut(newDecisions.map((d) => ({ ...d })));
      const localReviewed = new Set(local.reviewedTables);
      const newReviewed = merged.reviewedTables.filter((t) => !localReviewed.has(t));
      if (newReviewed.length) await db.reviewedTables.bulkPut(newReviewed.map((tableId) => ({ fileHash: merged.fileHash, tableId, reviewer: pkg.exportedBy, at: meta.at })));
    }
    for (const conflict of result.conflicts) {
      const record: StoredConflict = { id: conflict.id, fileHash: conflict.fileHash, conflict, source: pkg.exportedBy, importedAt: meta.at };
      const existing = await db.reviewConflicts.get(conflict.id);
      if (existing?.resolution && sameConflict(existing, record)) continue;
      await db.reviewConflicts.put(record);
    }
    return result;
  });
}

/** Conflicts from imported review packages (team-sync conflicts have their own panel: sync-repo). */
export async function loadConflicts(db: ReviewDatabase): Promise<StoredConflict[]> {
  return (await db.reviewConflicts.orderBy('id').toArray()).filter((c) => !c.id.startsWith(SYNC_CONFLICT_PREFIX));
}

/**
 * Applies the reviewer's choice for a stored conflict (resolveConflict on the stored review) and
 * marks it resolved, in one transaction. Returns the edits appended to the log.
 */
export async function resolveStoredConflict(db: ReviewDatabase, conflictId: string, choice: ConflictChoice, meta: ImportMeta): Promise<CellEdit[]> {
  return db.transaction('rw', [db.edits, db.decisions, db.reviewConflicts], async () => {
    const stored = await db.reviewConflicts.get(conflictId);
    if (!stored || stored.resolution) return [];
    const fileHash = stored.fileHash;
    const edits = await loadEdits(db, fileHash);
    const decisions = await db.decisions.where('fileHash').equals(fileHash).toArray();
    const review: DocumentReview = { fileHash, fileName: '', edits, annotations: [], decisions, reviewedTables: [] };
    const resolved = resolveConflict(review, stored.conflict, choice, { by: meta.by, at: meta.at, id: meta.newId() });
    const known = new Set(edits.map((e) => e.id));
    const added = resolved.edits.filter((e) => !known.has(e.id));
    const extra = agreeingEntries(edits, added, { by: meta.by, at: meta.at, id: () => meta.newId() });
    const appended = [...added, ...extra];
    if (appended.length) await db.edits.bulkAdd(appended.map((e) => ({ ...e })));
    if (stored.conflict.kind === 'decision' && choice === 'incoming') await db.decisions.put({ ...stored.conflict.incoming });
    await db.reviewConflicts.put({ ...stored, resolution: { choice, by: meta.by, at: meta.at } });
    return appended;
  });
}
