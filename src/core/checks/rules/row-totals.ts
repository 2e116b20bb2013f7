/**
 * In-table row relations: total rows (合计/总计/小计) against the lines they total, unit rows
 * (516 → 516001) against their lines, outline parents (一、 → （一）…) against their items,
 * "其中" lines not above their parent, and code hierarchies (类 = Σ款 = Σ项).
 */
import type { Block, RecognizedTable, RowInfo } from '../recognize';
import type { CheckContext, Rule, RuleResult } from './context';
import { columnTitle, makeFinding, rowKey, rowTitle, tableKey, cellOf } from './context';
import { evaluateSum } from './sums';
import type { SumCheck, SumTerm } from './sums';
import { formatFen } from '../amount';
import type { Finding } from '../model';

/** Tables whose rows are not arithmetic (forms, indicator lists). */
const NON_ARITHMETIC = new Set(['performance', 'other']);

function summableCols(t: RecognizedTable, block: Block): number[] {
  return block.amountCols.filter((c) => t.columns[c]?.semantic !== 'quantity');
}

function value(row: RowInfo, col: number): number {
  return row.values.get(col) ?? 0;
}

function hasValues(row: RowInfo, cols: readonly number[]): boolean {
  return cols.some((c) => row.values.get(c) !== null && row.values.get(c) !== undefined);
}

function term(row: RowInfo, col: number): SumTerm {
  const v = row.values.get(col);
  return { row: row.row, col, value: v ?? 0, label: row.code ?? (row.label.replace(/\s+/g, '') || `第${row.row + 1}行`), printed: v !== null && v !== undefined };
}

function isEntry(r: RowInfo): boolean {
  return r.kind === 'code' || r.kind === 'unit' || r.kind === 'item';
}

interface Reading {
  parts: RowInfo[];
  alternatives: RowInfo[][];
  certain: boolean;
}

/** Codes in `rows` without a printed ancestor in `rows`. */
function topCodes(rows: readonly RowInfo[]): RowInfo[] {
  const codes = rows.filter((r) => r.kind === 'code');
  return codes.filter((r) => !codes.some((p) => p !== r && p.system === r.system && p.code!.length < r.code!.length && r.code!.startsWith(p.code!)));
}

/** Which of `range`'s lines a total adds up. */
function topLevel(range: readonly RowInfo[], cols: readonly number[]): Reading | null {
  const entries = range.filter(isEntry);
  if (entries.length === 0) return null;
  const units = entries.filter((r) => r.kind === 'unit');
  if (units.length > 0) {
    const minLen = Math.min(...units.map((u) => u.unitCode!.length));
    const tops = units.filter((u) => u.unitCode!.length === minLen);
    const items = entries.filter((r) => r.kind !== 'unit');
    return { parts: tops, alternatives: items.length > 0 ? [topCodesOrItems(items)] : [], certain: true };
  }
  const codes = entries.filter((r) => r.kind === 'code');
  if (codes.length > 0) {
    const tops = topCodes(codes);
    const items = entries.filter((r) => r.kind === 'item' && hasValues(r, cols));
    if (items.length === 0) return { parts: tops, alternatives: [], certain: true };
    return { parts: [...tops, ...items], alternatives: [tops], certain: false };
  }
  return itemReading(entries, cols);
}

function topCodesOrItems(rows: readonly RowInfo[]): RowInfo[] {
  const codes = rows.filter((r) => r.kind === 'code');
  return codes.length > 0 ? topCodes(codes) : rows.filter((r) => r.kind === 'item');
}

/**
 * Items: the shallowest marked outline level, plus unmarked lines printed before the first
 * marked one (unmarked lines after a marked one are read as its sub-items). A line followed by
 * unmarked lines that add up to it ("年初结转和结余" then its funds) may be a heading: reading
 * without those lines is an alternative.
 */
