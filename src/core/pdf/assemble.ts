/**
 * From page layouts to the document: each table gets the title, code, department, unit and notes
 * printed around it; a table continuing on the next page is joined to its start (repeated header
 * rows dropped); the remaining lines become narrative paragraphs in reading order.
 */
import type { Cell, GridRow, NarrativeBlock, NarrativeLine, Table } from '../model';
import { classifyField, isNoteText, parseAttributeFields } from '../table/attributes';
import { closeFigureUnitGaps, joinWrappedLines } from '../text/normalize';
import { isNoteStart, isPageNumber, isSubtitle, matchCode, matchDepartment, matchOrganisation, matchUnit, titleScore } from '../table/heading';
import type { PageLayout } from './layout';
import type { TextLine } from './lines';
import { lineSegments } from './lines';
import type { TableBody } from './structure';
import { cellValue } from '../table/header-rows';

interface LineItem {
  kind: 'line';
  line: TextLine;
  page: PageLayout;
  used: boolean;
}

interface TableItem {
  kind: 'table';
  body: TableBody;
  page: PageLayout;
}

type Item = LineItem | TableItem;

interface TableDraft {
  title: string | null;
  code: string | null;
  unit: string | null;
  department: string | null;
  meta: string[];
  notes: string[];
  bodies: TableBody[];
  header: GridRow[];
  rows: GridRow[];
  columnCount: number;
  identifier: boolean[];
  /** current column boundaries (the union over the pages joined so far) */
  xs: number[];
  /** per column: the bottom cell continues on the next page */
  openBottom: boolean[];
  /** nothing but page furniture above it on its page */
  startsPage: boolean;
  /** nothing but its notes below it on its page */
  endsPage: boolean;
}

const top = (item: Item): number => (item.kind === 'line' ? item.line.box.y0 : item.body.box.y0);
const bottom = (item: Item): number => (item.kind === 'line' ? item.line.box.y1 : item.body.box.y1);

function pageItems(page: PageLayout): Item[] {
  const items: Item[] = [
    ...page.lines.map((line): LineItem => ({ kind: 'line', line, page, used: false })),
    ...page.tables.map((body): TableItem => ({ kind: 'table', body, page })),
  ];
  items.sort((a, b) => top(a) - top(b));
  // page numbers in the top or bottom margin are furniture, not text
  for (const item of items) {
    if (item.kind !== 'line') continue;
    const inMargin = item.line.box.y1 < page.height * 0.1 || item.line.box.y0 > page.height * 0.88;
    if (inMargin && isPageNumber(item.line.text)) item.used = true;
  }
  return items;
}

function lineHeight(line: TextLine): number {
  return Math.max(line.box.y1 - line.box.y0, line.fontSize);
}

function medianBodyFontSize(pages: readonly PageLayout[]): number {
  const sizes: number[] = [];
  for (const p of pages) for (const l of p.lines) for (let i = 0; i < Math.min(l.text.length, 40); i++) sizes.push(l.fontSize);
  sizes.sort((a, b) => a - b);
  return sizes[Math.floor(sizes.length / 2)] ?? 10.5;
}

