/**
 * pdf.js for the source view (main thread, browser build). One PDFWorker is started at launch and
 * shared by every document, so opening a document does not pay for a worker start.
 */
import * as pdfjs from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

let sharedWorker: pdfjs.PDFWorker | null = null;

function worker(): pdfjs.PDFWorker {
  sharedWorker ??= new pdfjs.PDFWorker();
  return sharedWorker;
}

/** Starts the pdf.js worker ahead of the first document. */
export function warmUpPdfjs(): void {
  worker();
}

/** cMaps, standard fonts and wasm decoders are copied next to index.html by the build (vite.renderer.config.ts). */
function assetUrl(folder: string): string {
  return new URL(`pdfjs/${folder}/`, document.baseURI).href;
}

export async function openPdf(data: Uint8Array): Promise<PDFDocumentProxy> {
  const task = pdfjs.getDocument({
    data,
    worker: worker(),
    cMapUrl: assetUrl('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assetUrl('standard_fonts'),
    // JPEG 2000 and JBIG2 images (scans) and ICC colours are decoded by WebAssembly modules in the
    // pdf.js worker; without this URL such images stay blank. It also lets the worker fetch the
    // cMaps itself instead of asking this thread for them.
    wasmUrl: assetUrl('wasm'),
    // The CSP forbids eval; pdf.js then interprets fonts instead of compiling them.
    isEvalSupported: false,
    // Glyphs drawn as paths: skips converting the embedded CJK subset fonts to web fonts (and the
    // browser's font sanitiser), which roughly halves the time to the first page; looks the same.
    disableFontFace: true,
  });
  return task.promise;
}

export { pdfjs };
export type { PDFDocumentProxy };
