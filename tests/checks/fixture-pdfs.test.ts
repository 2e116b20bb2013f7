/**
 * End to end on the rendered fixture PDFs: extract with the real extractor, run the checks, and
 * expect the discrepancies found by hand in the seeds (tests/helpers/seed-discrepancies.ts).
 * LibreOffice renderings carry the tables only, so only table-based findings are expected there.
 */
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { runChecks } from '../../src/core/checks';
import { extractFile } from '../../src/node/extract-file';
import { FIXTURES_DIR } from '../fixtures/truth';
import { expectHandFindings, HAND_000, HAND_002, HAND_004 } from '../helpers/seed-discrepancies';
import type { HandFinding } from '../helpers/seed-discrepancies';

const TABLE_RULES = /^(in-table|cross|naming\.department|naming\.code-names|completeness)/;

// Heading lines printed with a table (004: 截止时间：2025-12-31 above each 固定资产占用情况表 of a 2025
// budget, whose figures are as of 上年末) are read as the table's meta by every renderer.
const DATE_004: HandFinding = { what: '2025年预算的固定资产表“截止时间：2025-12-31”，应为上年末（2024年）', rule: 'text.years', severity: 'warning', says: ['截止时间：2025-12-31', '2024年'], count: 2 };

const SEEDS: [string, HandFinding[]][] = [
  ['000', HAND_000],
  ['002', HAND_002],
  ['004', [...HAND_004, DATE_004]],
];

describe.each(SEEDS)('fixture %s', (id, hand) => {
  it('chromium rendering (tables and narrative): every hand-found discrepancy, no false error', async () => {
    const doc = await extractFile(join(FIXTURES_DIR, 'pdf', `${id}-chromium.pdf`));
    const report = runChecks(doc);
    expectHandFindings(report.findings, hand);
  });

  it('libreoffice rendering (tables only): the table discrepancies, no false error', async () => {
    const doc = await extractFile(join(FIXTURES_DIR, 'pdf', `${id}-libreoffice.pdf`));
    const report = runChecks(doc);
    expectHandFindings(report.findings, hand.filter((h) => TABLE_RULES.test(h.rule)));
  });
});

it('fixture 004 printed from Word by LibreOffice Writer: the same discrepancies, no false error', async () => {
  const doc = await extractFile(join(FIXTURES_DIR, 'pdf', '004-writer.pdf'));
  expectHandFindings(runChecks(doc).findings, [...HAND_004, DATE_004]);
});
