/**
 * PDF → ExtractedDocument: every table with its cells' page and bbox, and the narrative. Pages
 * are read one at a time (text + operator list), laid out, then assembled across pages.
 */
import { DocumentError } from '../errors';
import type { ExtractedDocument } from '../model';
import { SCHEMA_VERSION } from '../model';
import { assembleDocument } from './assemble';
import type { PageLayout } from './layout';
import { layoutPage } from './layout';
import type { PageContent } from './page-content';
import { readPage } from './page-content';
import type { PdfDocument, PdfSource } from './pdfjs-types';
import type { OpsTable } from './rulings';

export interface ExtractOptions {
  path: string;
  sha256: string;
  signal?: AbortSignal;
  /** called after each page with (done, total) */
  onProgress?: (done: number, total: number) => void;
  /** refuse documents with more pages than this */
  maxPages?: number;
  /**
   * Pages to read another way (OCR, src/node/ocr-engine.ts): `select` picks them as they are read
   * (no text layer, or a garbage one); after the last page `read` gives each its new content, or
   * null when it could not be read either (the page then counts as picture-only).
   */
  reread?: {
    select: (content: PageContent) => boolean;
    read: (pages: number[]) => Promise<Map<number, PageContent | null>>;
  };
}

const DEFAULT_MAX_PAGES = 5000;

/** Recognises what the bytes are before pdf.js sees them, for a precise message. */
function checkBytes(data: Uint8Array): void {
  if (data.length === 0) throw new DocumentError('empty-file');
  const head = new TextDecoder('latin1').decode(data.subarray(0, 1024));
  if (!head.includes('%PDF-')) throw new DocumentError('not-pdf');
  const tail = new TextDecoder('latin1').decode(data.subarray(Math.max(0, data.length - 2048)));
  // every complete PDF ends with %%EOF; a half-copied or cut file does not
  if (!tail.includes('%%EOF')) throw new DocumentError('truncated');
}

async function openDocument(source: PdfSource, data: Uint8Array): Promise<PdfDocument> {
  const task = source.pdfjs.getDocument({ ...source.params, data: data.slice() });
  try {
    return await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const name = (e as { name?: string } | null)?.name;
    if (name === 'PasswordException') throw new DocumentError('encrypted');
    throw new DocumentError('truncated', e instanceof Error ? e.message : undefined);
  }
}

function characterCount(content: PageContent): number {
  return content.runs.reduce((s, r) => s + r.text.trim().length, 0);
}

export async function extractPdf(source: PdfSource, data: Uint8Array, options: ExtractOptions): Promise<ExtractedDocument> {
  checkBytes(data);
  const doc = await openDocument(source, data);
  try {
    const total = doc.numPages;
    if (total > (options.maxPages ?? DEFAULT_MAX_PAGES)) throw new DocumentError('too-large', `${total} 页 / pages`);
    const layouts: (PageLayout | null)[] = [];
    let characters = 0;
    const imageOnlyPages: number[] = [];
    const reread = new Map<number, PageContent>();
    for (let n = 1; n <= total; n++) {
      if (options.signal?.aborted) throw new DocumentError('cancelled');
      let page;
      try {
        page = await doc.getPage(n);
      } catch (e) {
        throw new DocumentError('truncated', `page ${n}: ${e instanceof Error ? e.message : String(e)}`);
      }
      const content = await readPage(page, n, source.pdfjs.OPS as unknown as OpsTable);
      page.cleanup();
      options.onProgress?.(n, total);
      if (options.reread?.select(content)) {
        reread.set(n, content);
        layouts.push(null);
        continue;
      }
      const pageCharacters = characterCount(content);
      characters += pageCharacters;
      if (pageCharacters === 0 && content.images > 0) imageOnlyPages.push(n);
      layouts.push(layoutPage(content));
    }
    if (reread.size > 0) {
      const read = await options.reread!.read([...reread.keys()]);
      for (const [n, original] of reread) {
        const content = read.get(n) ?? null;
        if (content) characters += characterCount(content);
        else imageOnlyPages.push(n);
        // an unreadable page keeps its rulings but none of its (missing or garbage) text
        layouts[n - 1] = layoutPage(content ?? { ...original, runs: [] });
      }
      imageOnlyPages.sort((a, b) => a - b);
    }
    if (characters === 0) throw new DocumentError('no-text-layer');
    const { tables, narrative } = assembleDocument(layouts as PageLayout[]);
    return {
      schemaVersion: SCHEMA_VERSION,
      source: { path: options.path, sha256: options.sha256, pages: total, format: 'pdf', ...(imageOnlyPages.length > 0 ? { imageOnlyPages } : {}) },
      narrative,
      tables,
    };
  } finally {
    await doc.destroy();
  }
}
