/**
 * The proofreading checks (勾稽关系): `runChecks(document)` recognises the tables, runs every rule
 * and returns the findings with a coverage checklist. Pure and synchronous; the renderer re-runs
 * it on every cell edit (edits applied first with applyEdits).
 */
import type { ExtractedDocument } from '../model';
import { builtinCatalogue } from './dictionary/catalogue';
import { buildFacts } from './facts';
import type { CheckReport, Finding, RuleCoverage, Severity } from './model';
import { buildNarrativeText } from './narrative/text';
import type { CheckOptions } from './options';
import { resolveOptions } from './options';
import { recognizeDocument } from './recognize';
import { balanceRule } from './rules/balance';
import { columnTotalsRule } from './rules/column-totals';
import type { CheckContext, Rule } from './rules/context';
import { runCrossTable } from './rules/cross-table';
import { precisionRule } from './rules/precision';
import { codeHierarchyRule, rowTotalsRule } from './rules/row-totals';
import { RULES_AFTER_FACTS } from './rules/registry';
import { mergeRootCauses } from './rules/root-cause';

export type { CheckOptions } from './options';
export type { CheckReport, Finding, RuleCoverage, Severity } from './model';
export { parseCatalogue, builtinCatalogue } from './dictionary/catalogue';
export type { CodeCatalogue } from './dictionary/catalogue';
export { recognizeDocument } from './recognize';
export { RELATIONS } from './relations';

/** In-table rules, in checklist order. */
const IN_TABLE_RULES: readonly Rule[] = [rowTotalsRule, codeHierarchyRule, columnTotalsRule, balanceRule, precisionRule];

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

function runRule(rule: Rule, ctx: CheckContext, findings: Finding[], coverage: RuleCoverage[]): void {
  if (ctx.options.disabledRules.has(rule.id)) {
    coverage.push({ rule: rule.id, title: rule.title, outcome: 'not-run', checked: 0, reason: '已停用' });
    return;
  }
  const result = rule.run(ctx);
  findings.push(...result.findings);
  if (result.checked === 0) {
    coverage.push({ rule: rule.id, title: rule.title, outcome: 'not-run', checked: 0, reason: result.notRun ?? '没有可检查的内容' });
    return;
  }
  const failed = result.findings.some((f) => f.severity !== 'note');
  coverage.push({ rule: rule.id, title: rule.title, outcome: failed ? 'failed' : 'passed', checked: result.checked });
}

/** Runs all checks on a document. */
/**
 * An error that rests on a cell OCR could not read with certainty may be the OCR's misreading, not
 * the publication's: it is a warning until the clerk has checked that cell against the page.
 */
function withOcrDoubt(f: Finding, document: ExtractedDocument): Finding {
  if (f.severity !== 'error' || f.cells.length === 0) return f;
  const doubtful = f.cells.some((c) => {
    const cell = document.tables.find((t) => t.id === c.table)?.rows[c.row]?.[c.col];
    return cell?.source?.kind === 'ocr' && cell.source.flagged === true;
  });
  return doubtful ? { ...f, severity: 'warning', message: `${f.message}（涉及 OCR 识别不确定的单元格，请先对照原页核对）` } : f;
}

export function runChecks(document: ExtractedDocument, options?: CheckOptions): CheckReport {
  const resolved = resolveOptions(options);
  const rd = recognizeDocument(document);
  const ctx: CheckContext = {
    rd,
    options: resolved,
    catalogue: resolved.catalogue ?? builtinCatalogue(),
    narrative: buildNarrativeText(document.narrative),
  };
  const findings: Finding[] = [];
  const coverage: RuleCoverage[] = [];
  for (const rule of IN_TABLE_RULES) runRule(rule, ctx, findings, coverage);
  const inTable = mergeRootCauses(findings);
  findings.length = 0;
  findings.push(...inTable);
  const facts = buildFacts(rd, ctx.catalogue);
  const cross = runCrossTable(ctx, facts);
  findings.push(...cross.findings);
  coverage.push(...cross.coverage);
  for (const make of RULES_AFTER_FACTS) for (const rule of make(facts)) runRule(rule, ctx, findings, coverage);
  // One finding per id (two rules may reach the same cells by different paths).
  const unique = new Map<string, Finding>();
  for (const f of findings) if (!unique.has(f.id)) unique.set(f.id, f);
  const sorted = [...unique.values()].map((f) => withOcrDoubt(f, document)).sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return { findings: sorted, coverage };
}
