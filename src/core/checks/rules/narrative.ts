/**
 * Narrative against tables: quoted amounts equal the table figures (元/亿元 normalised, a 元/万元
 * slip reported as such); shares (占 x%) recomputed; change statements (增加 X万元，增长 y%)
 * internally consistent; 决算 completion rates (完成年初预算的 Z%) and the 大于/小于 wording match
 * the figures. Percent checks use interval arithmetic over the printed precision, so a figure that
 * only rounds differently is never reported.
 */
import type { MoneyUnit } from '../amount';
import { compareFigures, FEN_PER_UNIT, formatFen } from '../amount';
import type { Comparison } from '../amount';
import type { Fact, FactIndex } from '../facts';
import type { Finding, Severity } from '../model';
import type { Concept, LabelContext } from '../narrative/concepts';
import { conceptOf, isPriorOrOther } from '../narrative/concepts';
import type { AmountClaim, ParsedNarrative, PercentClaim } from '../narrative/parse';
import { parseNarrative } from '../narrative/parse';
import { spansOf } from '../narrative/text';
import { squash } from '../text';
import type { CheckContext, Rule, RuleResult } from './context';
import { cellOf, makeFinding } from './context';

interface Analysis {
  parsed: ParsedNarrative;
  concepts: Map<AmountClaim, Concept | null>;
  labelCtx: LabelContext;
}

const cache = new WeakMap<CheckContext, Analysis>();

/** Name path → code, from the document's own code rows (类 by the catalogue). */
function codeResolver(ctx: CheckContext): (names: readonly string[]) => string | null {
  const byPrefixAndName = new Map<string, string>();
  for (const t of ctx.rd.tables) {
    for (const b of t.blocks) {
      for (const r of b.rows) {
        if (r.kind !== 'code' || r.system !== 'function' || !r.code) continue;
        const parent = r.code.length === 3 ? '' : r.code.slice(0, r.code.length - 2);
        byPrefixAndName.set(`${parent}|${squash(r.label)}`, r.code);
      }
    }
  }
  for (const [code, name] of ctx.catalogue.entries) {
    if (!code.startsWith('2')) continue;
    const parent = code.length === 3 ? '' : code.slice(0, code.length - 2);
    const key = `${parent}|${squash(name)}`;
    if (!byPrefixAndName.has(key)) byPrefixAndName.set(key, code);
  }
  return (names) => {
    let code = '';
    for (const [i, raw] of names.entries()) {
      const name = squash(raw);
      const found = byPrefixAndName.get(`${code}|${name}`) ?? (i === 0 ? byPrefixAndName.get(`|${name.replace(/支出$/, '')}支出`) : undefined);
      if (!found) return null;
      code = found;
    }
    return code || null;
  };
}

function analyse(ctx: CheckContext): Analysis {
  const hit = cache.get(ctx);
  if (hit) return hit;
  const parsed = parseNarrative(ctx.narrative, ctx.rd.year);
  const labelCtx: LabelContext = { docKind: ctx.rd.kind, year: ctx.rd.year, catalogue: ctx.catalogue, codeByNames: codeResolver(ctx) };
  const concepts = new Map<AmountClaim, Concept | null>();
  let previous: Concept | null = null;
  let sentence = -1;
  for (const claim of parsed.amounts) {
    if (claim.sentence !== sentence) {
      previous = null;
      sentence = claim.sentence;
    }
    const c = conceptOf(claim, labelCtx, previous);
    concepts.set(claim, c);
    if (c) previous = c;
  }
  const analysis = { parsed, concepts, labelCtx };
  cache.set(ctx, analysis);
  return analysis;
}

/** The parsed narrative of the document (computed once per run). */
export function parsedNarrative(ctx: CheckContext): ParsedNarrative {
  return analyse(ctx).parsed;
}

function candidates(concept: Concept, facts: FactIndex): Fact[] {
  const out: Fact[] = [];
  for (const ref of concept.refs) {
    for (const tf of facts.byTable) {
      if (tf.t.type !== ref.type) continue;
      const f = tf.facts.get(ref.key);
      if (f) out.push(f);
    }
  }
  return out;
}

function quote(ctx: CheckContext, start: number, end: number): string {
  const text = ctx.narrative.text.slice(start, end).replace(/\s+/g, '');
  return text.length > 60 ? `…${text.slice(-60)}` : text;
}

function fmtClaim(fen: number): string {
  return `${formatFen(fen, '万元')}万元`;
}

/** Occurrence-qualified key of a claim for stable ids. */
function claimKey(parsed: ParsedNarrative, claim: { start: number }, text: string): string {
  const sameText = parsed.amounts.filter((a) => a.start < claim.start && squash(text) === squash(a.label + a.printed));
  return `${squash(text)}#${sameText.length}`;
}

// ---------------------------------------------------------------------------------------------
// Amounts

interface AmountOutcome {
  claim: AmountClaim;
  concept: Concept;
  cands: Fact[];
  results: { f: Fact; c: Comparison }[];
  slip: { fact: Fact; unit: MoneyUnit } | null;
  /** a project amount whose project the tables do not name: not compared */
  unresolved?: string;
}

/** "医保信息化建设项目" — a named project; a bare "项目支出" / "其中项目支出" is the department's own. */
const PROJECT_NAME = /([\u4e00-\u9fa5A-Za-z0-9“”（）()]{2,30}?项目)(?!预算绩效|绩效)/g;
const NOT_A_NAME = /^(其中|包括|主要|本年|当年|年度|部门|单位|本部门|本单位|全年|\d{4}年度?|[一二三四五六七八九十\d]+[、.])*$/;
const DEPT_WORDS = /部门|单位|整体|本局|我局|全局/;

/** The last short heading line before `at` (an outline heading or a title). */
function sectionOf(text: string, at: number): string {
  let end = text.lastIndexOf('\n', at - 1);
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).trim();
    if (line && line.length <= 30 && !/\d+(\.\d+)?\s*(万元|元)/.test(line)) return line;
    end = start - 1;
  }
  return '';
}

