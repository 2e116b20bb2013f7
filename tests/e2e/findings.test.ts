/**
 * Proofreading findings in the real workspace (browser mode, Debian Chromium, real IndexedDB and
 * pdf.js): the panel lists what the checks find in a fixture publication, a finding jumps to its
 * cells in the grid and outlines them on the page, a correction clears it, decisions are kept
 * across reloads, and the keyboard walks the open findings.
 *
 * The expectations come from the fixture itself — extracted and checked in Node with the core
 * engine, and the discrepancy verified by its arithmetic here — never from the UI.
 */
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { runChecks } from '../../src/core/checks';
import type { CheckReport, Finding, Severity } from '../../src/core/checks/model';
import type { BBox, ExtractedDocument } from '../../src/core/model';
import { parseAmount } from '../../src/core/money';
import { applyEdits } from '../../src/core/review/edits';
import type { CellEdit } from '../../src/core/review/model';
import { extractFile } from '../../src/node/extract-file';
import { storedRecords } from './harness/annotations';
import { openBrowser, type BrowserSession } from './harness/browser';
import { FIXTURE_PDF_DIR, tempFolder, type TempFolder } from './harness/folder';
import { expectedRect, pageViewBox, type Rect } from './harness/pdf-geometry';
import { serveApp, type ServedApp } from './harness/server';
import { canvasRect, documentItem, gotoApp, gridCell, openDocument, screenshot, shownPage } from './harness/workspace';

const FIXTURE = join(FIXTURE_PDF_DIR, '002-chromium.pdf');
const NAME = '决算.pdf';

let doc: ExtractedDocument;
let report: CheckReport;
/** 支出决算表, row 208 社会保障和就业支出: 本年支出合计 698.93 vs 基本支出 625.94 + 项目支出 72.98 = 698.92 */
let rounding: Finding;
let cellRef: { table: string; row: number; col: number };

function openCounts(r: CheckReport, decided: readonly string[] = []): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  for (const f of r.findings) if (!decided.includes(f.id)) counts[f.severity]++;
  return counts;
}

beforeAll(async () => {
  doc = await extractFile(FIXTURE);
  report = runChecks(doc);
  const expense = doc.tables.find((t) => t.title?.includes('支出决算表') && t.rows.some((r) => r[0]?.text === '208'));
  if (!expense) throw new Error('the fixture has no 支出决算表 with row 208');
  const row = expense.rows.findIndex((r) => r[0]?.text === '208');
  const texts = expense.rows[row]!.map((c) => c?.text ?? '');
  // the printed discrepancy, by its arithmetic: 625.94 + 72.98 = 698.92, printed 698.93
  expect(texts.slice(0, 5)).toEqual(['208', '社会保障和就业支出', '698.93', '625.94', '72.98']);
  expect(parseAmount('625.94')! + parseAmount('72.98')!).toBe(parseAmount('698.92'));
  cellRef = { table: expense.id, row, col: 2 };
  const found = report.findings.find((f) => f.cells[0]?.table === expense.id && f.cells[0].row === row && f.cells[0].col === 2 && f.severity === 'note');
  if (!found) throw new Error('the engine does not report the 尾差 of row 208');
  rounding = found;
});

/** The panel's item for a finding. */
function item(page: Page, id: string): Locator {
  return page.locator(`.findings-panel .finding-item[data-finding-id="${id}"]`);
}

async function waitForFindings(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="findings-panel"][data-ready]', { timeout: 30_000 });
}

/** The panel's open counts as shown: 错误 n · 警告 n · 提示 n. */
async function shownCounts(page: Page): Promise<Record<Severity, number>> {
  const counts = { error: 0, warning: 0, note: 0 } as Record<Severity, number>;
  for (const s of ['error', 'warning', 'note'] as const) {
    const text = (await page.locator(`[data-testid="open-counts"] [data-severity="${s}"]`).textContent()) ?? '';
    counts[s] = Number(/(\d+)$/.exec(text)?.[1] ?? NaN);
  }
  return counts;
}

