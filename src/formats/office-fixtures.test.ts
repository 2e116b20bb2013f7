/**
 * DOCX/XLSX extraction against the hand-transcribed truth (tests/fixtures/office): every table
 * with its title, code, unit, department and notes; headers exact (text and spans); every body
 * cell text-equal; amounts exact in hundredths; narrative complete and in order; every cell
 * located in its source file. Also the other fixture producer's workbooks when present, the
 * damaged files, and the CLI. Prints the accuracy per file.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { DocumentError } from '../core/errors';
import type { Cell, ExtractedDocument } from '../core/model';
import { parseAmount } from '../core/money';
import { extractFile } from '../node/extract-file';
import { bodyScore, headerDiff } from '../../tests/extraction/compare';
import { FIXTURES_DIR, cellText, loadContent } from '../../tests/fixtures/truth';
import { extractOffice } from './index';

const OFFICE_DIR = join(FIXTURES_DIR, 'office');

interface OfficeFixture {
  file: string;
  content: string;
  producer: string;
  narrative: boolean;
  firstTablePage: number;
  pagePerTable: boolean;
}

const fixtures = JSON.parse(readFileSync(join(OFFICE_DIR, 'fixtures.json'), 'utf8')) as OfficeFixture[];
const badFiles = JSON.parse(readFileSync(join(OFFICE_DIR, 'bad-files.json'), 'utf8')) as { file: string; code: string }[];
const report: string[] = [];

afterAll(() => {
  if (report.length) console.log(['office extraction accuracy (body cells text-equal to the truth):', ...report].join('\n'));
});

async function extract(path: string): Promise<ExtractedDocument> {
  return extractOffice(new Uint8Array(await readFile(path)), extname(path), { path, sha256: '' });
}

function checkAgainstTruth(doc: ExtractedDocument, fixture: OfficeFixture & { label: string }): void {
  const truth = loadContent(fixture.content);
  expect(doc.tables.map((t) => t.title)).toEqual(truth.tables.map((t) => t.title));
  doc.tables.forEach((t, i) => {
    const want = truth.tables[i]!;
    expect({ code: t.code, unit: t.unit, department: t.department, notes: t.notes }, want.title).toEqual({
      code: want.code,
      unit: want.unit,
      department: want.department,
      notes: want.notes,
    });
  });
  const headerDiffs = doc.tables.flatMap((t, i) => headerDiff(t, truth.tables[i]!).map((d) => `${t.title}: ${d}`));
  expect(headerDiffs).toEqual([]);
  let cells = 0;
  let correct = 0;
  const mismatches: string[] = [];
  truth.tables.forEach((want, i) => {
    const got = doc.tables[i]!;
    expect(got.rows.length, want.title).toBe(want.rows.length);
    const s = bodyScore(got, want);
    cells += s.cells;
    correct += s.correct;
    mismatches.push(...s.mismatches.map((m) => `${want.title}: ${m}`));
  });
  report.push(`  ${fixture.label.padEnd(36)} ${String(doc.tables.length).padStart(2)} tables ${String(correct).padStart(5)}/${cells} = ${((correct / cells) * 100).toFixed(2)}%`);
  expect(mismatches.slice(0, 20)).toEqual([]);
}

describe.each(fixtures.map((f) => [f.file, f] as const))('%s', (file, fixture) => {
  let doc: ExtractedDocument | undefined;
  const load = async (): Promise<ExtractedDocument> => (doc ??= await extract(join(OFFICE_DIR, file)));

  it('finds every table with its attributes, exact headers and every body cell', async () => {
    checkAgainstTruth(await load(), { ...fixture, label: `${file} (${fixture.producer})` });
  });

  it('keeps every narrative paragraph, in order, and nothing else', async () => {
    const d = await load();
    const truth = loadContent(fixture.content);
    const squash = (s: string): string => s.replace(/\s+/g, '');
    expect(d.narrative.map((b) => squash(b.text))).toEqual(truth.narrative.map(squash));
  });

  it('reads every amount exactly, in hundredths, and leaves codes and headers without a value', async () => {
    const d = await load();
    for (const t of d.tables) {
      for (const row of t.header) for (const c of row) if (c) expect(c.value, `${t.title} header ${c.text}`).toBeNull();
      for (const row of t.rows) {
        for (const c of row) {
          if (!c || c.value === null) continue;
          expect(c.value, `${t.title} ${c.text}`).toBe(parseAmount(c.text));
        }
      }
    }
    // a figure a reader would quote: 收入总计 of the first table
    const first = d.tables[0]!;
    const totals = first.rows.flat().filter((c): c is Cell => c !== null && (c.text === '450.77' || c.text === '2,006.90'));
    expect(totals.length).toBeGreaterThan(0);
    for (const c of totals) expect(c.value).toBe(c.text === '450.77' ? 45077 : 200690);
  });

  it('locates every cell in the source file and gives each table its page', async () => {
    const d = await load();
    expect(d.source.format).toBe(file.endsWith('.docx') ? 'docx' : 'xlsx');
    d.tables.forEach((t, i) => {
      const page = fixture.pagePerTable ? fixture.firstTablePage + i : fixture.firstTablePage;
      expect(t.pages, t.title ?? '').toEqual([page, page]);
      for (const c of [...t.header, ...t.rows].flat()) {
        if (!c) continue;
        expect(c.page).toBe(page);
        expect(c.source?.kind).toBe(d.source.format);
        expect(c.bbox[2] - c.bbox[0]).toBeGreaterThanOrEqual(c.colSpan);
        expect(c.bbox[3] - c.bbox[1]).toBeGreaterThanOrEqual(c.rowSpan);
      }
    });
    for (const b of d.narrative) expect(b.source?.kind).toBe(d.source.format);
  });
});

describe('source locations point at the printed cell', () => {
  it('DOCX: table, row, grid column and w:tc of a merged header cell and of a body figure', async () => {
    const d = await extract(join(OFFICE_DIR, 'seed004.docx'));
    const t = d.tables[0]!; // 部门预算收支总表; its first Word row is the 853…局 / 预算年度 / 单位 line
    const income = t.header[0]![1]!;
    expect(income.text).toBe('收入');
    expect(income.source).toEqual({ kind: 'docx', table: 0, row: 1, col: 1, cell: 1 });
    expect(income.bbox).toEqual([1, 1, 3, 2]);
    const item = t.header[1]![1]!; // 项目 under 收入: the row's second w:tc (the first continues 序号)
    expect(item.source).toEqual({ kind: 'docx', table: 0, row: 2, col: 1, cell: 1 });
    // the split 财政拨款收支总表: rows from the second Word table keep that table's index
    const split = d.tables[3]!;
    expect(split.rows).toHaveLength(37);
    const tables = new Set(split.rows.map((r) => (r[0]?.source?.kind === 'docx' ? r[0].source.table : -1)));
    expect([...tables]).toEqual([3, 4]);
  });

  it('XLSX: sheet and A1 address of a merged title-row neighbour and of a figure', async () => {
    const d = await extract(join(OFFICE_DIR, 'seed000.xlsx'));
    const t = d.tables[0]!; // 预算01表 on the second sheet: code row 1, title row 2, 部门/单位 row 3
    expect(t.header[0]![0]!.source).toEqual({ kind: 'xlsx', sheet: '1部门收支预算表', sheetIndex: 2, row: 4, col: 1, address: 'A4' });
    const figure = t.rows[0]![1]!;
    expect(figure.text).toBe('2,006.90');
    expect(figure.source).toMatchObject({ sheetIndex: 2, address: 'B6' });
    expect(d.narrative[0]!.source).toEqual({ kind: 'xlsx', sheet: '情况说明', sheetIndex: 1, row: 1, col: 1, address: 'A1' });
  });
});

// The PDF fixture generator's own workbooks (another producer, another layout), when present.
const otherWorkbooks = ['000', '002', '004']
  .map((id) => ({ id, path: join(FIXTURES_DIR, 'src', `${id}-libreoffice.xlsx`) }))
  .filter((w) => existsSync(w.path));

describe.skipIf(otherWorkbooks.length === 0)('workbooks made for the PDF fixtures', () => {
  it.each(otherWorkbooks.map((w) => [w.id, w] as const))('%s: tables, headers and body cells as transcribed', async (id, w) => {
    const doc = await extract(w.path);
    checkAgainstTruth(doc, { file: w.path, content: `content/${id}.json`, producer: 'fixture generator', narrative: false, firstTablePage: 1, pagePerTable: true, label: `src/${id}-libreoffice.xlsx` });
  });
});

describe('damaged and mislabelled files', () => {
  it.each(badFiles.map((b) => [b.file, b.code] as const))('%s → %s', async (file, code) => {
    const error = await extract(join(OFFICE_DIR, file)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DocumentError);
    expect((error as DocumentError).code).toBe(code);
    expect((error as DocumentError).messageZh).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('the .xls message tells the clerk to save the file as .xlsx', async () => {
    const error = (await extract(join(OFFICE_DIR, 'bad/excel97.xls')).catch((e: unknown) => e)) as DocumentError;
    expect(error.messageZh).toContain('另存为');
    expect(error.messageZh).toContain('.xlsx');
  });
});

describe('through extractFile and the CLI', () => {
  it('extractFile dispatches .docx and .xlsx and records the file hash', async () => {
    const doc = await extractFile(join(OFFICE_DIR, 'seed004.docx'));
    expect(doc.tables).toHaveLength(30);
    expect(doc.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    await expect(extractFile(join(OFFICE_DIR, 'bad/excel97.xls'))).rejects.toMatchObject({ code: 'legacy-xls' });
  });

  it('`extract x.docx --json` writes the same document model', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'office-cli-'));
    try {
      const out = join(dir, 'x.json');
      const tsx = join(FIXTURES_DIR, '..', '..', 'node_modules', '.bin', 'tsx');
      const cli = join(FIXTURES_DIR, '..', '..', 'src', 'cli', 'main.ts');
      const { stdout } = await promisify(execFile)(tsx, [cli, 'extract', join(OFFICE_DIR, 'seed004.docx'), '--json', out]);
      expect(stdout).toContain('30 张表');
      const written = JSON.parse(await readFile(out, 'utf8')) as ExtractedDocument;
      const truth = loadContent('content/004.json');
      expect(written.tables.map((t) => t.title)).toEqual(truth.tables.map((t) => t.title));
      expect(written.tables[1]!.rows[0]!.map((c) => c?.text ?? null)).toEqual(truth.tables[1]!.rows[0]!.map((c) => (c === null ? null : cellText(c))));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