/**
 * What a quoted figure is about when it is not the department's: a named project ("信息化建设项目
 * 支出总额50.00万元", "该项目…其中预算支出…") or any figure of a 绩效目标/项目 section that does not
 * name the department. Returns the subject's name, or null for the department's own figures.
 */
function projectSubject(ctx: CheckContext, parsed: ParsedNarrative, claim: AmountClaim): string | null {
  const s = parsed.sentences[claim.sentence]!;
  const before = ctx.narrative.text.slice(s.start, claim.start);
  for (const named of before.replace(/\s+/g, '').matchAll(PROJECT_NAME)) {
    const name = named[1]!.replace(/^(其中|包括|[一二三四五六七八九十\d]+[、.])+/, '');
    const prefix = name.slice(0, -2);
    // "一般公共预算项目支出", "基本支出和项目支出": the department's 项目支出 under a qualifier.
    if (/^(政府采购|涉及)/.test(name) || NOT_A_NAME.test(prefix) || /(预算|拨款|财政|支出|收入|资金|经费|[和及与、])$/.test(prefix)) continue;
    return name;
  }
  if (/该项目|本项目|此项目|项目(预算)?(资金|总额)/.test(before)) return '该项目';
  const section = sectionOf(ctx.narrative.text, s.start);
  if (/绩效|项目(概况|情况|概述|说明)|重点项目/.test(section) && !DEPT_WORDS.test(before)) return section;
  return null;
}

const outcomesCache = new WeakMap<CheckContext, AmountOutcome[]>();

/** Every quoted amount with a concept the tables print, compared with those figures. */
function amountOutcomes(ctx: CheckContext, facts: FactIndex): AmountOutcome[] {
  const hit = outcomesCache.get(ctx);
  if (hit) return hit;
  const { parsed, concepts } = analyse(ctx);
  const out: AmountOutcome[] = [];
  const perTerm = ctx.options.roundingPerTerm;
  for (const claim of parsed.amounts) {
    const concept = concepts.get(claim);
    if (!concept || concept.skip) continue;
    const subject = projectSubject(ctx, parsed, claim);
    if (subject !== null) {
      // Compared only with the project's own row; a project with no money this year says 0万元.
      const key = `project:${squash(subject)}`;
      const own = facts.byTable.filter((tf) => tf.t.type === 'project').map((tf) => tf.facts.get(key)).filter((f): f is Fact => f !== undefined);
      if (own.length > 0) {
        const results = own.map((f) => ({ f, c: compareFigures(claim.value, f.value, claim.resolution, f.t.resolution, perTerm) }));
        out.push({ claim, concept: { name: subject, refs: [], strong: true }, cands: own, results, slip: null });
      } else if (claim.value !== 0) {
        out.push({ claim, concept, cands: [], results: [], slip: null, unresolved: subject });
      }
      continue;
    }
    const cands = candidates(concept, facts);
    if (cands.length === 0) continue;
    const results = cands.map((f) => ({ f, c: compareFigures(claim.value, f.value, claim.resolution, f.t.resolution, perTerm) }));
    const slip = results.some((r) => r.c !== 'different') ? null : unitSlip(claim, cands, perTerm);
    out.push({ claim, concept, cands, results, slip });
  }
  outcomesCache.set(ctx, out);
  return out;
}

function cellsOf(cands: readonly Fact[]): ReturnType<typeof cellOf>[] {
  return [...new Map(cands.map((f) => { const c = cellOf(f.t, f.row, f.col); return [`${c.table}:${c.row}:${c.col}`, c] as const; })).values()];
}

function runAmounts(ctx: CheckContext, facts: FactIndex): RuleResult {
  const { parsed } = analyse(ctx);
  const findings: Finding[] = [];
  const outcomes = amountOutcomes(ctx, facts);
  for (const { claim, concept, cands, results, slip, unresolved } of outcomes) {
    const span = spansOf(ctx.narrative, claim.labelStart, claim.end);
    const text = quote(ctx, claim.labelStart, claim.end);
    const location = ['narrative-amount', concept.name, claimKey(parsed, claim, claim.label + claim.printed)];
    if (unresolved !== undefined) {
      findings.push(
        makeFinding({
          rule: 'narrative.amounts',
          kind: 'narrative',
          severity: 'note',
          message: `正文「${text}」：未能确定所指项目（${unresolved}），表中没有该项目的金额，未核对（不与部门${concept.name}比较）。`,
          location: [...location, 'unresolved'],
          narrative: span,
          actual: formatFen(claim.value, '万元'),
        }),
      );
      continue;
    }
    if (results.some((r) => r.c === 'equal') || slip) continue;
    const rounding = results.find((r) => r.c === 'rounding');
    const distinct = [...new Set(cands.map((f) => f.value))];
    const nearest = results.map((r) => r.f).sort((a, b) => Math.abs(a.value - claim.value) - Math.abs(b.value - claim.value))[0]!;
    let severity: Severity;
    let tail = '';
    if (rounding) {
      severity = 'note';
      tail = '，在四舍五入尾差范围内（尾差）';
    } else if (concept.strong && distinct.length === 1 && !cands.every((f) => f.derived)) severity = 'error';
    else {
      severity = 'warning';
      if (distinct.length > 1) tail = '（表中该数在不同表格口径下不一，请核对正文所指口径）';
    }
    const shown = rounding ? rounding.f : nearest;
    const listed = distinct.length > 1 ? results.slice(0, 3).map((r) => `${r.f.label} ${fmtFact(r.f)}`).join('；') : `${shown.label} ${fmtFact(shown)}`;
    findings.push(
      makeFinding({
        rule: 'narrative.amounts',
        kind: 'narrative',
        severity,
        message: `正文「${text}」：${concept.name} ${claim.printed} 与表中数不符（${listed}），相差 ${fmtClaim(Math.abs(claim.value - shown.value))}${tail}。`,
        location,
        cells: cellsOf(cands),
        narrative: span,
        expected: formatFen(shown.value, '万元'),
        actual: formatFen(claim.value, '万元'),
        difference: formatFen(claim.value - shown.value, '万元'),
      }),
    );
  }
  const checked = outcomes.length;
  return checked === 0 ? { findings, checked, notRun: ctx.narrative.text.trim() ? '正文中没有能与表格对应的金额' : '文件没有正文' } : { findings, checked };
}

