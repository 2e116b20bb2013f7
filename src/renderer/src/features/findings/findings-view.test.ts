import { describe, expect, it } from 'vitest';
import type { Finding, FindingKind, Severity } from '../../../../core/checks/model';
import type { FindingDecision } from '../../../../core/review/model';
import { ALL_FILTERS, facetCounts, filterViews, findingViews, nextOpen, openBySeverity, outcomeCounts } from './findings-view';

function finding(id: string, severity: Severity, kind: FindingKind = 'in-table'): Finding {
  return { id, rule: 'r', kind, severity, message: id, cells: [], narrative: [], expected: null, actual: null, difference: null };
}

function decided(findingId: string, decision: FindingDecision['decision']): FindingDecision {
  return { fileHash: 'h', findingId, decision, by: '张三', at: 1, ...(decision === 'dismissed' ? { reason: '尾差' } : {}) };
}

const FINDINGS = [finding('e1', 'error'), finding('w1', 'warning', 'narrative'), finding('n1', 'note'), finding('n2', 'note', 'cross-table'), finding('n3', 'note')];

describe('finding views', () => {
  const decisions = new Map([
    ['w1', decided('w1', 'confirmed')],
    ['n2', decided('n2', 'dismissed')],
  ]);
  const views = findingViews(FINDINGS, decisions);

  it('gives each finding its status from the decisions', () => {
    expect(views.map((v) => [v.finding.id, v.status])).toEqual([
      ['e1', 'open'],
      ['w1', 'confirmed'],
      ['n1', 'open'],
      ['n2', 'dismissed'],
      ['n3', 'open'],
    ]);
    expect(views[3]!.decision?.reason).toBe('尾差');
  });

  it('counts what is left open per severity', () => {
    expect(openBySeverity(views)).toEqual({ error: 1, warning: 0, note: 2 });
  });

  it('filters by kind, severity and status together', () => {
    expect(filterViews(views, { ...ALL_FILTERS, severity: 'note' }).map((v) => v.finding.id)).toEqual(['n1', 'n2', 'n3']);
    expect(filterViews(views, { kind: 'in-table', severity: 'note', status: 'open' }).map((v) => v.finding.id)).toEqual(['n1', 'n3']);
    expect(filterViews(views, { ...ALL_FILTERS, status: 'dismissed' }).map((v) => v.finding.id)).toEqual(['n2']);
  });

  it('counts each facet within the other two filters, so an option says how many it would show', () => {
    const counts = facetCounts(views, { ...ALL_FILTERS, severity: 'note' });
    expect(counts.status).toEqual({ open: 2, confirmed: 0, dismissed: 1 });
    expect(counts.kind['in-table']).toBe(2);
    expect(counts.kind['cross-table']).toBe(1);
    // the severity facet ignores its own filter
    expect(counts.severity).toEqual({ error: 1, warning: 1, note: 3 });
  });

  it('walks the open findings in list order, skipping decided ones and wrapping around', () => {
    expect(nextOpen(views, null, 1)?.finding.id).toBe('e1');
    expect(nextOpen(views, null, -1)?.finding.id).toBe('n3');
    expect(nextOpen(views, 'e1', 1)?.finding.id).toBe('n1');
    expect(nextOpen(views, 'n1', 1)?.finding.id).toBe('n3');
    expect(nextOpen(views, 'n3', 1)?.finding.id).toBe('e1');
    expect(nextOpen(views, 'e1', -1)?.finding.id).toBe('n3');
    // from a decided one (just confirmed), on to the next open one
    expect(nextOpen(views, 'w1', 1)?.finding.id).toBe('n1');
    expect(nextOpen(views, 'w1', -1)?.finding.id).toBe('e1');
    // a finding that vanished (fixed by an edit) starts the walk afresh
    expect(nextOpen(views, 'gone', 1)?.finding.id).toBe('e1');
  });

  it('stays on the only open finding and has nowhere to go when all are decided', () => {
    const one = findingViews(FINDINGS.slice(0, 2), new Map([['w1', decided('w1', 'confirmed')]]));
    expect(nextOpen(one, 'e1', 1)?.finding.id).toBe('e1');
    const none = findingViews(FINDINGS.slice(1, 2), new Map([['w1', decided('w1', 'confirmed')]]));
    expect(nextOpen(none, null, 1)).toBeNull();
    expect(nextOpen(none, 'w1', 1)).toBeNull();
  });

  it('counts the checklist outcomes, not-run apart from passed', () => {
    expect(
      outcomeCounts([
        { rule: 'a', title: 'a', outcome: 'passed', checked: 3 },
        { rule: 'b', title: 'b', outcome: 'not-run', checked: 0, reason: '缺少项目支出表' },
        { rule: 'c', title: 'c', outcome: 'failed', checked: 1 },
      ]),
    ).toEqual({ passed: 1, failed: 1, 'not-run': 1 });
  });
});

describe('open findings per table', () => {
  it('counts each open finding once in every table it points into', async () => {
    const { openByTable } = await import('./findings-view');
    const at = (id: string, severity: Severity, tables: string[]): Finding => ({ ...finding(id, severity), cells: tables.map((table, row) => ({ table, row, col: 1 })) });
    const findings = [at('a', 'error', ['t1', 't1', 't2']), at('b', 'warning', ['t2']), at('c', 'note', ['t3']), at('d', 'error', ['t3']), at('e', 'error', [])];
    const byTable = openByTable(findingViews(findings, new Map([['d', decided('d', 'dismissed')]])));
    expect(Object.fromEntries(byTable)).toEqual({
      t1: { error: 1, warning: 0, note: 0 },
      t2: { error: 1, warning: 1, note: 0 },
      t3: { error: 0, warning: 0, note: 1 },
    });
  });
});
