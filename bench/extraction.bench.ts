/**
 * Extraction speed against bare pdf.js on the same pages, measured in the same run (the machine
 * is noisy, so only the ratio is meaningful): bare = getTextContent + getOperatorList per page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractPdf } from '../src/core/pdf/extract';
import { loadPdfjsForNode } from '../src/node/pdfjs-node';

export interface ExtractionBench {
  files: number;
  pages: number;
  bareMs: number;
  extractMs: number;
  ratio: number;
  pagesPerSecond: number;
  barePagesPerSecond: number;
  peakRssMb: number;
}

function corpus(): string[] {
  const dirs = [join(import.meta.dirname, '../tests/fixtures/pdf'), join(import.meta.dirname, '../../shared/real')];
  return dirs.filter(existsSync).flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.pdf')).map((f) => join(d, f)));
}

async function bare(data: Uint8Array): Promise<number> {
  const { pdfjs, params } = await loadPdfjsForNode();
  const doc = await pdfjs.getDocument({ ...params, data: data.slice() }).promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    await Promise.all([page.getTextContent(), page.getOperatorList()]);
    page.cleanup();
  }
  const pages = doc.numPages;
  await doc.destroy();
  return pages;
}

async function full(path: string, data: Uint8Array): Promise<void> {
  await extractPdf(await loadPdfjsForNode(), data, { path, sha256: '' });
}

export async function benchExtraction(rounds = 3): Promise<ExtractionBench> {
  const files = corpus().map((path) => ({ path, data: new Uint8Array(readFileSync(path)) }));
  let peak = 0;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  // warm-up: load pdf.js, fonts and cMaps once
  for (const f of files.slice(0, 2)) await full(f.path, f.data);
  const bareTimes: number[] = [];
  const fullTimes: number[] = [];
  let pages = 0;
  for (let round = 0; round < rounds; round++) {
    // alternate the order so drift in machine load hits both sides alike
    let t = performance.now();
    pages = 0;
    for (const f of files) pages += await bare(f.data);
    bareTimes.push(performance.now() - t);
    t = performance.now();
    for (const f of files) await full(f.path, f.data);
    fullTimes.push(performance.now() - t);
  }
  clearInterval(sample);
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const bareMs = median(bareTimes);
  const extractMs = median(fullTimes);
  return {
    files: files.length,
    pages,
    bareMs,
    extractMs,
    ratio: extractMs / bareMs,
    pagesPerSecond: (pages / extractMs) * 1000,
    barePagesPerSecond: (pages / bareMs) * 1000,
    peakRssMb: peak / 2 ** 20,
  };
}
