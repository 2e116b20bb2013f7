/**
 * Browser mode only: parses files off the UI thread — PDFs with the core extractor and the pdf.js
 * browser build (pdf.js runs its own "worker" in this thread rather than nesting another), Word
 * and Excel files with the office readers (src/formats, loaded on first use).
 */
import * as pdfjs from 'pdfjs-dist';
import * as pdfjsWorker from 'pdfjs-dist/build/pdf.worker.mjs';
import { serializeError } from '../../../core/errors';
import { extractPdf } from '../../../core/pdf/extract';
import type { PdfSource } from '../../../core/pdf/pdfjs-types';
import type { ParseReply, ParseRequest } from './worker-protocol';

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

function reply(message: ParseReply): void {
  postMessage(message);
}

function sourceFor(assetsUrl: string): PdfSource {
  return {
    pdfjs,
    params: {
      cMapUrl: new URL('cmaps/', assetsUrl).href,
      cMapPacked: true,
      standardFontDataUrl: new URL('standard_fonts/', assetsUrl).href,
      isEvalSupported: false,
      useSystemFonts: false,
      verbosity: 0,
    },
  };
}

addEventListener('message', (event: MessageEvent<ParseRequest>) => {
  const request = event.data;
  if (request.type !== 'parse') return;
  const { id } = request;
  const options = { path: request.path, sha256: request.sha256, onProgress: (done: number, total: number) => reply({ type: 'progress', id, done, total }) };
  const ext = /\.[^./]+$/.exec(request.path)?.[0]?.toLowerCase() ?? '';
  const parsed =
    ext === '.pdf' || ext === ''
      ? extractPdf(sourceFor(request.pdfjsAssetsUrl), request.data, options)
      : import('../../../formats').then(({ extractOffice }) => extractOffice(request.data, ext, options));
  parsed.then(
    (doc) => reply({ type: 'done', id, doc }),
    (error: unknown) => reply({ type: 'error', id, error: serializeError(error) }),
  );
});