function itemReading(items: readonly RowInfo[], cols: readonly number[]): Reading {
  const marked = items.filter((r) => r.outline > 0);
  let parts: RowInfo[];
  let certain: boolean;
  const alternatives: RowInfo[][] = [];
  if (marked.length === 0) {
    parts = [...items];
    certain = true;
  } else {
    const minDepth = Math.min(...marked.map((r) => r.outline));
    const firstMarked = items.indexOf(marked[0]!);
    parts = items.filter((r, i) => r.outline === minDepth || (r.outline === 0 && i < firstMarked));
    certain = parts.length === items.length && !parts.some((r) => r.outlineFromIndent);
    if (parts.length !== items.length) alternatives.push([...items]);
  }
  const runs = headingRuns(parts, cols);
  if (runs.length > 0) {
    const dropped = new Set(runs.flat());
    alternatives.push(parts.filter((r) => !dropped.has(r)));
    certain = false;
  }
  return { parts, alternatives, certain };
}

/** Runs of unmarked lines that add up to the line above them. */
function headingRuns(items: readonly RowInfo[], cols: readonly number[]): RowInfo[][] {
  const runs: RowInfo[][] = [];
  for (let i = 0; i < items.length - 1; i++) {
    const head = items[i]!;
    let best: RowInfo[] | null = null;
    for (let j = i + 1; j < items.length && j - i <= 8; j++) {
      const x = items[j]!;
      if (x.outline !== 0 && x.outline <= head.outline) break;
      const run = items.slice(i + 1, j + 1);
      if (cols.every((c) => run.reduce((a, r) => a + value(r, c), 0) === value(head, c))) best = run;
    }
    if (best) {
      runs.push(best);
      i += best.length;
    }
  }
  return runs;
}

/** 人员经费合计 = 工资福利支出 + 对个人和家庭的补助; 公用经费合计 = the other economic classes. */
function categoryTotalReading(t: RecognizedTable, r: RowInfo): Reading | null {
  const m = /^(人员经费|公用经费)(合计)?$/.exec(r.core);
  if (!m) return null;
  const codes = t.blocks.flatMap((b) => b.rows).filter((x) => x.kind === 'code' && x.system === 'econ');
  if (codes.length === 0) return null;
  const tops = topCodes(codes);
  const personnel = (x: RowInfo): boolean => /^30[13]/.test(x.code!);
  const parts = tops.filter((x) => (m[1] === '人员经费' ? personnel(x) : !personnel(x)));
  if (parts.length === 0) return null;
  return { parts, alternatives: [], certain: false };
}

function sumChecksFor(
  t: RecognizedTable,
  cols: readonly number[],
  total: RowInfo,
  reading: Reading,
  rule: string,
  where: string,
  extraParts: RowInfo[] = [],
): SumCheck[] {
  const checks: SumCheck[] = [];
  for (const col of cols) {
    const totalCell = total.values.get(col);
    const partsRows = [...extraParts, ...reading.parts];
    if ((totalCell === null || totalCell === undefined) && partsRows.every((r) => (r.values.get(col) ?? null) === null)) continue;
    const parts = partsRows.map((r) => term(r, col));
    const alternatives = reading.alternatives.map((alt) => [...extraParts, ...alt].map((r) => term(r, col)));
    checks.push({
      rule,
      kind: 'in-table',
      t,
      total: { row: total.row, col, value: value(total, col), label: `${rowTitle(total)}（${columnTitle(t, col)}）` },
      parts,
      alternatives,
      certain: reading.certain,
      location: [tableKey(t), rowKey(t, total), columnTitle(t, col)],
      where: where,
    });
  }
  return checks;
}

