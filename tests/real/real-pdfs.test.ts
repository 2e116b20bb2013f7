/**
 * The eight real WPS-exported budgets in ../shared/real (not part of the repository): every table
 * of every document found with its title, and cells checked by eye against the rendered pages.
 * Skipped when the folder is absent.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument, Table } from '../../src/core/model';
import { extractFile } from '../../src/node/extract-file';

const REAL = join(import.meta.dirname, '../../../shared/real');
const available = existsSync(REAL);

const STANDARD = ['财务收支预算总表', '收入预算总表', '支出预算总表', '财政拨款收支预算总表', '一般公共预算支出功能分类预算表', '政府性基金预算支出功能分类预算表', '国有资本经营预算支出功能分类预算表', '一般公共预算基本支出部门预算经济分类预算表'];

/** Titles as listed in each document's own table of contents (read with pdftotext). */
function expectedTitles(year: string, scope: '部门' | '预算单位', sanGong: string): string[] {
  return [...STANDARD.map((name) => `${year}年${scope}${name}`), sanGong];
}

const DOCUMENTS: Record<string, string[]> = {
  '上海市普陀区人民政府万里街道办事处24年预算.pdf': expectedTitles('2024', '部门', '部门“三公”经费和机关运行经费预算表'),
  '上海市普陀区人民政府万里街道办事处25年预算.pdf': expectedTitles('2025', '部门', '2025年部门“三公”经费和机关运行经费预算表'),
  '上海市普陀区人民政府办公室25年预算.pdf': expectedTitles('2025', '部门', '2025年部门“三公”经费和机关运行经费预算表'),
  '上海市普陀区人民政府办公室单位25年预算.pdf': expectedTitles('2025', '预算单位', '2025年单位“三公”经费和机关运行经费预算表'),
  '上海市普陀区司法局26年单位预算.pdf': expectedTitles('2026', '预算单位', '2026年单位“三公”经费和机关运行经费预算表'),
  '上海市普陀区司法局26年部门预算.pdf': expectedTitles('2026', '部门', '2026年部门“三公”经费和机关运行经费预算表'),
  '上海市普陀区商务委员会25年预算.pdf': expectedTitles('2025', '部门', '2025年部门“三公”经费和机关运行经费预算表'),
  '上海市普陀区商务委员会单位25年预算.pdf': expectedTitles('2025', '预算单位', '2025年单位“三公”经费和机关运行经费预算表'),
};

const cache = new Map<string, Promise<ExtractedDocument>>();
function extract(name: string): Promise<ExtractedDocument> {
  let p = cache.get(name);
  if (!p) cache.set(name, (p = extractFile(join(REAL, name))));
  return p;
}

function text(t: Table, row: number, col: number): string | undefined {
  return t.rows[row]?.[col]?.text;
}

function byTitle(doc: ExtractedDocument, title: string): Table {
  const t = doc.tables.find((x) => x.title === title);
  if (!t) throw new Error(`no table titled ${title}`);
  return t;
}

