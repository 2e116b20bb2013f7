/**
 * The source view of Word and Excel documents in the real UI (browser mode, Debian Chromium): the
 * DOCX rendered by docx-preview, the XLSX as one HTML table per worksheet. Selecting a grid cell
 * outlines the same cell in the source and scrolls it into view; clicking a cell in the source
 * selects it in the grid. Expectations come from the fixture files themselves (the extractor in
 * Node, the DOCX's XML counted with JSZip), not from the UI.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Locator, Page } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Cell, ExtractedDocument, Table } from '../../src/core/model';
import { normalizeText } from '../../src/core/text/normalize';
import { extractFile } from '../../src/node/extract-file';
import { openBrowser, type BrowserSession } from './harness/browser';
import { tempFolder, type TempFolder } from './harness/folder';
import { contentSecurityPolicy } from '../../src/main/security/csp';
import { serveApp, type ServedApp } from './harness/server';
import { documentItem, gotoApp, gridCell, screenshot, selectTable, waitParsed } from './harness/workspace';

const OFFICE = join(import.meta.dirname, '../fixtures/office');
const DOCX = join(OFFICE, 'seed004.docx');
const XLSX = join(OFFICE, 'seed000.xlsx');

const squash = (s: string): string => normalizeText(s).replace(/\s+/g, '');

interface Pick {
  table: Table;
  row: number;
  col: number;
  cell: Cell;
}

/** Body cells whose (squashed) text is unique in their table, so the source cell is unambiguous there. */
function uniqueCells(doc: ExtractedDocument, filter: (p: Pick) => boolean): Pick[] {
  const picks: Pick[] = [];
  for (const table of doc.tables) {
    const count = new Map<string, number>();
    for (const c of [...table.header, ...table.rows].flat()) if (c) count.set(squash(c.text), (count.get(squash(c.text)) ?? 0) + 1);
    table.rows.forEach((cells, row) =>
      cells.forEach((cell, col) => {
        if (cell && cell.text.length >= 3 && count.get(squash(cell.text)) === 1 && filter({ table, row, col, cell })) picks.push({ table, row, col, cell });
      }),
    );
  }
  return picks;
}

async function openOffice(page: Page, name: string, ready: string): Promise<void> {
  await waitParsed(page, name);
  await documentItem(page, name).locator('button').click();
  await page.waitForSelector(ready, { timeout: 30_000 });
  await page.waitForSelector('.table-grid [role="row"][row-index="0"]', { timeout: 30_000 });
}

async function highlighted(page: Page): Promise<Locator> {
  const el = page.getByTestId('source-highlight');
  await el.waitFor({ timeout: 10_000 });
  return el;
}

/** The element's box lies inside the scrolling pane's visible box. */
async function inView(page: Page, el: Locator, pane: string): Promise<boolean> {
  const box = await el.boundingBox();
  const view = await page.locator(pane).boundingBox();
  if (!box || !view) return false;
  return box.y >= view.y - 1 && box.y + Math.min(box.height, view.height) <= view.y + view.height + 1 && box.x + 4 >= view.x && box.x <= view.x + view.width;
}

