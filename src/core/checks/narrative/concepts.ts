/**
 * What a narrative label refers to: a named concept (收入总计, 基本支出, “三公”经费 …) mapped to
 * the table facts that print it, or a function code (a class named in the label, or the item's
 * 类/款/项 subject). Unknown labels map to nothing and are never checked.
 */
import type { CodeCatalogue } from '../dictionary/catalogue';
import { functionClassByName } from '../dictionary/catalogue';
import type { TableType } from '../recognize/table-type';
import { squash } from '../text';
import { yearsIn } from './parse';
import type { AmountClaim } from './parse';

/** A fact reference: the table type and the fact key. */
export interface FactRef {
  type: TableType;
  key: string;
}

export interface Concept {
  /** zh-CN name for messages */
  name: string;
  refs: FactRef[];
  /** the label names the concept plainly (an error is possible); else a warning at most */
  strong: boolean;
  /** a function code (for code-name checks) */
  code?: string;
  /** a figure the tables do not print (决算 年初预算): not checked, but names the sentence's subject */
  skip?: boolean;
}

export interface LabelContext {
  docKind: '预算' | '决算' | null;
  year: number | null;
  catalogue: CodeCatalogue;
  /** resolves a 类/款/项 name path to a code using the document's own tables */
  codeByNames: (names: readonly string[]) => string | null;
}

interface ConceptRule {
  name: string;
  re: RegExp;
  /** label must not match */
  not?: RegExp;
  refs: (q: Qualifier) => FactRef[];
}

type Qualifier = 'budget' | 'actual' | null;

function three(part: string): (q: Qualifier) => FactRef[] {
  return (q) =>
    q
      ? [{ type: 'three-public', key: `3p.${part}@${q}` }]
      : [
          { type: 'three-public', key: `3p.${part}` },
          { type: 'three-public', key: `3p.${part}@actual` },
        ];
}

