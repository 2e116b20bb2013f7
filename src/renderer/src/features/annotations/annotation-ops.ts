/**
 * Changes to annotations as pure functions: each returns the annotation's next state together with
 * the history event that records it (who, when, which fields), so the two are stored together.
 */
import type { Annotation, AnnotationCategory, AnnotationStatus, AnnotationTarget } from '../../../../core/review/model';
import type { AnnotationEvent, AnnotationEventKind, AnnotationFieldChange } from '../../db/database';

/** Who makes a change and when; `id` names the event (and the annotation or reply it creates). */
export interface Stamp {
  id: string;
  by: string;
  at: number;
}

export interface AnnotationChange {
  annotation: Annotation;
  event: AnnotationEvent;
}

export interface NewAnnotation {
  fileHash: string;
  target: AnnotationTarget;
  text: string;
  category: AnnotationCategory;
  status?: AnnotationStatus;
  findingId?: string;
}

export interface AnnotationPatch {
  text?: string;
  category?: AnnotationCategory;
  status?: AnnotationStatus;
}

function event(annotation: Annotation, kind: AnnotationEventKind, stamp: Stamp, changes: AnnotationFieldChange[]): AnnotationEvent {
  return { id: stamp.id, annotationId: annotation.id, fileHash: annotation.fileHash, kind, by: stamp.by, at: stamp.at, changes, snapshot: annotation };
}

export function createAnnotation(input: NewAnnotation, stamp: Stamp): AnnotationChange {
  const annotation: Annotation = {
    id: stamp.id,
    fileHash: input.fileHash,
    target: input.target,
    text: input.text.trim(),
    category: input.category,
    status: input.status ?? 'open',
    author: stamp.by,
    createdAt: stamp.at,
    updatedAt: stamp.at,
    replies: [],
  };
  if (input.findingId !== undefined) annotation.findingId = input.findingId;
  return { annotation, event: event(annotation, 'created', { ...stamp, id: `${stamp.id}:created` }, []) };
}

/** Changes text, category and/or status; null when nothing would change. */
export function editAnnotation(current: Annotation, patch: AnnotationPatch, stamp: Stamp): AnnotationChange | null {
  const changes: AnnotationFieldChange[] = [];
  const next: Annotation = { ...current };
  if (patch.text !== undefined && patch.text.trim() !== current.text) {
    changes.push({ field: 'text', before: current.text, after: patch.text.trim() });
    next.text = patch.text.trim();
  }
  if (patch.category !== undefined && patch.category !== current.category) {
    changes.push({ field: 'category', before: current.category, after: patch.category });
    next.category = patch.category;
  }
  if (patch.status !== undefined && patch.status !== current.status) {
    changes.push({ field: 'status', before: current.status, after: patch.status });
    next.status = patch.status;
  }
  if (changes.length === 0) return null;
  // Times only move forward, even when two machines' clocks disagree.
  next.updatedAt = Math.max(stamp.at, current.updatedAt);
  return { annotation: next, event: event(next, 'edited', stamp, changes) };
}

export function addReply(current: Annotation, text: string, stamp: Stamp): AnnotationChange | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const at = Math.max(stamp.at, current.updatedAt);
  const next: Annotation = { ...current, updatedAt: at, replies: [...current.replies, { id: stamp.id, author: stamp.by, text: trimmed, at }] };
  return { annotation: next, event: event(next, 'replied', { ...stamp, id: `${stamp.id}:reply` }, []) };
}

/** An annotation moved onto another version of its file (new id, hash and target). */
export function movedEvent(moved: Annotation, before: Annotation, stamp: Stamp): AnnotationEvent {
  return event(moved, 'moved', stamp, [{ field: 'target', before: JSON.stringify(before.target), after: JSON.stringify(moved.target) }]);
}

/** An annotation added or changed by importing a review package. */
export function importedEvent(annotation: Annotation, stamp: Stamp): AnnotationEvent {
  return event(annotation, 'imported', stamp, []);
}
