// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the test-only typings of express-pouchdb & co. (tests/e2e is its own TypeScript project)
/// <reference path="../../src/renderer/src/sync/test-modules.d.ts" />
/**
 * Team sync in the real workspace (browser mode, Debian Chromium, real IndexedDB, pouchdb-browser)
 * against a CouchDB-protocol server (express-pouchdb on a local port, src/renderer/src/sync/
 * test-server.ts). The app and the database are reached through one local origin (a small proxy:
 * the app's Content-Security-Policy allows connections to 'self' only), with the browser bridge
 * told the database by `?sync=`. A clerk's edit reaches the server; an edit of the same cell by
 * another clerk, written straight into the server, shows up as a conflict with both values,
 * authors and times, and picking one resolves it with an edit that reaches the server too; the
 * server going away is shown as offline (no error dialog), and coming back as connected.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { ExtractedDocument, Table } from '../../src/core/model';
import { anchorFor } from '../../src/core/review/anchors';
import type { CellEdit } from '../../src/core/review/model';
import { extractFile } from '../../src/node/extract-file';
import { createAnnotation } from '../../src/renderer/src/features/annotations/annotation-ops';
import { annotationEntry, docId, editEntry, toDoc } from '../../src/renderer/src/sync/mapping';
import type { PouchDoc } from '../../src/renderer/src/sync/pouch-types';
import { READER, TestCouch } from '../../src/renderer/src/sync/test-server';
import { setReviewer } from './harness/annotations';
import { openBrowser, type BrowserSession } from './harness/browser';
import { FIXTURE_PDF_DIR, tempFolder, type TempFolder } from './harness/folder';
import { serveApp, type ServedApp } from './harness/server';
import { gridCell, openDocument, selectTable, storedEdits, waitParsed } from './harness/workspace';

const FIXTURE = join(FIXTURE_PDF_DIR, '000-chromium.pdf');
const NAME = '部门预算.pdf';
const SHOTS = '/tmp/proofreader-sync-e2e';

let doc: ExtractedDocument;
let fileHash: string;
let table: Table;
let cell: { row: number; col: number; text: string };

beforeAll(async () => {
  doc = await extractFile(FIXTURE);
  fileHash = createHash('sha256').update(await readFile(FIXTURE)).digest('hex');
  for (const t of doc.tables) {
    const row = t.rows.findIndex((r, i) => i > 0 && r.some((c, col) => col > 1 && c?.value !== null && c?.rowSpan === 1 && /\d\.\d\d$/.test(c.text)));
    if (row > 0) {
      const col = t.rows[row]!.findIndex((c, col) => col > 1 && c?.value !== null && c?.rowSpan === 1 && /\d\.\d\d$/.test(c?.text ?? ''));
      table = t;
      cell = { row, col, text: t.rows[row]![col]!.text };
      break;
    }
  }
  if (!table) throw new Error('the fixture lacks a numeric table cell');
});

/** One origin for the app (everything) and the team database (/couch/…); a database that is down looks like a dropped connection. */
async function proxy(appUrl: string, couchPort: () => number): Promise<{ url: string; close: () => Promise<void> }> {
  const app = new URL(appUrl);
  const forward = (req: IncomingMessage, res: ServerResponse, port: number, path: string): void => {
    const upstream = request({ host: '127.0.0.1', port, path, method: req.method, headers: { ...req.headers, host: `127.0.0.1:${port}` } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.on('aborted', () => res.destroy());
      answer.on('error', () => res.destroy());
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  };
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/couch/')) forward(req, res, couchPort(), url.slice('/couch'.length));
    else forward(req, res, Number(app.port), url);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

interface EditDoc extends PouchDoc {
  edit: CellEdit;
  parents: string[];
}

async function serverEdits(couch: TestCouch): Promise<EditDoc[]> {
  const db = couch.database();
  const all = (await (db as unknown as { allDocs(o: { include_docs: true }): Promise<{ rows: { doc: PouchDoc }[] }> }).allDocs({ include_docs: true })).rows.map((r) => r.doc);
  return all.filter((d): d is EditDoc => d._id.startsWith('edit:'));
}

describe('team sync in the workspace', () => {
  let folder: TempFolder;
  let app: ServedApp;
  let couch: TestCouch;
  let front: { url: string; close: () => Promise<void> };
  let session: BrowserSession;

  beforeEach(async () => {
    folder = await tempFolder();
    await folder.add(FIXTURE, NAME);
    app = await serveApp(inject('rendererDir'), folder.dir);
    couch = new TestCouch();
    await couch.start();
    front = await proxy(app.url, () => couch.port);
    session = await openBrowser();
  });

  afterEach(async () => {
    await session.close();
    await front.close();
    await couch.stop();
    await app.close();
    await folder.remove();
  });

  it('sends an edit, shows a same-cell conflict with both authors, resolves it by a pick, and is offline (not an error) without the server', async () => {
    const { page } = session;
    const dbName = new URL(couch.url).pathname.slice(1);
    await page.goto(`${front.url}?poll=300&sync=${encodeURIComponent(`/couch/${dbName}`)}`);
    await page.waitForSelector('.document-list');
    await setReviewer(page, '张三');
    const status = page.getByTestId('sync-status');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 20_000 }).toBe('connected');
    await expect(page.getByTestId('sync-badge').textContent()).resolves.toBe('已连接');
    await expect(page.getByTestId('sync-last').textContent()).resolves.toMatch(/^上次同步 \d\d:\d\d:\d\d$/);

    // 1. an edit in the grid reaches the team database
    await waitParsed(page, NAME);
    await openDocument(page, NAME);
    await selectTable(page, table.id);
    const mine = cell.text === '1,234.56' ? '6,543.21' : '1,234.56';
    await gridCell(page, cell.row, cell.col).click();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(mine);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.save-state[data-save="saved"]');
    await expect.poll(async () => (await serverEdits(couch)).map((d) => [d.edit.after, d.edit.reviewer]), { timeout: 20_000 }).toEqual([[mine, '张三']]);
    const [sent] = await serverEdits(couch);

    // 2. 李四 changed the same cell without having seen 张三's edit: written straight into the server
    const theirs: CellEdit = { ...sent!.edit, id: 'li-si-1', after: '600.00', reviewer: '李四', at: sent!.edit.at + 60_000 };
    await couch.database().bulkDocs([toDoc(editEntry(theirs, [])) as unknown as PouchDoc]);
    const panel = page.getByTestId('sync-conflict-panel');
    await panel.waitFor({ timeout: 20_000 });
    const conflict = panel.getByTestId('sync-conflict');
    await expect(conflict.count()).resolves.toBe(1);
    const zhang = conflict.locator('button[data-author="张三"]');
    const li = conflict.locator('button[data-author="李四"]');
    await expect(zhang.textContent()).resolves.toContain(mine);
    await expect(li.textContent()).resolves.toContain('600.00');
    // author and time on each side
    await expect(zhang.textContent()).resolves.toContain(`张三 · ${new Date(sent!.edit.at).toLocaleString('zh-CN', { hour12: false })}`);
    await expect(li.textContent()).resolves.toContain('李四 · ');
    await expect(page.getByTestId('sync-conflict-badge').textContent()).resolves.toBe('同步冲突 1');
    await page.screenshot({ path: `${SHOTS}-1-conflict.png` });

    // 3. 张三 picks 李四's value: the panel goes, the cell shows it, and the pick (an edit by 张三 after both) reaches the server
    await li.click();
    await panel.waitFor({ state: 'detached' });
    await expect.poll(() => gridCell(page, cell.row, cell.col).textContent()).toBe('600.00');
    await expect
      .poll(async () => (await serverEdits(couch)).filter((d) => d.edit.reviewer === '张三' && d.edit.after === '600.00').map((d) => [...d.parents].sort()), { timeout: 20_000 })
      .toEqual([[sent!.edit.id, theirs.id].sort()]);
    expect((await serverEdits(couch)).map((d) => d._id).sort()).toContain(docId('edit', theirs.fileHash, theirs.id));

    // an annotation from the team appears too
    await expect(page.getByTestId('annotations-toggle').textContent()).resolves.toBe('批注');
    const note = createAnnotation({ fileHash: theirs.fileHash, target: { kind: 'page-rect', page: 1, bbox: [10, 10, 200, 60] }, text: '印章不清，请重新扫描', category: 'format' }, { id: 'li-note-1', by: '李四', at: Date.now() });
    await couch.database().bulkDocs([toDoc(annotationEntry(note.event)) as unknown as PouchDoc]);
    await expect.poll(() => page.getByTestId('annotations-toggle').textContent(), { timeout: 20_000 }).toBe('批注（1 条待处理）');

    // 4. the server goes away: offline, no dialog, no alert; the review keeps being written locally
    await couch.stop();
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 30_000 }).toBe('offline');
    await expect(page.getByTestId('sync-badge').textContent()).resolves.toBe('离线（将自动重试）');
    await expect(page.locator('[role="dialog"]').count()).resolves.toBe(0);
    await expect(page.locator('[role="alert"]').count()).resolves.toBe(0);
    await expect(page.getByTestId('sync-badge').getAttribute('class')).resolves.not.toContain('sync-problem');
    await page.screenshot({ path: `${SHOTS}-2-offline.png` });

    // 5. back: connected again by itself
    await couch.start();
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 30_000 }).toBe('connected');
  });
  it('a reader without write rights, configured in the settings dialog, sees the team review read-only', async () => {
    const { page } = session;
    // 张三's edit is already in the team database
    const ref = { tableId: table.id, row: cell.row, col: cell.col };
    const planted: CellEdit = { id: 'zhang-1', fileHash, cell: ref, anchor: anchorFor(doc, ref)!, before: cell.text, after: '777.77', reviewer: '张三', at: Date.now() - 60_000, op: 'set' };
    await couch.database().bulkDocs([toDoc(editEntry(planted, [])) as unknown as PouchDoc]);

    await page.goto(`${front.url}?poll=300`);
    await page.waitForSelector('.document-list');
    const status = page.getByTestId('sync-status');
    await expect(status.getAttribute('data-state')).resolves.toBe('off');
    await expect(page.getByTestId('sync-badge').textContent()).resolves.toBe('未同步');

    // the settings: URL, user, password, the name on edits
    await page.getByTestId('sync-badge').click();
    const dialog = page.getByTestId('sync-settings');
    await dialog.getByLabel('数据库地址').fill(`${front.url}couch/${new URL(couch.url).pathname.slice(1)}`);
    await dialog.getByLabel('用户名').fill(READER.username);
    await dialog.getByLabel('密码').fill(READER.password);
    await dialog.getByLabel('署名（显示在您的每条修改上）').fill('审计');
    await dialog.getByRole('button', { name: '保存并连接' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 20_000 }).toBe('denied');
    await expect(page.getByTestId('sync-badge').textContent()).resolves.toBe('无写入权限（只读）');
    await expect(page.getByLabel('审核人').inputValue()).resolves.toBe('审计');

    // the team's edit is shown; the grid does not open an editor, annotations cannot be added
    await openDocument(page, NAME);
    await selectTable(page, table.id);
    await expect.poll(() => gridCell(page, cell.row, cell.col).textContent(), { timeout: 20_000 }).toBe('777.77');
    await gridCell(page, cell.row, cell.col).click();
    await page.keyboard.press('Enter');
    await page.keyboard.type('1.00');
    await page.keyboard.press('Enter');
    await expect(page.locator('.table-grid .ag-cell-inline-editing').count()).resolves.toBe(0);
    expect((await storedEdits(page)).map((e) => e.after)).toEqual(['777.77']);
    await expect(page.getByTestId('add-annotation').isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: `${SHOTS}-3-read-only.png` });
    expect((await serverEdits(couch)).map((d) => d.edit.id)).toEqual(['zhang-1']);

    // the password is never filled back into the form
    await page.getByTestId('sync-badge').click();
    await expect(dialog.getByLabel('数据库地址').inputValue()).resolves.toContain('/couch/');
    await expect(dialog.getByLabel('用户名').inputValue()).resolves.toBe(READER.username);
    await expect(dialog.getByLabel('密码').inputValue()).resolves.toBe('');
    await expect(dialog.getByLabel('密码').getAttribute('placeholder')).resolves.toBe('已保存（留空则不变）');
  });
});
