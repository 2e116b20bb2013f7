/**
 * The cross-table relation catalog: one readable entry per relation between standard tables of the
 * same group (a department's set of tables, or a unit's). To add a relation, add an entry here;
 * facts are named in ./facts.ts. Scope matters: 支出经济分类汇总表 covers basic and project
 * spending of all funds, 一般公共预算基本支出表 only basic spending of the general budget, so
 * their code rows are related by ≤, not =.
 */
import type { TableType } from './recognize/table-type';

export interface RelationSide {
  type: TableType;
  /** fact keys, first available wins */
  keys: readonly string[];
  /** fact keys summed (instead of `keys`) */
  sum?: readonly string[];
}

export interface Relation {
  id: string;
  /** zh-CN, as shown in the coverage checklist */
  title: string;
  left: RelationSide;
  right: RelationSide;
  /** '=' (default) or '≤' (left never exceeds right) */
  op?: '=' | '≤';
  /** for every code present on both sides: keys are templates with {code} */
  perCode?: { level?: 'class' | 'any' };
  /** column suffixes compared one by one (e.g. ['', '@basic', '@project']) */
  columns?: readonly string[];
  /** only for this kind of publication */
  docKind?: '预算' | '决算';
  /**
   * Only when the publication's funding makes the two figures the same by definition: all income
   * is general-budget money of this year (no carry-over, no other funds).
   */
  onlyGeneralFunds?: boolean;
  /** severity of a mismatch beyond rounding (default error) */
  severity?: 'error' | 'warning' | 'note';
}

export const RELATIONS: readonly Relation[] = [
  {
    id: 'summary-income=income-table',
    title: '收支总表“本年收入合计” = 收入表合计',
    left: { type: 'summary', keys: ['income.this-year'] },
    right: { type: 'income', keys: ['income.this-year'] },
  },
  {
    id: 'summary-grand-income=income-table',
    title: '收支总表“收入总计” = 收入表总计（含上年结转）',
    left: { type: 'summary', keys: ['income.grand'] },
    right: { type: 'income', keys: ['income.grand'] },
  },
  {
    id: 'summary-expense=expense-table',
    title: '收支总表“本年支出合计” = 支出表合计',
    left: { type: 'summary', keys: ['expense.this-year'] },
    right: { type: 'expense', keys: ['total'] },
  },
  {
    id: 'summary-class=expense-class',
    title: '收支总表各功能分类（类）支出 = 支出表同类合计',
    left: { type: 'summary', keys: ['expense.class:{code}'] },
    right: { type: 'expense', keys: ['code:{code}'] },
    perCode: { level: 'class' },
  },
  {
    id: 'summary-general-income=fiscal-general-income',
    title: '收支总表“一般公共预算拨款收入” = 财政拨款收支表一般公共预算拨款',
    left: { type: 'summary', keys: ['income.item:general'] },
    right: { type: 'fiscal-summary', keys: ['income.item:general'] },
  },
  {
    id: 'fiscal-general=general-expense',
    title: '财政拨款收支表一般公共预算支出 = 一般公共预算支出表合计',
    left: { type: 'fiscal-summary', keys: ['expense.this-year@general'] },
    right: { type: 'general-expense', keys: ['total'] },
  },
  {
    id: 'fiscal-class=general-expense-class',
    title: '财政拨款收支表各类一般公共预算支出 = 一般公共预算支出表同类合计',
    left: { type: 'fiscal-summary', keys: ['expense.class:{code}@general'] },
    right: { type: 'general-expense', keys: ['code:{code}'] },
    perCode: { level: 'class' },
  },
  {
    id: 'fiscal-fund=gov-fund',
    title: '财政拨款收支表政府性基金支出 = 政府性基金支出表合计',
    left: { type: 'fiscal-summary', keys: ['expense.this-year@fund'] },
    right: { type: 'gov-fund', keys: ['total'] },
  },
  {
    id: 'fiscal-soe=state-capital',
    title: '财政拨款收支表国有资本经营支出 = 国有资本经营支出表合计',
    left: { type: 'fiscal-summary', keys: ['expense.this-year@soe'] },
    right: { type: 'state-capital', keys: ['total'] },
  },
  {
    id: 'general-basic=basic-table',
    title: '一般公共预算支出表“基本支出” = 一般公共预算基本支出表合计',
    left: { type: 'general-expense', keys: ['total@basic'] },
    right: { type: 'general-basic', keys: ['total'], sum: ['basic.personnel', 'basic.public'] },
  },
  {
    id: 'general-personnel=basic-personnel',
    title: '一般公共预算支出表“人员经费” = 基本支出表人员经费',
    left: { type: 'general-expense', keys: ['total@personnel'] },
    right: { type: 'general-basic', keys: ['total@personnel', 'basic.personnel'] },
  },
  {
    id: 'general-public=basic-public',
    title: '一般公共预算支出表“公用经费” = 基本支出表公用经费',
    left: { type: 'general-expense', keys: ['total@public'] },
    right: { type: 'general-basic', keys: ['total@public', 'basic.public'] },
  },
  {
    id: 'basic-detail=basic-table',
    title: '基本支出明细表合计 = 一般公共预算基本支出表合计',
    left: { type: 'basic-detail', keys: ['total'] },
    right: { type: 'general-basic', keys: ['total'] },
  },
  {
    id: 'project-table=expense-project',
    title: '项目支出表合计 = 支出表“项目支出”',
    left: { type: 'project', keys: ['project.total'] },
    right: { type: 'expense', keys: ['total@project'] },
  },
  {
    id: 'econ-summary=expense-table',
    title: '支出经济分类汇总表合计 = 支出表合计',
    left: { type: 'econ-summary', keys: ['total'] },
    right: { type: 'expense', keys: ['total'] },
  },
  {
    id: 'basic-code<=econ-summary-code',
    title: '基本支出表各经济分类科目 ≤ 支出经济分类汇总表同科目（汇总表另含项目支出）',
    left: { type: 'general-basic', keys: ['code:{code}'] },
    right: { type: 'econ-summary', keys: ['code:{code}'] },
    perCode: { level: 'any' },
    op: '≤',
    severity: 'warning',
  },
  {
    id: 'expense-code=general-expense-code',
    title: '全部资金均为当年一般公共预算时：支出表各科目 = 一般公共预算支出表同科目',
    left: { type: 'expense', keys: ['code:{code}'] },
    right: { type: 'general-expense', keys: ['code:{code}'] },
    perCode: { level: 'any' },
    columns: ['', '@basic', '@project'],
    onlyGeneralFunds: true,
    severity: 'warning',
  },
  {
    id: 'income-code=expense-code',
    title: '预算无上年结转时：收入表各功能科目 = 支出表同科目',
    left: { type: 'income', keys: ['code:{code}'] },
    right: { type: 'expense', keys: ['code:{code}'] },
    perCode: { level: 'any' },
    docKind: '预算',
    onlyGeneralFunds: true,
    severity: 'warning',
  },
  {
    id: 'admin-cost~public',
    title: '机关运行经费与基本支出公用经费（口径可能不同，仅提示）',
    left: { type: 'admin-cost', keys: ['admin.total'] },
    right: { type: 'general-basic', keys: ['total@public', 'basic.public'] },
    severity: 'note',
  },
  {
    id: 'three-public-admin~admin-table',
    title: '“三公”表中的机关运行经费 = 机关运行经费表合计',
    left: { type: 'three-public', keys: ['admin.total'] },
    right: { type: 'admin-cost', keys: ['admin.total'] },
  },
];
