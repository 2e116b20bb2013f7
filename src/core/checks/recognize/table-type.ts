/**
 * Which standard table a printed table is, from its title (tolerant of regional wording), its code
 * (决算 公开01–09表) and, failing both, its header.
 */
import { squash } from '../text';

export type TableType =
  /** 收支总表: 部门收支预算表, 部门财务收支预算总表, 收入支出决算总表 */
  | 'summary'
  /** 收入表: 部门收入预算表, 收入决算表 */
  | 'income'
  /** 支出表: 部门支出预算表, 支出决算表 */
  | 'expense'
  /** 财政拨款收支表: 财政拨款收支预算表, 财政拨款收入支出决算总表 */
  | 'fiscal-summary'
  /** 一般公共预算支出表 (功能分类) */
  | 'general-expense'
  /** 一般公共预算基本支出表 (经济分类) */
  | 'general-basic'
  /** 一般公共预算基本支出明细表 listed by 项目 (人员类/公用经费) rather than by economic code */
  | 'basic-detail'
  /** 支出经济分类汇总表 (basic and project spending) */
  | 'econ-summary'
  /** “三公”经费表 (possibly with 机关运行经费) */
  | 'three-public'
  | 'gov-fund'
  | 'state-capital'
  | 'project'
  /** 机关（机构）运行经费表 */
  | 'admin-cost'
  | 'procurement'
  | 'assets'
  | 'performance'
  | 'other';

export const TABLE_TYPE_TITLES: Record<TableType, string> = {
  summary: '收支总表',
  income: '收入表',
  expense: '支出表',
  'fiscal-summary': '财政拨款收支表',
  'general-expense': '一般公共预算支出表',
  'general-basic': '一般公共预算基本支出表',
  'basic-detail': '一般公共预算基本支出明细表',
  'econ-summary': '支出经济分类汇总表',
  'three-public': '“三公”经费表',
  'gov-fund': '政府性基金支出表',
  'state-capital': '国有资本经营支出表',
  project: '项目支出表',
  'admin-cost': '机关运行经费表',
  procurement: '政府采购表',
  assets: '国有资产表',
  performance: '绩效目标表',
  other: '其他表格',
};

/** 决算 disclosure codes are national: 公开01–09表. */
const FINAL_ACCOUNT_CODES: Record<number, TableType> = {
  1: 'summary',
  2: 'income',
  3: 'expense',
  4: 'fiscal-summary',
  5: 'general-expense',
  6: 'general-basic',
  7: 'gov-fund',
  8: 'state-capital',
  9: 'three-public',
};

export type Confidence = 'high' | 'medium' | 'low';

export interface TableClass {
  type: TableType;
  confidence: Confidence;
  /** what the classification rests on, for reports */
  by: 'title' | 'code' | 'header' | 'none';
}

/** The title without years, unit prefixes and decorations: "2025年部门收支预算表" → "收支预算表". */
export function titleCore(title: string): string {
  return squash(title)
    .replace(/^\d+[.、]/, '')
    .replace(/^[（(]?\d{4}年度?[)）]?/, '')
    .replace(/\d{4}年度?/g, '')
    .replace(/^(附表|附件)\d*[:：]?/, '')
    .replace(/^(本级)?(部门|预算单位|单位)(\(单位\))?/, '');
}

/** Classifies by title words; null when the title names no standard table. */
export function classifyTitle(title: string): TableType | null {
  const t = titleCore(title);
  if (!t) return null;
  if (/三公/.test(t)) return 'three-public';
  if (/机关(\(机构\))?运行经费/.test(t)) return 'admin-cost';
  if (/政府采购/.test(t)) return 'procurement';
  if (/(国有)?资产|固定资产/.test(t)) return 'assets';
  if (/绩效|自评/.test(t)) return 'performance';
  if (/机构设置|人员情况|编制/.test(t) && !/收|支/.test(t)) return 'other';
  if (/政府性基金/.test(t)) return 'gov-fund';
  if (/国有资本经营/.test(t)) return 'state-capital';
  if (/项目支出/.test(t) && !/基本支出/.test(t)) return 'project';
  if (/经济分类/.test(t) && /汇总/.test(t)) return 'econ-summary';
  if (/一般公共预算/.test(t) && /基本支出/.test(t)) return /明细/.test(t) ? 'basic-detail' : 'general-basic';
  if (/一般公共预算/.test(t) && /支出/.test(t)) return 'general-expense';
  if (/财政拨款/.test(t) && /收/.test(t) && /支/.test(t)) return 'fiscal-summary';
  if (/收支|收入支出/.test(t)) return 'summary';
  if (/基本支出/.test(t)) return 'general-basic';
  if (/收入/.test(t)) return 'income';
  if (/支出/.test(t)) return 'expense';
  return null;
}

/** Classifies by the table code; only the 决算 公开NN表 numbering is national. */
export function classifyCode(code: string | null): TableType | null {
  if (!code) return null;
  const m = /公开(\d{1,2})表/.exec(squash(code));
  if (!m) return null;
  return FINAL_ACCOUNT_CODES[Number(m[1])] ?? null;
}

/** Classifies by header words (a table printed without a title). */
export function classifyHeader(headerText: string): TableType | null {
  const h = squash(headerText);
  if (!h) return null;
  if (/因公出国/.test(h) && /公务接待/.test(h)) return 'three-public';
  if (/绩效指标|指标值|一级指标/.test(h)) return 'performance';
  const incomeSide = /收入/.test(h);
  const expenseSide = /支出/.test(h);
  if (incomeSide && expenseSide && /项目.*(金额|预算数|决算数)/.test(h)) return /财政拨款/.test(h) ? 'fiscal-summary' : 'summary';
  if (/人员经费/.test(h) && /公用经费/.test(h) && /经济分类|科目编码/.test(h) && !/项目支出/.test(h)) return 'general-basic';
  if (/基本支出/.test(h) && /项目支出/.test(h)) return 'expense';
  return null;
}

/** Title first, then the 决算 code, then the header. */
export function classifyTable(title: string | null, code: string | null, headerText: string): TableClass {
  const byTitle = title ? classifyTitle(title) : null;
  if (byTitle) return { type: byTitle, confidence: 'high', by: 'title' };
  const byCode = classifyCode(code);
  if (byCode) return { type: byCode, confidence: 'medium', by: 'code' };
  const byHeader = classifyHeader(headerText);
  if (byHeader) return { type: byHeader, confidence: 'low', by: 'header' };
  return { type: 'other', confidence: 'low', by: 'none' };
}