/** Reads title, code, department and unit from the lines just above a table. */
function readHeading(
  items: Item[],
  index: number,
  bodyFont: number,
  /** where the table starts; the page's bottom edge when reading a heading left at the foot of the previous page */
  tableTop?: number,
): Pick<TableDraft, 'title' | 'code' | 'unit' | 'department' | 'meta'> & { startsPage: boolean } {
  const out = { title: null as string | null, code: null as string | null, unit: null as string | null, department: null as string | null };
  const meta: { y: number; text: string }[] = [];
  const zone: LineItem[] = [];
  let edge = tableTop ?? top(items[index]!);
  for (let j = index - 1; j >= 0 && zone.length < 7; j--) {
    const item = items[j]!;
    if (item.kind !== 'line') break;
    if (item.used) continue;
    const gap = edge - bottom(item);
    if (gap > Math.max(3.2 * lineHeight(item.line), 40)) break;
    const t = item.line.text;
    const attribute = lineSegments(item.line).some((s) => matchCode(s.text) || matchUnit(s.text) || matchDepartment(s.text));
    if (!attribute && t.length > 50) break;
    zone.push(item);
    edge = top(item);
  }
  let best: { item: LineItem; score: number } | null = null;
  const unlabelled: string[] = [];
  for (const item of zone) {
    let attribute = false;
    const loose: string[] = [];
    for (const seg of lineSegments(item.line)) {
      const code = matchCode(seg.text);
      const unit = matchUnit(seg.text);
      const department = matchDepartment(seg.text);
      if (code) out.code ??= code;
      if (unit) out.unit ??= unit;
      if (department) out.department ??= department;
      const printed = code || unit || department ? undefined : classifyField(seg.text, false)?.meta;
      if (printed?.length) meta.push(...printed.map((text) => ({ y: item.line.box.y0, text })));
      if (code || unit || department || printed?.length) attribute = true;
      else loose.push(seg.text);
    }
    if (attribute) {
      item.used = true;
      // a name printed beside the unit with no label ("853保定市…局      单位：万元") is the department
      for (const text of loose) if (matchOrganisation(text)) unlabelled.push(text.replace(/\s+/g, ''));
      continue;
    }
    const centre = (item.line.box.x0 + item.line.box.x1) / 2;
    const centred = Math.abs(centre - item.page.width / 2) < item.page.width * 0.12;
    const score = titleScore(item.line.text, item.line.fontSize, bodyFont, centred);
    if (score >= 2 && (!best || score > best.score)) best = { item, score };
  }
  if (!out.department && !unlabelled.length) {
    for (const item of zone) {
      if (item.used || item === best?.item) continue;
      const segments = lineSegments(item.line);
      const names = segments.map((seg) => matchOrganisation(seg.text)).filter((n): n is string => n !== null);
      // alone on its line, a name counts when it carries its code or sits at the left, not as a heading
      const centre = (item.line.box.x0 + item.line.box.x1) / 2;
      const centred = Math.abs(centre - item.page.width / 2) < item.page.width * 0.08;
      if (names.length && (segments.length > 1 || /^\d/.test(names[0]!) || !centred)) {
        unlabelled.push(names[0]!);
        item.used = true;
      }
    }
  }
  out.department ??= unlabelled[0] ?? null;
  if (best) {
    best.item.used = true;
    // a long title wraps: the line just above in the same large type continues it
    const lines = [best.item];
    for (const item of zone) {
      if (item === best.item || item.used || isSubtitle(item.line.text)) continue;
      const first = lines[0]!;
      const last = lines[lines.length - 1]!;
      const sameType = Math.abs(item.line.fontSize - best.item.line.fontSize) < 0.5;
      const h = lineHeight(item.line);
      if (sameType && Math.abs(top(first) - bottom(item)) < 0.8 * h) lines.unshift(item);
      else if (sameType && Math.abs(top(item) - bottom(last)) < 0.8 * h) lines.push(item);
    }
    for (const l of lines) l.used = true;
    out.title = joinWrappedLines(lines.map((l) => l.line.text.replace(/\s+/g, ' ').trim()));
    for (const item of zone) {
      if (!isSubtitle(item.line.text) || item.used) continue;
      item.used = true;
      meta.push({ y: item.line.box.y0, text: item.line.text.trim() });
    }
  }
  const startsPage = items.slice(0, index).every((it) => it.kind === 'line' && (it.used || zone.includes(it)));
  return { ...out, meta: meta.sort((a, b) => a.y - b.y).map((m) => m.text), startsPage };
}

/**
 * Word documents often print the heading fields in the table's own first row
 * ("853保定市莲池区医疗保障局 | 预算年度：2025 | 单位：万元"): such a row describes the table.
 */
function liftHeadingRow(draft: TableDraft): void {
  const inHeader = draft.header.length > 0;
  const first = (inHeader ? draft.header : draft.rows)[0];
  if (!first || first.some((c) => c !== null && c.rowSpan > 1)) return;
  // the heading row's text printed outside its ruled box (or the box alone at the foot of a page)
  if (first.every((c) => c === null || c.text === '')) {
    if (inHeader) draft.header = draft.header.slice(1);
    else draft.rows = draft.rows.slice(1);
    return;
  }
  const attrs = parseAttributeFields(first.filter((c): c is Cell => c !== null).map((c) => c.text));
  if (!attrs || !(attrs.department || attrs.unit || attrs.code)) return;
  if (inHeader) draft.header = draft.header.slice(1);
  else draft.rows = draft.rows.slice(1);
  draft.code ??= attrs.code ?? null;
  draft.unit ??= attrs.unit ?? null;
  draft.department ??= attrs.department ?? null;
  draft.meta.push(...(attrs.meta ?? []));
}