/** Total rows and unit rows of one block. */
function totalChecks(t: RecognizedTable, block: Block, cols: readonly number[]): SumCheck[] {
  const rows = block.rows.filter((r) => r.kind !== 'numbers' && r.kind !== 'blank');
  const checks: SumCheck[] = [];
  const firstEntry = rows.findIndex(isEntry);
  rows.forEach((r, i) => {
    if (r.kind !== 'total') return;
    const where = `「${rowTitle(r)}」行`;
    const category = categoryTotalReading(t, r);
    if (category) {
      // Parts sit in other blocks (公开06表 prints three code/name/amount groups side by side).
      cols.forEach((col, k) => {
        const parts = category.parts.map((p) => {
          const pb = t.blocks.find((b) => b.rows.includes(p));
          const pc = pb?.amountCols[k] ?? col;
          return term(p, pc);
        });
        checks.push({
          rule: 'in-table.row-totals',
          kind: 'in-table',
          t,
          total: { row: r.row, col, value: value(r, col), label: `${rowTitle(r)}（${columnTitle(t, col)}）` },
          parts,
          certain: false,
          location: [tableKey(t), rowKey(t, r), columnTitle(t, col)],
          where,
        });
      });
      return;
    }
    const top = firstEntry === -1 || i < firstEntry;
    if (top) {
      // Totals printed above their lines cover everything below up to a closing total.
      let end = rows.length;
      for (let j = i + 1; j < rows.length; j++) if (rows[j]!.kind === 'total' && j > firstEntry) { end = j; break; }
      const range = rows.slice(i + 1, end).filter((x) => x.kind !== 'total');
      const reading = topLevel(range, cols);
      if (!reading) return;
      checks.push(...sumChecksFor(t, cols, r, reading, 'in-table.row-totals', where));
      return;
    }
    // Totals printed below: lines since the previous total; a 总计 also adds that total.
    let prev = -1;
    for (let j = i - 1; j >= 0; j--) if (rows[j]!.kind === 'total') { prev = j; break; }
    let prevMain = -1;
    for (let j = i - 1; j >= 0; j--) if (rows[j]!.kind === 'total' && rows[j]!.total !== 'subtotal') { prevMain = j; break; }
    const subtotals = rows.slice(prevMain + 1, i).filter((x) => x.kind === 'total' && x.total === 'subtotal' && rows.indexOf(x) > firstEntry);
    if (r.total !== 'subtotal' && subtotals.length > 0) {
      // 合计 under groups closed by 小计 lines: the 小计 lines, or every line.
      const wide = topLevel(rows.slice(prevMain + 1, i).filter((x) => x.kind !== 'total'), cols);
      const carry = prevMain >= firstEntry && prevMain >= 0 ? [rows[prevMain]!] : [];
      const reading: Reading = { parts: subtotals, alternatives: wide ? [wide.parts] : [], certain: false };
      checks.push(...sumChecksFor(t, cols, r, reading, 'in-table.row-totals', where, r.total === 'grand' ? carry : []));
      return;
    }
    const range = rows.slice(prev + 1, i);
    const prevTotal = prev >= 0 && prev >= firstEntry ? rows[prev]! : null;
    // 总计 after 本年合计 adds it with the carry-over lines; a 小计 never adds the previous 小计.
    const carries = prevTotal !== null && r.total !== 'subtotal' && prevTotal.total !== 'subtotal' && (r.total === 'grand' || prevTotal.total !== 'grand');
    const reading = topLevel(range, cols) ?? (carries ? { parts: [], alternatives: [], certain: true } : null);
    if (!reading) return;
    checks.push(...sumChecksFor(t, cols, r, reading, 'in-table.row-totals', where, carries && prevTotal ? [prevTotal] : []));
  });
  // Subtotals printed at the top (“三公”经费小计 under 合计) cover a leading run of the lines.
  for (const c of checks) {
    const totalRow = block.rows.find((x) => x.row === c.total.row);
    if (totalRow?.total === 'subtotal' && rows.indexOf(totalRow) < firstEntry) {
      c.alternatives = [];
      for (let k = 1; k < c.parts.length; k++) c.alternatives.push(c.parts.slice(0, k));
      c.certain = false;
    }
  }
  // Unit rows: a unit equals its sub-units, else its top-level lines.
  rows.forEach((u, i) => {
    if (u.kind !== 'unit') return;
    let end = rows.length;
    for (let j = i + 1; j < rows.length; j++) {
      const x = rows[j]!;
      if (x.kind === 'total' || (x.kind === 'unit' && !x.unitCode!.startsWith(u.unitCode!))) { end = j; break; }
      if (x.kind === 'unit' && x.unitCode!.length <= u.unitCode!.length) { end = j; break; }
    }
    const range = rows.slice(i + 1, end);
    const subUnits = range.filter((x) => x.kind === 'unit');
    let reading: Reading | null;
    if (subUnits.length > 0) {
      const minLen = Math.min(...subUnits.map((x) => x.unitCode!.length));
      reading = { parts: subUnits.filter((x) => x.unitCode!.length === minLen), alternatives: [], certain: true };
    } else reading = topLevel(range, cols);
    if (!reading || reading.parts.length === 0) return;
    checks.push(...sumChecksFor(t, cols, u, reading, 'in-table.row-totals', `「${rowTitle(u)}」行`));
  });
  return checks;
}

