/**
 * DOCX → ExtractedDocument. Reads word/document.xml directly (not through an HTML converter,
 * which would flatten merged cells): every body table becomes a Table, the paragraphs just above
 * it give its title/code/部门/单位, "注：" paragraphs just below are its notes, a table the author
 * split in two (same header, or a headerless continuation) is joined, and every other paragraph
 * is narrative in reading order. Locations: docs/office-formats.md.
 */
import { DocumentError } from '../core/errors';
import { titleScore } from '../core/table/heading';
import type { ExtractedDocument, NarrativeBlock, Table } from '../core/model';
import { SCHEMA_VERSION } from '../core/model';
import type { TableAttributes } from '../core/table/attributes';
import { isContinuationMarker, isNoteContinuation, isNoteText, mergeAttributes, parseAttributeLine, parseTitleLine } from '../core/table/attributes';
import type { OfficePackage } from './container';
import { readPartText } from './container';
import { docxTableGrid } from './docx-table';
import { W_NS, isW, paragraphRawText } from './docx-text';
import type { OfficeExtractOptions } from './options';
import { throwIfCancelled } from './options';
import type { BuiltTable } from './table-build';
import { asBodyRows, buildTable, headerTexts, holdsFigures } from './table-build';
import type { XmlElement } from './xml';
import { parseXml } from './xml';
import { collapseSpaces } from './text';

const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
/** Formatting and drawings: a large share of document.xml that nothing here reads. */
const UNUSED = new Set(['rPr', 'tblPr', 'sectPr', 'tcBorders', 'shd', 'tcW', 'bookmarkStart', 'bookmarkEnd', 'proofErr', 'drawing', 'pict', 'object', 'spacing', 'ind', 'rFonts']);

function notNeeded(uri: string, local: string): boolean {
  return uri === MC_NS || (W_NS.has(uri) && UNUSED.has(local));
}

interface ParagraphItem {
  kind: 'p';
  index: number;
  raw: string;
  text: string;
  /** centred (w:jc), as titles are */
  centred: boolean;
}

function isCentred(p: XmlElement): boolean {
  const pPr = p.children.find((c): c is XmlElement => typeof c !== 'string' && isW(c, 'pPr'));
  const jc = pPr?.children.find((c): c is XmlElement => typeof c !== 'string' && isW(c, 'jc'));
  return jc?.attrs['val'] === 'center';
}

interface TableItem {
  kind: 'tbl';
  el: XmlElement;
  index: number;
}

type BodyItem = ParagraphItem | TableItem;

/** Numbers every w:p and w:tbl in document order (pre-order), as the source locations promise. */
function numberElements(root: XmlElement): Map<XmlElement, number> {
  const numbers = new Map<XmlElement, number>();
  let paragraphs = 0;
  let tables = 0;
  const stack: XmlElement[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    if (isW(el, 'p')) numbers.set(el, paragraphs++);
    else if (isW(el, 'tbl')) numbers.set(el, tables++);
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i]!;
      if (typeof c !== 'string') stack.push(c);
    }
  }
  return numbers;
}

/** Body-level paragraphs and tables in order, looking through content controls. */
function bodyItems(body: XmlElement, numbers: Map<XmlElement, number>): BodyItem[] {
  const items: BodyItem[] = [];
  const visit = (el: XmlElement): void => {
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      if (isW(c, 'p')) {
        const raw = paragraphRawText(c);
        items.push({ kind: 'p', index: numbers.get(c)!, raw, text: collapseSpaces(raw), centred: isCentred(c) });
      } else if (isW(c, 'tbl')) items.push({ kind: 'tbl', el: c, index: numbers.get(c)! });
      else if (isW(c, 'sdt') || isW(c, 'sdtContent') || isW(c, 'customXml')) visit(c);
    }
  };
  visit(body);
  return items;
}

/**
 * Takes the title/attribute paragraphs directly above a table (walking up from it) and returns
 * how many of the trailing `pending` paragraphs they are.
 */
function takeCaption(pending: readonly ParagraphItem[], into: TableAttributes): number {
  let taken = 0;
  let titled = false;
  for (let i = pending.length - 1; i >= 0 && pending.length - i <= 8; i--) {
    const p = pending[i]!;
    if (!p.text || isContinuationMarker(p.text)) {
      taken = pending.length - i;
      continue;
    }
    const attrs = parseAttributeLine(p.raw);
    if (attrs) {
      mergeAttributes(into, attrs);
      taken = pending.length - i;
      continue;
    }
    const title = titled ? undefined : parseTitleLine(p.raw);
    // as for PDF: title words (…表, 预算, 情况…) or a centred line with a year
    if (!title || titleScore(title.title, 1, 1, p.centred) < 2) break;
    titled = true;
    into.title = title.title;
    mergeAttributes(into, title.attributes);
    taken = pending.length - i;
  }
  // Empty paragraphs above the caption stay where they were (they are dropped as narrative anyway).
  while (taken > 0 && !pending[pending.length - taken]!.text) taken--;
  return taken;
}

