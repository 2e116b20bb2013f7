/**
 * Whole-folder review on real files: a version pair printed by Chromium (tests/fixtures/folder),
 * the real 部门/单位 pairs and the 2024 → 2025 pair of ../shared/real (skipped when absent), the
 * batch CLI's JSON and workbook, and a pair with one unreadable file.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkFolder, type FolderCheckResult } from '../../src/cli/commands/folder';
import type { CrossFinding } from '../../src/core/folder/model';
import { FIXTURES_DIR } from '../fixtures/truth';

const ROOT = join(import.meta.dirname, '../..');
const REAL = join(ROOT, '../shared/real');
const DRAFT = join(FIXTURES_DIR, 'pdf', '002-chromium.pdf');
const CORRECTED = join(FIXTURES_DIR, 'folder', '002-chromium-corrected.pdf');
const CLI = [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli/main.ts')];

/** A temp folder holding `files` (name → source path), the first one the oldest. */
function folderOf(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'folder-review-'));
  let t = Date.now() / 1000 - 3600;
  for (const [name, source] of Object.entries(files)) {
    copyFileSync(source, join(dir, name));
    utimesSync(join(dir, name), t, t);
    t += 60;
  }
  return dir;
}

function summary(f: CrossFinding): string {
  return `${f.severity} ${f.change ?? ''} ${f.message}`;
}

describe('two versions of one publication (a draft and its corrected copy, both printed by Chromium)', () => {
  // the corrected copy differs by exactly four edits (tests/fixtures/generate/version-pair.mts)
  let result: FolderCheckResult;

  it('are paired as versions, the older file first, and every edit is listed — nothing else', async () => {
    // names give no hint which is newer: the modification time does
    result = await checkFolder(folderOf({ 'b-医保局决算.pdf': DRAFT, 'a-医保局决算.pdf': CORRECTED }));
    expect(result.relations).toEqual([expect.objectContaining({ kind: 'versions', files: ['b-医保局决算.pdf', 'a-医保局决算.pdf'], status: 'checked' })]);
    const found = result.findings.map(summary);
    expect(found).toHaveLength(4);
    const figure = result.findings.find((f) => f.change === 'changed' && f.cells.length === 2)!;
    expect(figure.message).toContain('收入决算表');
    expect(figure.message).toContain('2069999');
    expect(figure.message).toContain('35.80 → 38.50');
    // both source cells, with file, page and box, so either page opens at the cell
    expect(figure.cells.map((c) => [c.file, c.text])).toEqual([
      ['b-医保局决算.pdf', '35.80'],
      ['a-医保局决算.pdf', '38.50'],
    ]);
    for (const c of figure.cells) {
      expect(c.page).toBeGreaterThan(0);
      expect(c.bbox).toHaveLength(4);
    }
    expect(found.some((m) => m.includes('removed') && m.includes('国有资本经营预算财政拨款支出决算表') && m.includes('新版中没有'))).toBe(true);
    expect(found.some((m) => m.includes('2023年度部门决算表') && m.includes('2022年度部门决算表'))).toBe(true);
    expect(found.some((m) => m.includes('内设机构5个') && m.includes('内设机构6个'))).toBe(true);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  }, 120_000);

  it('a file name saying 修改稿 makes it the newer one whatever the file times', async () => {
    const r = await checkFolder(folderOf({ '医保局决算（修改稿）.pdf': CORRECTED, '医保局决算.pdf': DRAFT }));
    expect(r.relations[0]!.files).toEqual(['医保局决算.pdf', '医保局决算（修改稿）.pdf']);
    expect(r.findings.find((f) => f.cells.length === 2)!.message).toContain('35.80 → 38.50');
  }, 120_000);

  it('must stay silent: two identical copies are versions with no change', async () => {
    const r = await checkFolder(folderOf({ '医保局决算-1.pdf': DRAFT, '医保局决算-2.pdf': DRAFT }));
    expect(r.relations.map((x) => [x.kind, x.status])).toEqual([['versions', 'checked']]);
    expect(r.relations[0]!.checked).toBeGreaterThan(1000);
    expect(r.findings).toEqual([]);
  }, 120_000);

  it('one version unreadable: the other is still checked and the relation says why it did not run', async () => {
    const dir = folderOf({ '焦作市医疗保障局2023年度部门决算.pdf': DRAFT });
    writeFileSync(join(dir, '焦作市医疗保障局2023年度部门决算（修改稿）.pdf'), readFileSync(CORRECTED).subarray(0, 200_000));
    const r = await checkFolder(dir);
    const good = r.documents.find((d) => !d.file.includes('修改稿'))!;
    const bad = r.documents.find((d) => d.file.includes('修改稿'))!;
    expect(good.error).toBeNull();
    expect(good.findings.length).toBeGreaterThan(0);
    expect(bad.error).toMatch(/[\u4e00-\u9fff]/);
    expect(r.relations).toEqual([expect.objectContaining({ kind: 'versions', status: 'not-run' })]);
    expect(r.relations[0]!.reason).toContain('修改稿');
    expect(r.findings).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('未能比对') })]);
  }, 120_000);
});