const RULES: readonly ConceptRule[] = [
  {
    name: '财政拨款收支总计',
    re: /财政拨款收支总计|财政拨款收入支出总计/,
    refs: () => [
      { type: 'fiscal-summary', key: 'income.grand' },
      { type: 'fiscal-summary', key: 'expense.grand' },
    ],
  },
  {
    name: '收支总计',
    re: /收支总计|收入支出总计/,
    refs: () => [
      { type: 'summary', key: 'income.grand' },
      { type: 'summary', key: 'expense.grand' },
    ],
  },
  { name: '收入总计', re: /收入总计/, refs: () => [{ type: 'summary', key: 'income.grand' }] },
  { name: '支出总计', re: /支出总计/, refs: () => [{ type: 'summary', key: 'expense.grand' }] },
  { name: '“三公”经费', re: /三公经费|三公/, refs: three('total') },
  { name: '因公出国（境）费', re: /因公出国/, refs: three('abroad') },
  { name: '公务用车购置及运行费', re: /公务用车购置及运/, refs: three('car') },
  { name: '公务用车购置费', re: /公务用车购置(费|支出)?$/, refs: three('car-buy') },
  { name: '公务用车运行维护费', re: /公务用车运行(维护)?(费|支出)?$/, refs: three('car-run') },
  { name: '公务接待费', re: /公务接待费?(支出)?$|公务接待费/, not: /外宾|国内/, refs: three('reception') },
  {
    name: '机关运行经费',
    re: /机关(\(机构\))?运行经费/,
    refs: () => [
      { type: 'admin-cost', key: 'admin.total' },
      { type: 'three-public', key: 'admin.total' },
    ],
  },
  {
    name: '政府采购预算',
    re: /政府采购(预算|支出)?(总额|金额)?(安排|为|共计)?$/,
    not: /货物|工程|服务|中小企业|小微/,
    refs: () => [{ type: 'procurement', key: 'procurement.total' }],
  },
  {
    name: '固定资产总额',
    re: /固定资产(总额|金额|价值|原值|合计)/,
    not: /拟|购置|新增|处置/,
    refs: () => [{ type: 'assets', key: 'assets.total' }],
  },
  {
    name: '一般公共预算基本支出',
    re: /一般公共预算(财政拨款)?基本支出/,
    refs: () => [
      { type: 'general-basic', key: 'total' },
      { type: 'general-expense', key: 'total@basic' },
    ],
  },
  {
    name: '基本支出',
    re: /基本支出/,
    refs: () => [
      { type: 'expense', key: 'total@basic' },
      { type: 'general-expense', key: 'total@basic' },
      { type: 'general-basic', key: 'total' },
    ],
  },
  {
    name: '项目支出',
    re: /项目支出/,
    not: /绩效|自评|涉及/,
    refs: () => [
      { type: 'expense', key: 'total@project' },
      { type: 'general-expense', key: 'total@project' },
      { type: 'project', key: 'project.total' },
    ],
  },
  {
    name: '人员经费',
    re: /人员经费/,
    not: /离退休|退休|离休|在职|临时/,
    refs: () => [
      { type: 'general-basic', key: 'total@personnel' },
      { type: 'general-basic', key: 'basic.personnel' },
      { type: 'general-expense', key: 'total@personnel' },
      { type: 'expense', key: 'total@personnel' },
    ],
  },
  {
    name: '公用经费',
    re: /公用经费/,
    refs: () => [
      { type: 'general-basic', key: 'total@public' },
      { type: 'general-basic', key: 'basic.public' },
      { type: 'general-expense', key: 'total@public' },
      { type: 'expense', key: 'total@public' },
    ],
  },
  {
    name: '财政拨款收入',
    re: /财政拨款(收入|拨款收入)$|^财政拨款收入/,
    refs: () => [
      { type: 'summary', key: 'income.item:fiscal' },
      { type: 'summary', key: 'income.item:general' },
      { type: 'income', key: 'total@fiscal' },
      { type: 'fiscal-summary', key: 'income.this-year' },
    ],
  },
  {
    name: '一般公共预算',
    re: /一般公共预算/,
    not: /政府性基金|国有资本/,
    refs: () => [
      { type: 'summary', key: 'income.item:general' },
      { type: 'fiscal-summary', key: 'income.item:general' },
      { type: 'fiscal-summary', key: 'expense.this-year@general' },
      { type: 'general-expense', key: 'total' },
      { type: 'income', key: 'total@general' },
    ],
  },
  {
    name: '政府性基金',
    re: /政府性基金/,
    refs: () => [
      { type: 'summary', key: 'income.item:fund' },
      { type: 'fiscal-summary', key: 'income.item:fund' },
      { type: 'fiscal-summary', key: 'expense.this-year@fund' },
      { type: 'gov-fund', key: 'total' },
    ],
  },
  {
    name: '国有资本经营预算',
    re: /国有资本经营/,
    refs: () => [
      { type: 'summary', key: 'income.item:soe' },
      { type: 'fiscal-summary', key: 'income.item:soe' },
      { type: 'fiscal-summary', key: 'expense.this-year@soe' },
      { type: 'state-capital', key: 'total' },
    ],
  },
  {
    name: '收入合计',
    re: /^(本年|部门|本部门|单位|本单位|我部门|我单位)?(预算|决算)?收入(合计|预算|决算|总额|总计)*(为|是|共计)?$/,
    refs: () => [
      { type: 'summary', key: 'income.this-year' },
      { type: 'summary', key: 'income.grand' },
      { type: 'income', key: 'income.this-year' },
      { type: 'income', key: 'total' },
    ],
  },
  {
    name: '支出合计',
    re: /^(本年|部门|本部门|单位|本单位|我部门|我单位)?(预算|决算)?支出(合计|预算|决算|总额|总计)*(为|是|共计)?$|^支出合计/,
    refs: () => [
      { type: 'summary', key: 'expense.this-year' },
      { type: 'summary', key: 'expense.grand' },
      { type: 'expense', key: 'total' },
    ],
  },
];

/** Words that qualify a figure without changing what it is. */
const FILLER = /20\d{2}年度?|本年度?|当年|全年|部门|本部门|我部门|单位|本单位|我单位|预算数?|决算数?|支出|收入|安排|为|共计|合计|总额|财政拨款|拨款|数|的|年初|“|”|其中|主要|用于|是|资金|收支|各/g;

/** A prior-year or comparison figure (比上年…, 上年预算数, 2025年执行数 in a 2026 budget). */
export function isPriorOrOther(label: string, year: number | null): boolean {
  if (/(比|较|与|同)上年|上年(?!末|期末|底)|上一年|去年|执行数|调整(后)?预算|追加|结余率|节约/.test(label)) return true;
  const years = yearsIn(label);
  if (year !== null && years.some((y) => y !== year)) return true;
  return false;
}