/** Outline parents: 一、 equals the sum of its （一）… lines. */
function outlineChecks(t: RecognizedTable, block: Block, cols: readonly number[]): SumCheck[] {
  const rows = block.rows.filter((r) => r.kind !== 'numbers' && r.kind !== 'blank');
  const checks: SumCheck[] = [];
  rows.forEach((p, i) => {
    if (p.kind !== 'item' || p.outline === 0) return;
    const children: RowInfo[] = [];
    let unmarked = false;
    for (let j = i + 1; j < rows.length; j++) {
      const x = rows[j]!;
      if (x.kind === 'total' || x.kind === 'unit' || x.kind === 'code') break;
      if (x.kind === 'breakdown') continue;
      if (x.outline === 0) {
        unmarked = true;
        continue;
      }
      if (x.outline <= p.outline) break;
      children.push(x);
    }
    if (children.length === 0) return;
    const depth = Math.min(...children.map((c) => c.outline));
    const direct = children.filter((c) => c.outline === depth);
    const guessed = p.outlineFromIndent === true || direct.some((c) => c.outlineFromIndent);
    checks.push(...sumChecksFor(t, cols, p, { parts: direct, alternatives: [], certain: !unmarked && !guessed }, 'in-table.row-totals', `「${rowTitle(p)}」行${guessed ? '（层级按缩进判断）' : ''}`));
  });
  return checks;
}

/** Code hierarchies: each printed parent equals the sum of its nearest printed children. */
function codeChecks(t: RecognizedTable, block: Block, cols: readonly number[]): SumCheck[] {
  const rows = block.rows.filter((r) => r.kind !== 'numbers' && r.kind !== 'blank');
  const checks: SumCheck[] = [];
  // Segments: codes of one unit.
  const segments: RowInfo[][] = [[]];
  for (const r of rows) {
    if (r.kind === 'unit' || r.kind === 'total') segments.push([]);
    else if (r.kind === 'code') segments[segments.length - 1]!.push(r);
  }
  for (const seg of segments) {
    const children = new Map<RowInfo, RowInfo[]>();
    seg.forEach((x, i) => {
      for (let j = i - 1; j >= 0; j--) {
        const p = seg[j]!;
        if (p.system === x.system && p.code!.length < x.code!.length && x.code!.startsWith(p.code!)) {
          const list = children.get(p) ?? [];
          list.push(x);
          children.set(p, list);
          return;
        }
      }
    });
    for (const [parent, kids] of children) {
      checks.push(...sumChecksFor(t, cols, parent, { parts: kids, alternatives: [], certain: true }, 'in-table.code-hierarchy', `「${rowTitle(parent)}」行`));
    }
  }
  return checks;
}

