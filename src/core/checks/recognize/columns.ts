/**
 * What each grid column holds (role) and means (semantic), from its header path and its data.
 * Semantics come from the nearest header label that names a concept: "基本支出 / 合计" is basic
 * spending, "基本支出 / 人员经费 / 小计" is personnel, a lone "合计"/"总计" is the total.
 */
import type { Table } from '../../model';
import { squash } from '../text';
import type { HeaderNode, HeaderTree } from './header';

export type ColumnRole =
  /** 序号 / 行次 / 栏次 */
  | 'serial'
  /** one column holding a whole code (2101501, 30101) */
  | 'code'
  /** one of the 类 / 款 / 项 columns of a split code */
  | 'code-part'
  /** 单位代码 / 部门代码 */
  | 'unit-code'
  /** the row's name (项目, 科目名称, 单位名称) */
  | 'label'
  /** other text (类型, 项目单位, 项目编码, 指标值) */
  | 'text'
  | 'amount';

export type Semantic =
  | 'total'
  | 'basic'
  | 'project'
  | 'personnel'
  | 'public'
  | 'general'
  | 'fund'
  | 'soe'
  | 'special'
  | 'unit-funds'
  | 'fiscal'
  | 'carry'
  | 'carry-out'
  | 'this-year'
  | 'business'
  | 'operating'
  | 'superior'
  | 'affiliated'
  | 'other-income'
  | 'upper'
  | 'subsidy'
  | 'wages'
  | 'households'
  | 'goods'
  | 'capital'
  | 'other-running'
  | 'specific'
  | 'abroad'
  | 'car'
  | 'car-buy'
  | 'car-run'
  | 'reception'
  | 'admin'
  | 'meeting'
  | 'training'
  | 'budget'
  | 'actual'
  | 'quantity';

export interface ColumnInfo {
  col: number;
  role: ColumnRole;
  /** header labels from top to bottom */
  path: string[];
  /** `path` joined with " / " (finding ids and messages) */
  header: string;
  semantic: Semantic | null;
  /** budget/actual qualifier from an ancestor (决算 三公: 预算数 / 决算数) */
  qualifier: 'budget' | 'actual' | null;
  /** "其中：…" column: a breakdown of its left sibling, never a summand */
  breakdown: boolean;
  /** for code parts: 0 类, 1 款, 2 项 */
  part?: number;
}

const CONCEPTS: { sem: Semantic; re: RegExp }[] = [
  { sem: 'abroad', re: /因公出国/ },
  { sem: 'car-buy', re: /^(公务用车)?购置费$|车辆购置/ },
  { sem: 'car-run', re: /^(公务用车)?运行(维护)?费$|运行维护费$/ },
  { sem: 'car', re: /公务用车购置及运/ },
  { sem: 'reception', re: /公务接待/ },
  { sem: 'admin', re: /机关(\(机构\))?运行经费/ },
  { sem: 'meeting', re: /^会议费/ },
  { sem: 'training', re: /^培训费/ },
  { sem: 'basic', re: /基本支出/ },
  { sem: 'project', re: /项目支出/ },
  { sem: 'personnel', re: /人员经费|人员支出/ },
  { sem: 'public', re: /公用经费|公用支出/ },
  { sem: 'wages', re: /工资福利/ },
  { sem: 'households', re: /对个人和家庭/ },
  { sem: 'goods', re: /商品和服务/ },
  { sem: 'capital', re: /资本性支出/ },
  { sem: 'other-running', re: /其他运转/ },
  { sem: 'specific', re: /特定目标/ },
  { sem: 'carry-out', re: /年末结转|年终结转/ },
  { sem: 'carry', re: /上年结转|年初结转|结转结余|结转和结余/ },
  { sem: 'general', re: /一般公共预算/ },
  { sem: 'fund', re: /政府性基金/ },
  { sem: 'soe', re: /国有资本经营/ },
  { sem: 'special', re: /财政专户/ },
  { sem: 'unit-funds', re: /单位资金/ },
  { sem: 'fiscal', re: /财政拨款/ },
  { sem: 'upper', re: /上缴上级|上解上级/ },
  { sem: 'subsidy', re: /对附属单位补助/ },
  { sem: 'operating', re: /经营(收入|支出)/ },
  { sem: 'business', re: /事业收入/ },
  { sem: 'superior', re: /上级补助/ },
  { sem: 'affiliated', re: /附属单位上缴/ },
  { sem: 'other-income', re: /^其他收入/ },
  { sem: 'quantity', re: /数量|人数|辆|台|套|面积|%|％|率|比例|百分比|占比|比重/ },
];

