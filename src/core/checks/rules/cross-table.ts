/**
 * Runs the relation catalog (../relations.ts) within each table group. Each relation is its own
 * line in the coverage checklist, so a relation that could not run (a table missing) is visible.
 */
import { compareFigures, formatFen } from '../amount';
import type { Fact, FactIndex } from '../facts';
import { summedResolution } from '../facts';
import type { Finding, RuleCoverage, Severity } from '../model';
import type { RecognizedTable } from '../recognize';
import { TABLE_TYPE_TITLES } from '../recognize/table-type';
import type { Relation, RelationSide } from '../relations';
import { RELATIONS } from '../relations';
import type { CheckContext } from './context';
import { cellOf, makeFinding } from './context';

interface RelationRun {
  findings: Finding[];
  checked: number;
  reasons: Set<string>;
}

function factsOf(index: FactIndex, t: RecognizedTable): Map<string, Fact> {
  return index.byTable.find((x) => x.t === t)?.facts ?? new Map();
}

function pick(facts: Map<string, Fact>, side: RelationSide, code: string | null, suffix: string): Fact | null {
  const fill = (k: string): string => (code ? k.replace('{code}', code) : k) + suffix;
  if (side.sum && side.sum.every((k) => facts.has(fill(k)))) {
    const parts = side.sum.map((k) => facts.get(fill(k))!);
    const first = parts[0]!;
    const resolution = summedResolution(
      parts.map((f) => f.resolution),
      first.t.resolution,
    );
    return { ...first, key: side.sum.join('+'), value: parts.reduce((a, f) => a + f.value, 0), label: parts.map((f) => f.label).join(' + '), derived: true, resolution };
  }
  for (const k of side.keys) {
    const f = facts.get(fill(k));
    if (f) return f;
  }
  return null;
}

/** Codes named by a side's key template in a table's facts. */
function codesOf(facts: Map<string, Fact>, side: RelationSide, level: 'class' | 'any'): string[] {
  const template = side.keys[0]!;
  const [prefix, rest] = template.split('{code}') as [string, string];
  const codes: string[] = [];
  for (const key of facts.keys()) {
    if (!key.startsWith(prefix) || !key.endsWith(rest)) continue;
    const code = key.slice(prefix.length, key.length - rest.length);
    if (!/^\d{3}(\d{2}){0,2}$/.test(code)) continue;
    if (level === 'class' && code.length !== 3) continue;
    codes.push(code);
  }
  return codes;
}

/** All income is this year's general-budget money (no other funds, no carry-over), per 收支总表. */
function generalFundsOnly(facts: FactIndex, tables: readonly RecognizedTable[]): boolean | null {
  const summary = tables.find((t) => t.type === 'summary');
  if (!summary) return null;
  const f = factsOf(facts, summary);
  for (const [key, fact] of f) {
    if (!key.startsWith('income.item:') || key.includes('@')) continue;
    const concept = key.slice('income.item:'.length);
    if (concept === 'general' || concept === 'fiscal') continue;
    if (fact.value !== 0) return false;
  }
  const carryOut = f.get('expense.carry-out');
  if (carryOut && carryOut.value !== 0) return false;
  const grand = f.get('income.grand');
  const thisYear = f.get('income.this-year');
  if (grand && thisYear && grand.value !== thisYear.value) return false;
  return true;
}

function describe(f: Fact): string {
  return `${f.label} ${formatFen(f.value, f.t.unit)}${f.t.unit}`;
}

