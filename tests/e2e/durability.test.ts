/**
 * What the reviewer was told is saved stays saved: an edit and an annotation acknowledged in the UI
 * survive Chromium being killed with SIGKILL (browser and all its processes, no shutdown) right
 * after, and are there when the app starts again on the same profile. A review database the app
 * cannot use (written by a newer version, or damaged on disk) gives a clear message, and the
 * documents can still be read.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { ExtractedDocument, Table } from '../../src/core/model';
import { extractFile } from '../../src/node/extract-file';
import { LATEST_VERSION } from '../../src/renderer/src/db/database';
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
    await page.waitForFunction(() => document.querySelector('.save-state[data-save="saved"]') !== null, undefined, { polling: 'raf' });
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

  it('says so when the review database was written by a newer version, leaves it untouched, and still shows the documents', async () => {
    browser = await launchKillable(profile);
    const page = browser.page;
    const future = (LATEST_VERSION + 1) * 10;
    // a database of a later release, created at the app's origin before the app first runs
    await page.goto(`${app.url}__folder/manifest.json`);
    await page.evaluate(
      (version) =>
        new Promise<void>((done, fail) => {
          const request = indexedDB.open('proofreader-review', version);
          request.onupgradeneeded = () => {
            request.result.createObjectStore('edits', { keyPath: 'seq', autoIncrement: true });
            request.result.createObjectStore('somethingNew', { keyPath: 'id' });
          };
          request.onsuccess = () => {
            request.result.close();
            done();
          };
          request.onerror = () => fail(request.error);
        }),
      future,
    );
    await gotoApp(page, app.url);
    const notice = page.getByTestId('database-notice');
    await expect(notice.getAttribute('data-kind')).resolves.toBe('too-new');
    await expect(notice.textContent()).resolves.toContain('由更新版本的程序创建');
    // the documents can still be read
    await openDocument(page, NAME);
    await selectTable(page, table.id);
    // an edit is refused, visibly, instead of being written into the newer database
    await gridCell(page, row, col).click();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1.00');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.save-state[data-save="error"]');
    await expect(page.locator('.save-state').textContent()).resolves.toContain('本地校对数据库不可用');
    await screenshot(page, '61-database-too-new');
    const raw = await page.evaluate(
      () =>
        new Promise<{ version: number; stores: string[] }>((done) => {
          const request = indexedDB.open('proofreader-review');
          request.onsuccess = () => {
            done({ version: request.result.version, stores: Array.from(request.result.objectStoreNames).sort() });
            request.result.close();
          };
        }),
    );
    expect(raw).toEqual({ version: future, stores: ['edits', 'somethingNew'] });
    expect(browser.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });

  it('says so when the database files were damaged and the browser discarded them; the app keeps working', async () => {
    browser = await launchKillable(profile);
    let page = browser.page;
    await gotoApp(page, app.url);
    await openDocument(page, NAME);
    await selectTable(page, table.id);
    await gridCell(page, row, col).click();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1.00');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.save-state[data-save="saved"]');
    // closed normally this time: the damage happens while the app is not running
    await browser.shutdown();

    // overwrite every file of the origin's IndexedDB (LevelDB) with garbage
    const idb = join(profile, 'Default', 'IndexedDB');
    let damaged = 0;
    for (const dir of await readdir(idb)) {
      if (!dir.endsWith('.indexeddb.leveldb')) continue;
      for (const f of await readdir(join(idb, dir))) {
        if (f === 'LOCK') continue;
        await writeFile(join(idb, dir, f), 'not a leveldb file '.repeat(64));
        damaged++;
      }
    }
    expect(damaged).toBeGreaterThan(0);

    browser = await launchKillable(profile);
    page = browser.page;
    await gotoApp(page, app.url);
    const notice = page.getByTestId('database-notice');
    const kind = await notice.getAttribute('data-kind', { timeout: 10_000 });
    console.log(`[figure] damaged IndexedDB files: Chromium ${kind === 'reset' ? 'discarded them and started an empty database' : 'refused to open them'}; the app says so (${kind})`);
    expect(['reset', 'failed']).toContain(kind);
    await expect(notice.textContent()).resolves.toMatch(/本地校对数据库/);
    await screenshot(page, '62-database-damaged');
    // the documents can be read, and (after a reset) new work is saved again
    await openDocument(page, NAME);
    if (kind === 'reset') {
      await notice.getByRole('button').click();
      await selectTable(page, table.id);
      await gridCell(page, row, col).click();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('2.00');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.save-state[data-save="saved"]');
      expect((await storedEdits(page)).map((e) => e.after)).toEqual(['2.00']);
    }
    expect(browser.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
});
