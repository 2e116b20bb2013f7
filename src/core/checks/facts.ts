/**
 * Named figures read from recognised tables ("facts"), the vocabulary of the cross-table relation
 * catalog and of narrative matching. Keys:
 *   total@<semantic>          the table's total row in a column (total@total, total@basic …)
 *   code:<code>@<semantic>    a code row (class rows summed from their items when not printed)
 *   income.this-year / income.grand / income.item:<concept> / expense.this-year / expense.grand
 *   expense.class:<code>      (收支总表 sides; @<semantic> for the other columns)
 *   3p.<part>[@budget|@actual], admin.total, project.total, basic.personnel, basic.public,
 *   assets.total, procurement.total
 */
import { functionClassByName } from './dictionary/catalogue';
import type { CodeCatalogue } from './dictionary/catalogue';
import type { Block, RecognizedDocument, RecognizedTable, RowInfo } from './recognize';
import { cellResolution } from './recognize';
import type { Semantic } from './recognize/columns';
import type { TableType } from './recognize/table-type';
import { squash } from './text';

export interface Fact {
  key: string;
  /** 分 */
  value: number;
  t: RecognizedTable;
  /** body row and grid column of the printed figure (for derived facts: the first summand) */
  row: number;
  col: number;
  /** how a reader names it: "支出表「合计」行「基本支出」" */
  label: string;
  /** summed from printed rows rather than printed itself */
  derived: boolean;
  /** printed cell empty (read as 0) */
  blank: boolean;
  /** how exactly the figure is known, in 分 (a whole-unit print in a table of decimals is coarser) */
  resolution: number;
}

export interface TableFacts {
  t: RecognizedTable;
  facts: Map<string, Fact>;
}

function columnSemanticKey(t: RecognizedTable, col: number): string | null {
  const info = t.columns[col];
  if (!info || info.role !== 'amount' || info.breakdown) return null;
  const sem: Semantic | null = info.semantic;
  if (!sem || sem === 'quantity') return null;
  return info.qualifier ? `${sem}@${info.qualifier}` : sem;
}

function add(facts: Map<string, Fact>, t: RecognizedTable, key: string, row: RowInfo, col: number, label: string): void {
  if (facts.has(key)) return;
  const v = row.values.get(col);
  facts.set(key, { key, value: v ?? 0, t, row: row.row, col, label, derived: false, blank: v === null || v === undefined, resolution: cellResolution(t, row.row, col) });
}

/** The resolution of a sum: the table's, plus a unit's slack for each coarse summand. */
export function summedResolution(resolutions: readonly number[], base: number): number {
  return resolutions.reduce((acc, r) => (r > base ? acc + r : acc), base);
}

function rowsOf(block: Block): RowInfo[] {
  return block.rows.filter((r) => r.kind !== 'numbers' && r.kind !== 'blank');
}

/** The block's main amount column: the first column meaning "total", else the first amount column. */
function mainCol(t: RecognizedTable, block: Block): number | null {
  const cols = block.amountCols.filter((c) => columnSemanticKey(t, c) !== null || t.columns[c]?.semantic === 'total');
  return cols.find((c) => t.columns[c]?.semantic === 'total' && !t.columns[c]?.qualifier) ?? cols[0] ?? block.amountCols[0] ?? null;
}

function rowFacts(t: RecognizedTable, block: Block, row: RowInfo, prefix: string, facts: Map<string, Fact>, rowLabel: string): void {
  const main = mainCol(t, block);
  if (main !== null) add(facts, t, prefix, row, main, `${t.name}「${rowLabel}」`);
  for (const c of block.amountCols) {
    const sem = columnSemanticKey(t, c);
    if (!sem) continue;
    add(facts, t, `${prefix}@${sem}`, row, c, `${t.name}「${rowLabel}」行「${t.columns[c]!.header}」`);
  }
}