/** Footnotes printed right below a table: 注：…, 本表无数据, and their continuation lines. */
function readNotes(items: Item[], index: number, bodyFont: number, from?: { edge: number; right: number }): { notes: string[]; endsPage: boolean } {
  const notes: string[][] = [];
  const table = items[index];
  let edge = from?.edge ?? bottom(table!);
  let right = from?.right ?? (table?.kind === 'table' ? table.body.box.x1 : 0);
  let previous: TextLine | null = null;
  let j = index + 1;
  for (; j < items.length; j++) {
    const item = items[j]!;
    if (item.kind !== 'line') break;
    if (item.used) continue;
    const h = lineHeight(item.line);
    const gap = top(item) - edge;
    const t = item.line.text.trim();
    // the next table's title ends the notes, however close it is printed
    const centre = (item.line.box.x0 + item.line.box.x1) / 2;
    const centred = Math.abs(centre - item.page.width / 2) < item.page.width * 0.12;
    if (titleScore(t, item.line.fontSize, bodyFont, centred) >= 4) break;
    // numbered notes: "2. …"; "（1）…" inside a note's text is not a new note, so only Arabic numbers
    const numbered = /^[0-9０-９]+\s*[.、．]/.test(t);
    const tight = notes.length > 0 && gap <= 1.2 * h && !matchCode(t) && !matchUnit(t);
    // a wrapped line continues its note; a sentence that stopped short of the margin ended it
    const stoppedShort = previous !== null && /[。；！？]$/.test(previous.text) && previous.box.x1 < right - 2.5 * previous.fontSize;
    const labelled = /^(?:注|备注|说明)\s*[:：0-9０-９.、]/.test(t);
    if (tight && !stoppedShort && !numbered && !labelled) {
      notes[notes.length - 1]!.push(t);
    } else if ((isNoteStart(t) || (notes.length > 0 && numbered)) && gap <= Math.max(3 * h, 36)) {
      notes.push([t]);
    } else if (tight && isNoteText(t)) {
      // a remark about the table on a line of its own ("本表仅含当年财政拨款安排的支出。")
      notes.push([t]);
    } else {
      break;
    }
    item.used = true;
    edge = bottom(item);
    right = Math.max(right, item.line.box.x1);
    previous = item.line;
  }
  const endsPage = items.slice(j).every((it) => it.kind === 'line' && it.used);
  return { notes: notes.map((lines) => joinWrappedLines(lines)), endsPage };
}

function rowTexts(row: GridRow): string {
  return row.map((c) => (c ? c.text : '\u0000')).join('\u0001');
}

/**
 * The column boundaries of a table and its continuation together: the same table printed on the
 * next page has the same outer edges, and its inner borders are the same or a few more or fewer
 * (a page of merged cells hides some). Null when the edges differ.
 */
function unionBoundaries(a: readonly number[], b: readonly number[], tol = 6): number[] | null {
  if (Math.abs(a[0]! - b[0]!) > tol || Math.abs(a[a.length - 1]! - b[b.length - 1]!) > tol) return null;
  const out = [...a];
  for (const x of b) if (!out.some((y) => Math.abs(x - y) <= tol)) out.push(x);
  return out.sort((x, y) => x - y);
}

/** Index of each boundary of `xs` among `union`. */
function indexIn(union: readonly number[], xs: readonly number[], tol = 6): number[] {
  return xs.map((x) => union.findIndex((u) => Math.abs(u - x) <= tol));
}

/** Per-column flags carried over to a finer set of columns. */
function spreadFlags(flags: readonly boolean[], map: readonly number[], columnCount: number): boolean[] {
  const out = Array<boolean>(columnCount).fill(false);
  flags.forEach((flag, c) => {
    for (let k = map[c]!; k < map[c + 1]!; k++) out[k] = flag;
  });
  return out;
}

/** Re-expresses a continuation row on the original's columns (spans widened where boundaries are missing). */
function remapRow(row: GridRow, map: readonly number[], columnCount: number): GridRow {
  const out: GridRow = Array(columnCount).fill(null);
  row.forEach((cell, c) => {
    if (!cell) return;
    const from = map[c]!;
    const to = map[c + cell.colSpan]!;
    out[from] = { ...cell, colSpan: to - from };
  });
  return out;
}