/** 元/万元/亿元: narrative amounts normalised before comparing; a slip is its own finding. */
function runUnits(ctx: CheckContext, facts: FactIndex): RuleResult {
  const { parsed } = analyse(ctx);
  const findings: Finding[] = [];
  let checked = 0;
  for (const t of ctx.rd.tables) {
    if (t.empty || t.blocks.length === 0 || t.type === 'performance' || t.type === 'other') continue;
    checked++;
    if (!t.unitDeclared) {
      findings.push(
        makeFinding({
          rule: 'units',
          kind: 'unit',
          severity: 'note',
          message: `${t.name}未标明金额单位，已按${t.unit}核对。`,
          location: ['table-unit', t.name],
        }),
      );
    }
  }
  for (const { claim, concept, cands, slip } of amountOutcomes(ctx, facts)) {
    checked++;
    if (!slip) continue;
    const text = quote(ctx, claim.labelStart, claim.end);
    findings.push(
      makeFinding({
        rule: 'units',
        kind: 'unit',
        severity: concept.strong ? 'error' : 'warning',
        message: `正文「${text}」的金额单位有误：${slip.fact.label}为 ${formatFen(slip.fact.value, slip.fact.t.unit)}${slip.fact.t.unit}，正文数字相同但单位写作“${claim.unit}”，应为“${slip.unit}”。`,
        location: ['narrative-unit', concept.name, claimKey(parsed, claim, claim.label + claim.printed)],
        cells: cellsOf(cands),
        narrative: spansOf(ctx.narrative, claim.labelStart, claim.end),
        expected: `${formatFen(slip.fact.value, slip.unit)}${slip.unit}`,
        actual: claim.printed,
        difference: null,
      }),
    );
  }
  return checked === 0 ? { findings, checked, notRun: '没有带单位的金额' } : { findings, checked };
}

function fmtFact(f: Fact): string {
  return `${formatFen(f.value, f.t.unit)}${f.t.unit}`;
}