/** Function-class figures of code tables, summing printed items when the class row is not printed. */
function codeFacts(t: RecognizedTable, block: Block, facts: Map<string, Fact>): void {
  const rows = rowsOf(block).filter((r) => r.kind === 'code');
  const seen = new Set<string>();
  for (const r of rows) {
    const key = r.code!;
    if (seen.has(key)) {
      // Repeated code (one line per 政府经济分类): the code's figure is their sum.
      for (const c of block.amountCols) {
        const sem = columnSemanticKey(t, c);
        for (const k of [`code:${key}`, sem ? `code:${key}@${sem}` : null]) {
          const f = k ? facts.get(k) : undefined;
          if (f && f.col === c) {
            f.value += r.values.get(c) ?? 0;
            f.derived = true;
          }
        }
      }
      continue;
    }
    seen.add(key);
    rowFacts(t, block, r, `code:${key}`, facts, `${r.code} ${r.label}`);
  }
  // Class and 款 figures summed from printed items where the parent line is not printed.
  const printed = new Set(rows.map((r) => r.code!));
  const leaves = rows.filter((r) => !rows.some((x) => x !== r && x.code!.length < r.code!.length && r.code!.startsWith(x.code!)));
  for (const len of [3, 5]) {
    const groups = new Map<string, RowInfo[]>();
    for (const r of leaves) {
      if (r.code!.length <= len) continue;
      const parent = r.code!.slice(0, len);
      if (printed.has(parent)) continue;
      const list = groups.get(parent) ?? [];
      list.push(r);
      groups.set(parent, list);
    }
    for (const [parent, items] of groups) {
      const cols = block.amountCols;
      const main = mainCol(t, block);
      for (const c of cols) {
        const sem = c === main ? '' : columnSemanticKey(t, c);
        if (sem === null) continue;
        const key = sem ? `code:${parent}@${sem}` : `code:${parent}`;
        if (facts.has(key)) continue;
        const value = items.reduce((a, r) => a + (r.values.get(c) ?? 0), 0);
        const resolution = summedResolution(items.map((r) => cellResolution(t, r.row, c)), t.resolution);
        facts.set(key, { key, value, t, row: items[0]!.row, col: c, label: `${t.name}中 ${parent} 各科目之和`, derived: true, blank: false, resolution });
      }
    }
  }
}

const INCOME_ITEMS: { concept: string; re: RegExp }[] = [
  { concept: 'fiscal', re: /^财政拨款(收入)?$/ },
  { concept: 'general', re: /^一般公共预算(拨款|财政拨款|资金)?(收入)?$/ },
  { concept: 'fund', re: /^政府性基金(预算)?(拨款|财政拨款)?(收入)?$/ },
  { concept: 'soe', re: /^国有资本经营(预算)?(拨款|财政拨款)?(收入)?$/ },
  { concept: 'special', re: /^财政专户管理资金(收入)?$/ },
  { concept: 'unit-funds', re: /^单位资金(收入)?$/ },
  { concept: 'business', re: /^事业收入$/ },
  { concept: 'operating', re: /^(事业单位)?经营收入$/ },
  { concept: 'other-income', re: /^其他收入$/ },
  { concept: 'carry', re: /^(上年结转|年初结转|年初财政拨款结转)/ },
];

