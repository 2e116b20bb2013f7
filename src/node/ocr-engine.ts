/**
 * PDF extraction with OCR for pages that have no usable text layer (docs/ocr.md). Pages with text
 * are read exactly as by extractPdf; pages with only pictures, and pages whose text layer is
 * garbage (a ToUnicode map into private-use or unrelated code points), are rendered and read by
 * OCR — in a worker thread, one page at a time with progress, cancellable, and cached by file hash
 * + page + dpi — then laid out by the same table code, so tables come out in the same model with
 * `source: { kind: 'ocr', confidence }` on every cell.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DocumentError } from '../core/errors';
import type { ExtractedDocument, OcrSummary } from '../core/model';
import { extractPdf } from '../core/pdf/extract';
import type { OcrPageResult } from '../ocr/page-content';
import { markOcrCells, ocrPageContent } from '../ocr/page-content';
import { OCR_ENGINE, OCR_VERSION, ocrDpi, ocrPdfPages } from './ocr-pages';
import { loadPdfjsForNode } from './pdfjs-node';
import { spawnWorker } from './spawn-worker';

export interface OcrOptions {
  /** render resolution for OCR (default 200, at least 150) */
  dpi?: number;
  /** directory for cached OCR pages (none: no cache) */
  cacheDir?: string;
  /** run in this thread instead of a worker (tests, environments without tsx for workers) */
  inline?: boolean;
  /** called after each OCR'd page with (done, total, page number) */
  onPage?: (done: number, total: number, page: number) => void;
}

export interface OcrExtractOptions {
  path: string;
  sha256: string;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  ocr: OcrOptions;
}

/**
 * Whether a page's text layer is garbage: many characters that are neither ASCII, CJK, CJK
 * punctuation nor full-width forms (private-use code points, a font's glyph ids mapped to Latin
 * Extended or symbols) — a reader would see nonsense.
 */
export function isGarbageText(text: string): boolean {
  const chars = Array.from(text.replace(/\s+/g, ''));
  if (chars.length < 20) return false;
  let bad = 0;
  for (const ch of chars) {
    const c = ch.codePointAt(0)!;
    const ok =
      c < 0x80 ||
      (c >= 0x2000 && c <= 0x206f) ||
      (c >= 0x2e80 && c <= 0x303f) ||
      (c >= 0x3400 && c <= 0x9fff) ||
      (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2460 && c <= 0x24ff) ||
      c === 0xb7 ||
      c === 0xd7;
    if (!ok) bad++;
  }
  return bad / chars.length > 0.3;
}

function cacheFile(dir: string, sha256: string, page: number, dpi: number): string {
  return join(dir, `${sha256}-p${page}-${dpi}dpi-v${OCR_VERSION}.json`);
}

async function readCached(dir: string | undefined, sha256: string, page: number, dpi: number): Promise<OcrPageResult | null> {
  if (!dir) return null;
  try {
    const r = JSON.parse(await readFile(cacheFile(dir, sha256, page, dpi), 'utf8')) as OcrPageResult;
    return r && r.pageNumber === page && Array.isArray(r.lines) && Array.isArray(r.rulings) ? r : null;
  } catch {
    return null;
  }
}

async function writeCached(dir: string | undefined, sha256: string, r: OcrPageResult): Promise<void> {
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  const file = cacheFile(dir, sha256, r.pageNumber, r.dpi);
  await writeFile(`${file}.tmp`, JSON.stringify(r));
  await rename(`${file}.tmp`, file);
}

/**
 * The worker entry: src/node/ocr-worker.ts next to this file in dev and tests; in the built app
 * out/main/ocr-worker.js (an entry of electron.vite.config.ts), while this module is bundled into
 * out/main/chunks/ — so the entry is looked for beside this file and one folder up.
 */
export function ocrWorkerUrl(): URL {
  if (import.meta.url.endsWith('.ts')) return new URL('./ocr-worker.ts', import.meta.url);
  const candidates = ['./ocr-worker.js', '../ocr-worker.js'].map((rel) => new URL(rel, import.meta.url));
  return candidates.find((u) => u.protocol !== 'file:' || existsSync(fileURLToPath(u))) ?? candidates[0]!;
}

