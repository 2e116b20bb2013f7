/**
 * pdf.js decodes JPEG 2000 (and JBIG2, the usual codec of scanned pages) with WebAssembly modules
 * loaded from `wasmUrl`, served with the renderer like the cMaps. The app is served here with its
 * own CSP (read from the built index.html) as a response header too, so the policy binds the
 * pdf.js worker as well as the page: the image must still be drawn and nothing may be refused.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, type BrowserSession } from './harness/browser';
import { tempFolder, type TempFolder } from './harness/folder';
import { serveApp, type ServedApp } from './harness/server';
import { documentItem, gotoApp, waitParsed } from './harness/workspace';

const FIXTURE = join(import.meta.dirname, 'fixtures/jpx-image.pdf');

async function builtCsp(): Promise<string> {
  const html = await readFile(join(inject('rendererDir'), 'index.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  if (!csp) throw new Error('no CSP meta tag in the built index.html');
  return csp;
}

describe('pdf.js image decoders (browser mode)', () => {
  let folder: TempFolder;
  let app: ServedApp;
  let session: BrowserSession;

  beforeEach(async () => {
    folder = await tempFolder();
    await folder.add(FIXTURE, '图片.pdf');
    app = await serveApp(inject('rendererDir'), folder.dir, { appHeaders: { 'Content-Security-Policy': await builtCsp() } });
    session = await openBrowser();
  });

  afterEach(async () => {
    await session.close();
    await app.close();
    await folder.remove();
  });

  it('draws a JPEG 2000 image under the app CSP', async () => {
    const { page } = session;
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|JpxImage|OpenJPEG|wasm/i.test(m.text())) violations.push(m.text());
    });
    await gotoApp(page, app.url);
    await waitParsed(page, '图片.pdf');
    await documentItem(page, '图片.pdf').locator('button').click();
    await page.waitForSelector('[data-testid="pdf-page"][data-page="1"]', { timeout: 30_000 });
    // the image covers 30..270 × 40..160 pt of a 300 × 200 pt page; its middle is the red square
    const rgb = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="pdf-page"] canvas')!;
      const ctx = canvas.getContext('2d')!;
      const x = Math.round(canvas.width * 0.5);
      const y = Math.round(canvas.height * (1 - 100 / 200));
      return Array.from(ctx.getImageData(x, y, 1, 1).data.slice(0, 3));
    });
    expect(rgb[0]).toBeGreaterThan(180);
    expect(rgb[2]).toBeLessThan(80);
    expect(violations).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