/** 收支总表 / 财政拨款收支表 sides. */
function summaryFacts(t: RecognizedTable, catalogue: CodeCatalogue, facts: Map<string, Fact>): void {
  t.blocks.forEach((block, i) => {
    const side = block.side ?? (t.blocks.length >= 2 ? (i === 0 ? 'income' : 'expense') : null);
    if (!side) return;
    const classRows: { r: RowInfo; code: string; exact: boolean }[] = [];
    for (const r of rowsOf(block)) {
      const core = r.core;
      const label = r.label.replace(/\s+/g, '');
      if (r.kind === 'total' || /^本年(收入|支出)$/.test(core)) {
        if (r.total === 'grand' || /总计$/.test(core)) rowFacts(t, block, r, `${side}.grand`, facts, label);
        else if (/^(本年(收入|支出)(合计)?|(收入|支出)合计|合计)$/.test(core)) rowFacts(t, block, r, `${side}.this-year`, facts, label);
        continue;
      }
      if (r.kind === 'breakdown') continue;
      if (side === 'income') {
        const item = INCOME_ITEMS.find((x) => x.re.test(core));
        if (item) rowFacts(t, block, r, `income.item:${item.concept}`, facts, label);
      } else {
        const cls = functionClassByName(core, catalogue);
        if (cls) classRows.push({ r, code: cls, exact: sameCatalogueName(core, cls, catalogue) });
        else if (/^(年末|年终)结转/.test(core)) rowFacts(t, block, r, 'expense.carry-out', facts, label);
      }
    }
    // A row printed with the class's current name wins over a former name (医疗卫生与计划生育).
    classRows.sort((a, b) => Number(b.exact) - Number(a.exact));
    for (const { r, code } of classRows) rowFacts(t, block, r, `expense.class:${code}`, facts, r.label.replace(/\s+/g, ''));
  });
  // Without carry-over lines (上海: 收入总计/支出总计 only), the 总计 is this year's total.
  for (const side of ['income', 'expense'] as const) {
    const carry = facts.get(side === 'income' ? 'income.item:carry' : 'expense.carry-out');
    if (carry && carry.value !== 0) continue;
    for (const [key, fact] of [...facts]) {
      if (!key.startsWith(`${side}.grand`)) continue;
      const alias = key.replace(`${side}.grand`, `${side}.this-year`);
      if (!facts.has(alias)) facts.set(alias, { ...fact, key: alias });
    }
  }
}

function sameCatalogueName(core: string, code: string, catalogue: CodeCatalogue): boolean {
  const name = catalogue.entries.get(code);
  if (!name) return false;
  const bare = (s: string): string => squash(s).replace(/^[一二三四五六七八九十百]+[、.]/, '').replace(/^\([一二三四五六七八九十百]+\)/, '').replace(/支出$/, '');
  return bare(core) === bare(name);
}

/** The table's total row: the first 合计/总计 line of the first block. */
function totalRow(block: Block): RowInfo | null {
  const rows = rowsOf(block);
  return rows.find((r) => r.kind === 'total' && r.total !== 'subtotal') ?? rows.find((r) => r.kind === 'total') ?? null;
}

const THREE_PUBLIC_ROWS: { part: string; re: RegExp }[] = [
  { part: 'total', re: /三公.*(小计|合计)|^三公经费$/ },
  { part: 'abroad', re: /因公出国/ },
  { part: 'car', re: /公务用车购置及运/ },
  { part: 'car-buy', re: /^(公务用车)?购置费?$|公务用车购置费/ },
  { part: 'car-run', re: /运行(维护)?费$|运行维护/ },
  { part: 'reception', re: /公务接待/ },
];

const THREE_PUBLIC_COLS: Partial<Record<Semantic, string>> = {
  abroad: 'abroad',
  car: 'car',
  'car-buy': 'car-buy',
  'car-run': 'car-run',
  reception: 'reception',
  admin: 'admin',
  total: 'total',
};

function threePublicFacts(t: RecognizedTable, facts: Map<string, Fact>): void {
  const block = t.blocks[0];
  if (!block) return;
  const rows = rowsOf(block);
  const labelled = rows.filter((r) => THREE_PUBLIC_ROWS.some((x) => x.re.test(r.core.replace(/^其中[:：]?/, ''))));
  if (labelled.length >= 2) {
    // Vertical layout: one line per part.
    const main = mainCol(t, block);
    if (main === null) return;
    for (const r of labelled) {
      const core = r.core.replace(/^其中[:：]?/, '');
      const part = THREE_PUBLIC_ROWS.find((x) => x.re.test(core))!.part;
      add(facts, t, `3p.${part}`, r, main, `${t.name}「${r.label.replace(/\s+/g, '')}」`);
      // 决算 tables printed vertically: 预算数 and 决算数 columns.
      for (const c of block.amountCols) {
        const q = t.columns[c]?.qualifier;
        if (q) add(facts, t, `3p.${part}@${q}`, r, c, `${t.name}「${r.label.replace(/\s+/g, '')}」行「${t.columns[c]!.header}」`);
      }
    }
    const total = rows.find((r) => r.kind === 'total');
    if (total && !facts.has('3p.total')) add(facts, t, '3p.total', total, main, `${t.name}「${total.label}」`);
    return;
  }
  // Horizontal layout: one data row, one column per part (决算: 预算数 and 决算数 groups).
  const data = rows.find((r) => block.amountCols.some((c) => r.values.get(c) !== null && r.values.get(c) !== undefined));
  if (!data) return;
  for (const c of block.amountCols) {
    const info = t.columns[c]!;
    const part = info.semantic ? THREE_PUBLIC_COLS[info.semantic] : undefined;
    if (!part || info.breakdown) continue;
    const base = part === 'admin' ? 'admin.total' : `3p.${part}`;
    const key = info.qualifier ? `${base}@${info.qualifier}` : base;
    add(facts, t, key, data, c, `${t.name}「${info.header}」`);
  }
}

