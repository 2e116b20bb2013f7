/**
 * Annotations in the review database: the current state of each (`annotations`) and every change
 * to it (`annotationEvents`, append-only), always written together in one transaction. Every write
 * resolves only after its transaction committed, so the UI may show the change as saved then.
 */
import type { ExtractedDocument } from '../../../core/model';
import type { Annotation } from '../../../core/review/model';
import { movedEvent } from '../features/annotations/annotation-ops';
import { reanchorAnnotations } from '../features/annotations/reanchor';
import type { AnnotationEvent, AnnotationMoveRecord, ReviewDatabase } from './database';

function strip(event: AnnotationEvent): AnnotationEvent {
  const { seq: _seq, ...rest } = event;
  return rest;
}

/** Stores an annotation's new state and the event recording the change. */
export async function saveAnnotationChange(db: ReviewDatabase, annotation: Annotation, event: AnnotationEvent): Promise<void> {
  await db.transaction('rw', [db.annotations, db.annotationEvents], async () => {
    await db.annotationEvents.add({ ...event });
    await db.annotations.put({ ...annotation });
  });
}

export async function loadAnnotations(db: ReviewDatabase, fileHashes: readonly string[]): Promise<Annotation[]> {
  if (fileHashes.length === 0) return [];
  return db.annotations.where('fileHash').anyOf([...fileHashes]).toArray();
}

/** An annotation's history, oldest first. */
export async function loadAnnotationHistory(db: ReviewDatabase, annotationId: string): Promise<AnnotationEvent[]> {
  const events = await db.annotationEvents.where('annotationId').equals(annotationId).sortBy('seq');
  return events.map(strip);
}

export async function hasAnnotations(db: ReviewDatabase, fileHash: string): Promise<boolean> {
  return (await db.annotations.where('fileHash').equals(fileHash).count()) > 0;
}

/** Records of annotations moved onto these versions of files (their orphans are listed). */
export async function loadAnnotationMoves(db: ReviewDatabase, toHashes: readonly string[]): Promise<AnnotationMoveRecord[]> {
  if (toHashes.length === 0) return [];
  return db.annotationMoves.where('toHash').anyOf([...toHashes]).sortBy('at');
}

/**
 * Moves the annotations of an earlier version of a file onto its new parse: each gets a copy
 * under the new hash (re-anchored, with its history and a 'moved' event); the originals stay
 * under the old hash. Annotations whose place the new version lacks are recorded as orphans.
 * Does nothing when the move was made before or the new version already has annotations of its
 * own (e.g. the file was reverted). Returns the new record, or null.
 */
export async function moveAnnotations(db: ReviewDatabase, relativePath: string, fromHash: string, doc: ExtractedDocument, now: number): Promise<AnnotationMoveRecord | null> {
  const toHash = doc.source.sha256;
  if (fromHash === toHash) return null;
  return db.transaction('rw', [db.annotations, db.annotationEvents, db.annotationMoves], async () => {
    const done = await db.annotationMoves.where('toHash').equals(toHash).filter((r) => r.fromHash === fromHash).count();
    if (done > 0 || (await db.annotations.where('fileHash').equals(toHash).count()) > 0) return null;
    const old = await db.annotations.where('fileHash').equals(fromHash).toArray();
    if (old.length === 0) return null;
    const { moved, orphans } = reanchorAnnotations(old, doc);
    const suffix = `~${toHash.slice(0, 12)}`;
    for (const { before, after } of moved) {
      const history = await db.annotationEvents.where('annotationId').equals(before.id).sortBy('seq');
      const copies = history.map((e) => ({ ...strip(e), id: `${e.id}${suffix}`, annotationId: after.id, fileHash: toHash }));
      await db.annotationEvents.bulkAdd([...copies, movedEvent(after, before, { id: `moved:${after.id}`, by: '', at: now })]);
    }
    await db.annotations.bulkAdd(moved.map((m) => m.after));
    const record: AnnotationMoveRecord = { relativePath, fromHash, toHash, at: now, moved: moved.length, orphans };
    record.id = await db.annotationMoves.add(record);
    return record;
  });
}
