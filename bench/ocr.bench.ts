/**
 * OCR speed: one A4 scanned fixture page (tests/fixtures/scanned/000-chromium-p7-300dpi.pdf)
 * OCR'd at the default 200 dpi — render, page analysis, line recognition, layout — against the
 * text-layer parse (read + layout) of the same page of the born-digital source PDF, in the same
 * run (the machine is noisy, so the ratio is what compares). Each side opens its PDF and reads the
 * one page, so the text side includes loading the page's embedded fonts. Issue bar: OCR ≤ 2 s per A4 page on
 * 2 cores. The recogniser is created once per thread (as in the OCR worker); its start-up is
 * reported apart, as the cold first page.
 */
import { cpus } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { layoutPage } from '../src/core/pdf/layout';
import { readPage } from '../src/core/pdf/page-content';
import type { OpsTable } from '../src/core/pdf/rulings';
import { DEFAULT_DPI, ocrPage, renderPage } from '../src/node/ocr-pages';
import { loadPdfjsForNode } from '../src/node/pdfjs-node';
import { ocrPageContent } from '../src/ocr/page-content';
import { analysePage } from '../src/ocr/raster-grid';

export interface OcrBench {
  fixture: string;
  dpi: number;
  cores: number;
  lines: number;
  /** seconds for the first OCR'd page, recogniser start-up included */
  coldSeconds: number;
  /** median seconds per page, warm */
  ocrSeconds: number;
  /** of which rendering and page analysis (rulings, cells, line boxes), median */
  renderAnalyseSeconds: number;
  textSeconds: number;
  ratio: number;
  targetSeconds: number;
  peakRssMb: number;
  /** RSS before the recogniser was loaded */
  baseRssMb: number;
}

const ROOT = join(import.meta.dirname, '..');
const SCANNED = 'tests/fixtures/scanned/000-chromium-p7-300dpi.pdf';
const SOURCE = { pdf: 'tests/fixtures/pdf/000-chromium.pdf', page: 7 };

async function onPage<T>(data: Uint8Array, n: number, work: (page: never) => Promise<T>): Promise<T> {
  const { pdfjs, params } = await loadPdfjsForNode();
  const doc = await pdfjs.getDocument({ ...params, data: data.slice() }).promise;
  try {
    const page = await doc.getPage(n);
    const r = await work(page as never);
    page.cleanup();
    return r;
  } finally {
    await doc.destroy();
  }
}

export async function benchOcr(rounds = 5): Promise<OcrBench> {
  const scanned = new Uint8Array(readFileSync(join(ROOT, SCANNED)));
  const source = new Uint8Array(readFileSync(join(ROOT, SOURCE.pdf)));
  const { pdfjs } = await loadPdfjsForNode();
  const OPS = pdfjs.OPS as unknown as OpsTable;
  const text = (): Promise<number> => onPage(source, SOURCE.page, async (page) => layoutPage(await readPage(page, SOURCE.page, OPS)).lines.length);
  const ocr = (): Promise<number> =>
    onPage(scanned, 1, async (page) => {
      const r = await ocrPage(page, 1, DEFAULT_DPI);
      if (r.problem) throw new Error(r.problem.message);
      layoutPage(ocrPageContent(r));
      return r.lines.length;
    });
  // warm-up of pdf.js (fonts, cMaps) on the text side
  await text();
  const baseRss = process.memoryUsage().rss;
  let peak = baseRss;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  let t = performance.now();
  const lines = await ocr();
  const coldMs = performance.now() - t;
  const ocrTimes: number[] = [];
  const textTimes: number[] = [];
  const rasterTimes: number[] = [];
  const scale = DEFAULT_DPI / 72;
  const raster = (): Promise<number> =>
    onPage(scanned, 1, async (page: { rotate: number }) => {
      const r = await renderPage(page as never, scale, page.rotate);
      return analysePage(r.rgba, r.width, r.height, scale).lines.length;
    });
  for (let round = 0; round < rounds; round++) {
    t = performance.now();
    await raster();
    rasterTimes.push(performance.now() - t);
    t = performance.now();
    await text();
    textTimes.push(performance.now() - t);
    t = performance.now();
    await ocr();
    ocrTimes.push(performance.now() - t);
  }
  clearInterval(sample);
  peak = Math.max(peak, process.memoryUsage().rss);
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const ocrMs = median(ocrTimes);
  const textMs = median(textTimes);
  return {
    fixture: SCANNED.split('/').pop()!,
    dpi: DEFAULT_DPI,
    cores: cpus().length,
    lines,
    coldSeconds: coldMs / 1000,
    ocrSeconds: ocrMs / 1000,
    renderAnalyseSeconds: median(rasterTimes) / 1000,
    textSeconds: textMs / 1000,
    ratio: ocrMs / textMs,
    targetSeconds: 2,
    peakRssMb: peak / 2 ** 20,
    baseRssMb: baseRss / 2 ** 20,
  };
}

/** `npx tsx bench/ocr.bench.ts`: this benchmark alone. */
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const o = await benchOcr();
  console.log(JSON.stringify(o, null, 1));
}