function tableFacts(t: RecognizedTable, catalogue: CodeCatalogue): Map<string, Fact> {
  const facts = new Map<string, Fact>();
  const first = t.blocks[0];
  if (!first) return facts;
  switch (t.type as TableType) {
    case 'summary':
    case 'fiscal-summary':
      summaryFacts(t, catalogue, facts);
      return facts;
    case 'three-public':
      threePublicFacts(t, facts);
      return facts;
    default:
      break;
  }
  for (const block of t.blocks) {
    const total = totalRow(block);
    if (total && block === first) rowFacts(t, block, total, 'total', facts, total.label.replace(/\s+/g, ''));
    codeFacts(t, block, facts);
    for (const r of rowsOf(block)) {
      if (r.kind !== 'total') continue;
      if (/^人员经费(合计)?$/.test(r.core)) rowFacts(t, block, r, 'basic.personnel', facts, r.label);
      if (/^公用经费(合计)?$/.test(r.core)) rowFacts(t, block, r, 'basic.public', facts, r.label);
    }
  }
  const main = mainCol(t, first);
  const totalFact = facts.get('total');
  switch (t.type) {
    case 'income': {
      const thisYear = [...facts.values()].find((f) => f.key === 'total@this-year');
      const carryCol = first.amountCols.find((c) => t.columns[c]?.semantic === 'carry' && !t.columns[c]?.breakdown);
      if (thisYear) facts.set('income.this-year', { ...thisYear, key: 'income.this-year' });
      else if (totalFact && carryCol === undefined) facts.set('income.this-year', { ...totalFact, key: 'income.this-year' });
      if (totalFact && carryCol !== undefined) facts.set('income.grand', { ...totalFact, key: 'income.grand' });
      break;
    }
    case 'admin-cost':
      if (totalFact) facts.set('admin.total', { ...totalFact, key: 'admin.total' });
      break;
    case 'project':
      if (totalFact) facts.set('project.total', { ...totalFact, key: 'project.total' });
      if (main !== null) {
        for (const r of rowsOf(first)) {
          if (r.kind === 'item') add(facts, t, `project:${squash(r.label)}`, r, main, `${t.name}「${r.label}」`);
        }
      }
      break;
    case 'assets': {
      const valueCol = first.amountCols.find((c) => t.columns[c]?.semantic !== 'quantity');
      const row = rowsOf(first).find((r) => /固定资产(总额|合计)|资产总额|^合计$/.test(r.core));
      if (valueCol !== undefined && row) add(facts, t, 'assets.total', row, valueCol, `${t.name}「${row.label}」`);
      break;
    }
    case 'procurement':
      if (totalFact) facts.set('procurement.total', { ...totalFact, key: 'procurement.total' });
      break;
    default:
      break;
  }
  return facts;
}

export interface FactIndex {
  byTable: TableFacts[];
  /** every fact of every table, by key */
  byKey: Map<string, Fact[]>;
}

export function buildFacts(rd: RecognizedDocument, catalogue: CodeCatalogue): FactIndex {
  const byTable = rd.tables.map((t) => ({ t, facts: tableFacts(t, catalogue) }));
  const byKey = new Map<string, Fact[]>();
  for (const tf of byTable) {
    for (const f of tf.facts.values()) {
      const list = byKey.get(f.key) ?? [];
      list.push(f);
      byKey.set(f.key, list);
    }
  }
  return { byTable, byKey };
}