function asBodyRow(row: GridRow, identifier: readonly boolean[]): GridRow {
  return row.map((c, i) => (c ? { ...c, value: cellValue(c.text, identifier[i] ?? false) } : null));
}

/**
 * A merged cell cut by the page break (no bottom border on one page, no top border on the next)
 * is one cell: the fragment on the new page is folded into the one it continues.
 */
function joinSplitCells(rows: GridRow[], first: GridRow, openBottom: readonly boolean[], openTop: readonly boolean[], identifier: readonly boolean[]): void {
  const last = rows.length - 1;
  first.forEach((cell, c) => {
    if (!cell) return;
    for (let k = c; k < c + cell.colSpan; k++) if (!openBottom[k] || !openTop[k]) return;
    for (let r = last; r >= 0; r--) {
      const anchor = rows[r]![c];
      if (!anchor) continue;
      if (anchor.colSpan !== cell.colSpan || r + anchor.rowSpan <= last) return;
      // some producers print a cut cell's text on both pages
      const text = cell.text === anchor.text ? anchor.text : joinWrappedLines([anchor.text, cell.text]);
      rows[r]![c] = { ...anchor, text, value: cellValue(text, identifier[c] ?? false), rowSpan: anchor.rowSpan + cell.rowSpan };
      first[c] = null;
      return;
    }
  });
}

/**
 * A row broken by the page break (Word and Writer let rows break): the new page starts with a
 * row holding only the rest of some texts — no code, no 序号, no figures — right under a complete
 * row. Its texts finish that row's cells.
 */
function joinRowFragment(rows: GridRow[], incoming: GridRow[], identifier: readonly boolean[]): boolean {
  const last = rows[rows.length - 1];
  const first = incoming[0];
  if (!last || !first) return false;
  const filled = first.map((c, i) => (c && c.text ? i : -1)).filter((i) => i >= 0);
  if (filled.length === 0 || filled.some((i) => first[i]!.rowSpan > 1 || first[i]!.value !== null)) return false;
  // empty merged cells continuing down from this row must be able to start on the next one
  const spanning = first.map((c, i) => (c && c.rowSpan > 1 ? i : -1)).filter((i) => i >= 0);
  if (spanning.some((i) => !incoming[1] || incoming[1][i] !== null)) return false;
  if (filled.some((i) => identifier[i])) return false;
  // every fragment text must continue a cell of the row above that has text
  const anchors = filled.map((i) => last[i]);
  if (anchors.some((c) => !c || !c.text)) return false;
  const labelled = last.some((c, i) => c !== null && c.text !== '' && (identifier[i] || c.value !== null));
  if (!labelled) {
    // a text-only row (forms): only the overflow of some of its cells, each shorter than what it continues
    const lastFilled = last.filter((c) => c !== null && c.text !== '').length;
    if (filled.length >= lastFilled || filled.some((i) => first[i]!.text.length >= last[i]!.text.length)) return false;
  }
  filled.forEach((i) => {
    const cell = last[i]!;
    const text = joinWrappedLines([cell.text, first[i]!.text]);
    last[i] = { ...cell, text, value: cellValue(text, identifier[i] ?? false), confidence: 'inferred-merge' };
  });
  for (const i of spanning) incoming[1]![i] = { ...first[i]!, rowSpan: first[i]!.rowSpan - 1 };
  return true;
}

