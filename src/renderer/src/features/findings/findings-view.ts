/**
 * The findings of the open document as the panel shows them: each with the reviewer's decision
 * (open / confirmed / dismissed), filtered, counted, and walked through in list order.
 */
import type { CheckReport, Finding, FindingKind, RuleCoverage, RuleOutcome, Severity } from '../../../../core/checks/model';
import type { FindingDecision } from '../../../../core/review/model';

export type FindingStatus = 'open' | 'confirmed' | 'dismissed';

export interface FindingView {
  finding: Finding;
  status: FindingStatus;
  decision: FindingDecision | null;
}

export interface FindingFilters {
  kind: FindingKind | 'all';
  severity: Severity | 'all';
  status: FindingStatus | 'all';
}

export const ALL_FILTERS: FindingFilters = { kind: 'all', severity: 'all', status: 'all' };

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];
export const KINDS: readonly FindingKind[] = ['in-table', 'cross-table', 'narrative', 'naming', 'completeness', 'unit'];
export const STATUSES: readonly FindingStatus[] = ['open', 'confirmed', 'dismissed'];

export function statusOf(decision: FindingDecision | undefined): FindingStatus {
  return decision ? decision.decision : 'open';
}

/** The report's findings in the engine's order (errors first), each with its decision. */
export function findingViews(findings: readonly Finding[], decisions: ReadonlyMap<string, FindingDecision>): FindingView[] {
  return findings.map((finding) => {
    const decision = decisions.get(finding.id) ?? null;
    return { finding, decision, status: statusOf(decision ?? undefined) };
  });
}

export function matches(view: FindingView, filters: FindingFilters): boolean {
  return (
    (filters.kind === 'all' || view.finding.kind === filters.kind) &&
    (filters.severity === 'all' || view.finding.severity === filters.severity) &&
    (filters.status === 'all' || view.status === filters.status)
  );
}

export function filterViews(views: readonly FindingView[], filters: FindingFilters): FindingView[] {
  return views.filter((v) => matches(v, filters));
}

export type Counts<K extends string> = Record<K, number>;

function zero<K extends string>(keys: readonly K[]): Counts<K> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Counts<K>;
}

/** Open findings per severity (what is left to look at). */
export function openBySeverity(views: readonly FindingView[]): Counts<Severity> {
  const counts = zero(SEVERITIES);
  for (const v of views) if (v.status === 'open') counts[v.finding.severity]++;
  return counts;
}

/** Open findings per severity for each table they point into (a finding counts once per table). */
export function openByTable(views: readonly FindingView[]): Map<string, Counts<Severity>> {
  const byTable = new Map<string, Counts<Severity>>();
  for (const v of views) {
    if (v.status !== 'open') continue;
    for (const table of new Set(v.finding.cells.map((c) => c.table))) {
      let counts = byTable.get(table);
      if (!counts) byTable.set(table, (counts = zero(SEVERITIES)));
      counts[v.finding.severity]++;
    }
  }
  return byTable;
}

/** Findings per value of one facet, counted within the other two filters (so the numbers add up to the list). */
export function facetCounts(views: readonly FindingView[], filters: FindingFilters): { kind: Counts<FindingKind>; severity: Counts<Severity>; status: Counts<FindingStatus> } {
  const kind = zero(KINDS);
  const severity = zero(SEVERITIES);
  const status = zero(STATUSES);
  for (const v of views) {
    if (matches(v, { ...filters, kind: 'all' })) kind[v.finding.kind]++;
    if (matches(v, { ...filters, severity: 'all' })) severity[v.finding.severity]++;
    if (matches(v, { ...filters, status: 'all' })) status[v.status]++;
  }
  return { kind, severity, status };
}

/**
 * The next (direction 1) or previous (-1) open finding in list order after `currentId`, wrapping
 * around; the first (or last) open one when nothing or a vanished finding is selected.
 */
export function nextOpen(views: readonly FindingView[], currentId: string | null, direction: 1 | -1): FindingView | null {
  const open = views.filter((v) => v.status === 'open');
  if (open.length === 0) return null;
  const at = currentId === null ? -1 : views.findIndex((v) => v.finding.id === currentId);
  if (at < 0) return direction > 0 ? open[0]! : open[open.length - 1]!;
  for (let step = 1; step <= views.length; step++) {
    const candidate = views[(at + direction * step + views.length * step) % views.length]!;
    if (candidate.status === 'open' && candidate.finding.id !== currentId) return candidate;
  }
  return views[at]!.status === 'open' ? views[at]! : null;
}

/** Open findings per document for the list: decided ones do not count. */
export function openCount(report: CheckReport, decisions: ReadonlyMap<string, FindingDecision>): Counts<Severity> {
  return openBySeverity(findingViews(report.findings, decisions));
}

export function outcomeCounts(coverage: readonly RuleCoverage[]): Counts<RuleOutcome> {
  const counts: Counts<RuleOutcome> = { passed: 0, failed: 0, 'not-run': 0 };
  for (const c of coverage) counts[c.outcome]++;
  return counts;
}
