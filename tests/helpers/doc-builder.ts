/**
 * A tiny builder of ExtractedDocument objects for rule tests: tables are written as grids of
 * printed text (null = position covered by a span, like the fixtures' TruthCell), narrative as
 * paragraphs.
 */
import type { Cell, ExtractedDocument, GridRow, Table } from '../../src/core/model';
import { SCHEMA_VERSION } from '../../src/core/model';
import { parseAmount } from '../../src/core/money';

export type BuilderCell = string | { text: string; rowSpan?: number; colSpan?: number } | null;

export interface TableSpec {
  title?: string | null;
  code?: string | null;
  unit?: string | null;
  department?: string | null;
  notes?: string[];
  header?: BuilderCell[][];
  rows: BuilderCell[][];
  pages?: [number, number];
}

/** Text cells get an indent like a PDF's: 2 pt, and 3 pt more per leading space ("  财政事务"). */
function toCell(c: BuilderCell, page: number): Cell | null {
  if (c === null) return null;
  const printed = typeof c === 'string' ? c : c.text;
  const lead = /^[ \u3000]*/.exec(printed)![0].length;
  const text = printed.slice(lead);
  const value = parseAmount(text);
  return {
    text,
    value,
    rowSpan: typeof c === 'string' ? 1 : (c.rowSpan ?? 1),
    colSpan: typeof c === 'string' ? 1 : (c.colSpan ?? 1),
    page,
    bbox: [0, 0, 0, 0],
    confidence: 'ok',
    ...(text && value === null ? { indent: 2 + 3 * lead } : {}),
  };
}

function toGrid(rows: BuilderCell[][], columnCount: number, page: number): GridRow[] {
  return rows.map((r) => {
    const out: GridRow = [];
    for (let c = 0; c < columnCount; c++) out.push(c < r.length ? toCell(r[c]!, page) : toCell('', page));
    return out;
  });
}

export function table(spec: TableSpec, index = 0): Table {
  const header = spec.header ?? [];
  const columnCount = Math.max(...[...header, ...spec.rows].map((r) => r.length), 0);
  const page = spec.pages?.[0] ?? 1;
  return {
    id: `t${index + 1}`,
    title: spec.title ?? null,
    code: spec.code ?? null,
    unit: spec.unit === undefined ? '万元' : spec.unit,
    department: spec.department ?? null,
    pages: spec.pages ?? [page, page],
    notes: spec.notes ?? [],
    columnCount,
    header: toGrid(header, columnCount, page),
    rows: toGrid(spec.rows, columnCount, page),
  };
}

export function doc(tables: TableSpec[], narrative: string[] = [], path = 'test.pdf'): ExtractedDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { path, sha256: 'test', pages: 1 },
    narrative: narrative.map((text) => ({ page: 1, bbox: [0, 0, 0, 0], text })),
    tables: tables.map((t, i) => table(t, i)),
  };
}
