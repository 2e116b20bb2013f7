/**
 * Builds an ExtractedDocument from the fixtures' hand-made ground truth (content JSON), so rules
 * can be tested on the seed publications independently of the PDF extractor.
 */
import type { ExtractedDocument } from '../../src/core/model';
import { loadContent } from '../fixtures/truth';
import type { PublicationContent, TruthTable } from '../fixtures/truth';
import { doc } from './doc-builder';
import type { TableSpec } from './doc-builder';

export function truthTableSpec(t: TruthTable): TableSpec {
  return {
    title: t.title,
    code: t.code,
    unit: t.unit,
    department: t.department,
    notes: t.notes,
    header: t.header,
    rows: t.rows,
    pages: t.pages,
  };
}

export function contentToDocument(content: PublicationContent): ExtractedDocument {
  return doc(content.tables.map(truthTableSpec), content.narrative, `${content.id}.json`);
}

/** The seed publication `id` (000, 002, 004, edge-…) as a document. */
export function truthDocument(id: string): ExtractedDocument {
  return contentToDocument(loadContent(`content/${id}.json`));
}
