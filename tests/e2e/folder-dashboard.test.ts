/**
 * The folder dashboard in headless Chromium (browser bridge): a folder holding a draft and its
 * corrected copy (printed by Chromium, four edits apart) shows the 'versions' relation and its
 * four cross-document findings; a finding's link opens the document at the page and cell; 解除配对
 * removes the relation and its findings, 恢复配对 brings them back; and a file's 查看最严重的问题
 * opens it at a finding. Optionally, a 500-file listing renders without a long task.
 */
import { utimes, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, type BrowserSession } from './harness/browser';
import { FIXTURE_PDF_DIR, tempFolder, type TempFolder } from './harness/folder';
import { serveApp, type ServedApp } from './harness/server';
import { gotoApp, waitParsed } from './harness/workspace';

const DRAFT = join(FIXTURE_PDF_DIR, '002-chromium.pdf');
const CORRECTED = resolve(FIXTURE_PDF_DIR, '../folder/002-chromium-corrected.pdf');
const OLD = '医保局决算.pdf';
const NEW = '医保局决算-更新.pdf';

describe('folder dashboard (browser mode)', () => {
  let folder: TempFolder;
  let app: ServedApp;
  let session: BrowserSession;

  beforeEach(async () => {
    folder = await tempFolder();
  });

  afterEach(async () => {
    await session?.close();
    await app?.close();
    await folder.remove();
  });

  async function start(): Promise<void> {
    app = await serveApp(inject('rendererDir'), folder.dir);
    session = await openBrowser();
    await gotoApp(session.page, app.url);
  }

  it('shows the version pair, its four findings with links to both files, and unpair / restore', async () => {
    await folder.add(DRAFT, OLD);
    await folder.add(CORRECTED, NEW);
    // file names give no hint which is newer: the modification time does
    const t = Date.now() / 1000 - 3600;
    await utimes(join(folder.dir, OLD), t, t);
    await utimes(join(folder.dir, NEW), t + 60, t + 60);
    // a scanned file (no text layer) and an empty one: listed with what they are, in no relation
    await folder.add(resolve(FIXTURE_PDF_DIR, '../bad/scanned.pdf'), '扫描件.pdf');
    await writeFile(join(folder.dir, '空文件.pdf'), '');
    await start();
    const { page } = session;
    await waitParsed(page, OLD);
    await waitParsed(page, NEW);
    await page.waitForSelector('.document-item[data-path="扫描件.pdf"]:is([data-status="error"], [data-status="parsed"])', { timeout: 60_000 });
    await page.waitForSelector('.document-item[data-path="空文件.pdf"][data-status="error"]');

    await page.locator('.folder-view-tabs button[data-view="folder"]').click();
    const dashboard = page.getByTestId('folder-dashboard');
    await dashboard.waitFor();
    const relation = page.locator('.relation-item[data-kind="versions"]');
    await relation.waitFor({ timeout: 30_000 });
    await expect(relation.getAttribute('data-status')).resolves.toBe('checked');
    await expect(relation.textContent()).resolves.toMatch(/已比对 \d+ 处/);
    // older first
    await expect(relation.locator('.relation-files').textContent()).resolves.toBe(`${OLD} ↔ ${NEW}`);
    const findings = page.locator('.cross-finding');
    await expect.poll(() => findings.count()).toBe(4);
    await expect(page.locator('.cross-group h4').allTextContents()).resolves.toEqual([`两个版本：${OLD} ↔ ${NEW}`]);

    // each file's row: checked, its relation chip, the cross-document findings among its counts
    for (const file of [OLD, NEW]) {
      const row = page.locator(`.folder-file[data-path="${file}"]`);
      await expect(row.getAttribute('data-status')).resolves.toBe('checked');
      await expect(row.locator('.relation-chip').textContent()).resolves.toContain('两个版本');
      await expect.poll(() => row.getByTestId('folder-counts').textContent()).toMatch(/错误 \d+警告 \d+提示 \d+含跨文件 4/);
      await expect(row.getByTestId('folder-identity').textContent()).resolves.toContain('2023年');
    }
    await expect(page.locator('.folder-file[data-path="扫描件.pdf"]').getAttribute('data-status')).resolves.toBe('picture-only');
    await expect(page.locator('.folder-file[data-path="扫描件.pdf"]').textContent()).resolves.toContain('仅有图片');
    await expect(page.locator('.folder-file[data-path="空文件.pdf"]').getAttribute('data-status')).resolves.toBe('failed');
    await expect(page.locator('.folder-file[data-path="空文件.pdf"]').textContent()).resolves.toContain('文件为空');

    const figure = findings.filter({ hasText: '35.80 → 38.50' });
    await expect(figure.count()).resolves.toBe(1);
    const links = figure.locator('.cross-link:not(.cross-compare)');
    await expect(links.count()).resolves.toBe(2);
    const oldText = (await links.nth(0).textContent())!;
    const newText = (await links.nth(1).textContent())!;
    expect(oldText).toMatch(/^打开旧版 第\d+页$/);
    expect(newText).toMatch(/^打开新版 第\d+页$/);
    await page.screenshot({ path: '/tmp/folder-dashboard.png' });

    // both printed figures side by side: each page rendered with the compared cell outlined
    await figure.locator('.cross-compare').click();
    const dialog = page.locator('.compare-dialog');
    await dialog.waitFor({ timeout: 10_000 });
    await expect.poll(() => dialog.locator('[data-testid="compare-box"]').count(), { timeout: 30_000 }).toBe(2);
    await expect(dialog.locator('.compare-side').evaluateAll((els) => els.map((e) => e.getAttribute('data-file')))).resolves.toEqual([OLD, NEW]);
    for (const box of await dialog.locator('[data-testid="compare-box"]').all()) {
      const r = (await box.boundingBox())!;
      expect(r.width).toBeGreaterThan(5);
      expect(r.height).toBeGreaterThan(3);
    }
    await page.screenshot({ path: '/tmp/folder-dashboard-compare.png' });
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);

    // the new version opens at the page of the changed cell, with the cell selected
    const newPage = Number(/第(\d+)页/.exec(newText)![1]);
    await links.nth(1).click();
    await page.waitForSelector(`[data-testid="pdf-page"][data-page="${newPage}"]`, { timeout: 30_000 });
    await expect(page.locator('.document-item.active').getAttribute('data-path')).resolves.toBe(NEW);
    await expect.poll(() => page.locator('.table-grid .ag-cell-focus').first().textContent(), { timeout: 10_000 }).toBe('38.50');
    await page.screenshot({ path: '/tmp/folder-dashboard-opened-cell.png' });

    // and the old one at its cell
    await page.locator('.folder-view-tabs button[data-view="folder"]').click();
    const oldPage = Number(/第(\d+)页/.exec(oldText)![1]);
    await page.locator('.cross-finding', { hasText: '35.80 → 38.50' }).locator('.cross-link').nth(0).click();
    await page.waitForSelector(`[data-testid="pdf-page"][data-page="${oldPage}"]`, { timeout: 30_000 });
    await expect(page.locator('.document-item.active').getAttribute('data-path')).resolves.toBe(OLD);
    await expect.poll(() => page.locator('.table-grid .ag-cell-focus').first().textContent(), { timeout: 10_000 }).toBe('35.80');

    // unpair: the relation and its findings are gone, the unpair is listed and can be undone
    await page.locator('.folder-view-tabs button[data-view="folder"]').click();
    await page.locator('.relation-item[data-kind="versions"] .relation-unpair').click();
    await expect.poll(() => page.locator('.relation-item[data-kind]').count()).toBe(0);
    await expect.poll(() => page.locator('.cross-finding').count()).toBe(0);
    await expect(page.locator('.cross-findings').textContent()).resolves.toContain('没有跨文件问题');
    await expect(page.locator('.relation-item.unpaired').textContent()).resolves.toContain(`${OLD} ↔ ${NEW}`);
    await expect(page.locator(`.folder-file[data-path="${OLD}"] .relation-chip`).count()).resolves.toBe(0);
    await page.screenshot({ path: '/tmp/folder-dashboard-unpaired.png' });
    // kept across a reload (stored per folder)
    await page.reload();
    await page.locator('.folder-view-tabs button[data-view="folder"]').click();
    await page.locator('.relation-item.unpaired').waitFor({ timeout: 60_000 });
    await expect(page.locator('.cross-finding').count()).resolves.toBe(0);
    await page.locator('.relation-item.unpaired button').click();
    await expect.poll(() => page.locator('.cross-finding').count(), { timeout: 30_000 }).toBe(4);

    // one click to a file's worst finding: the document opens with a finding selected
    await page.locator(`.folder-file[data-path="${NEW}"] .folder-file-action button`).click();
    await page.waitForSelector('[data-testid="pdf-page"][data-page]', { timeout: 30_000 });
    await expect(page.locator('.document-item.active').getAttribute('data-path')).resolves.toBe(NEW);
    await expect.poll(() => page.locator('.finding-item.selected').count(), { timeout: 30_000 }).toBe(1);
    await expect(page.locator('.finding-item.selected').getAttribute('data-severity')).resolves.toBe('error');

    // a document opened from the list while the dashboard is shown is shown
    await page.locator('.folder-view-tabs button[data-view="folder"]').click();
    await page.getByTestId('folder-dashboard').waitFor();
    await page.locator('.document-item[data-path="医保局决算.pdf"] button').first().click();
    await page.getByTestId('workspace').waitFor();
    await expect(page.getByTestId('folder-dashboard').count()).resolves.toBe(0);
    expect(session.errors).toEqual([]);
  });

  it('lists 500 files in a windowed list without a long task', async () => {
    // empty files: listed and failed at once, with no parse, so the listing itself is measured
    await Promise.all(Array.from({ length: 500 }, (_, i) => writeFile(join(folder.dir, `${String(i).padStart(3, '0')}-空文件.pdf`), '')));
    await start();
    const { page } = session;
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    await page.waitForFunction(() => document.querySelectorAll('.document-item[data-status="error"]').length === 500, undefined, { timeout: 120_000 });
    const before = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.length);
    const opened = Date.now();
    await page.locator('.folder-view-tabs button[data-view="folder"]').click();
    await page.locator('.folder-file').first().waitFor();
    const shownMs = Date.now() - opened;
    const drawn = await page.locator('.folder-file').count();
    expect(drawn).toBeLessThan(60);
    await expect(page.locator('.folder-files').getAttribute('aria-rowcount')).resolves.toBe('500');
    // scroll to the end: the last rows are drawn
    for (let i = 0; i < 10; i++) {
      await page.locator('.folder-files').evaluate((el, n) => el.scrollTo(0, (el.scrollHeight * n) / 10), i + 1);
      await page.waitForTimeout(30);
    }
    await page.locator('.folder-file[data-path="499-空文件.pdf"]').waitFor();
    await expect(page.locator('.folder-file[data-path="499-空文件.pdf"]').getAttribute('data-status')).resolves.toBe('failed');
    const tasks = await page.evaluate((from) => (window as unknown as { longTasks: number[] }).longTasks.slice(from), before);
    const longest = Math.max(0, ...tasks);
    console.log(`[folder-dashboard] 500 files: dashboard shown in ${shownMs} ms, ${drawn} rows drawn, longest task after listing ${longest.toFixed(0)} ms (${tasks.length} tasks > 50 ms)`);
    expect(longest).toBeLessThan(200);
    await page.screenshot({ path: '/tmp/folder-dashboard-500.png' });
    expect(session.errors).toEqual([]);
  });
});
