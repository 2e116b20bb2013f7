/**
 * The folder seen through the browser bridge: a file copied in (PDF, Excel) appears and gets parsed; a file
 * that changes on disk is parsed again and its edits follow their cells into the new version,
 * while edits whose row is gone are listed as orphans (never dropped).
 */
import { copyFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { extractFile } from '../../src/node/extract-file';
import { openBrowser, type BrowserSession } from './harness/browser';
import { FIXTURE_PDF_DIR, tempFolder, type TempFolder } from './harness/folder';
import { largeTable, printTablesPdf, type PrintedTable } from './harness/print-table';
import { serveApp, type ServedApp } from './harness/server';
import { documentItem, gotoApp, gridCell, openDocument, screenshot, waitParsed } from './harness/workspace';

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

describe('watched folder (browser mode)', () => {
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

  async function start(): Promise<void> {
    app = await serveApp(inject('rendererDir'), folder.dir);
    session = await openBrowser();
    await gotoApp(session.page, app.url);
  }

  it('lists a file copied into the folder and parses it', async () => {
    await folder.add(join(FIXTURE_PDF_DIR, '000-libreoffice.pdf'), 'a.pdf');
    await writeFile(join(folder.dir, '空文件.pdf'), '');
    await start();
    const { page } = session;
    await waitParsed(page, 'a.pdf');
    // a file that cannot be read says why, in Chinese
    await page.waitForSelector('.document-item[data-path="空文件.pdf"][data-status="error"]');
    await expect(documentItem(page, '空文件.pdf').textContent()).resolves.toContain('文件为空（0 字节）');
    await expect(page.locator('.document-item').count()).resolves.toBe(2);

    // copied under a temporary name, then renamed: the way a finished download lands
    await copyFile(join(FIXTURE_PDF_DIR, '002-libreoffice.pdf'), join(folder.dir, '.incoming'));
    await rename(join(folder.dir, '.incoming'), join(folder.dir, '决算 2023.pdf'));
    await documentItem(page, '决算 2023.pdf').waitFor({ timeout: 10_000 });
    await waitParsed(page, '决算 2023.pdf');
    const expected = await extractFile(join(FIXTURE_PDF_DIR, '002-libreoffice.pdf'));
    await expect(documentItem(page, '决算 2023.pdf').textContent()).resolves.toContain(`表格 ${expected.tables.length}`);
    // Word/Excel files are read too (in the same parse worker)
    await folder.add(join(FIXTURE_PDF_DIR, '../office/seed000.xlsx'), '预算.xlsx');
    await waitParsed(page, '预算.xlsx');
    const workbook = await extractFile(join(FIXTURE_PDF_DIR, '../office/seed000.xlsx'));
    await expect(documentItem(page, '预算.xlsx').textContent()).resolves.toContain(`表格 ${workbook.tables.length}`);
    await screenshot(page, '20-file-added-to-folder');
    expect(session.errors).toEqual([]);
  });

  it('stops parsing a long file on request and parses it again when asked', async () => {
    await printTablesPdf(join(folder.dir, '大表.pdf'), [largeTable(2000)]);
    await start();
    const { page } = session;
    const item = documentItem(page, '大表.pdf');
    await page.waitForSelector('.document-item[data-path="大表.pdf"][data-status="parsing"] progress', { timeout: 30_000 });
    await item.getByRole('button', { name: '取消解析' }).click();
    await page.waitForSelector('.document-item[data-path="大表.pdf"][data-status="error"]');
    await expect(item.textContent()).resolves.toContain('解析已取消');
    await screenshot(page, '23-parse-cancelled');
    // it stays cancelled (the folder is polled meanwhile), and cannot be opened
    await page.waitForTimeout(1000);
    await expect(item.getAttribute('data-status')).resolves.toBe('error');
    await expect(item.locator('button').first().isDisabled()).resolves.toBe(true);

    await item.getByRole('button', { name: '重新解析' }).click();
    await waitParsed(page, '大表.pdf', 180_000);
    await expect(item.textContent()).resolves.toContain('表格 1');
    await expect(item.getByRole('button', { name: '重新解析' }).count()).resolves.toBe(0);
    expect(session.errors).toEqual([]);
  });

  it('opens a partly scanned PDF, says which page holds only a picture, and warns about it', async () => {
    await folder.add(join(FIXTURE_PDF_DIR, '../degraded/partly-scanned.pdf'), '部分扫描.pdf');
    await start();
    const { page } = session;
    await waitParsed(page, '部分扫描.pdf');
    await documentItem(page, '部分扫描.pdf').locator('button').first().click();
    await page.waitForSelector('[data-testid="pdf-page"][data-page="1"]');
    await expect(page.getByTestId('image-only-page').count()).resolves.toBe(0);
    await page.locator('.page-toolbar button[title="下一页"]').click();
    await page.waitForSelector('[data-testid="pdf-page"][data-page="2"]');
    await expect(page.getByTestId('image-only-page').textContent()).resolves.toContain('本页只有图片');
    // the checks list it as a warning, naming the page
    await expect.poll(() => page.locator('.findings-panel .finding-item[data-severity="warning"]').allTextContents()).toContainEqual(expect.stringContaining('第 2 页只有图片'));
    await screenshot(page, '24-image-only-page');
    await page.locator('.page-toolbar button[title="下一页"]').click();
    await page.waitForSelector('[data-testid="pdf-page"][data-page="3"]');
    await expect(page.getByTestId('image-only-page').count()).resolves.toBe(0);
    expect(session.errors).toEqual([]);
  });

  it('moves edits onto a changed file and lists the ones whose row is gone', async () => {
    const path = join(folder.dir, '支出表.pdf');
    await printTablesPdf(path, [V1]);
    await start();
    const { page } = session;
    await openDocument(page, '支出表.pdf');

    // correct 医疗保障管理事务 × 项目支出 (row 1) and 行政运行 × 合计 (row 2)
    for (const [row, col, text] of [
      [1, 4, '73.00'],
      [2, 2, '626.00'],
    ] as const) {
      await gridCell(page, row, col).click();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+A');
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
      await expect.poll(() => gridCell(page, row, col).textContent()).toBe(text);
    }

    // the file is replaced by version 2 (written aside, then moved over the old one)
    await printTablesPdf(join(folder.dir, '.v2'), [V2]);
    await rename(join(folder.dir, '.v2'), path);
    await page.getByTestId('orphans').waitFor({ timeout: 30_000 });
    // 医疗保障管理事务 moved down a row; the correction went with it, not to the row now at its old index
    await expect.poll(() => gridCell(page, 0, 1).textContent()).toBe('社会保障和就业支出');
    await expect(gridCell(page, 2, 1).textContent()).resolves.toBe('医疗保障管理事务');
    await expect(gridCell(page, 2, 4).textContent()).resolves.toBe('73.00');
    expect(await gridCell(page, 2, 4).getAttribute('class')).toContain('cell-edited');
    await expect(gridCell(page, 1, 4).textContent()).resolves.toBe('72.99');
    expect(await gridCell(page, 1, 4).getAttribute('class')).not.toContain('cell-edited');
    const orphans = await page.getByTestId('orphans').textContent();
    expect(orphans).toContain('1 处修改');
    expect(orphans).toContain('2101501 行政运行');
    expect(orphans).toContain('625.94 → 626.00');
    await expect(documentItem(page, '支出表.pdf').getByTestId('edit-count').textContent()).resolves.toBe('修改 1');
    await screenshot(page, '21-changed-file-edits-moved-orphan-listed');
    expect(session.errors).toEqual([]);
  });
});