describe.skipIf(!available)('real published budgets (WPS exports)', () => {
  it.each(Object.entries(DOCUMENTS))('%s: every table found with its title, unit and department', async (name, titles) => {
    const doc = await extract(name);
    expect(doc.tables.map((t) => t.title)).toEqual(titles);
    for (const t of doc.tables) {
      expect(t.unit, t.title ?? '').toMatch(/^万?元$/);
      expect(t.department, t.title ?? '').toMatch(/^上海市普陀区/);
      for (const row of [...t.header, ...t.rows]) expect(row).toHaveLength(t.columnCount);
    }
  });

  it('司法局 2026 部门收入预算总表: header spans and figures as printed on page 11', async () => {
    const doc = await extract('上海市普陀区司法局26年部门预算.pdf');
    const t = byTitle(doc, '2026年部门收入预算总表');
    expect(t.pages).toEqual([11, 11]);
    expect(t.columnCount).toBe(9);
    expect(t.header).toHaveLength(3);
    expect(t.header[0]![0]).toMatchObject({ text: '项目', colSpan: 4, rowSpan: 1 });
    expect(t.header[0]![4]).toMatchObject({ text: '收入预算', colSpan: 5 });
    expect(t.header[1]![0]).toMatchObject({ text: '功能分类科目编码', colSpan: 3 });
    expect(t.header[1]![3]).toMatchObject({ text: '功能分类科目名称', rowSpan: 2 });
    expect(t.header[1]![7]).toMatchObject({ text: '事业单位经营收入', rowSpan: 2 }); // printed over two lines
    expect(t.header[2]!.slice(0, 3).map((c) => c?.text)).toEqual(['类', '款', '项']);
    const row = t.rows.findIndex((r) => r[3]?.text === '基层司法业务');
    expect([0, 1, 2, 4, 5, 6].map((c) => text(t, row, c))).toEqual(['204', '06', '04', '21703947.00', '21703947.00', '0.00']);
    expect(t.rows[row]![4]!.value).toBe(2170394700);
    expect(t.rows[row]![0]!.value).toBeNull(); // a function code is not an amount
    const total = t.rows[t.rows.length - 1]!;
    expect(total[0]).toMatchObject({ text: '合计', colSpan: 4 });
    expect(total[4]!.text).toBe('96282213.44');
    // rows run down the page: PDF y decreases
    expect(t.rows[0]![4]!.bbox[1]).toBeGreaterThan(total[4]!.bbox[1]);
    for (const cell of t.rows.flat()) if (cell) expect(cell.page).toBe(11);
  });

  it('司法局 2026 部门财务收支预算总表: a WPS text run spanning two cells is split at the border', async () => {
    const doc = await extract('上海市普陀区司法局26年部门预算.pdf');
    const t = byTitle(doc, '2026年部门财务收支预算总表');
    expect(t.rows[0]!.map((c) => c?.text)).toEqual(['一、财政拨款收入', '96,282,213.44', '一、公共安全支出', '87,267,272.44']);
    expect(t.rows[t.rows.length - 1]!.map((c) => c?.text)).toEqual(['收入总计', '96,282,213.44', '支出总计', '96,282,213.44']);
  });

  it('司法局 2026 部门“三公”经费表: three header levels and the figures on page 21', async () => {
    const doc = await extract('上海市普陀区司法局26年部门预算.pdf');
    const t = byTitle(doc, '2026年部门“三公”经费和机关运行经费预算表');
    expect(t.unit).toBe('万元');
    expect(t.header[0]![0]).toMatchObject({ text: '“三公”经费预算数', colSpan: 6 });
    expect(t.header[0]![6]).toMatchObject({ text: '机关运行经费预算数', rowSpan: 3 });
    expect(t.header[1]![3]).toMatchObject({ text: '公务用车购置及运行费', colSpan: 3 });
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]!.map((c) => c?.text)).toEqual(['10.81', '0', '0.83', '9.98', '0', '9.98', '217.83']);
  });

  it('万里街道 2024 收入预算总表: four pages and a lone 合计 row on a fifth page joined into one table', async () => {
    const doc = await extract('上海市普陀区人民政府万里街道办事处24年预算.pdf');
    const t = byTitle(doc, '2024年部门收入预算总表');
    expect(t.pages).toEqual([11, 15]);
    const last = t.rows[t.rows.length - 1]!;
    expect(last[0]).toMatchObject({ text: '合计', colSpan: 4, page: 15 });
    expect(last[4]!.text).toBe('156,211,123');
    expect(last[4]!.value).toBe(15621112300);
    expect(t.rows.filter((r) => r[0]?.text === '类')).toHaveLength(0); // repeated headers dropped
  });

  it('empty tables keep their header and their note', async () => {
    const doc = await extract('上海市普陀区司法局26年部门预算.pdf');
    const t = byTitle(doc, '2026年部门政府性基金预算支出功能分类预算表');
    expect(t.header).toHaveLength(3);
    expect(t.notes.join('')).toContain('本表为空表');
  });

  it('narrative paragraphs are in reading order with their figures', async () => {
    const doc = await extract('上海市普陀区司法局26年部门预算.pdf');
    const para = doc.narrative.find((b) => b.text.includes('其他司法支出（99项）'));
    expect(para?.text).toContain('2025年当年预算执行数为43269.3万元');
    expect(para?.page).toBe(9);
    const order = doc.narrative.findIndex((b) => b.text.startsWith('上海市普陀区司法局主要职能'));
    expect(order).toBeGreaterThanOrEqual(0);
    expect(order).toBeLessThan(doc.narrative.findIndex((b) => b.text.startsWith('2026年部门预算编制说明')));
  });
});