/** Runs OCR of some pages in a worker thread; aborting terminates the worker. */
function ocrInWorker(data: Uint8Array, pages: number[], dpi: number, signal: AbortSignal | undefined, onPage: (r: OcrPageResult) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = spawnWorker(ocrWorkerUrl(), { workerData: { data, pages, dpi } });
    const abort = (): void => {
      void worker.terminate();
      reject(new DocumentError('cancelled'));
    };
    signal?.addEventListener('abort', abort, { once: true });
    worker.on('message', (m: { type: 'page'; result: OcrPageResult } | { type: 'done' } | { type: 'error'; message: string }) => {
      if (m.type === 'page') onPage(m.result);
      else if (m.type === 'done') {
        signal?.removeEventListener('abort', abort);
        void worker.terminate();
        resolve();
      } else {
        signal?.removeEventListener('abort', abort);
        void worker.terminate();
        reject(new Error(m.message));
      }
    });
    worker.on('error', (e) => {
      signal?.removeEventListener('abort', abort);
      reject(e);
    });
  });
}

/** OCR of the given pages, from the cache where it has them. */
export async function ocrPages(data: Uint8Array, sha256: string, pages: number[], options: OcrOptions & { signal?: AbortSignal }): Promise<Map<number, OcrPageResult>> {
  const dpi = ocrDpi(options.dpi);
  const results = new Map<number, OcrPageResult>();
  for (const n of pages) {
    const cached = await readCached(options.cacheDir, sha256, n, dpi);
    if (cached) results.set(n, cached);
  }
  const todo = pages.filter((n) => !results.has(n));
  let done = results.size;
  const onPage = (r: OcrPageResult): void => {
    results.set(r.pageNumber, r);
    done++;
    void writeCached(options.cacheDir, sha256, r).catch(() => undefined);
    options.onPage?.(done, pages.length, r.pageNumber);
  };
  if (todo.length) {
    if (options.signal?.aborted) throw new DocumentError('cancelled');
    if (options.inline) {
      try {
        await ocrPdfPages(data, todo, { dpi, signal: options.signal, onPage: (r) => onPage(r) });
      } catch (e) {
        if (options.signal?.aborted) throw new DocumentError('cancelled');
        throw e;
      }
    } else await ocrInWorker(data, todo, dpi, options.signal, onPage);
  }
  return results;
}

/**
 * extractPdf with OCR of the pages that need it (see the module comment): the text pages are read
 * exactly as without OCR (same limits, same errors), the others rendered and read after them.
 * Progress: the first half while pages are read, the second while they are OCR'd.
 */
export async function extractPdfWithOcr(data: Uint8Array, options: OcrExtractOptions): Promise<ExtractedDocument> {
  const dpi = ocrDpi(options.ocr.dpi);
  let pages = 0;
  const results = new Map<number, OcrPageResult>();
  let doc: ExtractedDocument;
  try {
    doc = await extractPdf(await loadPdfjsForNode(), data, {
      path: options.path,
      sha256: options.sha256,
      signal: options.signal,
      onProgress: (done, total) => {
        pages = total;
        options.onProgress?.(done, 2 * total);
      },
      reread: {
        select: (content) => {
          const text = content.runs.map((r) => r.text).join('');
          return (text.replace(/\s+/g, '').length === 0 && content.images > 0) || isGarbageText(text);
        },
        read: async (wanted) => {
          const ocr = await ocrPages(data, options.sha256, wanted, {
            ...options.ocr,
            signal: options.signal,
            onPage: (done, all, page) => {
              options.ocr.onPage?.(done, all, page);
              options.onProgress?.(pages + Math.round((done / all) * pages), 2 * pages);
            },
          });
          for (const [n, r] of ocr) results.set(n, r);
          return new Map(wanted.map((n) => {
            const r = ocr.get(n);
            return [n, r && !r.problem ? ocrPageContent(r) : null];
          }));
        },
      },
    });
  } catch (e) {
    const problem = [...results.values()].find((r) => r.problem)?.problem;
    if (e instanceof DocumentError && e.code === 'no-text-layer' && problem) throw new DocumentError('ocr-unreadable', problem.messageZh);
    throw e;
  }
  options.onProgress?.(2 * pages, 2 * pages);
  if (results.size === 0) return doc;
  const readable = new Map([...results].filter(([, r]) => !r.problem));
  markOcrCells(doc.tables, doc.narrative, readable);
  const summary: OcrSummary = {
    pages: [...readable.keys()].sort((a, b) => a - b),
    engine: OCR_ENGINE,
    dpi,
    problems: [...results.values()].filter((r) => r.problem).map((r) => ({ page: r.pageNumber, ...r.problem! })),
  };
  return { ...doc, source: { ...doc.source, ocr: summary } };
}
