/**
 * The fixtures' content JSON (tests/fixtures/truth/content/<id>.json) as an ExtractedDocument,
 * without file I/O: tests import the JSON module and convert it, so they also type-check in the
 * browser configuration. The shape mirrors tests/fixtures/truth.ts (PublicationContent).
 */
import type { ExtractedDocument } from '../../src/core/model';
import { doc } from './doc-builder';
import type { BuilderCell, TableSpec } from './doc-builder';

export interface ContentTable {
  title: string;
  code: string | null;
  unit: string | null;
  department: string | null;
  notes: string[];
  header: BuilderCell[][];
  rows: BuilderCell[][];
}

export interface ContentJson {
  id: string;
  narrative: string[];
  tables: ContentTable[];
}

export function contentTableSpec(t: ContentTable): TableSpec {
  return { title: t.title, code: t.code, unit: t.unit, department: t.department, notes: t.notes, header: t.header, rows: t.rows };
}

export function contentDocument(content: ContentJson): ExtractedDocument {
  return doc(content.tables.map(contentTableSpec), content.narrative, `${content.id}.json`);
}