describe('batch CLI', () => {
  it('check DIR --json writes documents, relations and cross-document findings with both cells', async () => {
    const dir = folderOf({ 'draft.pdf': DRAFT, 'corrected.pdf': CORRECTED });
    const out = join(mkdtempSync(join(tmpdir(), 'folder-json-')), 'out.json');
    const { stdout } = await promisify(execFile)(process.execPath, [...CLI, 'check', dir, '--json', out], { cwd: ROOT });
    expect(stdout).toContain('同一公开文件的两个版本');
    const json = JSON.parse(readFileSync(out, 'utf8')) as {
      documents: { file: string; findings: { severity: string; message: string; cells: unknown[] }[] }[];
      relations: { kind: string; files: string[] }[];
      findings: { kind: string; documents: string[]; severity: string; message: string; cells: { file: string; page: number }[] }[];
    };
    expect(json.documents.map((d) => d.file).sort()).toEqual(['corrected.pdf', 'draft.pdf']);
    for (const d of json.documents) for (const f of d.findings) expect(f).toMatchObject({ severity: expect.any(String), message: expect.any(String), cells: expect.any(Array) });
    expect(json.relations).toEqual([expect.objectContaining({ kind: 'versions', files: ['draft.pdf', 'corrected.pdf'] })]);
    expect(json.findings).toHaveLength(4);
    for (const f of json.findings) expect(f).toMatchObject({ kind: 'cross-document', documents: ['draft.pdf', 'corrected.pdf'] });
    const figure = json.findings.find((f) => f.cells.length === 2)!;
    expect(figure.cells.map((c) => c.file)).toEqual(['draft.pdf', 'corrected.pdf']);
  }, 180_000);

  it('export DIR --out writes one workbook with every finding across the folder, amounts as numbers', async () => {
    const dir = folderOf({ 'draft.pdf': DRAFT, 'corrected.pdf': CORRECTED });
    const out = join(mkdtempSync(join(tmpdir(), 'folder-xlsx-')), 'folder.xlsx');
    await promisify(execFile)(process.execPath, [...CLI, 'export', dir, '--out', out], { cwd: ROOT });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['文件', '文件关系', '全部问题']);
    const sheet = wb.getWorksheet('全部问题')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (name: string): number => header.indexOf(name) + 1;
    const rows = [];
    for (let r = 2; r <= sheet.rowCount; r++) rows.push(sheet.getRow(r));
    const cross = rows.filter((r) => r.getCell(col('范围')).value === '跨文件');
    expect(cross).toHaveLength(4);
    const figure = cross.find((r) => String(r.getCell(col('问题说明')).value).includes('2069999'))!;
    expect(figure.getCell(col('差额')).value).toBeCloseTo(2.7, 10);
    expect(figure.getCell(col('差额')).numFmt).toBe('#,##0.00');
    // each file's own findings are there too
    expect(rows.filter((r) => r.getCell(col('范围')).value === '单文件').length).toBeGreaterThan(0);
  }, 180_000);
});

describe.skipIf(!existsSync(REAL))('the real publications of ../shared/real as one folder', () => {
  let result: FolderCheckResult;
  const errorsOf = (kind: string, file: string): CrossFinding[] => result.findings.filter((f) => f.rule === `folder.${kind}` && f.severity === 'error' && f.documents.some((d) => d.includes(file)));

  it('finds the three 部门/单位 pairs and the 2024 → 2025 pair, and nothing else', async () => {
    result = await checkFolder(REAL);
    const rel = result.relations.map((r) => `${r.kind}: ${r.files.join(' | ')}`).sort();
    expect(rel).toEqual([
      'department-unit: 上海市普陀区人民政府办公室25年预算.pdf | 上海市普陀区人民政府办公室单位25年预算.pdf',
      'department-unit: 上海市普陀区司法局26年部门预算.pdf | 上海市普陀区司法局26年单位预算.pdf',
      'department-unit: 上海市普陀区商务委员会25年预算.pdf | 上海市普陀区商务委员会单位25年预算.pdf',
      'year-over-year: 上海市普陀区人民政府万里街道办事处24年预算.pdf | 上海市普陀区人民政府万里街道办事处25年预算.pdf',
    ]);
    expect(result.relations.every((r) => r.status === 'checked')).toBe(true);
  }, 300_000);

  it('办公室 and 商务委员会: the department equals its one unit line by line — no cross-document error', () => {
    expect(errorsOf('department-unit', '办公室')).toEqual([]);
    expect(errorsOf('department-unit', '商务委员会')).toEqual([]);
    expect(result.relations.find((r) => r.files[0].includes('办公室'))!.checked).toBeGreaterThan(300);
    expect(result.relations.find((r) => r.files[0].includes('商务委员会'))!.checked).toBeGreaterThan(300);
  });

  it('司法局: the only errors are the unit printing 64,840,547.00 as 行政运行 项目支出 (the department prints 0.00)', () => {
    // verified by hand: the unit's 支出预算总表 and 一般公共预算支出功能分类预算表 repeat the 项目支出
    // total on the 2040601 行政运行 line (its 合计 14,348,853.34 = 基本支出); the department prints 0.00
    const errors = errorsOf('department-unit', '司法局');
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      expect(e.message).toContain('2040601 行政运行');
      expect(e.message).toContain('项目支出');
      expect(e.cells.map((c) => c.text)).toEqual(['0.00', '64,840,547.00']);
    }
    // the department has a second unit that is not in the folder: shortfalls are notes, not errors
    const notes = result.findings.filter((f) => f.rule === 'folder.department-unit' && f.documents[0]!.includes('司法局') && f.severity === 'note');
    expect(notes.length).toBeGreaterThan(0);
    for (const n of notes) expect(n.message).toContain('不在文件夹中的单位');
  });

  it('万里街道 2024 → 2025: the narrative 比上年 figures agree with last year (no error), and the missing 上年 column is said', () => {
    const yoy = result.relations.find((r) => r.kind === 'year-over-year')!;
    expect(yoy.checked).toBeGreaterThan(0);
    expect(yoy.reason).toContain('上年');
    expect(result.findings.filter((f) => f.rule === 'folder.year-over-year' && f.severity !== 'note')).toEqual([]);
  });
});
