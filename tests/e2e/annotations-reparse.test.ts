/**
 * Annotations when their file changes on disk (browser mode): the new version is parsed again, a
 * cell annotation follows its cell (found by table, row and column names, like edits), and one
 * whose row is gone is listed as orphaned — never dropped — and can be attached to a new place.
 */
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, type BrowserSession } from './harness/browser';
import { tempFolder, type TempFolder } from './harness/folder';
import { printTablesPdf, type PrintedTable } from './harness/print-table';
import { serveApp, type ServedApp } from './harness/server';
import { gotoApp, gridCell, openDocument, screenshot } from './harness/workspace';

const V1: PrintedTable = {
  title: '2025年部门支出预算表',
  rows: [
    ['210', '卫生健康支出', '698.93', '625.94', '72.99'],
    ['21015', '医疗保障管理事务', '698.93', '625.94', '72.99'],
    ['2101501', '行政运行', '625.94', '625.94', '0.00'],
    ['2101599', '其他医疗保障管理事务支出', '72.99', '0.00', '72.99'],
  ],
};
/** Version 2: a row inserted on top, 行政运行 removed. */
const V2: PrintedTable = { title: V1.title, rows: [['208', '社会保障和就业支出', '12.00', '12.00', '0.00'], V1.rows[0]!, V1.rows[1]!, V1.rows[3]!] };

async function annotateCell(page: Page, row: number, col: number, text: string): Promise<void> {
  await gridCell(page, row, col).click();
  await page.getByTestId('add-annotation').click();
  await page.getByTestId('annotation-draft').getByLabel('批注内容').fill(text);
  await page.getByTestId('annotation-draft').getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('annotation-text').textContent()).resolves.toBe(text);
}

describe('annotations on a changed file (browser mode)', () => {
  let folder: TempFolder;
  let app: ServedApp;
  let session: BrowserSession;

  beforeEach(async () => {
    folder = await tempFolder();
  });

  afterEach(async () => {
    await session.close();
    await app.close();
    await folder.remove();
  });

  it('moves annotations with their cells, lists those whose row is gone, and lets them be attached again', async () => {
    const path = join(folder.dir, '支出表.pdf');
    await printTablesPdf(path, [V1]);
    app = await serveApp(inject('rendererDir'), folder.dir);
    session = await openBrowser({ width: 1920, height: 1080 });
    const { page } = session;
    await gotoApp(page, app.url);
    await openDocument(page, '支出表.pdf');
    await annotateCell(page, 1, 4, '项目支出与项目明细表不一致');
    await annotateCell(page, 2, 2, '行政运行合计待核');

    // the file is replaced by version 2 (written aside, then moved over the old one)
    await printTablesPdf(join(folder.dir, '.v2'), [V2]);
    await rename(join(folder.dir, '.v2'), path);
    await expect.poll(() => gridCell(page, 0, 1).textContent(), { timeout: 30_000 }).toBe('社会保障和就业支出');
    // 医疗保障管理事务 moved down a row; its annotation went with it
    await expect(gridCell(page, 2, 1).textContent()).resolves.toBe('医疗保障管理事务');
    await expect.poll(() => gridCell(page, 2, 4).getAttribute('class')).toContain('cell-annotated');
    expect(await gridCell(page, 1, 4).getAttribute('class')).not.toContain('cell-annotated');
    if ((await page.getByTestId('annotation-pane').count()) === 0) await page.getByTestId('annotations-toggle').click();
    const orphans = page.getByTestId('annotation-orphans');
    await orphans.waitFor();
    await expect(orphans.textContent()).resolves.toContain('1 条批注无法对应到新版本');
    await expect(orphans.textContent()).resolves.toContain('行政运行合计待核');
    await expect(page.locator('.annotation-item').allTextContents()).resolves.toEqual([expect.stringContaining('项目支出与项目明细表不一致')]);
    await screenshot(page, 'annotations-08-changed-file-orphan');

    // attach the orphan to 其他医疗保障管理事务支出 × 合计 in the new version
    await gridCell(page, 3, 2).click();
    await orphans.getByRole('button', { name: '重新关联到当前选择' }).click();
    const draft = page.getByTestId('annotation-draft');
    await expect(draft.getByLabel('批注内容').inputValue()).resolves.toBe('行政运行合计待核');
    await draft.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => orphans.textContent()).toContain('已重新关联');
    await expect.poll(() => page.locator('.annotation-item').count()).toBe(2);
    await expect.poll(() => gridCell(page, 3, 2).getAttribute('class')).toContain('cell-annotated');
    await screenshot(page, 'annotations-09-orphan-attached');
    expect(session.errors).toEqual([]);
  });
});
