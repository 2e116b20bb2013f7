/**
 * 科目 printed without codes, their level shown only by indentation, in a PDF printed by Chromium
 * (tests/fixtures/generate/indented-names.mts): the clean copy must stay silent, the copy with one
 * slip gets it as a warning on the parent line — never a triple-counted 合计.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/core/checks';
import { extractFile } from '../../src/node/extract-file';
import { FIXTURES_DIR } from '../fixtures/truth';

const sums = (f: { rule: string }): boolean => f.rule === 'in-table.row-totals' || f.rule === 'in-table.code-hierarchy';

describe('names without codes, indented (Chromium PDF)', () => {
  it('the extractor keeps each name’s indent: three levels', async () => {
    const doc = await extractFile(join(FIXTURES_DIR, 'checks', 'indented-names.pdf'));
    const indents = doc.tables[0]!.rows.map((r) => r[0]?.indent).filter((x): x is number => x !== undefined);
    const levels = [...new Set(indents.map((x) => Math.round(x / 7)))];
    expect(levels).toHaveLength(3);
  });

  it('must stay silent: consistent figures give no sum finding at all', async () => {
    const report = runChecks(await extractFile(join(FIXTURES_DIR, 'checks', 'indented-names.pdf')));
    expect(report.findings.filter(sums)).toEqual([]);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('one slip (行政运行 71.00 for 70.00) is a warning on 财政事务 with its computation, and nothing is an error', async () => {
    const report = runChecks(await extractFile(join(FIXTURES_DIR, 'checks', 'indented-names-slip.pdf')));
    const found = report.findings.filter(sums);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.severity).toBe('warning');
      expect(f.message).toContain('「财政事务」行（层级按缩进判断）');
      expect(f.message).toContain('100.00 ≠ 行政运行 71.00 + 一般行政管理事务 30.00 = 101.00');
    }
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
