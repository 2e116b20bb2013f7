/**
 * Aligning two documents' tables, rows and columns by meaning, not position: tables by type and
 * title (years and 部门/单位 prefixes removed), rows by code (else name, with its occurrence), columns
 * by what they hold (the block's main figure, else the column's semantic, else its header).
 * Amounts are in 分 (integers) with their printed resolution.
 */
import type { RecognizedDocument, RecognizedTable, RowInfo } from '../checks/recognize';
import { cellResolution } from '../checks/recognize';
import { titleCore } from '../checks/recognize/table-type';
import type { TableType } from '../checks/recognize/table-type';
import { squash } from '../checks/text';
import type { BBox, Cell } from '../model';

export interface AlignedValue {
  /** 分; 0 for a blank cell */
  fen: number;
  blank: boolean;
  text: string;
  col: number;
  /** printed resolution in 分 */
  resolution: number;
}

export interface AlignedLine {
  key: string;
  /** "2040601 行政运行" / "收入总计" */
  label: string;
  row: RowInfo;
  values: Map<string, AlignedValue>;
  /** index among the table's lines (for moves) */
  order: number;
}

export interface AlignedTable {
  key: string;
  type: TableType;
  t: RecognizedTable;
  /** column key → readable header */
  columns: Map<string, string>;
  lines: Map<string, AlignedLine>;
}

const LABEL_NOISE = /^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])/;

export function lineLabel(row: RowInfo): string {
  const label = row.label.replace(/\s+/g, '');
  return row.code ? `${row.code} ${label}`.trim() : label;
}

function lineKeyBase(row: RowInfo): string | null {
  if (row.kind === 'numbers' || row.kind === 'blank') return null;
  if (row.code) return `code:${row.code}`;
  if (row.unitCode) return `unit:${row.unitCode}`;
  const name = squash(row.label).replace(LABEL_NOISE, '').replace(/^其中[:：]?/, '');
  if (name) return `name:${name}`;
  // A line with figures but no name (the one line of a 三公 table): its position.
  return [...row.values.values()].some((v) => v !== null && v !== undefined) ? 'line' : null;
}

function columnKeys(t: RecognizedTable, blockIndex: number): Map<number, string> {
  const block = t.blocks[blockIndex]!;
  const prefix = t.blocks.length > 1 ? `${block.side ?? `b${blockIndex}`}|` : '';
  const raw = new Map<number, string>();
  block.amountCols.forEach((c, i) => {
    const info = t.columns[c];
    if (!info) return;
    const sem = info.semantic === 'quantity' ? null : info.semantic;
    if (i === 0 && (sem === null || sem === 'total') && !info.qualifier) raw.set(c, 'main');
    else if (sem && !info.breakdown) raw.set(c, info.qualifier ? `${sem}@${info.qualifier}` : sem);
    else raw.set(c, `h:${squash(info.header)}`);
  });
  const counts = new Map<string, number>();
  for (const k of raw.values()) counts.set(k, (counts.get(k) ?? 0) + 1);
  const out = new Map<number, string>();
  for (const [c, k] of raw) out.set(c, prefix + (counts.get(k)! > 1 ? `h:${squash(t.columns[c]!.header)}` : k));
  return out;
}

export function alignTable(t: RecognizedTable, key: string): AlignedTable {
  const columns = new Map<string, string>();
  const lines = new Map<string, AlignedLine>();
  const seen = new Map<string, number>();
  let order = 0;
  t.blocks.forEach((block, bi) => {
    const cols = columnKeys(t, bi);
    for (const [c, k] of cols) columns.set(k, t.columns[c]!.header || k);
    const prefix = t.blocks.length > 1 ? `${block.side ?? `b${bi}`}|` : '';
    for (const row of block.rows) {
      const base = lineKeyBase(row);
      if (!base) continue;
      const n = (seen.get(prefix + base) ?? 0) + 1;
      seen.set(prefix + base, n);
      const lineKey = `${prefix}${base}${n > 1 ? `#${n}` : ''}`;
      const values = new Map<string, AlignedValue>();
      for (const [c, k] of cols) {
        const v = row.values.get(c);
        const cell = t.table.rows[row.row]?.[c];
        values.set(k, { fen: v ?? 0, blank: v === null || v === undefined, text: cell?.text ?? '', col: c, resolution: cellResolution(t, row.row, c) });
      }
      lines.set(lineKey, { key: lineKey, label: lineLabel(row) || `第${row.row + 1}行`, row, values, order: order++ });
    }
  });
  return { key, type: t.type, t, columns, lines };
}

/** Every table of the document with its alignment key (type + title core; a repeated key numbered). */
export function alignDocument(rd: RecognizedDocument): AlignedTable[] {
  const seen = new Map<string, number>();
  // One group per document: tables of later groups (a unit's set repeated in a 部门 publication) are
  // keyed apart so they never stand for the department's.
  return rd.tables.map((t) => {
    const base = `${t.type}|${titleCore(t.table.title ?? t.name)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return alignTable(t, n > 1 ? `${base}#${n}` : base);
  });
}

/**
 * Pairs tables of two documents: same key first, else the only table of the same type on both
 * sides (titles vary between 部门 and 单位 or between years).
 */
export function pairTables(a: readonly AlignedTable[], b: readonly AlignedTable[]): { pairs: [AlignedTable, AlignedTable][]; onlyA: AlignedTable[]; onlyB: AlignedTable[] } {
  const pairs: [AlignedTable, AlignedTable][] = [];
  const usedB = new Set<AlignedTable>();
  const restA: AlignedTable[] = [];
  for (const ta of a) {
    const tb = b.find((x) => !usedB.has(x) && x.key === ta.key);
    if (tb) {
      pairs.push([ta, tb]);
      usedB.add(tb);
    } else restA.push(ta);
  }
  const onlyA: AlignedTable[] = [];
  for (const ta of restA) {
    const sameTypeA = restA.filter((x) => x.type === ta.type);
    const sameTypeB = b.filter((x) => !usedB.has(x) && x.type === ta.type);
    if (ta.type !== 'other' && sameTypeA.length === 1 && sameTypeB.length === 1) {
      pairs.push([ta, sameTypeB[0]!]);
      usedB.add(sameTypeB[0]!);
    } else onlyA.push(ta);
  }
  return { pairs, onlyA, onlyB: b.filter((x) => !usedB.has(x)) };
}

/** A printed cell of a document, for a cross-document finding. */
export interface DocCellRef {
  file: string;
  /** id of the printed table (the piece on its page) */
  table: string;
  tableTitle: string;
  /** body row of the printed table */
  row: number;
  col: number;
  page: number | null;
  bbox: BBox | null;
  text: string;
}

export function cellRef(file: string, t: RecognizedTable, row: number, col: number): DocCellRef {
  const origin = t.origin[row] ?? { table: t.table.id, row };
  const cell: Cell | null | undefined = t.table.rows[row]?.[col];
  return { file, table: origin.table, tableTitle: t.name, row: origin.row, col, page: cell?.page ?? t.table.pages[0] ?? null, bbox: cell?.bbox ?? null, text: cell?.text ?? '' };
}