interface Assembled {
  built: BuiltTable;
  attributes: TableAttributes;
  /** nothing but empty paragraphs, 续表 or a caption lay between this table and the previous one */
  adjacent: boolean;
}

function sameCaption(a: TableAttributes, b: TableAttributes): boolean {
  return (!b.title || b.title === a.title) && (!b.code || b.code === a.code);
}

/**
 * Joins a Word table to the previous one when the author split one table in two: nothing but
 * blank lines, a page break or 续表 between them, the same columns, and either the same header
 * repeated or no header at all (its first rows already hold figures). Rows the header rule took
 * for header after a repeated header (a continuation starting with rows without figures) are
 * body rows of the joined table. Returns false when the tables do not fit together.
 */
function tryContinue(prev: Assembled, next: Assembled): boolean {
  if (!next.adjacent || prev.built.columnCount !== next.built.columnCount) return false;
  if (!sameCaption(prev.attributes, next.attributes) || prev.built.notes.length) return false;
  const n = prev.built.header.length;
  const repeated = n > 0 && next.built.header.length >= n && headerTexts({ header: next.built.header.slice(0, n) }) === headerTexts(prev.built);
  if (!repeated && !next.built.header.some(holdsFigures)) return false;
  const carried = asBodyRows(next.built.header.slice(repeated ? n : 0), prev.built.identifier);
  prev.built.rows.push(...carried, ...next.built.rows);
  prev.built.notes.push(...next.built.notes);
  return true;
}

function toTable(a: Assembled, n: number): Table {
  return {
    id: `t${n}`,
    title: a.attributes.title ?? null,
    code: a.attributes.code ?? null,
    unit: a.attributes.unit ?? null,
    department: a.attributes.department ?? null,
    ...(a.attributes.meta?.length ? { meta: a.attributes.meta } : {}),
    pages: [1, 1],
    notes: a.built.notes,
    columnCount: a.built.columnCount,
    header: a.built.header,
    rows: a.built.rows,
  };
}

export async function extractDocx(pkg: OfficePackage, options: OfficeExtractOptions): Promise<ExtractedDocument> {
  const xml = await readPartText(pkg.zip, 'word/document.xml');
  throwIfCancelled(options.signal);
  let root: XmlElement;
  try {
    root = parseXml(xml, { skip: notNeeded, keepText: (parent) => parent.local === 't' });
  } catch {
    throw new DocumentError('office-damaged', 'word/document.xml');
  }
  const body = root.children.find((c): c is XmlElement => typeof c !== 'string' && isW(c, 'body'));
  if (!isW(root, 'document') || !body) throw new DocumentError('not-office', 'word/document.xml');
  const items = bodyItems(body, numberElements(root));
  throwIfCancelled(options.signal);

  const narrative: NarrativeBlock[] = [];
  const tables: Assembled[] = [];
  let pending: ParagraphItem[] = [];
  let sinceTable = 0; // narrative paragraphs emitted since the last table
  const flush = (upTo: number): void => {
    for (const p of pending.slice(0, upTo)) {
      if (!p.text) continue;
      narrative.push({ page: 1, bbox: [0, p.index, 1, p.index + 1], text: p.text, source: { kind: 'docx', paragraph: p.index } });
      sinceTable++;
    }
    pending = pending.slice(upTo);
  };

  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind === 'p') {
      pending.push(item);
      continue;
    }
    const attributes: TableAttributes = {};
    const caption = takeCaption(pending, attributes);
    flush(pending.length - caption);
    const adjacent = sinceTable === 0 && tables.length > 0;
    pending = [];
    const built = buildTable(docxTableGrid({ tbl: item.el, tableIndex: item.index }));
    mergeAttributes(attributes, built.attributes);
    // Footnotes: the 注 paragraphs right below the table (blank paragraphs may separate them).
    let j = i + 1;
    while (j < items.length) {
      const next = items[j]!;
      if (next.kind !== 'p') break;
      const continued = built.notes.length > 0 && isNoteContinuation(next.text);
      if (next.text && !isNoteText(next.text) && !continued) break;
      if (next.text) built.notes.push(next.text);
      j++;
    }
    i = j - 1;
    const assembled: Assembled = { built, attributes, adjacent };
    const prev = tables[tables.length - 1];
    if (!(prev && tryContinue(prev, assembled))) tables.push(assembled);
    sinceTable = 0;
    throwIfCancelled(options.signal);
  }
  flush(pending.length);
  options.onProgress?.(1, 1);
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { path: options.path, sha256: options.sha256, pages: 1, format: 'docx' },
    narrative,
    tables: tables.map((t, n) => toTable(t, n + 1)),
  };
}
