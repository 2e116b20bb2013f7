/**
 * The export command end to end on a fixture PDF (seed 002 rendered by Chromium): parse → a
 * review package with an edit → export → read the workbook back. And the refusals.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ExtractedDocument } from '../../core/model';
import type { CellEdit } from '../../core/review/model';
import { createReviewPackage, serializeReviewPackage } from '../../core/review/package';
import { extractFile } from '../../node/extract-file';
import { runExport } from './export';

const PDF = join(import.meta.dirname, '../../../tests/fixtures/pdf/002-chromium.pdf');
const dir = mkdtempSync(join(tmpdir(), 'export-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the command, capturing what it prints. */
async function run(...args: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  const err: string[] = [];
  const out: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((...m: unknown[]) => void err.push(m.join(' ')));
  vi.spyOn(console, 'warn').mockImplementation((...m: unknown[]) => void err.push(m.join(' ')));
  vi.spyOn(console, 'log').mockImplementation((...m: unknown[]) => void out.push(m.join(' ')));
  const code = await runExport(args);
  return { code, stderr: err.join('\n'), stdout: out.join('\n') };
}

afterEach(() => vi.restoreAllMocks());

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('export command: refusals', () => {
  it.each([
    { args: [] as string[], code: 2, message: /用法/ },
    { args: ['a.pdf'], code: 2, message: /--out/ },
    { args: ['a.pdf', '--out'], code: 2, message: /用法/ },
    { args: ['a.pdf', '--out', 'x.xlsx', '--reveiw', 'p.json'], code: 2, message: /未知选项.*--reveiw/ },
    { args: ['a.pdf', 'b.pdf', '--out', 'x.xlsx'], code: 2, message: /用法/ },
    { args: ['a.pdf', '--out', 'x.csv'], code: 1, message: /\.xlsx 结尾/ },
  ])('$args → exit $code', async ({ args, code, message }) => {
    const result = await run(...args);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
  });

  it('refuses a missing input file', async () => {
    const result = await run(join(dir, 'missing.pdf'), '--out', join(dir, 'x.xlsx'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('文件已被删除或移动');
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });

  it.each([
    { name: 'malformed JSON', text: '{"format": ', message: /不是有效的 JSON/ },
    { name: 'a foreign file', text: '{"format": "other"}', message: /不是本工具导出的校对包/ },
    { name: 'a bad field', text: JSON.stringify({ ...createReviewPackage([], { exportedBy: 'x', exportedAt: new Date(0) }), documents: [{ fileHash: 'x' }] }), message: /documents\[0\]\.fileHash/ },
  ])('refuses a review package that is $name, before parsing the PDF', async ({ text, message }) => {
    const result = await run(PDF, '--out', join(dir, 'x.xlsx'), '--review', write('bad.json', text));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/Cannot import the review package/);
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });

  it('refuses a package that has no review of this file', async () => {
    const other = { fileHash: 'c'.repeat(64), fileName: '别的文件.pdf', edits: [], annotations: [], decisions: [], reviewedTables: [] };
    const path = write('other.json', serializeReviewPackage(createReviewPackage([other], { exportedBy: '李四', exportedAt: new Date() })));
    const result = await run(PDF, '--out', join(dir, 'x.xlsx'), '--review', path);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('没有该文件的校对记录');
    expect(result.stderr).toContain('别的文件.pdf');
  });

  it('reports an unwritable output', async () => {
    const result = await run(PDF, '--out', join(dir, 'no-such-dir', 'x.xlsx'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/无法写入.*不存在/);
  });
});

describe.skipIf(!existsSync(PDF))('export command on a fixture PDF', () => {
  let document: ExtractedDocument;
  beforeAll(async () => {
    document = await extractFile(PDF);
  });

  it('applies the package’s edits to a fresh parse and writes the corrected workbook', async () => {
    const table = document.tables.find((t) => t.title === '支出决算表')!;
    const row = table.rows.findIndex((r) => r[0]?.text === '208');
    expect(table.rows[row]![2]!.text).toBe('698.93');
    const edit: CellEdit = {
      id: 'e1',
      fileHash: document.source.sha256,
      cell: { tableId: table.id, row, col: 2 },
      anchor: { tableTitle: '支出决算表', tableOccurrence: 0, rowLabel: '208 社会保障和就业支出', rowOccurrence: 0, columnHeader: '本年支出合计' },
      before: '698.93',
      after: '698.92',
      reviewer: '张三',
      at: Date.UTC(2025, 2, 1, 6, 5),
      op: 'set',
    };
    const review = { fileHash: document.source.sha256, fileName: '002.pdf', edits: [edit], annotations: [], decisions: [], reviewedTables: [] };
    const pkgPath = write('review.json', serializeReviewPackage(createReviewPackage([review], { exportedBy: '张三', exportedAt: new Date() })));
    const out = join(dir, 'corrected.xlsx');

    const result = await run(PDF, '--out', out, '--review', pkgPath);
    expect(result.stderr).not.toMatch(/无法/);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(out);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('支出决算表')!;
    let found: ExcelJS.Cell | null = null;
    ws.eachRow((r) => {
      if (r.getCell(1).value === '208') found = r.getCell(3);
    });
    expect(found).not.toBeNull();
    const cell = found! as ExcelJS.Cell;
    expect(cell.value).toBe(698.92);
    const note = (cell.note as { texts: { text: string }[] }).texts.map((t) => t.text).join('');
    expect(note).toContain('原印刷值：698.93');
    expect(note).toContain('张三');
    const info = wb.getWorksheet('说明')!;
    const values = new Map<string, unknown>();
    info.eachRow((r) => values.set(String(r.getCell(1).value), r.getCell(2).value));
    expect(values.get('源文件')).toBe('002-chromium.pdf');
    expect(values.get('SHA-256')).toBe(document.source.sha256);
    expect(values.get('页数')).toBe(document.source.pages);
    expect(values.get('工具版本')).toBe(JSON.parse(readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8')).version);
  });

  it('runs the checks on the corrected document, not on the printed one', async () => {
    const issues = async (out: string): Promise<string[]> => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
      const messages: string[] = [];
      wb.getWorksheet('问题清单')!.eachRow((r, n) => {
        if (n > 1) messages.push(String(r.getCell(5).value));
      });
      return messages;
    };
    const table = document.tables.find((t) => t.title === '支出决算表')!;
    const row = table.rows.findIndex((r) => r[0]?.text === '208');
    const about208 = (printed: string) => (m: string): boolean => m.startsWith('支出决算表「208 社会保障和就业支出」行') && m.includes(`${printed} ≠`);

    const plain = join(dir, 'plain.xlsx');
    expect((await run(PDF, '--out', plain)).code).toBe(0);
    expect((await issues(plain)).filter(about208('698.93'))).toHaveLength(1);
    expect((await issues(plain)).filter(about208('698.92'))).toHaveLength(0);

    const edit: CellEdit = {
      id: 'e1',
      fileHash: document.source.sha256,
      cell: { tableId: table.id, row, col: 2 },
      anchor: { tableTitle: '支出决算表', tableOccurrence: 0, rowLabel: '208', rowOccurrence: 0, columnHeader: '本年支出合计' },
      before: '698.93',
      after: '698.92',
      reviewer: '张三',
      at: 1,
      op: 'set',
    };
    const review = { fileHash: document.source.sha256, fileName: '002.pdf', edits: [edit], annotations: [], decisions: [], reviewedTables: [] };
    const pkgPath = write('fix.json', serializeReviewPackage(createReviewPackage([review], { exportedBy: '张三', exportedAt: new Date() })));
    const fixed = join(dir, 'fixed.xlsx');
    expect((await run(PDF, '--out', fixed, '--review', pkgPath)).code).toBe(0);
    // the checks saw the corrected figure: the printed one is no longer reported, the new one is
    // (its children still add up to 698.93)
    expect((await issues(fixed)).filter(about208('698.93'))).toHaveLength(0);
    expect((await issues(fixed)).filter(about208('698.92'))).toHaveLength(1);
  });
});