/** Labels that only say "the total" (of whatever their parent is). */
export function isTotalWord(label: string): boolean {
  return /^(合计|总计|小计|金额|预算数|决算数|本年(收入|支出)(合计|小计)?|收入(预算|决算)?|支出(预算|决算)?|(收入|支出)(合计|总计)|本年(预算|决算)数?|预算金额|全年预算数|价值.*|“?三公”?经费(合计|小计|预算数|决算数)?)$/.test(
    label.replace(/[“”"]/g, ''),
  );
}

function conceptOf(label: string): Semantic | null {
  const l = label.replace(/^其中[:：]?/, '');
  if (/^本年(收入|支出)$/.test(l)) return 'this-year';
  for (const c of CONCEPTS) if (c.re.test(l)) return c.sem;
  return null;
}

function qualifierOf(path: readonly string[]): 'budget' | 'actual' | null {
  for (const label of path) {
    if (/^(全年)?预算数?$|年初预算/.test(label)) return 'budget';
    if (/^决算数?$|实际支出/.test(label)) return 'actual';
  }
  return null;
}

/** Semantic from the leaf up: the first label naming a concept, else the total. */
export function semanticOf(path: readonly string[]): Semantic | null {
  // Rates, shares and counts never add up, whatever the group above them.
  if (path.some((l) => /%|％|率$|比例|百分比|占比|比重|^数量|人数/.test(l))) return 'quantity';
  for (let i = path.length - 1; i >= 0; i--) {
    const label = path[i]!;
    if (isTotalWord(label)) continue;
    const concept = conceptOf(label);
    if (concept) return concept;
  }
  return path.length > 0 ? 'total' : null;
}

const AMOUNT_TEXT = /^[-−]?[(（]?[-−]?\d{1,3}(,\d{3})*(\.\d+)?[)）]?$|^[-−]?\d+(\.\d+)?$|^[-—–−]{1,2}$/;

/** Printed text that reads as an amount (not a code, not a percentage). */
export function isAmountText(text: string): boolean {
  return AMOUNT_TEXT.test(text.replace(/\s+/g, ''));
}

const CODE_TEXT = /^[2-5]\d{2}(\d{2}){0,2}$/;

function roleFromLabel(leaf: string, path: readonly string[]): ColumnRole | null {
  const joined = path.join('/');
  if (/^(序号|行次|栏次|编号)$/.test(leaf)) return 'serial';
  if (/^(类|款|项)$/.test(leaf)) return 'code-part';
  if (/(单位|部门)(代码|编码)/.test(leaf)) return 'unit-code';
  if (/项目(编码|代码)|单位编码\(项目编码\)/.test(leaf)) return 'text';
  if (/(编码|代码)$/.test(leaf) || /^科目编码/.test(leaf)) return 'code';
  if (/^(项目|项目名称|科目名称|科目|名称|单位名称|部门名称|单位\(科目名称\)|功能分类科目名称|经济分类科目名称|支出项目|收入项目)$/.test(leaf)) return 'label';
  if (/名称$/.test(leaf) && !/金额|数/.test(leaf)) return 'label';
  if (/^(类型|项目单位|项目类型|单位|指标|一级指标|二级指标|三级指标|指标值|指标值说明|绩效目标|备注|说明|计量单位|采购物品名称|政府采购目录序号)$/.test(leaf)) return 'text';
  if (/编码/.test(joined) && /^(科目)?编码/.test(path[0] ?? '')) return 'code';
  return null;
}

function partIndex(leaf: string): number {
  return leaf === '类' ? 0 : leaf === '款' ? 1 : 2;
}

/** Roles and semantics of every column of a table. */
export function analyseColumns(table: Table, tree: HeaderTree): ColumnInfo[] {
  const infos: ColumnInfo[] = [];
  for (let c = 0; c < table.columnCount; c++) {
    const nodes: HeaderNode[] = tree.paths[c] ?? [];
    const path = nodes.map((n) => n.label);
    const leaf = path[path.length - 1] ?? '';
    let role = roleFromLabel(leaf, path);
    // Data decides for unlabelled or ambiguous columns.
    let nonEmpty = 0;
    let amounts = 0;
    let codes = 0;
    for (const row of table.rows) {
      const cell = row[c];
      if (!cell) continue;
      const text = cell.text.replace(/\s+/g, '');
      if (!text) continue;
      nonEmpty++;
      if (CODE_TEXT.test(text)) codes++;
      if (isAmountText(text) && (text.includes('.') || !CODE_TEXT.test(text))) amounts++;
    }
    if (role === null) {
      if (nonEmpty > 0 && codes / nonEmpty >= 0.8 && amounts / nonEmpty < 0.5) role = 'code';
      else if (nonEmpty === 0 || amounts / nonEmpty >= 0.7) role = path.length > 0 || nonEmpty > 0 ? 'amount' : 'text';
      else role = path.length === 0 && c === 0 ? 'label' : 'text';
    }
    const info: ColumnInfo = {
      col: c,
      role,
      path,
      header: path.join(' / '),
      semantic: role === 'amount' ? semanticOf(path) : null,
      qualifier: role === 'amount' ? qualifierOf(path) : null,
      breakdown: path.some((l) => /^其中/.test(l)),
    };
    if (role === 'code-part') info.part = partIndex(leaf);
    infos.push(info);
  }
  // One header cell over two columns with the figures in one of them: the empty one is padding.
  const byLeaf = new Map<HeaderNode, ColumnInfo[]>();
  infos.forEach((info, c) => {
    const leaf = tree.paths[c]?.[tree.paths[c]!.length - 1];
    if (!leaf || info.role !== 'amount') return;
    const list = byLeaf.get(leaf) ?? [];
    list.push(info);
    byLeaf.set(leaf, list);
  });
  for (const list of byLeaf.values()) {
    if (list.length < 2) continue;
    const filled = list.filter((info) => table.rows.some((row) => (row[info.col]?.text.trim() ?? '') !== ''));
    if (filled.length === 0) continue;
    for (const info of list) {
      if (!filled.includes(info)) {
        info.role = 'text';
        info.semantic = null;
      }
    }
  }
  // Headerless tables: the first text column is the label.
  if (!infos.some((i) => i.role === 'label')) {
    const firstText = infos.find((i) => i.role === 'text');
    if (firstText) firstText.role = 'label';
  }
  return infos;
}

/** Squashed header text of the whole table (classification by header). */
export function headerText(table: Table): string {
  return table.header
    .flat()
    .filter((c) => c !== null)
    .map((c) => squash(c!.text))
    .join('|');
}