async function boxRects(page: Page, kind: 'cell' | 'line'): Promise<Rect[]> {
  const boxes = page.locator(`[data-testid="finding-box"][data-kind="${kind}"]`);
  const rects: Rect[] = [];
  for (let i = 0; i < (await boxes.count()); i++) rects.push((await boxes.nth(i).boundingBox())!);
  return rects;
}

function expectRectNear(actual: Rect | undefined, expected: Rect): void {
  expect(actual).toBeDefined();
  for (const k of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(actual![k] - expected[k])).toBeLessThan(1.5);
}

async function expectedBoxes(page: Page, pageNumber: number, bboxes: BBox[]): Promise<Rect[]> {
  const view = await pageViewBox(FIXTURE, pageNumber);
  const canvas = await canvasRect(page);
  return bboxes.map((b) => expectedRect(view, canvas, b));
}

async function typeInto(page: Page, cell: Locator, text: string): Promise<void> {
  await cell.click();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

describe('proofreading findings in the workspace (browser mode)', () => {
  let folder: TempFolder;
  let app: ServedApp;
  let session: BrowserSession;

  beforeEach(async () => {
    folder = await tempFolder();
    await folder.add(FIXTURE, NAME);
    app = await serveApp(inject('rendererDir'), folder.dir);
    session = await openBrowser();
    await gotoApp(session.page, app.url);
  });

  afterEach(async () => {
    await session?.close();
    await app?.close();
    await folder.remove();
  });

  it('lists the findings, jumps to the cells of one and outlines them on the page, tints the cells', async () => {
    const { page } = session;
    // the document list counts the open findings once the document is parsed, before it is opened
    const listCount = documentItem(page, NAME).getByTestId('finding-count');
    await expect.poll(() => listCount.textContent(), { timeout: 90_000 }).toBe(`问题 ${report.findings.length}`);
    await openDocument(page, NAME);
    await waitForFindings(page);

    // every finding of the engine is listed, with its counts per severity
    await expect(page.locator('.findings-panel .finding-item').count()).resolves.toBe(report.findings.length);
    expect(await shownCounts(page)).toEqual(openCounts(report));
    // the table list counts each table's open findings
    const perTable = new Map<string, number>();
    for (const f of report.findings) for (const t of new Set(f.cells.map((c) => c.table))) perTable.set(t, (perTable.get(t) ?? 0) + 1);
    expect(perTable.size).toBeGreaterThan(0);
    for (const table of doc.tables) {
      const badge = page.locator(`.table-list button[data-table-id="${table.id}"] [data-testid="table-finding-count"]`);
      if (perTable.has(table.id)) await expect(badge.textContent()).resolves.toBe(String(perTable.get(table.id)));
      else await expect(badge.count()).resolves.toBe(0);
    }
    const listed = item(page, rounding.id);
    await expect(listed.textContent()).resolves.toContain('698.93');
    await expect(listed.textContent()).resolves.toContain('698.92');
    await expect(listed.getAttribute('data-severity')).resolves.toBe('note');
    await expect(listed.getByTestId('finding-status').textContent()).resolves.toBe('待处理');

    // choosing it: the grid switches to its table and focuses its first cell …
    await listed.locator('.finding-main').click();
    await page.waitForSelector(`.table-grid[data-table-id="${cellRef.table}"] [role="row"]`);
    await expect.poll(() => gridCell(page, cellRef.row, cellRef.col).getAttribute('class')).toContain('ag-cell-focus');
    await expect(page.getByTestId('cell-original').textContent()).resolves.toBe('698.93');
    // … and the page turns to it and outlines each of its cells where the PDF prints them
    const cells = rounding.cells.map((c) => doc.tables.find((t) => t.id === c.table)!.rows[c.row]![c.col]!);
    const pageNumber = cells[0]!.page;
    await expect.poll(() => shownPage(page)).toBe(pageNumber);
    const onPage = cells.filter((c) => c.page === pageNumber);
    await expect.poll(async () => (await boxRects(page, 'cell')).length).toBe(onPage.length);
    const expected = await expectedBoxes(
      page,
      pageNumber,
      onPage.map((c) => c.bbox),
    );
    const shown = await boxRects(page, 'cell');
    expected.forEach((rect, i) => expectRectNear(shown[i], rect));

    // its cells are tinted grey (a 尾差 note), with the message as the tooltip: the total and the
    // two parts (the grid renders the columns in view; these three are)
    for (const col of [2, 3, 4]) {
      expect(rounding.cells).toContainEqual({ ...cellRef, col });
      expect(await gridCell(page, cellRef.row, col).getAttribute('class')).toContain('cell-finding-note');
    }
    await gridCell(page, cellRef.row, cellRef.col).hover();
    await expect(page.locator('.ag-tooltip').textContent({ timeout: 5000 })).resolves.toContain(rounding.message);
    await screenshot(page, '30-finding-selected-cells-outlined');

    // the rule checklist never shows a rule that could not run as passed
    await page.getByTestId('coverage').locator('summary').click();
    for (const c of report.coverage) {
      const line = page.locator(`[data-testid="coverage"] li[data-rule="${c.rule}"]`);
      await expect(line.getAttribute('data-outcome')).resolves.toBe(c.outcome);
      if (c.outcome === 'not-run') await expect(line.textContent()).resolves.toContain('未能检查');
    }
    await page.locator('[data-testid="coverage"] li').first().scrollIntoViewIfNeeded();
    await screenshot(page, '31-rule-checklist');
    expect(session.errors).toEqual([]);
  });

  it('re-runs the checks on every edit: correcting the sum clears the finding, undo brings it back', async () => {
    const { page } = session;
    await openDocument(page, NAME);
    await waitForFindings(page);
    await item(page, rounding.id).locator('.finding-main').click();
    await expect.poll(() => gridCell(page, cellRef.row, cellRef.col).getAttribute('class')).toContain('ag-cell-focus');

    // what the checks say after the correction, computed in Node on the same edit
    const edit: CellEdit = {
      id: 'e',
      fileHash: doc.source.sha256,
      cell: { tableId: cellRef.table, row: cellRef.row, col: cellRef.col },
      anchor: { tableTitle: '', tableOccurrence: 0, rowLabel: '', rowOccurrence: 0, columnHeader: '' },
      before: '698.93',
      after: '698.92',
      reviewer: '',
      at: 1,
      op: 'set',
    };
    const corrected = runChecks(applyEdits(doc, [edit]));
    expect(corrected.findings.some((f) => f.id === rounding.id)).toBe(false);

    const runsBefore = Number(await page.getByTestId('findings-panel').getAttribute('data-check-runs'));
    await page.evaluate((id) => {
      const w = window as unknown as { __enterAt?: number; __clearedAt?: number };
      document.addEventListener('keydown', (e: KeyboardEvent) => e.key === 'Enter' && (w.__enterAt = performance.now()), { capture: true });
      const observer = new MutationObserver(() => {
        if (!document.querySelector(`.finding-item[data-finding-id="${id}"]`)) {
          w.__clearedAt = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true });
    }, rounding.id);
    await typeInto(page, gridCell(page, cellRef.row, cellRef.col), '698.92');
    await expect.poll(() => item(page, rounding.id).count()).toBe(0);
    const clearedMs = await page.evaluate(() => {
      const w = window as unknown as { __enterAt: number; __clearedAt: number };
      return w.__clearedAt - w.__enterAt;
    });
    await expect.poll(async () => shownCounts(page)).toEqual(openCounts(corrected));
    await expect(page.locator('.findings-panel .finding-item').count()).resolves.toBe(corrected.findings.length);
    // tints follow: the corrected total is now a term of other 尾差 sums (its parent row, the 合计 row,
    // the summary table), so it stays tinted by them; 基本支出 was named by the cleared finding only
    const namedAfter = (col: number): Finding[] => corrected.findings.filter((f) => f.cells.some((c) => c.table === cellRef.table && c.row === cellRef.row && c.col === col));
    expect(namedAfter(3)).toEqual([]);
    expect(await gridCell(page, cellRef.row, 3).getAttribute('class')).not.toContain('cell-finding');
    expect(namedAfter(2).map((f) => f.severity)).toContain('note');
    expect(namedAfter(2).map((f) => f.severity)).not.toContain('error');
    expect(await gridCell(page, cellRef.row, cellRef.col).getAttribute('class')).toContain('cell-finding-note');
    const panel = page.getByTestId('findings-panel');
    const engineMs = Number(await panel.getAttribute('data-check-ms'));
    const latencyMs = Number(await panel.getAttribute('data-check-latency-ms'));
    const runs = Number(await panel.getAttribute('data-check-runs')) - runsBefore;
    console.log(
      `[bar] checks re-run after an edit (${doc.tables.length} tables): engine ${engineMs.toFixed(1)} ms in the worker, ` +
        `edit stored → findings shown ${latencyMs.toFixed(1)} ms; Enter → finding gone ${clearedMs.toFixed(1)} ms; ${runs} run(s) for the edit`,
    );
    expect(engineMs).toBeLessThan(250);
    expect(runs).toBeGreaterThanOrEqual(1);
    await screenshot(page, '32-finding-cleared-by-edit');

    // the list's count follows the open document live
    await expect(documentItem(page, NAME).getByTestId('finding-count').textContent()).resolves.toBe(`问题 ${corrected.findings.length}`);

    // Ctrl+Z: the printed value is back, and so is the finding
    await page.keyboard.press('Control+z');
    await expect.poll(() => gridCell(page, cellRef.row, cellRef.col).textContent()).toBe('698.93');
    await item(page, rounding.id).waitFor({ timeout: 5000 });
    expect(await shownCounts(page)).toEqual(openCounts(report));
    expect(session.errors).toEqual([]);
  });

  it('dismisses a finding with a reason, keeps it across a reload, and revokes it', async () => {
    const { page } = session;
    await openDocument(page, NAME);
    await waitForFindings(page);
    await item(page, rounding.id).locator('.finding-main').click();
    await expect.poll(() => gridCell(page, cellRef.row, cellRef.col).getAttribute('class')).toContain('ag-cell-focus');

    // D asks for the reason; a reason is required
    await page.keyboard.press('d');
    const dialog = page.getByTestId('dismiss-dialog');
    await dialog.waitFor();
    await expect(dialog.locator('button[type="submit"]').isDisabled()).resolves.toBe(true);
    // the dialog's input has the keyboard: letters are typed, not taken as keys
    await page.keyboard.type('尾差，可接受 nd');
    await expect(dialog.locator('input').inputValue()).resolves.toBe('尾差，可接受 nd');
    await screenshot(page, '33-dismiss-reason');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const listed = item(page, rounding.id);
    await expect.poll(() => listed.getByTestId('finding-status').textContent()).toBe('已忽略');
    await expect(listed.getByTestId('finding-decision').textContent()).resolves.toContain('理由：尾差，可接受 nd');
    expect(await shownCounts(page)).toEqual(openCounts(report, [rounding.id]));
    // no longer tinted: only open findings are
    const others = report.findings.filter((f) => f.id !== rounding.id && f.cells.some((c) => c.table === cellRef.table && c.row === cellRef.row && c.col === cellRef.col));
    expect(others).toEqual([]);
    expect(await gridCell(page, cellRef.row, cellRef.col).getAttribute('class')).not.toContain('cell-finding');

    const decisions = await storedRecords<{ fileHash: string; findingId: string; decision: string; reason?: string }>(page, 'decisions');
    expect(decisions).toEqual([expect.objectContaining({ fileHash: doc.source.sha256, findingId: rounding.id, decision: 'dismissed', reason: '尾差，可接受 nd' })]);

    // reload: the decision is still there, and the list counts without it (the browser bridge keeps
    // parses in memory only, so after a reload the PDF is parsed anew: the finding ids are stable)
    await page.reload();
    await expect
      .poll(() => documentItem(page, NAME).getByTestId('finding-count').textContent(), { timeout: 60_000 })
      .toBe(`问题 ${report.findings.length - 1}`);
    await openDocument(page, NAME);
    await waitForFindings(page);
    await expect.poll(() => item(page, rounding.id).getByTestId('finding-status').textContent()).toBe('已忽略');
    await expect(item(page, rounding.id).getByTestId('finding-decision').textContent()).resolves.toContain('尾差，可接受 nd');
    // the status filter shows it among the dismissed ones only
    await page.getByTestId('filter-status').selectOption('dismissed');
    await expect(page.locator('.findings-panel .finding-item').count()).resolves.toBe(1);
    await screenshot(page, '34-dismissed-after-reload');
    await page.getByTestId('filter-status').selectOption('all');

    // revoked: open again; the log keeps both decisions
    await item(page, rounding.id).locator('.finding-main').click();
    await item(page, rounding.id).getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => item(page, rounding.id).getByTestId('finding-status').textContent()).toBe('待处理');
    expect(await storedRecords(page, 'decisions')).toEqual([]);
    const log = await storedRecords<{ findingId: string; action: string; reason?: string }>(page, 'decisionLog');
    expect(log.map((l) => [l.findingId, l.action, l.reason])).toEqual([
      [rounding.id, 'dismissed', '尾差，可接受 nd'],
      [rounding.id, 'revoked', undefined],
    ]);
    await expect(item(page, rounding.id).locator('.finding-history').textContent()).resolves.toMatch(/忽略.*撤销/);
    expect(session.errors).toEqual([]);
  });

  it('walks the open findings with N, highlights sentences, confirms with C into an annotation', async () => {
    const { page } = session;
    await openDocument(page, NAME);
    await waitForFindings(page);
    const [first, second, third] = report.findings;
    if (!first || !second || !third) throw new Error('expected at least three findings');

    // N from nothing selected: the first open finding, a statement about the narrative
    await page.locator('.findings-help').click();
    await page.keyboard.press('n');
    await expect.poll(() => item(page, first.id).getAttribute('class')).toContain('selected');
    expect(first.narrative.length).toBeGreaterThan(0);
    // its sentences are marked in the narrative list and their printed lines outlined on the page
    const block = doc.narrative[first.narrative[0]!.block]!;
    const lines = (block.lines ?? []).filter((l) => first.narrative.some((s) => s.block === first.narrative[0]!.block && l.start < s.end && l.end > s.start));
    expect(lines.length).toBeGreaterThan(0);
    await expect.poll(() => shownPage(page)).toBe(lines[0]!.page);
    const marked = page.getByTestId('narrative-marked');
    await expect(marked.locator('mark').first().textContent()).resolves.toBe(block.text.slice(first.narrative[0]!.start, first.narrative[0]!.end));
    await expect.poll(async () => (await boxRects(page, 'line')).length).toBe(lines.filter((l) => l.page === lines[0]!.page).length);
    const expected = await expectedBoxes(
      page,
      lines[0]!.page,
      lines.filter((l) => l.page === lines[0]!.page).map((l) => l.bbox),
    );
    const shown = await boxRects(page, 'line');
    expected.forEach((rect, i) => expectRectNear(shown[i], rect));
    await screenshot(page, '35-narrative-finding-sentence-highlighted');

    // N again: the next one, which points at a cell of another table
    await page.keyboard.press('n');
    await expect.poll(() => item(page, second.id).getAttribute('class')).toContain('selected');
    const target = second.cells[0]!;
    // (the grid scrolls to the row, so row 0 may never be rendered: wait for the table itself)
    await page.waitForSelector(`.table-grid[data-table-id="${target.table}"] [role="row"]`);
    await expect.poll(() => gridCell(page, target.row, target.col).getAttribute('class')).toContain('ag-cell-focus');
    // Shift+N goes back
    await page.keyboard.press('Shift+N');
    await expect.poll(() => item(page, first.id).getAttribute('class')).toContain('selected');
    await page.keyboard.press('n');
    await expect.poll(() => item(page, second.id).getAttribute('class')).toContain('selected');

    // C confirms it (an annotation on its first cell, with its message) and moves on
    await page.keyboard.press('c');
    await expect.poll(() => item(page, second.id).getByTestId('finding-status').textContent()).toBe('已确认');
    await expect.poll(() => item(page, third.id).getAttribute('class')).toContain('selected');
    const annotations = await storedRecords<{ id: string; findingId?: string; text: string; category: string; status: string; target: { kind: string; cell?: { tableId: string; row: number; col: number } } }>(
      page,
      'annotations',
    );
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatchObject({
      findingId: second.id,
      text: second.message,
      category: second.kind === 'naming' ? 'text-error' : 'data-error',
      status: 'open',
      target: { kind: 'cell', cell: { tableId: target.table, row: target.row, col: target.col } },
    });
    const decisions = await storedRecords<{ findingId: string; decision: string; annotationId?: string }>(page, 'decisions');
    expect(decisions).toEqual([expect.objectContaining({ findingId: second.id, decision: 'confirmed', annotationId: annotations[0]!.id })]);
    expect(await shownCounts(page)).toEqual(openCounts(report, [second.id]));

    // N skips decided findings: from the third, the walk never lands on the confirmed one
    const open = report.findings.filter((f) => f.id !== second.id);
    for (let i = 0; i < open.length; i++) await page.keyboard.press('n');
    await expect.poll(() => page.locator('.finding-item.selected').getAttribute('data-finding-id')).toBe(third.id);
    await screenshot(page, '36-confirmed-and-walked-on');

    // keys do nothing while a cell is being edited: the letters go into the editor
    const selectedBefore = await page.locator('.finding-item.selected').getAttribute('data-finding-id');
    const shownCell = third.cells[0]!;
    await gridCell(page, shownCell.row, shownCell.col).click();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('ncd');
    await expect(page.locator('.table-grid input').first().inputValue()).resolves.toBe('ncd');
    await page.keyboard.press('Escape');
    await expect(page.locator('.finding-item.selected').getAttribute('data-finding-id')).resolves.toBe(selectedBefore);
    await expect(page.getByTestId('dismiss-dialog').count()).resolves.toBe(0);
    expect(await storedRecords(page, 'edits')).toEqual([]);
    expect(session.errors).toEqual([]);
  });

  it('carries a dismissal over to a changed file only where the very same finding remains', async () => {
    const { page } = session;
    // version 2: the same tables printed by another producer (LibreOffice, no narrative): the 尾差 of
    // row 208 is the same finding there — same id, same message — as the engine in Node says
    const v2 = join(FIXTURE_PDF_DIR, '002-libreoffice.pdf');
    const v2Report = runChecks(await extractFile(v2));
    const same = v2Report.findings.find((f) => f.id === rounding.id);
    expect(same?.message).toBe(rounding.message);
    const narrativeOnly = report.findings.find((f) => f.kind === 'narrative' && !v2Report.findings.some((g) => g.id === f.id));
    expect(narrativeOnly, 'a finding of version 1 that version 2 does not have').toBeDefined();

    await openDocument(page, NAME);
    await waitForFindings(page);
    for (const [id, reason] of [
      [rounding.id, '尾差，可接受'],
      [narrativeOnly!.id, '正文另有说明'],
    ] as const) {
      await item(page, id).locator('.finding-main').click();
      await page.keyboard.press('d');
      await page.getByTestId('dismiss-dialog').waitFor();
      await page.keyboard.type(reason);
      await page.keyboard.press('Enter');
      await expect.poll(() => item(page, id).getByTestId('finding-status').textContent()).toBe('已忽略');
    }

    // the new version is written aside, then moved over the old one
    await rename(await folder.add(v2, '.v2'), join(folder.dir, NAME));
    const v2Hash = (await extractFile(v2)).source.sha256;
    await expect
      .poll(async () => (await storedRecords<{ fileHash: string; findingId: string; reason?: string }>(page, 'decisions')).filter((d) => d.fileHash === v2Hash), {
        timeout: 90_000,
      })
      .toEqual([expect.objectContaining({ findingId: rounding.id, reason: '尾差，可接受' })]);
    await expect.poll(() => item(page, rounding.id).getByTestId('finding-status').textContent(), { timeout: 60_000 }).toBe('已忽略');
  });
});