/** "其中" lines: not larger than the line they break down. */
function breakdownFindings(t: RecognizedTable, block: Block, cols: readonly number[]): { findings: Finding[]; checked: number } {
  const rows = block.rows.filter((r) => r.kind !== 'numbers' && r.kind !== 'blank');
  const findings: Finding[] = [];
  let checked = 0;
  rows.forEach((b, i) => {
    if (b.kind !== 'breakdown') return;
    let parent: RowInfo | null = null;
    for (let j = i - 1; j >= 0; j--) {
      if (rows[j]!.kind !== 'breakdown') {
        parent = rows[j]!;
        break;
      }
    }
    if (!parent) return;
    for (const col of cols) {
      const v = b.values.get(col);
      if (v === null || v === undefined) continue;
      checked++;
      const pv = value(parent, col);
      if (v > pv) {
        findings.push(
          makeFinding({
            rule: 'in-table.row-totals',
            kind: 'in-table',
            severity: 'warning',
            message: `${t.name}「${rowTitle(b)}」行（${columnTitle(t, col)}）${formatFen(v, t.unit)} 大于其所属的「${rowTitle(parent)}」${formatFen(pv, t.unit)}，“其中”数不应超过总数。`,
            location: [tableKey(t), rowKey(t, b), columnTitle(t, col), 'breakdown'],
            cells: [cellOf(t, b.row, col), cellOf(t, parent.row, col)],
            expected: `≤ ${formatFen(pv, t.unit)}`,
            actual: formatFen(v, t.unit),
            difference: formatFen(v - pv, t.unit),
          }),
        );
      }
    }
  });
  return { findings, checked };
}

/**
 * A sum that is an exact integer multiple (≥ 2) of its total, or misses it by exactly the total,
 * is the signature of a misread hierarchy (类 + 款 + 项 rows, or unit subtotals and their projects,
 * all added into one 合计): never certain enough for an error.
 */
export function misreadSignature(check: SumCheck): boolean {
  const total = check.total.value;
  if (total === 0) return false;
  const rows = check.t.blocks.flatMap((b) => b.rows);
  for (const reading of [check.parts, ...(check.alternatives ?? [])]) {
    if (reading.length < 2) continue;
    // Distinct printed codes of one level are an unambiguous reading: a doubled sum there is a
    // misprinted cell (2040601 printing its 款's figure), not a misread hierarchy.
    const codes = reading.map((p) => rows.find((r) => r.row === p.row && r.values.has(p.col))?.code ?? null);
    if (codes.every((c) => c !== null) && new Set(codes).size === codes.length && new Set(codes.map((c) => c!.length)).size === 1) continue;
    const sum = reading.reduce((a, p) => a + p.value, 0);
    if (sum === 0) continue;
    const k = sum / total;
    if (Number.isInteger(k) && k >= 2) return true;
  }
  return false;
}

function run(ctx: CheckContext, which: 'totals' | 'codes'): RuleResult {
  const findings: Finding[] = [];
  let checked = 0;
  let candidates = 0;
  for (const t of ctx.rd.tables) {
    if (NON_ARITHMETIC.has(t.type) && !t.blocks.some((b) => b.rows.some((r) => r.kind === 'total'))) continue;
    for (const block of t.blocks) {
      const cols = summableCols(t, block);
      if (cols.length === 0) continue;
      candidates++;
      const checks = which === 'codes' ? codeChecks(t, block, cols) : [...totalChecks(t, block, cols), ...outlineChecks(t, block, cols)];
      for (const check of checks) {
        checked++;
        if (check.certain && misreadSignature(check)) check.certain = false;
        const outcome = evaluateSum(check, ctx.options.roundingPerTerm);
        if (outcome.finding) findings.push(outcome.finding);
      }
      if (which === 'totals') {
        const b = breakdownFindings(t, block, cols);
        findings.push(...b.findings);
        checked += b.checked;
      }
    }
  }
  if (checked === 0) {
    return {
      findings,
      checked,
      notRun: candidates === 0 ? '未识别到含金额的表格' : which === 'codes' ? '表中没有分级科目编码（类/款/项）' : '表中没有合计、小计或总计行',
    };
  }
  return { findings, checked };
}

export const rowTotalsRule: Rule = {
  id: 'in-table.row-totals',
  title: '合计行、小计行、单位行与明细行相符',
  kind: 'in-table',
  run: (ctx) => run(ctx, 'totals'),
};

export const codeHierarchyRule: Rule = {
  id: 'in-table.code-hierarchy',
  title: '科目编码层级：类 = Σ款 = Σ项',
  kind: 'in-table',
  run: (ctx) => run(ctx, 'codes'),
};