function unitSlip(claim: AmountClaim, cands: readonly Fact[], perTerm: number): { fact: Fact; unit: MoneyUnit } | null {
  const number = claim.value / FEN_PER_UNIT[claim.unit];
  if (number === 0) return null;
  for (const unit of ['元', '万元', '亿元'] as MoneyUnit[]) {
    if (unit === claim.unit) continue;
    const v = Math.round(number * FEN_PER_UNIT[unit]);
    const res = Math.max(1, Math.round((claim.resolution / FEN_PER_UNIT[claim.unit]) * FEN_PER_UNIT[unit]));
    for (const f of cands) if (compareFigures(v, f.value, res, f.t.resolution, perTerm) === 'equal') return { fact: f, unit };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Percent arithmetic over printed precision

interface Interval {
  lo: number;
  hi: number;
}

/** The exact value a printed amount may stand for. */
function amountInterval(value: number, resolution: number): Interval {
  return { lo: value - resolution / 2, hi: value + resolution / 2 };
}

function percentInterval(p: PercentClaim): Interval {
  const half = 0.5 * 10 ** -p.decimals;
  return { lo: p.value - half, hi: p.value + half };
}

function ratioInterval(num: Interval, den: Interval): Interval | null {
  if (den.lo <= 0) return null;
  return { lo: (Math.max(0, num.lo) / den.hi) * 100, hi: (num.hi / den.lo) * 100 };
}

function overlaps(a: Interval, b: Interval): boolean {
  const eps = 1e-9;
  return a.lo <= b.hi + eps && b.lo <= a.hi + eps;
}

function fmtPct(x: number, decimals: number): string {
  return `${x.toFixed(Math.max(2, decimals))}%`;
}

interface Denominator {
  value: number;
  resolution: number;
  label: string;
  fact?: Fact;
}

function claimDen(a: AmountClaim): Denominator {
  return { value: a.value, resolution: a.resolution, label: `正文「${a.label}${a.printed}」` };
}

function factDen(f: Fact): Denominator {
  return { value: f.value, resolution: f.t.resolution, label: `${f.label} ${fmtFact(f)}`, fact: f };
}

function shareOk(part: AmountClaim, den: Denominator, p: PercentClaim): boolean {
  const r = ratioInterval(amountInterval(part.value, part.resolution), amountInterval(den.value, den.resolution));
  return r !== null && overlaps(r, percentInterval(p));
}

function exactShare(part: AmountClaim, den: Denominator): number {
  return (part.value / den.value) * 100;
}

// ---------------------------------------------------------------------------------------------
// Shares (占 x%)

function runShares(ctx: CheckContext, facts: FactIndex): RuleResult {
  const { parsed, concepts, labelCtx } = analyse(ctx);
  const findings: Finding[] = [];
  let checked = 0;
  const bySentence = groupBySentence(parsed);
  const namedWholes = new Map<PercentClaim, { den: Denominator; explicit: boolean; head: boolean }[]>();
  for (const p of parsed.percents) {
    const share = /^占(.*?)的?$/.exec(p.label) ?? /占(.*?)的?比重为?$/.exec(p.label);
    if (!share || /完成|执行/.test(p.label)) continue;
    const inSentence = bySentence.get(p.sentence) ?? [];
    // "占支出合计150.00万元的33.33%": an amount inside the 占 phrase is the whole, not the part.
    const phraseStart = p.labelStart;
    const inPhrase = inSentence.filter((a) => a.start >= phraseStart && a.end <= p.start);
    const part = inSentence.filter((a) => a.end <= phraseStart && !a.change).pop();
    if (!part) continue;
    const dens: { den: Denominator; explicit: boolean; head: boolean }[] = [];
    const named = share[1] ?? '';
    for (const a of inPhrase) dens.push({ den: claimDen(a), explicit: true, head: false });
    if (named && inPhrase.length === 0) {
      const fake = { ...part, label: named, change: null, subject: null };
      const concept = conceptOf(fake, labelCtx, null);
      if (concept) {
        for (const f of candidates(concept, facts)) dens.push({ den: factDen(f), explicit: true, head: false });
        for (const a of parsed.amounts) {
          if (a === part || a.start > p.start || a.start < p.start - 2000) continue;
          const ac = concepts.get(a);
          if (ac && ac.name === concept.name) dens.push({ den: claimDen(a), explicit: true, head: false });
        }
      }
    } else {
      // A whole named by an earlier share of the sentence ("占本年收入合计的85.71%；事业收入…，占9.52%").
      for (const [q, d] of namedWholes) if (q.sentence === p.sentence) dens.push(...d.map((x) => ({ ...x, explicit: false })));
      // The publication's totals are always plausible wholes.
      const totals: Concept = {
        name: '合计',
        strong: false,
        refs: [
          { type: 'summary', key: 'income.this-year' },
          { type: 'summary', key: 'income.grand' },
          { type: 'summary', key: 'expense.this-year' },
          { type: 'summary', key: 'expense.grand' },
        ],
      };
      for (const f of candidates(totals, facts)) dens.push({ den: factDen(f), explicit: false, head: false });
      const head = inSentence.find((a) => a !== part && !a.change && a.start < part.start && !isPriorOrOther(a.label, ctx.rd.year));
      if (head) dens.push({ den: claimDen(head), explicit: false, head: true });
      // The sentence before may state the whole ("支出合计2006.90万元，其中：…").
      const prevSentence = bySentence.get(p.sentence - 1) ?? [];
      const prevHead = prevSentence.find((a) => !a.change);
      if (prevHead) dens.push({ den: claimDen(prevHead), explicit: false, head: false });
      const pc = concepts.get(part);
      if (pc) {
        // Parts of “三公” are shares of the “三公” total; function classes of total spending.
        const totals: Concept[] = [];
        if (pc.refs.some((r) => r.type === 'three-public')) {
          const q = pc.refs[0]!.key.match(/@(budget|actual)$/)?.[0] ?? '';
          totals.push({ name: '“三公”经费', strong: true, refs: [{ type: 'three-public', key: `3p.total${q}` }, { type: 'three-public', key: '3p.total@actual' }] });
        }
        if (pc.code) {
          totals.push({
            name: '支出合计',
            strong: true,
            refs: [
              { type: 'general-expense', key: 'total' },
              { type: 'expense', key: 'total' },
              { type: 'summary', key: 'expense.this-year' },
            ],
          });
        }
        for (const tc of totals) for (const f of candidates(tc, facts)) dens.push({ den: factDen(f), explicit: false, head: false });
        // Basic/project shares of total spending.
        if (['基本支出', '项目支出', '人员经费', '公用经费'].includes(pc.name)) {
          for (const f of candidates({ name: '支出合计', strong: true, refs: [{ type: 'expense', key: 'total' }, { type: 'summary', key: 'expense.this-year' }, { type: 'general-basic', key: 'total' }] }, facts)) {
            dens.push({ den: factDen(f), explicit: false, head: false });
          }
        }
      }
    }
    if (named || inPhrase.length > 0) namedWholes.set(p, dens.filter((d) => d.explicit));
    const usable = dens.filter((d) => d.den.value > 0);
    if (usable.length === 0) continue;
    checked++;
    if (usable.some((d) => shareOk(part, d.den, p))) continue;
    // One unit of the last printed decimal off the correctly rounded share: 尾差 (a warning).
    const step = 10 ** -p.decimals;
    const near = p.decimals > 0 ? usable.find((d) => Math.abs(Number(exactShare(part, d.den).toFixed(p.decimals)) - p.value) <= step + 1e-9) : undefined;
    if (near) {
      const rounded = exactShare(part, near.den).toFixed(p.decimals);
      findings.push(
        makeFinding({
          rule: 'narrative.shares',
          kind: 'narrative',
          severity: 'warning',
          message: `正文「${quote(ctx, part.labelStart, p.end)}」：占比尾差，按 ${part.printed} ÷ ${near.den.label} 计算为 ${rounded}%，所写 ${p.value.toFixed(p.decimals)}%，相差 ${step.toFixed(p.decimals)} 个百分点（尾差）。`,
          location: ['narrative-share', claimKey(parsed, part, part.label + part.printed), p.value.toFixed(p.decimals)],
          cells: near.den.fact ? [cellOf(near.den.fact.t, near.den.fact.row, near.den.fact.col)] : [],
          narrative: spansOf(ctx.narrative, part.labelStart, p.end),
          expected: `${rounded}%`,
          actual: `${p.value.toFixed(p.decimals)}%`,
          difference: (p.value - Number(rounded)).toFixed(p.decimals),
        }),
      );
      continue;
    }
    // Certain when the whole is named, or when the sentence's other shares agree with its head.
    const head = usable.find((d) => d.head);
    const siblings = parsed.percents.filter((q) => q !== p && q.sentence === p.sentence && /^占$/.test(q.label));
    const siblingsAgree =
      head !== undefined &&
      siblings.length > 0 &&
      siblings.every((q) => {
        const qp = inSentence.filter((a) => a.end <= q.start && !a.change).pop();
        return qp !== undefined && qp !== part && shareOk(qp, head.den, q);
      });
    const explicit = usable.filter((d) => d.explicit);
    const certain = (explicit.length > 0 && new Set(explicit.map((d) => d.den.value)).size === 1) || siblingsAgree;
    const den = (explicit[0] ?? head ?? usable[0]!).den;
    const exact = exactShare(part, den);
    findings.push(
      makeFinding({
        rule: 'narrative.shares',
        kind: 'narrative',
        severity: certain ? 'error' : 'warning',
        message: `正文「${quote(ctx, part.labelStart, p.end)}」：占比 ${p.value.toFixed(p.decimals)}% 与计算不符，${part.label || '该项'} ${part.printed} ÷ ${den.label} = ${fmtPct(exact, p.decimals)}${certain ? '' : '（分母按上下文推断，请核对）'}。`,
        location: ['narrative-share', claimKey(parsed, part, part.label + part.printed), p.value.toFixed(p.decimals)],
        cells: den.fact ? [cellOf(den.fact.t, den.fact.row, den.fact.col)] : [],
        narrative: spansOf(ctx.narrative, part.labelStart, p.end),
        expected: fmtPct(exact, p.decimals),
        actual: `${p.value.toFixed(p.decimals)}%`,
        difference: null,
      }),
    );
  }
  return checked === 0 ? { findings, checked, notRun: '正文中没有可核算的占比' } : { findings, checked };
}

function groupBySentence(parsed: ParsedNarrative): Map<number, AmountClaim[]> {
  const map = new Map<number, AmountClaim[]>();
  for (const a of parsed.amounts) {
    const list = map.get(a.sentence) ?? [];
    list.push(a);
    map.set(a.sentence, list);
  }
  return map;
}

// ---------------------------------------------------------------------------------------------
// Changes (比上年增加 X万元，增长 y%)

const UP = /增加|增长|上升|提高|增支|超支/;
const DOWN = /减少|下降|降低|减支|节约|缩减/;

function direction(label: string): 'up' | 'down' | null {
  const up = label.search(UP);
  const down = label.search(DOWN);
  if (up < 0 && down < 0) return null;
  if (up < 0) return 'down';
  if (down < 0) return 'up';
  return up > down ? 'up' : 'down';
}

function runChanges(ctx: CheckContext, facts: FactIndex): RuleResult {
  const { parsed, concepts } = analyse(ctx);
  const findings: Finding[] = [];
  let checked = 0;
  const bySentence = groupBySentence(parsed);
  for (const p of parsed.percents) {
    const dir = direction(p.label);
    if (!dir || /^占|完成|执行率/.test(p.label)) continue;
    const inSentence = bySentence.get(p.sentence) ?? [];
    const before = inSentence.filter((a) => a.end <= p.start);
    const changeAmount = before.filter((a) => a.change).pop();
    let ok = false;
    let described = '';
    let certain = false;
    let tried = 0;
    let cells: Fact[] = [];
    if (changeAmount && p.start - changeAmount.end < 12) {
      // Form A: 增加 D万元，增长 P% — the current figure is what the sentence is about.
      if (changeAmount.change !== dir) {
        checked++;
        findings.push(
          makeFinding({
            rule: 'narrative.changes',
            kind: 'narrative',
            severity: 'error',
            message: `正文「${quote(ctx, changeAmount.labelStart, p.end)}」：金额写“${changeAmount.change === 'up' ? '增加' : '减少'}”而比例写“${dir === 'up' ? '增长' : '下降'}”，增减方向自相矛盾。`,
            location: ['narrative-change-direction', claimKey(parsed, changeAmount, changeAmount.label + changeAmount.printed)],
            narrative: spansOf(ctx.narrative, changeAmount.labelStart, p.end),
          }),
        );
        continue;
      }
      const D = changeAmount;
      const currents: Denominator[] = [];
      for (const a of before) {
        if (a === D || a.change || isPriorOrOther(a.label, ctx.rd.year)) continue;
        currents.push(claimDen(a));
      }
      const sameSentence = currents.length;
      // "一般公共预算收支预算增加 84.32万元" in its own sentence: the concept's figure.
      const fake = { ...D, label: D.label.replace(/(各)?(增加|减少|增长|下降|降低|上升)(了)?$/, ''), change: null, subject: D.subject };
      const c = fake.label ? conceptOf(fake, analyse(ctx).labelCtx, null) : null;
      if (c) {
        for (const f of candidates(c, facts)) currents.push(factDen(f));
        for (const a of parsed.amounts) if (a.start < D.start && a.start > D.start - 600 && concepts.get(a)?.name === c.name) currents.push(claimDen(a));
      }
      if (currents.length === 0) continue;
      checked++;
      tried = currents.length;
      for (const cur of currents) {
        const dInt = amountInterval(D.value, D.resolution);
        const cInt = amountInterval(cur.value, cur.resolution);
        const prev: Interval = dir === 'up' ? { lo: cInt.lo - dInt.hi, hi: cInt.hi - dInt.lo } : { lo: cInt.lo + dInt.lo, hi: cInt.hi + dInt.hi };
        const r = ratioInterval(dInt, prev);
        if (r && overlaps(r, percentInterval(p))) {
          ok = true;
          break;
        }
      }
      if (ok) continue;
      const cur = currents[0]!;
      const prevValue = dir === 'up' ? cur.value - D.value : cur.value + D.value;
      const exact = prevValue > 0 ? (D.value / prevValue) * 100 : NaN;
      described = `本年 ${fmtClaim(cur.value)}，${dir === 'up' ? '增加' : '减少'} ${D.printed}，则上年为 ${fmtClaim(prevValue)}，${dir === 'up' ? '增长' : '下降'}率应为 ${Number.isFinite(exact) ? fmtPct(exact, p.decimals) : '无法计算'}`;
      certain = sameSentence > 0 && new Set(currents.slice(0, sameSentence).map((x) => x.value)).size === 1;
      cells = currents.map((x) => x.fact).filter((f): f is Fact => f !== undefined);
      findings.push(changeFinding(ctx, parsed, D, p, described, certain, cells, tried));
      continue;
    }
    // Form B: 上年执行数 X万元，本年预算 Y万元，比上年增加 P%.
    const priors = before.filter((a) => !a.change && isPriorOrOther(a.label, ctx.rd.year));
    const currents = before.filter((a) => !a.change && !isPriorOrOther(a.label, ctx.rd.year));
    const prior = priors[priors.length - 1];
    if (!prior || currents.length === 0 || prior.value === 0) continue;
    checked++;
    const X = prior;
    const good = currents.filter((Y) => {
      const actualDir = Y.value > X.value ? 'up' : Y.value < X.value ? 'down' : null;
      const diff: Interval = {
        lo: Math.abs(Y.value - X.value) - (Y.resolution + X.resolution) / 2,
        hi: Math.abs(Y.value - X.value) + (Y.resolution + X.resolution) / 2,
      };
      const r = ratioInterval(diff, amountInterval(X.value, X.resolution));
      return (actualDir === dir || actualDir === null || diff.lo <= 0) && r !== null && overlaps(r, percentInterval(p));
    });
    if (good.length > 0) continue;
    const Y = currents[currents.length - 1]!;
    const actualDir = Y.value > X.value ? '增加' : '减少';
    const exact = (Math.abs(Y.value - X.value) / X.value) * 100;
    findings.push(
      makeFinding({
        rule: 'narrative.changes',
        kind: 'narrative',
        severity: currents.length === 1 ? 'error' : 'warning',
        message: `正文「${quote(ctx, X.labelStart, p.end)}」：${X.label}${X.printed}，${Y.label}${Y.printed}，实际${actualDir} ${fmtPct(exact, p.decimals)}，与所写“${p.label.replace(/^.*?(增加|减少|增长|下降|降低|上升)/, '$1')}${p.value.toFixed(p.decimals)}%”不符。`,
        location: ['narrative-change', claimKey(parsed, Y, Y.label + Y.printed), p.value.toFixed(p.decimals)],
        narrative: spansOf(ctx.narrative, X.labelStart, p.end),
        expected: `${actualDir}${fmtPct(exact, p.decimals)}`,
        actual: `${dir === 'up' ? '增加' : '减少'}${p.value.toFixed(p.decimals)}%`,
        difference: null,
      }),
    );
  }
  // "比上年持平" between two printed figures of the sentence; the reason given against the direction.
  for (let si = 0; si < parsed.sentences.length; si++) {
    const s = parsed.sentences[si]!;
    const claims = bySentence.get(si) ?? [];
    const priors = claims.filter((a) => !a.change && isPriorOrOther(a.label, ctx.rd.year));
    const currents = claims.filter((a) => !a.change && !isPriorOrOther(a.label, ctx.rd.year));
    const flat = /(比|与|较)[^，。；]{0,16}持平|无增减/.exec(s.text);
    if (flat && priors.length === 1 && currents.length >= 1) {
      const X = priors[0]!;
      const Y = currents[currents.length - 1]!;
      if (Y.start < X.start) continue;
      checked++;
      if (compareFigures(X.value, Y.value, X.resolution, Y.resolution, 0) !== 'equal') {
        findings.push(
          makeFinding({
            rule: 'narrative.changes',
            kind: 'narrative',
            severity: 'error',
            message: `正文「${quote(ctx, X.labelStart, s.start + flat.index + flat[0].length)}」写“持平”，但 ${X.label}${X.printed}、${Y.label}${Y.printed}，${Y.value > X.value ? '增加' : '减少'} ${fmtClaim(Math.abs(Y.value - X.value))}。`,
            location: ['narrative-flat', claimKey(parsed, Y, Y.label + Y.printed)],
            narrative: spansOf(ctx.narrative, X.labelStart, s.start + flat.index + flat[0].length),
            expected: '持平',
            actual: `${Y.value > X.value ? '增加' : '减少'}${formatFen(Math.abs(Y.value - X.value), '万元')}万元`,
            difference: formatFen(Y.value - X.value, '万元'),
          }),
        );
      }
    }
  }
  for (const p of parsed.percents) {
    const dir = direction(p.label);
    if (!dir || /^占|完成|执行率/.test(p.label)) continue;
    // The reason in this or the next sentence: "主要原因是：……经费增加".
    const next = parsed.sentences.slice(p.sentence, p.sentence + 2).map((x) => x.text).join('');
    const after = next.slice(Math.max(0, next.indexOf(ctx.narrative.text.slice(p.start, p.end)) + (p.end - p.start)));
    const reason = /主要原因(是|为)?[:：]?([^。\n]{0,60})/.exec(after);
    if (!reason) continue;
    const words = reason[2]!;
    const up = UP.test(words);
    const down = DOWN.test(words);
    if (up === down) continue;
    checked++;
    if ((dir === 'up' && down) || (dir === 'down' && up)) {
      findings.push(
        makeFinding({
          rule: 'narrative.changes',
          kind: 'narrative',
          severity: 'warning',
          message: `正文写“${p.label.replace(/^.*?(比)/, '$1')}${p.value.toFixed(p.decimals)}%”，所述原因却是“${words.trim()}”，增减方向不一致。`,
          location: ['narrative-reason', p.value.toFixed(p.decimals), squash(words)],
          narrative: spansOf(ctx.narrative, p.labelStart, p.end),
          expected: dir === 'up' ? '增加的原因' : '减少的原因',
          actual: words.trim(),
        }),
      );
    }
  }
  return checked === 0 ? { findings, checked, notRun: '正文中没有可核算的增减变动' } : { findings, checked };
}

function changeFinding(
  ctx: CheckContext,
  parsed: ParsedNarrative,
  D: AmountClaim,
  p: PercentClaim,
  described: string,
  certain: boolean,
  facts: Fact[],
  tried: number,
): Finding {
  return makeFinding({
    rule: 'narrative.changes',
    kind: 'narrative',
    severity: certain ? 'error' : 'warning',
    message: `正文「${quote(ctx, D.labelStart, p.end)}」：增减额与增减率不一致（${described}，正文写 ${p.value.toFixed(p.decimals)}%）${certain ? '' : tried > 1 ? '（本年数按上下文推断，请核对）' : ''}。`,
    location: ['narrative-change', claimKey(parsed, D, D.label + D.printed), p.value.toFixed(p.decimals)],
    cells: facts.map((f) => cellOf(f.t, f.row, f.col)),
    narrative: spansOf(ctx.narrative, D.labelStart, p.end),
    expected: null,
    actual: `${p.value.toFixed(p.decimals)}%`,
    difference: null,
  });
}

// ---------------------------------------------------------------------------------------------
// 决算 completion: 年初预算为 X万元，支出决算为 Y万元，完成年初预算的 Z%; 大于/小于 wording

const BUDGET_LABEL = /年初预算|预算数|预算为|^预算$|调整后预算|全年预算/;
const ACTUAL_LABEL = /决算/;

function runCompletion(ctx: CheckContext, facts: FactIndex): RuleResult {
  const { parsed, concepts } = analyse(ctx);
  const findings: Finding[] = [];
  let checked = 0;
  const bySentence = groupBySentence(parsed);
  const sentenceCount = parsed.sentences.length;
  for (let si = 0; si < sentenceCount; si++) {
    const claims = bySentence.get(si) ?? [];
    const budget = claims.find((a) => BUDGET_LABEL.test(a.label) && !ACTUAL_LABEL.test(a.label));
    let actual = claims.find((a) => ACTUAL_LABEL.test(a.label) && (!budget || a.start > budget.start));
    const pct = parsed.percents.find((p) => p.sentence === si && /完成(年初)?(全年)?预算(数)?的?$|预算完成率为?$|执行率为?$/.test(p.label));
    let X: Denominator | null = budget ? claimDen(budget) : null;
    // 三公 parts quote the 决算 and the rate; the 预算数 is in the table.
    if (!X && actual && pct) {
      const c = concepts.get(actual);
      if (c && c.refs.some((r) => r.type === 'three-public')) {
        const refs = c.refs.map((r) => ({ ...r, key: r.key.replace(/@(budget|actual)$/, '') + '@budget' }));
        const f = candidates({ ...c, refs }, facts)[0];
        if (f) X = factDen(f);
      }
    }
    if (!actual && budget && pct) actual = claims.find((a) => a.start > budget.start && a !== budget && !a.change);
    if (!X || !actual) continue;
    const Y = actual;
    if (pct && X.value > 0) {
      checked++;
      const r = ratioInterval(amountInterval(Y.value, Y.resolution), amountInterval(X.value, X.resolution));
      if (!r || !overlaps(r, percentInterval(pct))) {
        const exact = (Y.value / X.value) * 100;
        findings.push(
          makeFinding({
            rule: 'narrative.completion',
            kind: 'narrative',
            severity: budget ? 'error' : 'warning',
            message: `正文「${quote(ctx, (budget ?? Y).labelStart, pct.end)}」：决算 ${Y.printed} ÷ 预算 ${formatFen(X.value, '万元')}万元 = ${fmtPct(exact, pct.decimals)}，与所写完成率 ${pct.value.toFixed(pct.decimals)}% 不符。`,
            location: ['narrative-completion', claimKey(parsed, Y, Y.label + Y.printed), pct.value.toFixed(pct.decimals)],
            cells: X.fact ? [cellOf(X.fact.t, X.fact.row, X.fact.col)] : [],
            narrative: spansOf(ctx.narrative, (budget ?? Y).labelStart, pct.end),
            expected: fmtPct(exact, pct.decimals),
            actual: `${pct.value.toFixed(pct.decimals)}%`,
            difference: null,
          }),
        );
      }
    }
    // Wording: "决算数大于/小于/等于预算数" in this or the next two sentences of the item.
    if (!budget) continue;
    for (let sj = si; sj < Math.min(sentenceCount, si + 3); sj++) {
      const s = parsed.sentences[sj]!;
      if (sj > si && /^\s*(\d{1,2}[.、](?!\d)|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)/.test(s.text)) break;
      const m = /决算(支出)?(数)?[^，。；]{0,6}?(大于|小于|等于|高于|低于|超过|少于|超出)[^，。；]{0,6}?预算/.exec(s.text);
      if (!m) continue;
      checked++;
      const word = m[3]!;
      const says = /大于|高于|超过|超出/.test(word) ? 'more' : /小于|低于|少于/.test(word) ? 'less' : 'equal';
      const cmp = compareFigures(Y.value, X.value, Y.resolution, X.resolution, 0);
      const is = cmp === 'equal' ? 'equal' : Y.value > X.value ? 'more' : 'less';
      if (says !== is) {
        const start = s.start + m.index;
        findings.push(
          makeFinding({
            rule: 'narrative.completion',
            kind: 'narrative',
            severity: 'error',
            message: `正文写“${m[0]}”，但决算 ${Y.printed}${is === 'more' ? '大于' : is === 'less' ? '小于' : '等于'}年初预算 ${budget.printed}，比较用语与数字相反。`,
            location: ['narrative-comparison', claimKey(parsed, Y, Y.label + Y.printed), word],
            narrative: [...spansOf(ctx.narrative, budget.labelStart, Y.end), ...spansOf(ctx.narrative, start, start + m[0].length)],
            expected: is === 'more' ? '大于' : is === 'less' ? '小于' : '等于',
            actual: word,
            difference: null,
          }),
        );
      }
      break;
    }
  }
  return checked === 0 ? { findings, checked, notRun: '正文中没有“年初预算/决算/完成率”的表述' } : { findings, checked };
}

// ---------------------------------------------------------------------------------------------
// Sums stated in the narrative: a whole and its complete parts (货物 + 工程 + 服务, 三公 parts,
// 人员经费 + 公用经费) quoted together must add up.

interface Split {
  name: string;
  total: (label: string, concept: Concept | null) => boolean;
  parts: { name: string; test: (label: string, concept: Concept | null) => boolean }[];
}

const byConcept = (name: string) => (_label: string, c: Concept | null): boolean => c?.name === name;

const SPLITS: readonly Split[] = [
  {
    name: '政府采购',
    total: (l) => /政府采购/.test(l) && !/货物|工程|服务|中小企业|小微|小型|微型/.test(l),
    parts: [
      { name: '货物', test: (l) => /政府采购货物/.test(l) },
      { name: '工程', test: (l) => /政府采购工程/.test(l) },
      { name: '服务', test: (l) => /政府采购服务/.test(l) },
    ],
  },
  {
    name: '“三公”经费',
    total: byConcept('“三公”经费'),
    parts: [
      { name: '因公出国（境）费', test: byConcept('因公出国（境）费') },
      { name: '公务用车购置及运行费', test: byConcept('公务用车购置及运行费') },
      { name: '公务接待费', test: byConcept('公务接待费') },
    ],
  },
  {
    name: '公务用车购置及运行费',
    total: byConcept('公务用车购置及运行费'),
    parts: [
      { name: '公务用车购置费', test: byConcept('公务用车购置费') },
      { name: '公务用车运行维护费', test: byConcept('公务用车运行维护费') },
    ],
  },
  {
    name: '基本支出',
    total: (_l, c) => c?.name === '基本支出' || c?.name === '一般公共预算基本支出',
    parts: [
      { name: '人员经费', test: byConcept('人员经费') },
      { name: '公用经费', test: byConcept('公用经费') },
    ],
  },
];

/** The 预算数/决算数 side of a 三公 figure, so budget parts are never added to an actual total. */
function sideOf(c: Concept | null | undefined): string {
  const key = c?.refs[0]?.key ?? '';
  return /@budget$/.test(key) ? 'budget' : /@actual$/.test(key) ? 'actual' : '';
}

function runSums(ctx: CheckContext): RuleResult {
  const { parsed, concepts } = analyse(ctx);
  const findings: Finding[] = [];
  let checked = 0;
  const claims = parsed.amounts.filter((a) => !a.change && !isPriorOrOther(a.label, ctx.rd.year));
  for (const split of SPLITS) {
    claims.forEach((total, i) => {
      const tc = concepts.get(total) ?? null;
      if (!split.total(total.label, tc)) return;
      // Parts follow the whole within its section: up to the next whole of this split.
      const found: AmountClaim[] = [];
      for (const part of split.parts) {
        for (let j = i + 1; j < claims.length; j++) {
          const a = claims[j]!;
          if (a.start - total.end > 800) break;
          const ac = concepts.get(a) ?? null;
          if (split.total(a.label, ac)) break;
          if (part.test(a.label, ac) && sideOf(ac) === sideOf(tc)) {
            found.push(a);
            break;
          }
        }
      }
      if (found.length !== split.parts.length) return;
      checked++;
      const sum = found.reduce((a, b) => a + b.value, 0);
      // A printed 0 is exactly nothing, whatever its decimals.
      const resolution = Math.max(total.resolution, ...found.filter((f) => f.value !== 0).map((f) => f.resolution));
      const diff = total.value - sum;
      const tolerance = ctx.options.roundingPerTerm * Math.max(1, found.filter((f) => f.value !== 0).length) * resolution;
      if (Math.abs(diff) * 2 < resolution) return;
      const severity: Severity = Math.abs(diff) <= tolerance ? 'note' : 'error';
      findings.push(
        makeFinding({
          rule: 'narrative.sums',
          kind: 'narrative',
          severity,
          message: `正文${split.name} ${total.printed} ≠ ${found.map((f, k) => `${split.parts[k]!.name} ${f.printed}`).join(' + ')} = ${fmtClaim(sum)}，相差 ${fmtClaim(Math.abs(diff))}${severity === 'note' ? '，在四舍五入尾差范围内（尾差）' : ''}。`,
          location: ['narrative-sum', split.name, claimKey(parsed, total, total.label + total.printed)],
          narrative: [...spansOf(ctx.narrative, total.labelStart, total.end), ...found.flatMap((f) => spansOf(ctx.narrative, f.labelStart, f.end))],
          expected: formatFen(sum, '万元'),
          actual: formatFen(total.value, '万元'),
          difference: formatFen(diff, '万元'),
        }),
      );
    });
  }
  return checked === 0 ? { findings, checked, notRun: '正文中没有同时列出总数与全部分项的表述' } : { findings, checked };
}

export function narrativeRules(facts: FactIndex): Rule[] {
  return [
    { id: 'narrative.amounts', title: '正文金额与表格一致', kind: 'narrative', run: (ctx) => runAmounts(ctx, facts) },
    { id: 'narrative.shares', title: '正文占比（占x%）计算正确', kind: 'narrative', run: (ctx) => runShares(ctx, facts) },
    { id: 'narrative.changes', title: '正文增减额与增减率一致', kind: 'narrative', run: (ctx) => runChanges(ctx, facts) },
    { id: 'narrative.completion', title: '决算完成率与“大于/小于预算”的表述正确', kind: 'narrative', run: (ctx) => runCompletion(ctx, facts) },
    { id: 'narrative.sums', title: '正文所列分项之和等于总数（采购、三公、基本支出）', kind: 'narrative', run: runSums },
  ];
}

export function unitRules(facts: FactIndex): Rule[] {
  return [{ id: 'units', title: '金额单位：元/亿元折算为万元后核对，单位笔误', kind: 'unit', run: (ctx) => runUnits(ctx, facts) }];
}
