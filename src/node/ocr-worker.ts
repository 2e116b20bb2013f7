/**
 * Worker thread for OCR (started by src/node/ocr-engine.ts): opens the PDF from the bytes it is
 * given, OCRs the pages, posts one message per page, then `done`. The recogniser is created once
 * in this thread and reused for every page.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ocrPdfPages } from './ocr-pages';

const { data, pages, dpi } = workerData as { data: Uint8Array; pages: number[]; dpi: number };
try {
  await ocrPdfPages(data, pages, { dpi, onPage: (result) => parentPort!.postMessage({ type: 'page', result }) });
  parentPort!.postMessage({ type: 'done' });
} catch (e) {
  parentPort!.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
}
