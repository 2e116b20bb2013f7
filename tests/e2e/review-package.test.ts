/**
 * Review packages in the real UI (browser mode, Debian Chromium): export the folder's review as a
 * JSON file, import it into a fresh profile and find the review back; import a package whose edit
 * conflicts with ours and resolve it in the dialog; refuse malformed and foreign packages with a
 * Chinese message and import nothing. The packages built here follow docs/review-package.md.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { ExtractedDocument, Table } from '../../src/core/model';
import { anchorFor } from '../../src/core/review/anchors';
import type { CellEdit, CellRef } from '../../src/core/review/model';
import { createReviewPackage, parseReviewPackage, serializeReviewPackage } from '../../src/core/review/package';
import { extractFile } from '../../src/node/extract-file';
import { setReviewer, storedRecords } from './harness/annotations';
import { openBrowser, type BrowserSession } from './harness/browser';
import { FIXTURE_PDF_DIR, tempFolder, type TempFolder } from './harness/folder';
import { serveApp, type ServedApp } from './harness/server';
import { gotoApp, gridCell, openDocument, screenshot, selectTable, storedEdits, waitParsed } from './harness/workspace';

const FIXTURE = join(FIXTURE_PDF_DIR, '000-chromium.pdf');
const NAME = '部门预算.pdf';

let doc: ExtractedDocument;
let table: Table;
/** two amount cells of one table */
let first: CellRef;
let second: CellRef;

beforeAll(async () => {
  doc = await extractFile(FIXTURE);
  for (const t of doc.tables) {
    const amounts: CellRef[] = [];
    t.rows.forEach((cells, row) =>
      cells.forEach((c, col) => {
        if (c && c.rowSpan === 1 && c.value !== null && /\d\.\d\d$/.test(c.text) && col > 0) amounts.push({ tableId: t.id, row, col });
      }),
    );
    const a = amounts[0];
    const b = a && amounts.find((x) => x.row !== a.row);
    if (a && b) {
      [table, first, second] = [t, a, b];
      break;
    }
  }
  if (!table) throw new Error('the fixture has no table with two amount cells');
});

function printed(ref: CellRef): string {
  return table.rows[ref.row]![ref.col]!.text;
}

/** A different amount than the printed one (and than `avoid`). */
function otherAmount(ref: CellRef, n: number): string {
  const value = `${(n * 111.11).toFixed(2)}`;
  return value === printed(ref) ? `${(n * 222.22).toFixed(2)}` : value;
}

async function editCell(page: Page, ref: CellRef, text: string): Promise<void> {
  await gridCell(page, ref.row, ref.col).click();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect.poll(() => gridCell(page, ref.row, ref.col).textContent()).toBe(text);
  await expect.poll(async () => (await storedEdits(page)).some((e) => e.after === text)).toBe(true);
}

async function importFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-package').click();
  await (await chooser).setFiles(path);
}

/** A package by 张三 editing cells of the fixture, as another machine would have written it. */
function zhangsPackage(edits: { ref: CellRef; after: string; at: number }[]): string {
  const log: CellEdit[] = edits.map(({ ref, after, at }, i) => ({
    id: `zhang-${i}`,
    fileHash: doc.source.sha256,
    cell: ref,
    anchor: anchorFor(doc, ref)!,
    before: printed(ref),
    after,
    reviewer: '张三',
    at,
    op: 'set',
  }));
  const review = { fileHash: doc.source.sha256, fileName: NAME, edits: log, annotations: [], decisions: [], reviewedTables: [] };
  return serializeReviewPackage(createReviewPackage([review], { exportedBy: '张三', exportedAt: new Date(Date.UTC(2025, 2, 1)) }));
}

