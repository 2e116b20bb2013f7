/**
 * Auditor annotations in the real workspace (browser mode, Debian Chromium, real IndexedDB and
 * pdf.js): annotate a grid cell, a range, a sentence selected in the narrative list and on the
 * page's text layer, and a rectangle drawn on the page; reply, change status and category; reload
 * and find everything with its history; filter the list; jump from the list to the target.
 * Where things are expected comes from the fixture (extracted and measured in Node), not the UI.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { ExtractedDocument, NarrativeBlock, Table } from '../../src/core/model';
import { normalizeText } from '../../src/core/text/normalize';
import { extractFile } from '../../src/node/extract-file';
import { drag, selectCharacters, setReviewer, storedRecords } from './harness/annotations';
import { openBrowser, type BrowserSession } from './harness/browser';
import { FIXTURE_PDF_DIR, tempFolder, type TempFolder } from './harness/folder';
import { expectedRect, pageViewBox } from './harness/pdf-geometry';
import { serveApp, type ServedApp } from './harness/server';
import { canvasRect, gotoApp, gridCell, openDocument, screenshot, selectTable, shownPage, waitParsed } from './harness/workspace';

const FIXTURE = join(FIXTURE_PDF_DIR, '000-chromium.pdf');
const NAME = '部门预算.pdf';

interface StoredAnnotation {
  id: string;
  fileHash: string;
  text: string;
  category: string;
  status: string;
  author: string;
  target: { kind: string; page?: number; bbox?: number[]; block?: number; start?: number; end?: number; quote?: string; cell?: { tableId: string; row: number; col: number }; rows?: number[]; cols?: number[] };
  replies: { author: string; text: string }[];
}
interface StoredEvent {
  annotationId: string;
  kind: string;
  by: string;
}

let doc: ExtractedDocument;
let table: Table;
let cell: { row: number; col: number };
/** a paragraph of several printed lines, selected in the narrative list */
let listBlock: { index: number; block: NarrativeBlock };
/** another paragraph on the same page, selected on the page's text layer */
let pageBlock: { index: number; block: NarrativeBlock };

beforeAll(async () => {
  doc = await extractFile(FIXTURE);
  for (const t of doc.tables) {
    const row = t.rows.findIndex((r, i) => i > 0 && r.some((c, col) => col > 1 && c?.value !== null && c?.rowSpan === 1 && /\d\.\d\d$/.test(c.text)));
    if (row > 0 && t.rows.length > row + 2) {
      table = t;
      const col = t.rows[row]!.findIndex((c, col) => col > 1 && c?.value !== null && /\d\.\d\d$/.test(c?.text ?? ''));
      cell = { row, col };
      break;
    }
  }
  const paragraphs = doc.narrative
    .map((block, index) => ({ index, block }))
    .filter(({ block }) => (block.lines?.length ?? 0) >= 2 && block.lines![0]!.end - block.lines![0]!.start >= 30 && block.lines!.every((l) => l.page === block.page));
  listBlock = paragraphs[0]!;
  pageBlock = paragraphs.find((p) => p.block.page === listBlock.block.page && p.index > listBlock.index + 1)!;
  if (!table || !listBlock || !pageBlock) throw new Error('the fixture lacks a table cell or two multi-line paragraphs on one page');
});

async function annotations(page: Page): Promise<StoredAnnotation[]> {
  return storedRecords<StoredAnnotation>(page, 'annotations');
}

/** Fills the new-annotation form and saves; waits until the pane shows it stored and open. */
async function saveDraft(page: Page, text: string, category: string): Promise<void> {
  const draft = page.getByTestId('annotation-draft');
  await draft.waitFor();
  await draft.getByLabel('批注内容').fill(text);
  await draft.getByLabel('类别').selectOption({ label: category });
  await draft.getByRole('button', { name: '保存' }).click();
  await page.waitForSelector('[data-testid="annotation-draft"]', { state: 'detached' });
  await expect(page.getByTestId('annotation-text').textContent()).resolves.toBe(text);
}