/** Joins a continuation page's table to the table it continues, if the two fit together. */
function tryContinue(prev: TableDraft, next: TableDraft): boolean {
  if (next.code && next.code !== prev.code) return false;
  if (next.title && next.title !== prev.title) return false;
  if (!prev.endsPage || !next.startsPage) return false;
  const prevBody = prev.bodies[prev.bodies.length - 1]!;
  const nextBody = next.bodies[0]!;
  if (nextBody.page !== prevBody.page + 1) return false;
  if (prev.header.length === 0 && prev.rows.length === 0) {
    // only the table's frame was printed on the previous page: the table really starts here
    prev.header = next.header;
    prev.rows = next.rows;
    prev.columnCount = next.columnCount;
    prev.identifier = next.identifier;
    prev.xs = nextBody.xs;
    prev.openBottom = nextBody.openBottom;
    prev.bodies = [...next.bodies];
    prev.notes.push(...next.notes);
    prev.endsPage = next.endsPage;
    return true;
  }
  const headerTexts = new Set(prev.header.map(rowTexts));
  // the header printed again on the new page; rows after it that looked like header (the rest of
  // a row broken by the page break) are body rows
  let repeatedRows = 0;
  while (repeatedRows < next.header.length && headerTexts.has(rowTexts(next.header[repeatedRows]!))) repeatedRows++;
  const repeatedHeader = repeatedRows > 0 && (repeatedRows === next.header.length || repeatedRows >= prev.header.length);
  let union = unionBoundaries(prev.xs, nextBody.xs);
  if (!union && repeatedHeader && next.columnCount === prev.columnCount) union = prev.xs;
  if (!union) return false;
  const added = union.length - Math.max(prev.xs.length, nextBody.xs.length);
  if (!repeatedHeader && added > Math.max(1, (union.length - 1) / 3)) return false;
  if (union.length > prev.xs.length) {
    // the continuation shows borders this page hid: widen what is already joined
    const map = indexIn(union, prev.xs);
    const n = union.length - 1;
    prev.header = prev.header.map((r) => remapRow(r, map, n));
    prev.rows = prev.rows.map((r) => remapRow(r, map, n));
    prev.identifier = spreadFlags(prev.identifier, map, n);
    prev.openBottom = spreadFlags(prev.openBottom, map, n);
    prev.columnCount = n;
    prev.xs = union;
  }
  const map = repeatedHeader && union === prev.xs && nextBody.xs.length === prev.xs.length ? prev.xs.map((_, i) => i) : indexIn(union, nextBody.xs);
  const fit = (r: GridRow): GridRow => remapRow(r, map, prev.columnCount);
  const carried = next.header.slice(repeatedHeader ? repeatedRows : 0).map((r) => asBodyRow(fit(r), prev.identifier));
  const incoming = [...carried, ...next.rows.map(fit)];
  if (carried.length && incoming[0]) {
    joinSplitCells(prev.rows, incoming[0], prev.openBottom, spreadFlags(nextBody.openTop, map, prev.columnCount), prev.identifier);
  }
  if (joinRowFragment(prev.rows, incoming, prev.identifier)) incoming.shift();
  prev.rows.push(...incoming);
  prev.bodies.push(...next.bodies);
  prev.openBottom = spreadFlags(nextBody.openBottom, map, prev.columnCount);
  prev.notes.push(...next.notes.filter((n) => !prev.notes.includes(n)));
  prev.unit ??= next.unit;
  prev.department ??= next.department;
  prev.endsPage = next.endsPage;
  return true;
}

/** Paragraphs from the lines no table claimed, in reading order, joined across page breaks. */
function buildNarrative(pages: readonly { page: PageLayout; lines: TextLine[] }[]): NarrativeBlock[] {
  const blocks: { lines: { page: PageLayout; line: TextLine }[] }[] = [];
  let last: { page: PageLayout; line: TextLine; left: number; right: number } | null = null;
  for (const { page, lines } of pages) {
    if (lines.length === 0) continue;
    const lefts = lines.map((l) => l.box.x0).sort((a, b) => a - b);
    const rights = lines.map((l) => l.box.x1).sort((a, b) => a - b);
    const left = lefts[Math.floor(lefts.length * 0.1)]!;
    const right = rights[Math.floor(rights.length * 0.9)]!;
    lines.forEach((line, i) => {
      const em = line.fontSize;
      const indented = line.box.x0 > left + 1.2 * em;
      const heading = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[、.．])/.test(line.text);
      let startsNew = true;
      if (last) {
        // a line that stops well before the margin ends its paragraph; WPS also breaks a line a
        // few ems early when the next number does not fit, so "well before" means a fifth of the width
        const prevShort = last.line.box.x1 < last.right - Math.max(4 * em, 0.2 * (last.right - last.left));
        const leaders = /(?:…|\.{3}|·{3})[\s\d]*$/.test(last.line.text);
        const sizeChange = Math.abs(last.line.fontSize - em) > 0.15 * em;
        const prevEnds = /[。！？：；]$/.test(last.line.text);
        if (i === 0 && last.page !== page) {
          startsNew = indented || heading || prevEnds || prevShort || sizeChange || leaders;
        } else {
          const gap = line.box.y0 - last.line.box.y1;
          // a numbered heading starts anew after a finished sentence, or when it is a short line of its own
          const lineShort = line.box.x1 < right - Math.max(4 * em, 0.2 * (right - left));
          startsNew = gap > 0.9 * em || indented || prevShort || sizeChange || leaders || (heading && (prevEnds || lineShort));
        }
      }
      if (startsNew || !blocks.length) blocks.push({ lines: [] });
      blocks[blocks.length - 1]!.lines.push({ page, line });
      last = { page, line, left, right };
    });
  }
  return blocks.map(({ lines }) => {
    let text = '';
    const spans: NarrativeLine[] = [];
    for (const { page, line } of lines) {
      const before = text;
      const printed = closeFigureUnitGaps(line.text);
      text = joinWrappedLines([text, printed]);
      const start = text.length - printed.trim().length;
      spans.push({ page: page.pageNumber, bbox: page.toUser(line.box), start: Math.max(start, before.length), end: text.length });
    }
    const first = lines[0]!;
    const firstPage = lines.filter((l) => l.page === first.page);
    const box = firstPage.reduce((b, l) => ({ x0: Math.min(b.x0, l.line.box.x0), y0: Math.min(b.y0, l.line.box.y0), x1: Math.max(b.x1, l.line.box.x1), y1: Math.max(b.y1, l.line.box.y1) }), { ...first.line.box });
    return { page: first.page.pageNumber, bbox: first.page.toUser(box), text, lines: spans };
  });
}

