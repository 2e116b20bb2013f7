/**
 * The workbook builder also runs in the renderer: bundle it for the browser with Vite (exceljs
 * and jszip resolve to their browser builds there) and build a workbook in headless Chromium.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../tests/fixtures/truth';
import type { WorkbookInput } from './workbook';
import { documentFromSpecs } from './testing/document-builder';

const CHROMIUM = '/usr/bin/chromium';
const HASH = 'c4'.repeat(32);

describe.skipIf(!existsSync(CHROMIUM))('buildWorkbook in a browser', () => {
  const dir = mkdtempSync(join(tmpdir(), 'export-browser-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds the workbook in Chromium: numbers, codes as text, repaired internal links', async () => {
    const here = import.meta.dirname;
    writeFileSync(
      join(dir, 'entry.ts'),
      `import { buildWorkbook } from ${JSON.stringify(resolve(here, 'workbook.ts'))};
       (window as unknown as { run: unknown }).run = async (input: Parameters<typeof buildWorkbook>[0]) => {
         const bytes = await buildWorkbook({ ...input, exportedAt: new Date(input.exportedAt) });
         let s = '';
         for (const b of bytes) s += String.fromCharCode(b);
         return { isUint8Array: bytes instanceof Uint8Array, base64: btoa(s) };
       };`,
    );
    const { build } = await import('vite');
    await build({
      configFile: false,
      logLevel: 'silent',
      root: dir,
      build: { outDir: join(dir, 'dist'), minify: false, lib: { entry: join(dir, 'entry.ts'), formats: ['iife'], name: 'exportBundle', fileName: () => 'bundle.js' } },
    });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script src="dist/bundle.js"></script>');

    const content = loadContent('content/002.json');
    const document = documentFromSpecs(content.tables, { path: '002.pdf', sha256: HASH });
    const spending = document.tables.find((t) => t.title === '支出决算表')!;
    const row = spending.rows.findIndex((r) => r[0]?.text === '208');
    const anchor = { tableTitle: '支出决算表', tableOccurrence: 0, rowLabel: '208', rowOccurrence: 0, columnHeader: '本年支出合计' };
    const input: Omit<WorkbookInput, 'exportedAt'> & { exportedAt: number } = {
      document,
      review: {
        fileHash: HASH,
        fileName: '002.pdf',
        edits: [{ id: 'e1', fileHash: HASH, cell: { tableId: spending.id, row, col: 2 }, anchor, before: '698.93', after: '698.92', reviewer: '张三', at: 0, op: 'set' }],
        annotations: [],
        decisions: [],
        reviewedTables: [],
      },
      findings: [
        { id: 'f1', rule: 'r', kind: 'in-table', severity: 'note', message: '尾差', cells: [{ table: spending.id, row, col: 2 }], narrative: [], expected: null, actual: null, difference: null },
      ],
      toolVersion: 'browser',
      exportedAt: 0,
    };

    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--allow-file-access-from-files'],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`file://${join(dir, 'index.html')}`);
      const result = await page.evaluate(
        (i) => (globalThis as unknown as { run: (x: unknown) => Promise<{ isUint8Array: boolean; base64: string }> }).run(i),
        input as unknown as Record<string, unknown>,
      );
      expect(errors).toEqual([]);
      expect(result.isUint8Array).toBe(true);
      const bytes = Buffer.from(result.base64, 'base64');

      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('支出决算表')!;
      // title, code, the 2023年度 heading line and the 部门/单位 line, then the header
      const bodyRow = 2 + 1 + 1 + 1 + spending.header.length + row;
      const address = `C${bodyRow}`;
      expect(ws.getCell(address).value).toBe(698.92);
      expect(ws.getCell(`A${bodyRow}`).value).toBe('208');
      // the internal-link repair ran in the browser too
      const zip = await JSZip.loadAsync(bytes);
      const names = [...(await zip.file('xl/workbook.xml')!.async('string')).matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
      expect(names.indexOf('问题清单')).toBe(1);
      const issues = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
      expect(issues).toContain(`location="&apos;支出决算表&apos;!${address}"`);
      expect(issues).not.toContain('r:id=');
    } finally {
      await browser.close();
    }
  });
});