describe('review packages (browser mode)', () => {
  let folder: TempFolder;
  let app: ServedApp;
  let session: BrowserSession;
  let scratch: TempFolder;

  beforeEach(async () => {
    folder = await tempFolder();
    scratch = await tempFolder();
    await folder.add(FIXTURE, NAME);
    app = await serveApp(inject('rendererDir'), folder.dir);
    session = await openBrowser({ width: 1920, height: 1080 });
  });

  afterEach(async () => {
    await session.close();
    await app.close();
    await folder.remove();
    await scratch.remove();
  });

  it('exports the review as a package that brings it back in a fresh profile', async () => {
    const { page } = session;
    await gotoApp(page, app.url);
    await setReviewer(page, '张三');
    await openDocument(page, NAME);
    await selectTable(page, table.id);
    const corrected = otherAmount(first, 7);
    await editCell(page, first, corrected);
    // Enter moved the focus down: back to the corrected cell to annotate it
    await gridCell(page, first.row, first.col).click();
    await page.getByTestId('add-annotation').click();
    await page.getByTestId('annotation-draft').getByLabel('批注内容').fill('原数有误，已按明细表更正');
    await page.getByTestId('annotation-draft').getByRole('button', { name: '保存' }).click();
    await page.getByTestId('annotation-detail').waitFor();
    await page.getByLabel('标记本表已审核').click();
    await expect.poll(() => page.getByLabel('标记本表已审核').isChecked()).toBe(true);

    const download = page.waitForEvent('download');
    await page.getByTestId('export-package').click();
    const file = join(scratch.dir, 'package.json');
    await (await download).saveAs(file);
    await expect(page.getByTestId('package-notice').textContent()).resolves.toContain('已导出校对包（1 个文档）');
    // the file is a valid package of this document, read with the core parser
    const parsed = parseReviewPackage(await readFile(file, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.package.exportedBy).toBe('张三');
    const [review] = parsed.package.documents;
    expect(review).toMatchObject({ fileHash: doc.source.sha256, fileName: NAME, reviewedTables: [table.id] });
    expect(review!.edits.map((e) => [e.before, e.after, e.reviewer])).toEqual([[printed(first), corrected, '张三']]);
    expect(review!.annotations.map((a) => [a.text, a.author, a.target])).toEqual([['原数有误，已按明细表更正', '张三', { kind: 'cell', cell: first, anchor: anchorFor(doc, first) }]]);
    await screenshot(page, 'package-01-exported');

    // a fresh profile (an empty database) imports it
    await session.close();
    session = await openBrowser({ width: 1920, height: 1080 });
    const fresh = session.page;
    await gotoApp(fresh, app.url);
    await waitParsed(fresh, NAME);
    expect(await storedEdits(fresh)).toEqual([]);
    await importFile(fresh, file);
    await expect(fresh.getByTestId('package-notice').textContent()).resolves.toContain('已导入 张三 的校对包：新增修改 1 条、批注 1 条');
    await openDocument(fresh, NAME);
    await selectTable(fresh, table.id);
    await expect(gridCell(fresh, first.row, first.col).textContent()).resolves.toBe(corrected);
    expect(await gridCell(fresh, first.row, first.col).getAttribute('class')).toContain('cell-edited');
    await expect.poll(() => gridCell(fresh, first.row, first.col).getAttribute('class')).toContain('cell-annotated');
    await expect(fresh.getByLabel('标记本表已审核').isChecked()).resolves.toBe(true);
    await fresh.getByTestId('annotations-toggle').click();
    await expect(fresh.locator('.annotation-item').allTextContents()).resolves.toEqual([expect.stringContaining('原数有误，已按明细表更正')]);
    await expect(fresh.locator(`.document-item[data-path="${NAME}"] [data-testid="edit-count"]`).textContent()).resolves.toBe('修改 1');
    await screenshot(fresh, 'package-02-imported-fresh-profile');
    expect(session.errors).toEqual([]);
  });

  it('shows a conflicting edit in a dialog, keeps ours until resolved, and applies the chosen or typed value', async () => {
    const { page } = session;
    await gotoApp(page, app.url);
    await setReviewer(page, '李四');
    await openDocument(page, NAME);
    await selectTable(page, table.id);
    const ours = [otherAmount(first, 3), otherAmount(second, 4)];
    const theirs = [otherAmount(first, 5), otherAmount(second, 6)];
    await editCell(page, first, ours[0]!);
    await editCell(page, second, ours[1]!);
    const file = join(scratch.dir, '张三的校对包.json');
    await writeFile(file, zhangsPackage([{ ref: first, after: theirs[0]!, at: Date.UTC(2025, 1, 1) }, { ref: second, after: theirs[1]!, at: Date.UTC(2025, 1, 2) }]));

    await importFile(page, file);
    const dialog = page.getByTestId('conflict-dialog');
    await dialog.waitFor();
    await expect(dialog.locator('h2').textContent()).resolves.toBe('审核冲突（2 处待处理）');
    const items = dialog.locator('.conflict-item');
    await expect(items.count()).resolves.toBe(2);
    // nothing was overwritten: the grid still shows our values
    await expect(gridCell(page, first.row, first.col).textContent()).resolves.toBe(ours[0]);
    await expect(gridCell(page, second.row, second.col).textContent()).resolves.toBe(ours[1]);
    const firstItem = dialog.locator(`.conflict-item[data-conflict-id$=":${first.tableId}:${first.row}:${first.col}"]`);
    await expect(firstItem.textContent()).resolves.toContain(`原文：${printed(first)}`);
    await expect(firstItem.locator('[data-choice="local"]').textContent()).resolves.toContain(ours[0]);
    await expect(firstItem.locator('[data-choice="incoming"]').textContent()).resolves.toContain(theirs[0]);
    await screenshot(page, 'package-03-conflict-dialog');

    // take theirs for the first cell; leave the second for later
    await firstItem.locator('[data-choice="incoming"]').click();
    await expect.poll(() => gridCell(page, first.row, first.col).textContent()).toBe(theirs[0]);
    await expect.poll(() => items.count()).toBe(1);
    await dialog.getByRole('button', { name: '稍后处理' }).click();
    await expect(gridCell(page, second.row, second.col).textContent()).resolves.toBe(ours[1]);

    // still listed after a reload, then resolved with a typed value
    await page.reload();
    await waitParsed(page, NAME);
    await page.getByTestId('conflict-badge').click();
    await expect(dialog.locator('.conflict-item').count()).resolves.toBe(1);
    await dialog.getByLabel('其他值').fill('1,000.00');
    await dialog.getByRole('button', { name: '采用' }).click();
    await expect.poll(() => dialog.locator('.conflict-item').count()).toBe(0);
    await expect(dialog.textContent()).resolves.toContain('全部冲突已处理');
    await dialog.getByRole('button', { name: '知道了' }).click();
    await expect(page.getByTestId('conflict-badge').count()).resolves.toBe(0);
    await openDocument(page, NAME);
    await selectTable(page, table.id);
    await expect(gridCell(page, first.row, first.col).textContent()).resolves.toBe(theirs[0]);
    await expect(gridCell(page, second.row, second.col).textContent()).resolves.toBe('1,000.00');
    // the log keeps everyone's work: ours, theirs, and the resolutions
    const log = await storedEdits(page);
    expect(log.map((e) => e.after)).toEqual(expect.arrayContaining([...ours, ...theirs, '1,000.00']));
    await gridCell(page, second.row, second.col).click();
    await expect(page.getByTestId('cell-panel').textContent()).resolves.toContain('张三');
    await screenshot(page, 'package-04-conflicts-resolved');
    expect(session.errors).toEqual([]);
  });

  it('refuses malformed and foreign packages with a Chinese message and imports nothing', async () => {
    const { page } = session;
    await gotoApp(page, app.url);
    await waitParsed(page, NAME);
    const valid = JSON.parse(zhangsPackage([{ ref: first, after: otherAmount(first, 2), at: 1000 }])) as { documents: Record<string, unknown>[] };
    // a second document whose edit has a broken time: the whole package is refused, the first document too
    const broken = structuredClone(valid.documents[0]!) as { fileHash: string; edits: { at: unknown; fileHash: string }[] };
    broken.fileHash = 'b'.repeat(64);
    broken.edits[0]!.fileHash = broken.fileHash;
    broken.edits[0]!.at = '昨天';
    const cases: [string, string, string][] = [
      ['half-broken.json', JSON.stringify({ ...valid, documents: [valid.documents[0], broken] }), '字段无效：documents[1].edits[0].at'],
      ['not-json.json', '{"format": "budget-proof-review", ', '文件不是有效的 JSON'],
      ['foreign.json', JSON.stringify({ name: '预算表', rows: [] }), '该文件不是本工具导出的校对包'],
    ];
    for (const [name, text, message] of cases) {
      const file = join(scratch.dir, name);
      await writeFile(file, text);
      await importFile(page, file);
      const notice = page.getByTestId('package-notice');
      await expect.poll(() => notice.getAttribute('data-kind')).toBe('error');
      await expect(notice.textContent()).resolves.toContain('无法导入校对包');
      await expect(notice.textContent()).resolves.toContain(message);
      if (name === 'half-broken.json') {
        await expect(notice.textContent()).resolves.toContain('未导入任何内容');
        await screenshot(page, 'package-05-refused');
      }
      await notice.getByRole('button', { name: '知道了' }).click();
    }
    for (const store of ['edits', 'annotations', 'annotationEvents', 'decisions', 'reviewedTables', 'reviewConflicts']) {
      expect(await storedRecords(page, store), store).toEqual([]);
    }
    expect(session.errors).toEqual([]);
  });
});
