/**
 * Findings of the proofreading checks (勾稽关系). A finding points at the exact cells and
 * narrative sentences involved, so the UI can jump there and the export can link to them.
 */

export type Severity = 'error' | 'warning' | 'note';

export type FindingKind =
  /** totals vs details, total columns vs parts, code hierarchies, balanced tables */
  | 'in-table'
  /** the same figure in two tables */
  | 'cross-table'
  /** an amount, share or change quoted in the narrative */
  | 'narrative'
  /** department/unit names, code names, template leftovers */
  | 'naming'
  /** mandatory tables present, empty tables explained */
  | 'completeness'
  /** 元 / 万元 / 亿元 slips */
  | 'unit';

/** `row` indexes `table.rows` (body rows); `col` is the grid column. */
export interface FindingCell {
  table: string;
  row: number;
  col: number;
}

/** A span of a narrative block's text: [start, end) in UTF-16 code units. */
export interface NarrativeSpan {
  block: number;
  start: number;
  end: number;
}

export interface Finding {
  /** Stable across re-parses of the same content: rule + semantic location, not indexes. */
  id: string;
  rule: string;
  kind: FindingKind;
  severity: Severity;
  /** zh-CN, one sentence a clerk can act on, with the arithmetic */
  message: string;
  cells: FindingCell[];
  narrative: NarrativeSpan[];
  /** amounts as exact decimals in the table's unit, e.g. "698.92"; null where not an amount */
  expected: string | null;
  actual: string | null;
  difference: string | null;
}

export type RuleOutcome = 'passed' | 'failed' | 'not-run';

/** One line of a document's checklist: a rule that could not run is never shown as passed. */
export interface RuleCoverage {
  rule: string;
  /** zh-CN title of the rule */
  title: string;
  outcome: RuleOutcome;
  /** how many individual comparisons the rule made */
  checked: number;
  /** why it could not run (zh-CN), e.g. 缺少支出表 */
  reason?: string;
}

export interface CheckReport {
  findings: Finding[];
  coverage: RuleCoverage[];
}
