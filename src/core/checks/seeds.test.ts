/**
 * The three seed publications, as transcribed in the fixtures' ground truth: the engine reports
 * every discrepancy found by hand (tests/helpers/seed-discrepancies.ts, with the arithmetic), with
 * its severity, and every error it reports is one of them.
 */
import { describe, expect, it } from 'vitest';
import content000 from '../../../tests/fixtures/truth/content/000.json';
import content002 from '../../../tests/fixtures/truth/content/002.json';
import content004 from '../../../tests/fixtures/truth/content/004.json';
import { contentDocument } from '../../../tests/helpers/truth-content';
import type { ContentJson } from '../../../tests/helpers/truth-content';
import { expectHandFindings, HAND_000, HAND_002, HAND_004 } from '../../../tests/helpers/seed-discrepancies';
import { runChecks } from './index';

describe('seed 000 焦作市中站区医疗保障局 2025年部门预算', () => {
  const report = runChecks(contentDocument(content000 as unknown as ContentJson));
  it('reports every discrepancy found by hand, and no false error', () => expectHandFindings(report.findings, HAND_000));
  it('ran the core checks (nothing silently skipped)', () => {
    for (const rule of ['in-table.row-totals', 'in-table.column-totals', 'in-table.balance', 'cross.summary-expense=expense-table', 'cross.general-basic=basic-table', 'cross.project-table=expense-project', 'narrative.amounts', 'narrative.shares', 'narrative.changes']) {
      expect(report.coverage.find((c) => c.rule === rule)?.outcome, rule).toBe('passed');
    }
  });
});

describe('seed 002 焦作市医疗保障局 2023年度部门决算', () => {
  const report = runChecks(contentDocument(content002 as unknown as ContentJson));
  it('reports every discrepancy found by hand, and no false error', () => expectHandFindings(report.findings, HAND_002));
  it('never reports a 尾差 as an error', () => {
    expect(report.findings.filter((f) => f.severity === 'error' && /^0\.0[12]$/.test(f.difference?.replace('-', '') ?? ''))).toEqual([]);
  });
});

describe('seed 004 保定市莲池区医疗保障局 2025年部门预算', () => {
  const report = runChecks(contentDocument(content004 as unknown as ContentJson));
  it('reports every discrepancy found by hand, and no false error', () => expectHandFindings(report.findings, HAND_004));
  it('checks the department and the 本级 tables as separate groups', () => {
    expect(report.coverage.find((c) => c.rule === 'cross.summary-expense=expense-table')).toMatchObject({ outcome: 'passed', checked: 2 });
  });
});
