/**
 * A confirmed finding becomes an annotation: on its first cell (or, for a finding about the text,
 * its first narrative span), with the finding's message, open for the auditor to follow up.
 */
import type { Finding } from '../../../../core/checks/model';
import type { ExtractedDocument } from '../../../../core/model';
import { anchorFor } from '../../../../core/review/anchors';
import type { AnnotationCategory, AnnotationTarget } from '../../../../core/review/model';

/** Names, codes and wording are text errors; everything about figures is a data error. */
export function categoryOf(finding: Finding): AnnotationCategory {
  return finding.kind === 'naming' ? 'text-error' : 'data-error';
}

export function targetOf(doc: ExtractedDocument, finding: Finding): AnnotationTarget | null {
  const first = finding.cells[0];
  if (first) {
    const cell = { tableId: first.table, row: first.row, col: first.col };
    const anchor = anchorFor(doc, cell);
    if (anchor) return { kind: 'cell', cell, anchor };
  }
  const span = finding.narrative[0];
  const block = span ? doc.narrative[span.block] : undefined;
  if (span && block) return { kind: 'narrative', block: span.block, start: span.start, end: span.end, quote: block.text.slice(span.start, span.end) };
  return null;
}

/** What the annotation of a confirmed finding says and where it points (author and times are stamped when stored). */
export interface FindingAnnotationInput {
  fileHash: string;
  target: AnnotationTarget;
  text: string;
  category: AnnotationCategory;
  findingId: string;
}

/**
 * The annotation recording a confirmed finding; null when the finding points at nothing a reader
 * could find again (e.g. a missing table), where the decision alone records the confirmation.
 */
export function annotationInput(doc: ExtractedDocument, finding: Finding): FindingAnnotationInput | null {
  const target = targetOf(doc, finding);
  if (!target) return null;
  return { fileHash: doc.source.sha256, target, text: finding.message, category: categoryOf(finding), findingId: finding.id };
}