function compare(rel: Relation, left: Fact, right: Fact, perTerm: number, location: string[]): Finding | null {
  const op = rel.op ?? '=';
  const diff = left.value - right.value;
  const unitNote = left.t.unit !== right.t.unit;
  const fmtDiff = formatFen(Math.abs(diff), left.t.unit) + (unitNote || left.t.unit !== '万元' ? left.t.unit : '');
  let severity: Severity;
  let message: string;
  if (op === '≤') {
    if (diff <= 0) return null;
    const c = compareFigures(left.value, right.value, left.resolution, right.resolution, perTerm);
    if (c === 'equal') return null;
    severity = c === 'rounding' ? 'note' : (rel.severity ?? 'error');
    message = `${describe(left)} 大于 ${describe(right)}，超出 ${fmtDiff}（${rel.title}）。`;
  } else {
    const c = compareFigures(left.value, right.value, left.resolution, right.resolution, perTerm);
    if (c === 'equal') return null;
    // Ten thousand times apart: one table's unit is wrong (元 printed as 万元 or the reverse).
    const slip = [10_000, 1 / 10_000].find((k) => left.value !== 0 && compareFigures(Math.round(left.value * k), right.value, Math.max(1, Math.round(left.t.resolution * k)), right.t.resolution, 0) === 'equal');
    if (slip !== undefined && c === 'different') {
      return makeFinding({
        rule: `cross.${rel.id}`,
        kind: 'unit',
        severity: rel.severity ?? 'error',
        message: `${describe(left)} 与 ${describe(right)} 数字相同而相差一万倍，其中一张表的金额单位（元/万元）标注有误（${rel.title}）。`,
        location: [...location, 'unit'],
        cells: [cellOf(left.t, left.row, left.col), cellOf(right.t, right.row, right.col)],
        expected: null,
        actual: null,
        difference: null,
      });
    }
    severity = c === 'rounding' ? 'note' : (rel.severity ?? 'error');
    const tail = c === 'rounding' ? '，在四舍五入尾差范围内（尾差）' : '';
    message = `${describe(left)} ≠ ${describe(right)}，相差 ${fmtDiff}${tail}（${rel.title}）。`;
  }
  return makeFinding({
    rule: `cross.${rel.id}`,
    kind: 'cross-table',
    severity,
    message,
    location,
    cells: [cellOf(left.t, left.row, left.col), cellOf(right.t, right.row, right.col)],
    expected: formatFen(right.value, left.t.unit),
    actual: formatFen(left.value, left.t.unit),
    difference: formatFen(diff, left.t.unit),
  });
}

function runRelation(rel: Relation, ctx: CheckContext, index: FactIndex): RelationRun {
  const run: RelationRun = { findings: [], checked: 0, reasons: new Set() };
  if (rel.docKind && ctx.rd.kind !== rel.docKind) {
    run.reasons.add(`仅适用于${rel.docKind}公开`);
    return run;
  }
  for (const group of ctx.rd.groups) {
    const tables = ctx.rd.tables.filter((t) => t.group === group);
    const left = tables.find((t) => t.type === rel.left.type);
    const right = tables.find((t) => t.type === rel.right.type);
    if (!left || !right) {
      const missing = [!left ? rel.left.type : null, !right ? rel.right.type : null].filter((x) => x !== null);
      run.reasons.add(`缺少${missing.map((m) => TABLE_TYPE_TITLES[m!]).join('、')}`);
      continue;
    }
    if (rel.onlyGeneralFunds) {
      const only = generalFundsOnly(index, tables);
      if (only === null) {
        run.reasons.add('缺少收支总表，无法确认资金构成');
        continue;
      }
      if (!only) {
        run.reasons.add('存在其他资金来源或结转结余，口径不同');
        continue;
      }
    }
    const lf = factsOf(index, left);
    const rf = factsOf(index, right);
    const suffixes = rel.columns ?? [''];
    const codes = rel.perCode ? codesOf(lf, rel.left, rel.perCode.level ?? 'any') : [null];
    let compared = 0;
    for (const code of codes) {
      for (const suffix of suffixes) {
        const l = pick(lf, rel.left, code, suffix);
        const r = pick(rf, rel.right, code, suffix);
        if (!l || !r) continue;
        compared++;
        // Both printed empty: they agree (nothing in either table).
        if (l.blank && r.blank) continue;
        const f = compare(rel, l, r, ctx.options.roundingPerTerm, [group, rel.id, code ?? '', suffix]);
        if (f) run.findings.push(f);
      }
    }
    if (compared === 0) run.reasons.add('表中没有可对比的数字');
    run.checked += compared;
  }
  return run;
}

/** Runs every relation; returns findings and one coverage line per relation. */
export function runCrossTable(ctx: CheckContext, index: FactIndex): { findings: Finding[]; coverage: RuleCoverage[] } {
  const findings: Finding[] = [];
  const coverage: RuleCoverage[] = [];
  for (const rel of RELATIONS) {
    const id = `cross.${rel.id}`;
    if (ctx.options.disabledRules.has(id) || ctx.options.disabledRules.has('cross-table')) {
      coverage.push({ rule: id, title: rel.title, outcome: 'not-run', checked: 0, reason: '已停用' });
      continue;
    }
    const run = runRelation(rel, ctx, index);
    findings.push(...run.findings);
    const failed = run.findings.some((f) => f.severity !== 'note');
    coverage.push(
      run.checked === 0
        ? { rule: id, title: rel.title, outcome: 'not-run', checked: 0, reason: [...run.reasons].join('；') || '没有可对比的数字' }
        : { rule: id, title: rel.title, outcome: failed ? 'failed' : 'passed', checked: run.checked },
    );
  }
  return { findings, coverage };
}
