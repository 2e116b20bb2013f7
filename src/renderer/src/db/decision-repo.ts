/**
 * Reviewers' decisions on findings. `decisions` holds the current decision per finding (keyed
 * [fileHash+findingId], read by exports and review packages); `decisionLog` keeps every decision
 * ever taken, revocations included, so changing one never loses the earlier one. A confirmation
 * writes its annotation (with the annotation's history event) in the same transaction. Every write
 * resolves only once its transaction has committed.
 */
import type { Annotation, FindingDecision } from '../../../core/review/model';
import type { AnnotationEvent, DecisionLogRecord, ReviewDatabase } from './database';

export type { DecisionLogRecord } from './database';

/** An annotation to store together with the event recording the change. */
export interface AnnotationWrite {
  annotation: Annotation;
  event: AnnotationEvent;
}

export async function loadDecisions(db: ReviewDatabase, fileHash: string): Promise<FindingDecision[]> {
  return db.decisions.where('fileHash').equals(fileHash).toArray();
}

/** Decisions of several files at once (document list counts). */
export async function loadDecisionsByFile(db: ReviewDatabase, fileHashes: readonly string[]): Promise<Map<string, FindingDecision[]>> {
  const byFile = new Map<string, FindingDecision[]>(fileHashes.map((h) => [h, []]));
  if (fileHashes.length === 0) return byFile;
  for (const d of await db.decisions.where('fileHash').anyOf([...fileHashes]).toArray()) byFile.get(d.fileHash)?.push(d);
  return byFile;
}

/** A file's decision log, oldest first. */
export async function loadDecisionLog(db: ReviewDatabase, fileHash: string): Promise<DecisionLogRecord[]> {
  const stored = await db.decisionLog.where('fileHash').equals(fileHash).sortBy('seq');
  return stored.map(({ seq: _seq, ...record }) => record);
}

function logOf(id: string, d: FindingDecision): DecisionLogRecord {
  const record: DecisionLogRecord = { id, fileHash: d.fileHash, findingId: d.findingId, action: d.decision, by: d.by, at: d.at };
  if (d.reason !== undefined) record.reason = d.reason;
  if (d.annotationId !== undefined) record.annotationId = d.annotationId;
  return record;
}

async function annotationOfFinding(db: ReviewDatabase, fileHash: string, findingId: string): Promise<Annotation | undefined> {
  return db.annotations.where('findingId').equals(findingId).filter((a) => a.fileHash === fileHash).first();
}

async function writeAnnotation(db: ReviewDatabase, write: AnnotationWrite | null): Promise<void> {
  if (!write) return;
  await db.annotations.put(write.annotation);
  await db.annotationEvents.add({ ...write.event });
}

export interface ConfirmInput {
  decision: FindingDecision;
  logId: string;
  /**
   * The annotation change given the finding's existing annotation (from an earlier confirmation):
   * a new annotation, the existing one reopened, or null when there is nothing to write.
   */
  annotate: (existing: Annotation | undefined) => AnnotationWrite | null;
}

/** Confirms a finding: its annotation, the decision and the log entry, in one transaction. */
export async function confirmFinding(db: ReviewDatabase, input: ConfirmInput): Promise<{ record: FindingDecision; log: DecisionLogRecord }> {
  return db.transaction('rw', [db.decisions, db.decisionLog, db.annotations, db.annotationEvents], async () => {
    const { fileHash, findingId } = input.decision;
    const existing = await annotationOfFinding(db, fileHash, findingId);
    const write = input.annotate(existing);
    await writeAnnotation(db, write);
    const annotationId = write?.annotation.id ?? existing?.id;
    const record: FindingDecision = { ...input.decision };
    delete record.reason;
    if (annotationId) record.annotationId = annotationId;
    await db.decisions.put(record);
    const log = logOf(input.logId, record);
    await db.decisionLog.add({ ...log });
    return { record, log };
  });
}

/** Dismisses a finding with the reviewer's reason (required). */
export async function dismissFinding(db: ReviewDatabase, decision: FindingDecision, logId: string): Promise<DecisionLogRecord> {
  if (decision.decision !== 'dismissed' || !decision.reason?.trim()) throw new Error('a dismissal needs a reason');
  return db.transaction('rw', [db.decisions, db.decisionLog], async () => {
    await db.decisions.put({ ...decision });
    const log = logOf(logId, decision);
    await db.decisionLog.add({ ...log });
    return log;
  });
}

export interface RevokeInput {
  id: string;
  fileHash: string;
  findingId: string;
  by: string;
  at: number;
  /** what becomes of the annotation a revoked confirmation made (e.g. marked 不予处理) */
  onAnnotation?: (annotation: Annotation) => AnnotationWrite | null;
}

/** Takes a decision back: the finding is open again; the log keeps the decision and the revocation. */
export async function revokeDecision(db: ReviewDatabase, input: RevokeInput): Promise<DecisionLogRecord> {
  return db.transaction('rw', [db.decisions, db.decisionLog, db.annotations, db.annotationEvents], async () => {
    const current = await db.decisions.get([input.fileHash, input.findingId]);
    if (current?.decision === 'confirmed' && current.annotationId && input.onAnnotation) {
      const annotation = await db.annotations.get(current.annotationId);
      if (annotation) await writeAnnotation(db, input.onAnnotation(annotation));
    }
    await db.decisions.delete([input.fileHash, input.findingId]);
    const log: DecisionLogRecord = { id: input.id, fileHash: input.fileHash, findingId: input.findingId, action: 'revoked', by: input.by, at: input.at };
    await db.decisionLog.add({ ...log });
    return log;
  });
}

/**
 * Carries decisions over to a changed file (new content hash): a decision follows only to the very
 * same finding — same stable id and same message, so the same figures — that the new version still
 * has; anything else stays with the old version, so a dismissal never hides a new discrepancy.
 * Idempotent: a finding already decided on the new version keeps its decision.
 */
export async function carryDecisions(
  db: ReviewDatabase,
  fromHash: string,
  toHash: string,
  findings: ReadonlyMap<string, string>,
  at: number,
): Promise<FindingDecision[]> {
  if (fromHash === toHash) return [];
  return db.transaction('rw', [db.decisions, db.decisionLog, db.annotations], async () => {
    const carried: FindingDecision[] = [];
    for (const old of await loadDecisions(db, fromHash)) {
      if (old.findingMessage === undefined || findings.get(old.findingId) !== old.findingMessage) continue;
      if (await db.decisions.get([toHash, old.findingId])) continue;
      const decision: FindingDecision = { ...old, fileHash: toHash, at };
      delete decision.annotationId;
      if (old.decision === 'confirmed') {
        const annotation = await annotationOfFinding(db, toHash, old.findingId);
        if (annotation) decision.annotationId = annotation.id;
      }
      await db.decisions.put(decision);
      await db.decisionLog.add(logOf(`carried:${toHash.slice(0, 12)}:${old.findingId}`, decision));
      carried.push(decision);
    }
    return carried;
  });
}