describe('office source view (browser mode)', () => {
  let folder: TempFolder;
  let app: ServedApp;
  let session: BrowserSession;

  beforeEach(async () => {
    folder = await tempFolder();
    // with the Electron window's CSP as a header too (it binds workers; the meta tag does not)
    app = await serveApp(inject('rendererDir'), folder.dir, { appHeaders: { 'Content-Security-Policy': contentSecurityPolicy({ devServerOrigin: null }) } });
    session = await openBrowser();
  });

  afterEach(async () => {
    await session.close();
    await app.close();
    await folder.remove();
  });

  describe('DOCX', () => {
    let doc: ExtractedDocument;
    let wordTables: number;
    let wordParagraphs: number;
    beforeAll(async () => {
      doc = await extractFile(DOCX);
      const xml = await (await JSZip.loadAsync(await readFile(DOCX))).file('word/document.xml')!.async('string');
      wordTables = xml.match(/<w:tbl>/g)?.length ?? 0;
      wordParagraphs = xml.match(/<w:p[ >]/g)?.length ?? 0;
    });

    it('renders the Word document and outlines the selected cell; a click in the source selects the cell', async () => {
      await folder.add(DOCX, '部门预算.docx');
      const { page } = session;
      await gotoApp(page, app.url);
      await openOffice(page, '部门预算.docx', '[data-testid="docx-source"][data-ready]');
      // every Word table and paragraph is there, so the reader's indexes find their element
      expect(await page.locator('[data-testid="docx-source"] article table').count()).toBe(wordTables);
      expect(await page.locator('[data-testid="docx-source"] article p').count()).toBe(wordParagraphs);

      // a cell far down a later table: the outline lands on the same text and is scrolled into view
      const [a] = uniqueCells(doc, (p) => p.table !== doc.tables[0] && p.row >= 3 && p.cell.value !== null);
      if (!a) throw new Error('no unique amount cell');
      await selectTable(page, a.table.id);
      await gridCell(page, a.row, a.col).click();
      const el = await highlighted(page);
      expect(await el.evaluate((e) => e.tagName)).toBe('TD');
      expect(squash((await el.textContent()) ?? '')).toBe(squash(a.cell.text));
      await expect.poll(() => inView(page, el, '.source-view .source-scroll')).toBe(true);
      await screenshot(page, '50-docx-cell-outlined');

      // another cell of another table, clicked in the source → selected in the grid
      const b = uniqueCells(doc, (p) => p.table !== a.table && p.row >= 1)[0]!;
      if (b.cell.source?.kind !== 'docx') throw new Error('no source');
      const wordTable = page.locator('[data-testid="docx-source"] article table').nth(b.cell.source.table);
      const td = wordTable.locator('td').filter({ hasText: new RegExp(`^\\s*${b.cell.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) });
      await td.first().scrollIntoViewIfNeeded();
      await td.first().click();
      await page.waitForSelector(`.table-grid[data-table-id="${b.table.id}"]`);
      await expect.poll(() => gridCell(page, b.row, b.col).getAttribute('class')).toContain('ag-cell-focus');
      await expect(page.getByTestId('cell-original').textContent()).resolves.toBe(b.cell.text);
      expect(squash((await (await highlighted(page)).textContent()) ?? '')).toBe(squash(b.cell.text));
      await screenshot(page, '51-docx-click-selects-cell');

      // a narrative paragraph from the list is outlined in the document
      const n = doc.narrative.findIndex((block) => block.text.length > 20 && block.source?.kind === 'docx');
      await page.locator('.narrative-list li').nth(n).locator('button').click();
      const p = await highlighted(page);
      expect(await p.evaluate((e) => e.tagName)).toBe('P');
      expect(squash((await p.textContent()) ?? '')).toBe(squash(doc.narrative[n]!.text));
      expect(session.errors).toEqual([]);
    });
  });

  describe('XLSX', () => {
    let doc: ExtractedDocument;
    beforeAll(async () => {
      doc = await extractFile(XLSX);
    });

    it('shows each worksheet and outlines the selected cell at its address; a click in the sheet selects the cell', async () => {
      await folder.add(XLSX, '部门预算.xlsx');
      const { page } = session;
      await gotoApp(page, app.url);
      await openOffice(page, '部门预算.xlsx', '[data-testid="xlsx-source"] table.xlsx-sheet');

      const [a] = uniqueCells(doc, (p) => p.table !== doc.tables[0] && p.row >= 2 && p.cell.value !== null);
      if (!a || a.cell.source?.kind !== 'xlsx') throw new Error('no unique amount cell');
      await selectTable(page, a.table.id);
      // the table's worksheet is the one shown
      await expect.poll(() => page.getByTestId('xlsx-source').getAttribute('data-sheet-index')).toBe(String(a.cell.source.sheetIndex));
      await expect(page.locator('.sheet-tabs [aria-selected="true"]').textContent()).resolves.toBe(a.cell.source.sheet);
      await gridCell(page, a.row, a.col).click();
      const el = await highlighted(page);
      expect(await el.getAttribute('data-address')).toBe(a.cell.source.address);
      expect(await el.textContent()).toBe(a.cell.text);
      await expect.poll(() => inView(page, el, '[data-testid="xlsx-source"]')).toBe(true);
      await screenshot(page, '52-xlsx-cell-outlined');

      // a click on another cell of the same sheet selects it in the grid
      const b = uniqueCells(doc, (p) => p.table === a.table && p.row !== a.row && p.col !== a.col)[0];
      if (!b) throw new Error('no second cell');
      if (b.cell.source?.kind !== 'xlsx') throw new Error('no source');
      await page.locator(`[data-testid="xlsx-source"] td[data-address="${b.cell.source.address}"]`).click();
      await expect.poll(() => gridCell(page, b.row, b.col).getAttribute('class')).toContain('ag-cell-focus');
      await expect(page.getByTestId('cell-original').textContent()).resolves.toBe(b.cell.text);
      expect(await (await highlighted(page)).getAttribute('data-address')).toBe(b.cell.source.address);

      // another worksheet through its tab
      const other = doc.tables.find((t) => t.pages[0] !== a.table.pages[0])!;
      const sheetName = other.rows.flat().find((c) => c?.source?.kind === 'xlsx')?.source;
      if (sheetName?.kind !== 'xlsx') throw new Error('no source');
      await page.locator(`.sheet-tabs button[data-sheet-index="${other.pages[0]}"]`).click();
      await expect.poll(() => page.getByTestId('xlsx-source').getAttribute('data-sheet-index')).toBe(String(other.pages[0]));
      expect(session.errors).toEqual([]);
    });
  });
});