describe('annotations (browser mode)', () => {
  let folder: TempFolder;
  let app: ServedApp;
  let session: BrowserSession;

  beforeEach(async () => {
    folder = await tempFolder();
    await folder.add(FIXTURE, NAME);
    app = await serveApp(inject('rendererDir'), folder.dir);
    session = await openBrowser({ width: 1920, height: 1080 });
  });

  afterEach(async () => {
    await session.close();
    await app.close();
    await folder.remove();
  });

  it('annotates a cell, a sentence in the list and on the page, and a drawn rectangle; replies and status survive a reload with their history', async () => {
    const { page } = session;
    await gotoApp(page, app.url);
    await setReviewer(page, '张三');
    await openDocument(page, NAME);
    await selectTable(page, table.id);

    // 1. a grid cell: select it, "添加批注", write, save → marked in the grid and on the page
    const printed = table.rows[cell.row]![cell.col]!;
    await gridCell(page, cell.row, cell.col).click();
    await page.getByTestId('add-annotation').click();
    await expect(page.getByTestId('annotation-draft').textContent()).resolves.toContain(table.title!);
    await saveDraft(page, '该数与支出明细表合计不符', '数据错误');
    let stored = await annotations(page);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ fileHash: doc.source.sha256, author: '张三', status: 'open', category: 'data-error', target: { kind: 'cell', cell: { tableId: table.id, row: cell.row, col: cell.col } } });
    await expect.poll(() => gridCell(page, cell.row, cell.col).getAttribute('class')).toContain('cell-annotated');
    // the marker on the page sits at the cell's top-right corner
    const view = await pageViewBox(FIXTURE, printed.page);
    const cellBox = expectedRect(view, await canvasRect(page), printed.bbox);
    const marker = (await page.locator(`[data-testid="annotation-marker"][data-annotation-id="${stored[0]!.id}"]`).boundingBox())!;
    expect(Math.abs(marker.x + marker.width / 2 - (cellBox.x + cellBox.width))).toBeLessThan(1.5);
    expect(Math.abs(marker.y + marker.height / 2 - cellBox.y)).toBeLessThan(1.5);
    // hovering the cell shows the annotation text
    await gridCell(page, cell.row + 1, cell.col).hover();
    await gridCell(page, cell.row, cell.col).hover();
    await expect(page.locator('.ag-tooltip').textContent({ timeout: 5000 })).resolves.toContain('该数与支出明细表合计不符');
    await screenshot(page, 'annotations-01-cell');

    // 2. a sentence selected in the narrative list
    await page.locator('.narrative-list li').nth(listBlock.index).locator('button').click();
    const full = page.getByTestId('narrative-full');
    await expect(full.textContent()).resolves.toBe(listBlock.block.text);
    await selectCharacters(page, full, 2, 14);
    await page.getByTestId('annotation-offer').click();
    await expect(page.getByTestId('annotation-draft').textContent()).resolves.toContain(listBlock.block.text.slice(2, 14));
    await saveDraft(page, '此处表述与三定方案不一致', '文字错误');
    stored = await annotations(page);
    const sentence = stored.find((a) => a.target.kind === 'narrative')!;
    expect(sentence.target).toEqual({ kind: 'narrative', block: listBlock.index, start: 2, end: 14, quote: listBlock.block.text.slice(2, 14) });
    // the sentence is highlighted on its page, on its first printed line
    expect(await shownPage(page)).toBe(listBlock.block.page);
    await expect.poll(() => page.getByTestId('annotation-highlight').count()).toBeGreaterThan(0);
    const line = listBlock.block.lines![0]!;
    const lineBox = expectedRect(await pageViewBox(FIXTURE, line.page), await canvasRect(page), line.bbox);
    const highlight = (await page.getByTestId('annotation-highlight').first().boundingBox())!;
    expect(Math.abs(highlight.y - lineBox.y)).toBeLessThan(1.5);
    expect(highlight.x).toBeGreaterThan(lineBox.x);
    expect(highlight.x + highlight.width).toBeLessThan(lineBox.x + lineBox.width);
    await screenshot(page, 'annotations-02-narrative-list');

    // 3. words selected on the page's text layer: a drag across part of a printed line
    const pageView = await pageViewBox(FIXTURE, pageBlock.block.page);
    const first = pageBlock.block.lines![0]!;
    const printedLine = expectedRect(pageView, await canvasRect(page), first.bbox);
    const y = printedLine.y + printedLine.height / 2;
    await drag(page, { x: printedLine.x + printedLine.width * 0.3, y }, { x: printedLine.x + printedLine.width * 0.6, y });
    const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
    expect(selected.length).toBeGreaterThan(5);
    await page.getByTestId('annotation-offer').click();
    await saveDraft(page, '数字应为大写', '格式问题');
    stored = await annotations(page);
    const onPage = stored.find((a) => a.target.kind === 'narrative' && a.target.block === pageBlock.index)!;
    expect(onPage).toBeTruthy();
    expect(pageBlock.block.text.slice(onPage.target.start, onPage.target.end)).toBe(onPage.target.quote);
    // the words the reader selected are the words stored (pdf.js may give radical code points)
    expect(onPage.target.quote!.replace(/\s/g, '')).toBe(normalizeText(selected).replace(/\s/g, ''));
    await screenshot(page, 'annotations-03-page-text');

    // 4. a rectangle drawn on the page, kept in PDF user space
    await page.getByTestId('draw-annotation').click();
    const canvas = await canvasRect(page);
    const scale = canvas.width / (pageView[2] - pageView[0]);
    const from = { x: canvas.x + canvas.width * 0.55, y: canvas.y + canvas.height * 0.82 };
    const to = { x: canvas.x + canvas.width * 0.8, y: canvas.y + canvas.height * 0.9 };
    await drag(page, from, to);
    await saveDraft(page, '此处缺少单位印章', '疑问');
    stored = await annotations(page);
    const rect = stored.find((a) => a.target.kind === 'page-rect')!;
    const expected = [pageView[0] + (from.x - canvas.x) / scale, pageView[3] - (to.y - canvas.y) / scale, pageView[0] + (to.x - canvas.x) / scale, pageView[3] - (from.y - canvas.y) / scale];
    expect(rect.target.page).toBe(pageBlock.block.page);
    rect.target.bbox!.forEach((v, i) => expect(Math.abs(v - expected[i]!), `bbox[${i}]`).toBeLessThan(1));
    await expect.poll(() => page.locator(`[data-testid="annotation-rect"][data-annotation-id="${rect.id}"]`).count()).toBe(1);
    expect(await page.getByTestId('draw-annotation').getAttribute('aria-pressed')).toBe('false');
    await screenshot(page, 'annotations-04-rectangle');

    // 5. reply, change the status and the category of the cell annotation (as another reviewer)
    await setReviewer(page, '李四');
    const cellAnnotation = stored.find((a) => a.target.kind === 'cell')!;
    await page.locator(`.annotation-item[data-annotation-id="${cellAnnotation.id}"] button`).click();
    const detail = page.getByTestId('annotation-detail');
    await expect(detail.getAttribute('data-annotation-id')).resolves.toBe(cellAnnotation.id);
    await detail.getByLabel('回复').fill('已与单位核实，系录入错误');
    await detail.getByRole('button', { name: '回复', exact: true }).click();
    await expect.poll(() => detail.getByTestId('annotation-replies').textContent()).toContain('已与单位核实，系录入错误');
    await detail.getByLabel('状态').selectOption({ label: '已解决' });
    await expect.poll(() => detail.getAttribute('data-status')).toBe('resolved');
    await detail.getByLabel('类别').selectOption({ label: '格式问题' });
    await expect.poll(async () => (await annotations(page)).find((a) => a.id === cellAnnotation.id)?.category).toBe('format');

    // 6. reload: everything is there, with its history
    await page.reload();
    await waitParsed(page, NAME);
    await page.getByTestId('annotations-toggle').click();
    await page.getByRole('tab', { name: '全部文档' }).click();
    await expect.poll(() => page.locator('.annotation-item').count()).toBe(4);
    await page.locator(`.annotation-item[data-annotation-id="${cellAnnotation.id}"] button`).click();
    // the list opened the document and went to the cell: grid focus and the outline on its page
    await page.waitForSelector('[data-testid="pdf-page"][data-page]');
    await expect.poll(() => gridCell(page, cell.row, cell.col).getAttribute('class')).toContain('ag-cell-focus');
    await expect.poll(() => shownPage(page)).toBe(printed.page);
    const outline = (await page.getByTestId('page-highlight').boundingBox())!;
    const outlineExpected = expectedRect(view, await canvasRect(page), printed.bbox);
    expect(Math.abs(outline.x - outlineExpected.x)).toBeLessThan(1.5);
    expect(Math.abs(outline.y - outlineExpected.y)).toBeLessThan(1.5);
    const reopened = page.getByTestId('annotation-detail');
    await expect(reopened.getAttribute('data-status')).resolves.toBe('resolved');
    await expect(reopened.getByTestId('annotation-replies').textContent()).resolves.toContain('李四');
    const history = await reopened.getByTestId('annotation-history').locator('li').allTextContents();
    expect(history.map((h) => h.slice(0, 2))).toEqual(['修改', '修改', '回复', '创建']);
    expect(history[0]).toContain('类别：数据错误 → 格式问题');
    expect(history[1]).toContain('状态：待处理 → 已解决');
    const events = await storedRecords<StoredEvent>(page, 'annotationEvents');
    expect(events.filter((e) => e.annotationId === cellAnnotation.id).map((e) => [e.kind, e.by])).toEqual([
      ['created', '张三'],
      ['replied', '李四'],
      ['edited', '李四'],
      ['edited', '李四'],
    ]);
    await screenshot(page, 'annotations-05-after-reload');

    // 7. filters: status, category, author
    const list = page.getByTestId('annotation-list');
    await list.getByLabel('状态').selectOption({ label: '已解决' });
    await expect.poll(() => page.locator('.annotation-item').count()).toBe(1);
    await list.getByLabel('状态').selectOption({ label: '待处理' });
    await expect.poll(() => page.locator('.annotation-item').count()).toBe(3);
    await list.getByLabel('类别').selectOption({ label: '文字错误' });
    await expect.poll(() => page.locator('.annotation-item').allTextContents()).toEqual([expect.stringContaining('此处表述与三定方案不一致')]);
    await list.getByLabel('状态').selectOption({ label: '全部状态' });
    await list.getByLabel('类别').selectOption({ label: '全部类别' });
    await list.getByLabel('作者').selectOption({ label: '张三' });
    await expect.poll(() => page.locator('.annotation-item').count()).toBe(4);
    await expect(page.getByTestId('annotation-count').textContent()).resolves.toBe('共 4 条');
    await screenshot(page, 'annotations-06-filtered');

    // 8. the rectangle's list entry turns to its page and outlines it
    await page.locator(`.annotation-item[data-annotation-id="${rect.id}"] button`).click();
    await expect.poll(() => shownPage(page)).toBe(pageBlock.block.page);
    const rectShown = (await page.getByTestId('page-highlight').boundingBox())!;
    expect(Math.abs(rectShown.x - from.x)).toBeLessThan(1.5);
    expect(Math.abs(rectShown.y - from.y)).toBeLessThan(1.5);

    // 9. the sentence's list entry outlines the selected words on the first printed line
    await page.locator(`.annotation-item[data-annotation-id="${sentence.id}"] button`).click();
    await expect.poll(() => page.locator('.narrative-list li.active').count()).toBe(1);
    await expect(page.getByTestId('narrative-full').textContent()).resolves.toBe(listBlock.block.text);
    const sentenceShown = (await page.getByTestId('page-highlight').boundingBox())!;
    const sentenceLine = expectedRect(await pageViewBox(FIXTURE, line.page), await canvasRect(page), line.bbox);
    expect(Math.abs(sentenceShown.y - sentenceLine.y)).toBeLessThan(1.5);
    expect(sentenceShown.width).toBeLessThan(sentenceLine.width);
    expect(session.errors).toEqual([]);
  });

  it('annotates a range selected with Shift+click, and a marker on the page opens its annotation', async () => {
    const { page } = session;
    await gotoApp(page, app.url);
    await openDocument(page, NAME);
    await selectTable(page, table.id);
    await gridCell(page, cell.row, cell.col).click();
    await gridCell(page, cell.row + 2, cell.col - 1).click({ modifiers: ['Shift'] });
    await expect.poll(() => page.locator('.table-grid .cell-in-range').count()).toBe(6);
    await page.getByTestId('add-annotation').click();
    await expect(page.getByTestId('annotation-draft').textContent()).resolves.toContain(`第 ${cell.row + 1}–${cell.row + 3} 行`);
    await saveDraft(page, '这三行合计均需复核', '疑问');
    const [range] = await annotations(page);
    expect(range!.target).toMatchObject({ kind: 'range', rows: [cell.row, cell.row + 2], cols: [cell.col - 1, cell.col] });
    await screenshot(page, 'annotations-07-range');

    // close the annotation, then click its marker on the page: it opens again
    await page.getByTestId('annotation-detail').getByTitle('关闭').click();
    await page.locator(`[data-testid="annotation-marker"][data-annotation-id="${range!.id}"]`).click();
    await expect(page.getByTestId('annotation-detail').getAttribute('data-annotation-id')).resolves.toBe(range!.id);
    // nothing selected (another table just chosen) → a hint instead of an empty annotation
    await page.getByTestId('annotation-detail').getByTitle('关闭').click();
    await selectTable(page, doc.tables.find((t) => t.id !== table.id && t.rows.length > 0)!.id);
    await page.getByTestId('add-annotation').click();
    await expect(page.getByTestId('annotation-notice').textContent()).resolves.toContain('请先选择批注的位置');
    expect(session.errors).toEqual([]);
  });
});