function qualifierOf(label: string, docKind: '预算' | '决算' | null): Qualifier {
  if (docKind !== '决算') return null;
  if (/决算/.test(label)) return 'actual';
  if (/预算/.test(label)) return 'budget';
  return null;
}

const PLAIN = /^(支出|收入)?(年初)?(决算|预算)(数|支出|安排)?(数)?为?$|^(预算)?安排$|^支出决算数?为?$/;

/** The concept of an amount's label; null when the label names nothing the tables print. */
export function conceptOf(claim: AmountClaim, ctx: LabelContext, previous: Concept | null): Concept | null {
  if (!claim.label || claim.change) return null;
  if (isPriorOrOther(claim.label, ctx.year)) return null;
  // The subject (department name, 上年末) and the year are not part of what the figure is.
  const label = claim.label
    .replace(/^(和|及|与|以及)/, '')
    .replace(/^(20\d{2}年度?|本年度?)/, '')
    .replace(/^[^，。]{2,}?(局|委员会|办事处|办公室|中心)(本级|本部)?(\(含所属单位\))?/, '')
    .replace(/^(上年末|上年期末|年末|期末)/, '')
    .replace(/^(20\d{2}年度?|本年度?)/, '');
  if (!label) return null;
  // The publication's own year anywhere in the label ("本部门2025年收入预算总额为") says nothing.
  const yearFree = ctx.year !== null ? label.replace(new RegExp(`${ctx.year}年度?`, 'g'), '') : label;
  return conceptOfLabel(yearFree, claim, ctx, previous);
}

function conceptOfLabel(label: string, claim: AmountClaim, ctx: LabelContext, previous: Concept | null): Concept | null {
  if (!label) return null;
  const q = qualifierOf(label, ctx.docKind);
  // 决算 items: 年初预算 figures are not in the tables (except 三公 预算数).
  const budgetOnly = ctx.docKind === '决算' && q === 'budget';
  if (PLAIN.test(label)) {
    // "支出决算为4.35万元" after "“三公”经费…预算为6.50万元": the sentence's concept continues.
    if (previous) {
      const threePublic = previous.refs.some((r) => r.type === 'three-public');
      if (threePublic) {
        const refs = previous.refs.map((r) => ({ ...r, key: r.key.replace(/@(budget|actual)$/, '') + (q ? `@${q}` : '') }));
        return { ...previous, refs, skip: false };
      }
      return { ...previous, skip: budgetOnly };
    }
    // The item's subject: "（204类）司法（06款）行政运行（01项）… 2026年预算安排1672.67万元".
    const subject = claim.subject;
    if (subject) {
      const code = subject.code ?? ctx.codeByNames(subject.names);
      if (code) return { ...codeConcept(code, label, subject.code !== null || code.length === 7), skip: budgetOnly };
    }
    return null;
  }
  for (const rule of RULES) {
    if (!rule.re.test(label) || (rule.not && rule.not.test(label))) continue;
    const residual = label.replace(rule.re, '').replace(FILLER, '');
    const refs = rule.refs(q);
    const skip = budgetOnly && !refs.some((r) => r.type === 'three-public');
    return { name: rule.name, refs, strong: residual.length <= 2, skip };
  }
  // A function class named in the label: "卫生健康支出14.60万元", "科学技术（类）支出".
  const cls = functionClassByName(label.replace(/\(类\)/, ''), ctx.catalogue);
  if (cls) return { ...codeConcept(cls, label, true), skip: budgetOnly };
  // The item's headline: "1、公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元".
  const subject = claim.subject;
  if (subject && /[)）]$/.test(label) && /(类|款|项)[)）]$/.test(label)) {
    const code = subject.code ?? ctx.codeByNames(subject.names);
    if (code) return { ...codeConcept(code, label, subject.code !== null || code.length === 7), skip: budgetOnly };
  }
  return null;
}

function codeConcept(code: string, label: string, strong: boolean): Concept {
  return {
    name: `${code} 科目`,
    code,
    strong: strong && squash(label).length > 0,
    refs: [
      { type: 'general-expense', key: `code:${code}` },
      { type: 'expense', key: `code:${code}` },
      { type: 'income', key: `code:${code}` },
      { type: 'summary', key: `expense.class:${code}` },
      { type: 'fiscal-summary', key: `expense.class:${code}@general` },
    ],
  };
}
