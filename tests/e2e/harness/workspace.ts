/** Driving the review workspace like a clerk would: through what is on screen. */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../../test-results/e2e');

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = resolve(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Opens the app; `poll` is how often the browser bridge re-reads the folder manifest. */
export async function gotoApp(page: Page, url: string, poll = 300): Promise<void> {
  await page.goto(`${url}?poll=${poll}`);
  await page.waitForSelector('.document-list');
}

export function documentItem(page: Page, relativePath: string): Locator {
  return page.locator(`.document-item[data-path="${relativePath}"]`);
}

export async function waitParsed(page: Page, relativePath: string, timeout = 90_000): Promise<void> {
  await page.waitForSelector(`.document-item[data-path="${relativePath}"][data-status="parsed"]`, { timeout });
}

/** Clicks a parsed document and waits until its page is drawn and the grid shows rows. */
export async function openDocument(page: Page, relativePath: string): Promise<void> {
  await waitParsed(page, relativePath);
  await documentItem(page, relativePath).locator('button').click();
  await waitForWorkspace(page);
}

export async function waitForWorkspace(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="pdf-page"][data-page]', { timeout: 30_000 });
  await page.waitForSelector('.table-grid [role="row"][row-index="0"]', { timeout: 30_000 });
}

export async function selectTable(page: Page, tableId: string): Promise<void> {
  await page.locator(`.table-list button[data-table-id="${tableId}"]`).click();
  await page.waitForSelector(`.table-grid[data-table-id="${tableId}"] [role="row"][row-index="0"]`);
}

export function gridCell(page: Page, row: number, col: number): Locator {
  return page.locator(`.table-grid [role="row"][row-index="${row}"] [role="gridcell"][col-id="c${col}"]`).first();
}

export async function canvasRect(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.locator('[data-testid="pdf-page"] canvas').boundingBox();
  if (!box) throw new Error('no page canvas');
  return box;
}

export async function shownPage(page: Page): Promise<number> {
  return Number(await page.locator('[data-testid="pdf-page"]').getAttribute('data-page'));
}

/** The edit log as stored in IndexedDB, read straight from the browser (not through the app). */
export async function storedEdits(page: Page): Promise<{ op: string; before: string; after: string; fileHash: string }[]> {
  return page.evaluate(
    () =>
      new Promise<{ op: string; before: string; after: string; fileHash: string }[]>((done, fail) => {
        const request = indexedDB.open('proofreader-review');
        request.onerror = () => fail(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction('edits').objectStore('edits').getAll();
          all.onsuccess = () => {
            done(all.result as { op: string; before: string; after: string; fileHash: string }[]);
            db.close();
          };
          all.onerror = () => fail(all.error);
        };
      }),
  );
}
