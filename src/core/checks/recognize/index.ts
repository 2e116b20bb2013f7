/**
 * Recognition of a whole document: every table's type, columns, blocks and rows; the document's
 * kind (预算/决算), year and table groups (a publication may repeat the set of tables for the
 * department and for each unit, e.g. 部门 and 本级).
 */
import type { ExtractedDocument, GridRow, Table } from '../../model';
import type { MoneyUnit } from '../amount';
import { FEN_PER_UNIT, parseUnit } from '../amount';
import { squash } from '../text';
import type { ColumnInfo } from './columns';
import { analyseColumns, headerText, isAmountText } from './columns';
import type { HeaderTree } from './header';
import { buildHeaderTree } from './header';
import type { Block, RowInfo } from './rows';
import { buildBlocks, readRows } from './rows';
import type { Confidence, TableType } from './table-type';
import { classifyTable } from './table-type';

export type { TableType } from './table-type';
export type { Block, RowInfo } from './rows';
export type { ColumnInfo, Semantic } from './columns';

export interface RecognizedTable {
  table: Table;
  /** position in document.tables */
  index: number;
  type: TableType;
  confidence: Confidence;
  classifiedBy: 'title' | 'code' | 'header' | 'none';
  unit: MoneyUnit;
  /** whether the unit was printed on the table (else the document's usual unit was assumed) */
  unitDeclared: boolean;
  /** printed resolution in 分 (0.01 of the unit, or 1 unit when the table prints whole numbers) */
  resolution: number;
  /**
   * Amount cells ("row:col") printed as whole units in a table that otherwise prints two
   * decimals (WPS prints some totals as 22,118,861 beside 14,348,853.34): such a figure is only
   * known to the unit, so sums involving it get half a unit of slack.
   */
  coarse: ReadonlySet<string>;
  tree: HeaderTree;
  columns: ColumnInfo[];
  blocks: Block[];
  /** table group (部门 / 单位 level) */
  group: string;
  /** no non-zero amount anywhere */
  empty: boolean;
  /** a readable name for messages: the printed title, else the standard name */
  name: string;
  /** year printed in the title */
  year: number | null;
  /**
   * Where each body row of `table` was printed: a table continued over pages and extracted as
   * several tables is read as one (rows appended); findings point back at the printed pieces.
   */
  origin: { table: string; row: number }[];
}

export interface RecognizedDocument {
  doc: ExtractedDocument;
  tables: RecognizedTable[];
  kind: '预算' | '决算' | null;
  year: number | null;
  /** the department's name as printed most often */
  department: string | null;
  groups: string[];
}

/** Header rows a producer left in the body (no amounts, label words only) are read as header. */
function splitHeader(table: Table): { header: GridRow[]; bodyStart: number } {
  if (table.header.length > 0) return { header: table.header, bodyStart: 0 };
  const header: GridRow[] = [];
  let r = 0;
  for (; r < Math.min(table.rows.length, 4); r++) {
    const row = table.rows[r]!;
    const texts = row.filter((c) => c !== null && c.text.trim() !== '').map((c) => c!.text.trim());
    if (texts.length === 0) continue;
    if (texts.some((t) => isAmountText(t) && t.includes('.'))) break;
    if (!texts.some((t) => /合计|总计|小计|项目|科目|名称|编码|代码|支出|收入|经费|预算|决算|拨款|资金|结转|补助|栏次|行次|序号|^[类款项]$/.test(t))) break;
    header.push(row);
  }
  if (header.length === 0 || header.length === table.rows.length) return { header: [], bodyStart: 0 };
  return { header, bodyStart: r };
}

function departmentKey(department: string | null): string | null {
  if (!department) return null;
  const s = squash(department)
    .replace(/^(部门名称|单位名称|编制部门|编制单位|预算单位|预算主管部门|部门|单位)[:：]/, '')
    .replace(/^\d{3,9}/, '');
  return s || null;
}

/** 部门 or 单位 when the title says whose table it is ("部门预算收支总表", "2025年预算单位…"). */
function titleScope(title: string | null): '部门' | '单位' | '' {
  if (!title) return '';
  const t = squash(title).replace(/^\d+[.、]/, '').replace(/^\d{4}年度?/, '');
  if (/^(本级)?部门/.test(t)) return '部门';
  if (/^(预算)?单位|^本级/.test(t)) return '单位';
  return '';
}

function yearOf(text: string | null): number | null {
  if (!text) return null;
  const m = /(20\d{2})年/.exec(text) ?? /\((20\d{2})年度?\)/.exec(text);
  return m ? Number(m[1]) : null;
}