export function assembleDocument(pages: readonly PageLayout[]): { tables: Table[]; narrative: NarrativeBlock[] } {
  const bodyFont = medianBodyFontSize(pages);
  const drafts: TableDraft[] = [];
  const pageItemsList = pages.map(pageItems);
  pageItemsList.forEach((items, pageIndex) => {
    items.forEach((item, index) => {
      if (item.kind !== 'table') return;
      let heading = readHeading(items, index, bodyFont);
      // a title printed at the foot of the previous page, its table starting on this one
      const previousItems = pageItemsList[pageIndex - 1];
      if (!heading.title && heading.startsPage && previousItems?.length) {
        const last = previousItems[previousItems.length - 1]!;
        if (last.kind === 'line' && !last.used) {
          const carried = readHeading(previousItems, previousItems.length, bodyFont, bottom(last) + 1);
          if (carried.title) heading = { ...carried, startsPage: true };
        }
      }
      const { notes, endsPage } = readNotes(items, index, bodyFont);
      const body = item.body;
      const draft: TableDraft = {
        title: heading.title,
        code: heading.code,
        unit: heading.unit,
        department: heading.department,
        meta: [...heading.meta],
        notes,
        bodies: [body],
        header: body.header,
        rows: [...body.rows],
        columnCount: body.columnCount,
        identifier: body.identifier,
        xs: body.xs,
        openBottom: body.openBottom,
        startsPage: heading.startsPage,
        endsPage,
      };
      liftHeadingRow(draft);
      const prev = drafts[drafts.length - 1];
      if (!(prev && tryContinue(prev, draft))) drafts.push(draft);
    });
    // a table that fills its page may have its footnote alone at the top of the next one
    const last = drafts[drafts.length - 1];
    const nextItems = pageItemsList[pageIndex + 1];
    const lastBody = last?.bodies[last.bodies.length - 1];
    if (last && nextItems && lastBody?.page === pages[pageIndex]!.pageNumber && last.endsPage && last.notes.length === 0) {
      const first = nextItems.find((it) => !(it.kind === 'line' && it.used));
      if (first?.kind === 'line' && isNoteStart(first.line.text)) {
        const carried = readNotes(nextItems, nextItems.indexOf(first) - 1, bodyFont, { edge: top(first), right: lastBody.box.x1 });
        last.notes.push(...carried.notes);
      }
    }
  });
  const tables: Table[] = drafts.map((d, i) => ({
    id: `t${i + 1}`,
    title: d.title,
    code: d.code,
    unit: d.unit,
    department: d.department,
    ...(d.meta.length ? { meta: d.meta } : {}),
    pages: [d.bodies[0]!.page, d.bodies[d.bodies.length - 1]!.page],
    notes: d.notes,
    columnCount: d.columnCount,
    header: d.header,
    rows: d.rows,
  }));
  const narrative = buildNarrative(
    pageItemsList.map((items, i) => ({
      page: pages[i]!,
      lines: items.filter((it): it is LineItem => it.kind === 'line' && !it.used).map((it) => it.line),
    })),
  );
  return { tables, narrative };
}
