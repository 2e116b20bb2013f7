/**
 * Builds ExtractedDocuments from printed-table specs (the shape of tests/fixtures/truth content),
 * for tests and the benchmark: the export does not have to wait for the PDF extractor.
 */
import type { Cell, ExtractedDocument, GridRow, Table } from '../../core/model';
import { SCHEMA_VERSION } from '../../core/model';
import { parseAmount } from '../../core/money';

/** a cell as printed; null = position covered by a span */
export type SpecCell = string | { text: string; rowSpan?: number; colSpan?: number } | null;

export interface TableSpec {
  title: string | null;
  code: string | null;
  unit: string | null;
  department: string | null;
  notes: string[];
  header: SpecCell[][];
  rows: SpecCell[][];
  /** heading lines printed as they are (the truth's `printed.meta` becomes the table's meta) */
  printed?: { meta?: string[] };
}

function cell(spec: SpecCell, page: number): Cell | null {
  if (spec === null) return null;
  const text = typeof spec === 'string' ? spec : spec.text;
  const span: { rowSpan?: number; colSpan?: number } = typeof spec === 'string' ? {} : spec;
  return { text, value: parseAmount(text), rowSpan: span.rowSpan ?? 1, colSpan: span.colSpan ?? 1, page, bbox: [0, 0, 0, 0], confidence: 'ok' };
}

export function tableFromSpec(spec: TableSpec, id: string, page = 1): Table {
  const columnCount = (spec.header[0] ?? spec.rows[0] ?? []).length;
  const grid = (rows: SpecCell[][]): GridRow[] => rows.map((row) => row.map((c) => cell(c, page)));
  return {
    id,
    title: spec.title,
    code: spec.code,
    unit: spec.unit,
    department: spec.department,
    ...(spec.printed?.meta?.length ? { meta: spec.printed.meta } : {}),
    pages: [page, page],
    notes: spec.notes,
    columnCount,
    header: grid(spec.header),
    rows: grid(spec.rows),
  };
}

export function documentFromSpecs(specs: readonly TableSpec[], source: { path: string; sha256: string }, narrative: string[] = []): ExtractedDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { ...source, pages: specs.length },
    narrative: narrative.map((text) => ({ page: 1, bbox: [0, 0, 0, 0], text })),
    tables: specs.map((s, i) => tableFromSpec(s, `t${i + 1}`, i + 1)),
  };
}