function mostCommon<T>(items: readonly T[]): T | null {
  const counts = new Map<T, number>();
  let best: T | null = null;
  let bestCount = 0;
  for (const item of items) {
    const n = (counts.get(item) ?? 0) + 1;
    counts.set(item, n);
    if (n > bestCount) {
      best = item;
      bestCount = n;
    }
  }
  return best;
}

function rowText(row: GridRow): string {
  return row.map((c) => (c ? squash(c.text) : '')).join('|');
}

/** Whether `next` continues `prev` on the following page(s): no title of its own, same columns. */
function continues(prev: Table, next: Table): boolean {
  if (next.columnCount !== prev.columnCount) return false;
  const title = next.title ? squash(next.title).replace(/[(（]?续(表)?[)）]?$/, '') : '';
  if (title && prev.title && title !== squash(prev.title)) return false;
  if (title && !prev.title) return false;
  if (next.pages[0] > prev.pages[1] + 1 || next.pages[0] < prev.pages[1]) return false;
  if (next.header.length > 0 && prev.header.length > 0) {
    const a = prev.header.map(rowText).join('/');
    const b = next.header.map(rowText).join('/');
    if (a !== b) return false;
  }
  return true;
}

interface LogicalTable {
  table: Table;
  origin: { table: string; row: number }[];
}

/** Joins tables continued over pages that the extraction left apart. */
function logicalTables(tables: readonly Table[]): LogicalTable[] {
  const out: LogicalTable[] = [];
  for (const t of tables) {
    const last = out[out.length - 1];
    if (last && continues(last.table, t)) {
      const headerTexts = new Set(last.table.header.map(rowText));
      const rows = t.rows.map((r) => (headerTexts.has(rowText(r)) || isRepeatedHeader(r, last.table) ? r.map(() => null) : r));
      last.table = {
        ...last.table,
        rows: [...last.table.rows, ...rows],
        pages: [last.table.pages[0], t.pages[1]],
        notes: [...last.table.notes, ...t.notes],
      };
      last.origin.push(...t.rows.map((_, row) => ({ table: t.id, row })));
      continue;
    }
    out.push({ table: t, origin: t.rows.map((_, row) => ({ table: t.id, row })) });
  }
  return out;
}

/** A header line repeated as a body line on a continuation page (no amount, header words only). */
function isRepeatedHeader(row: GridRow, table: Table): boolean {
  if (table.header.length === 0) return false;
  const words = new Set(table.header.flat().filter((c) => c !== null).map((c) => squash(c!.text)).filter((w) => w));
  const texts = row.filter((c) => c !== null && c.text.trim() !== '').map((c) => squash(c!.text));
  return texts.length >= 2 && texts.every((t) => words.has(t));
}

function recognizeTable(table: Table, index: number, fallbackUnit: MoneyUnit | null): Omit<RecognizedTable, 'group' | 'origin'> {
  const { header, bodyStart } = splitHeader(table);
  const shaped: Table = bodyStart > 0 ? { ...table, header, rows: table.rows.map((r, i) => (i < bodyStart ? r.map(() => null) : r)) } : table;
  const tree = buildHeaderTree(shaped.header, table.columnCount);
  let cls = classifyTable(table.title, table.code, headerText(shaped));
  const hText = headerText(shaped);
  if (cls.type === 'basic-detail' && /经济分类|科目编码/.test(hText)) cls = { ...cls, type: 'general-basic' };
  const declared = parseUnit(table.unit) ?? parseUnit(hText) ?? parseUnit(table.notes.join(' '));
  const unit = declared ?? fallbackUnit ?? '万元';
  const columns = analyseColumns(shaped, tree);
  const blocks = buildBlocks(columns);
  for (const block of blocks) {
    const keyCol = block.labelCol ?? block.codeCol ?? block.codeParts[0] ?? block.amountCols[0];
    const top = keyCol !== undefined ? (tree.paths[keyCol]?.[0]?.label ?? '') : '';
    block.sideLabel = top;
    block.side = /收入/.test(top) && !/支出/.test(top) ? 'income' : /支出/.test(top) && !/收入/.test(top) ? 'expense' : null;
  }
  readRows(shaped, blocks, unit);
  // Resolution: whole numbers throughout mean the table is rounded to the unit.
  let decimals = false;
  let any = false;
  let nonZero = false;
  const coarse = new Set<string>();
  for (const block of blocks) {
    for (const c of block.amountCols) {
      const whole: string[] = [];
      let columnDecimals = false;
      shaped.rows.forEach((row, r) => {
        const cell = row[c];
        if (!cell || cell.value === null) return;
        const text = cell.text.replace(/\s+/g, '');
        if (!isAmountText(text)) return;
        any = true;
        if (text.includes('.')) columnDecimals = true;
        else if (cell.value !== 0) whole.push(`${r}:${c}`);
        if (cell.value !== 0) nonZero = true;
      });
      decimals ||= columnDecimals;
      // A "0" is exact however printed; a column of whole numbers (counts, scores) is not an
      // amount printed coarsely: only whole numbers among decimals in the same column are.
      const money = cls.type !== 'performance' && columns[c]?.semantic !== 'quantity' && !/分值|得分|评分/.test(columns[c]?.header ?? '');
      if (columnDecimals && money) for (const k of whole) coarse.add(k);
    }
  }
  const perUnit = FEN_PER_UNIT[unit];
  const resolution = !any || decimals ? perUnit / 100 : perUnit;
  return {
    table,
    index,
    type: cls.type,
    confidence: cls.confidence,
    classifiedBy: cls.by,
    unit,
    unitDeclared: declared !== null,
    resolution,
    coarse,
    tree,
    columns,
    blocks,
    empty: !nonZero,
    name: table.title?.trim() || table.code?.trim() || `表${index + 1}`,
    year: yearOf(table.title),
  };
}

