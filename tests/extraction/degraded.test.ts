/**
 * A PDF that parses but cannot be read in full: a page that is only a picture (scanned, or a table
 * pasted as an image). The text pages are extracted, the picture page is named, and the checks
 * warn that nothing on it was read or checked (a clerk must proofread it by eye).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/core/checks';
import type { ExtractedDocument } from '../../src/core/model';
import { extractFile } from '../../src/node/extract-file';
import { FIXTURES_DIR } from '../fixtures/truth';

const PARTLY_SCANNED = join(FIXTURES_DIR, 'degraded', 'partly-scanned.pdf');
const ALL_TEXT = join(FIXTURES_DIR, 'pdf', 'edge-two-tables-one-page.pdf');
const ROOT = join(import.meta.dirname, '../..');

describe('a partly scanned PDF', () => {
  it('extracts the text pages and names the page that holds only a picture', async () => {
    const doc = await extractFile(PARTLY_SCANNED);
    expect(doc.source.pages).toBe(3);
    expect(doc.source.imageOnlyPages).toEqual([2]);
    expect([...new Set(doc.narrative.map((b) => b.page))]).toEqual([1, 3]);
    expect(doc.narrative.map((b) => b.text).join('')).toContain('收入总计100.00万元');
    // the pictured page holds two tables; none of their (unreadable) content is invented
    expect(doc.tables).toEqual([]);
  });

  it('warns that the page was neither extracted nor checked, and the checklist shows the rule failed', async () => {
    const report = runChecks(await extractFile(PARTLY_SCANNED));
    const warnings = report.findings.filter((f) => f.rule === 'completeness.image-pages');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.severity).toBe('warning');
    expect(warnings[0]!.message).toContain('第 2 页只有图片');
    expect(report.coverage.find((c) => c.rule === 'completeness.image-pages')?.outcome).toBe('failed');
  });

  it('a PDF with text on every page lists no such page, and the rule passes', async () => {
    const doc = await extractFile(ALL_TEXT);
    expect(doc.source.imageOnlyPages).toBeUndefined();
    const report = runChecks(doc);
    expect(report.findings.filter((f) => f.rule === 'completeness.image-pages')).toEqual([]);
    expect(report.coverage.find((c) => c.rule === 'completeness.image-pages')?.outcome).toBe('passed');
  });

  it('CLI without OCR: the summary says which page could not be read, and the exit is 0 (the rest was read)', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli/main.ts'), 'extract', PARTLY_SCANNED, '--no-ocr'], { cwd: ROOT });
    expect(stdout).toContain('第 2 页只有图片、没有文字层');
  });

  it('CLI with OCR (the default): the picture page is read into its two tables, every cell marked as OCR', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'degraded-')), 'out.json');
    const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli/main.ts'), 'extract', PARTLY_SCANNED, '--json', out], { cwd: ROOT });
    expect(stdout).toContain('第 2 页由 OCR 识别');
    const doc = JSON.parse(readFileSync(out, 'utf8')) as ExtractedDocument;
    expect(doc.tables.map((t) => t.title)).toEqual(['2025年一般公共预算“三公”经费预算表', '2025年机关运行经费预算表']);
    const running = doc.tables[1]!;
    const body = running.rows.map((r) => r.map((c) => c?.text ?? ''));
    expect(body).toContainEqual(['30211', '差旅费', '0.17']);
    expect(body).toContainEqual(['', '合计', '3.30']);
    for (const cell of running.rows.flat()) if (cell?.text) expect(cell.source?.kind).toBe('ocr');
  }, 120_000);
});