/** Recognises every table of the document. */
export function recognizeDocument(doc: ExtractedDocument): RecognizedDocument {
  const declaredUnits = doc.tables.map((t) => parseUnit(t.unit)).filter((u): u is MoneyUnit => u !== null);
  const fallbackUnit = mostCommon(declaredUnits);
  const logical = logicalTables(doc.tables);
  // A publication repeating its tables for the department and for a unit (部门… / 单位… titles)
  // without telling them apart on the 部门名称 line: the title's scope separates the groups.
  const scopes = logical.map((lt) => titleScope(lt.table.title));
  const scoped = scopes.includes('部门') && scopes.includes('单位');
  const tables: RecognizedTable[] = [];
  let current = 'doc';
  let scope = '';
  logical.forEach((lt, i) => {
    const t = recognizeTable(lt.table, i, fallbackUnit);
    const key = departmentKey(t.table.department);
    if (key) current = key.replace(/本级$/, '·本级');
    if (scoped && scopes[i]) scope = scopes[i]!;
    const group = scoped && scope ? `${current}|${scope}` : current;
    tables.push({ ...t, group, origin: lt.origin });
  });
  const groups = [...new Set(tables.map((t) => t.group))];
  // 部门 and 本级 tables of the same department are different groups, keyed apart above.
  const years = tables.map((t) => t.year).filter((y): y is number => y !== null);
  let year = mostCommon(years);
  const narrativeHead = doc.narrative.slice(0, 8).map((b) => b.text).join('');
  year ??= yearOf(narrativeHead);
  if (year === null) {
    // Titles without a year (决算 公开NN表): the year the narrative names most often.
    const all = doc.narrative.map((b) => b.text).join('') + doc.tables.map((t) => `${t.department ?? ''}${t.notes.join('')}`).join('');
    year = mostCommon([...all.matchAll(/(20\d{2})年度?/g)].map((m) => Number(m[1])));
  }
  const titles = doc.tables.map((t) => t.title ?? '').join('|') + '|' + doc.tables.map((t) => t.code ?? '').join('|');
  const finalHits = (titles.match(/决算|公开\d{2}表/g) ?? []).length + (narrativeHead.match(/决算/g) ?? []).length;
  const budgetHits = (titles.match(/预算/g) ?? []).length + (narrativeHead.match(/预算/g) ?? []).length;
  const kind = finalHits === 0 && budgetHits === 0 ? null : finalHits >= budgetHits ? '决算' : '预算';
  const departments = doc.tables.map((t) => departmentKey(t.department)).filter((d): d is string => d !== null);
  const department = mostCommon(departments.map((d) => d.replace(/本级$/, '')));
  return { doc, tables, kind, year, department, groups };
}

/** The printed resolution of one amount cell in 分: the table's, or one unit for a coarse cell. */
export function cellResolution(t: RecognizedTable, row: number, col: number): number {
  return t.coarse.has(`${row}:${col}`) ? FEN_PER_UNIT[t.unit] : t.resolution;
}

/** All rows of all blocks of a table. */
export function allRows(t: RecognizedTable): RowInfo[] {
  return t.blocks.flatMap((b) => b.rows);
}
