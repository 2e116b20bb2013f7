/**
 * Reads a disclosure file from disk and extracts it: the one entry point shared by the CLI, the
 * main process's parse worker and the benchmarks. Dispatches by content/extension.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { DocumentError } from '../core/errors';
import type { ExtractedDocument } from '../core/model';
import { extractPdf } from '../core/pdf/extract';
import { extractOffice, isOfficeExtension } from '../formats';
import type { OcrOptions } from './ocr-engine';
import { loadPdfjsForNode } from './pdfjs-node';

export interface ExtractFileOptions {
  signal?: AbortSignal;
  /** called with (done, total) pages */
  onProgress?: (done: number, total: number) => void;
  /**
   * OCR pages with no usable text layer (picture only, or garbage text) instead of listing them in
   * imageOnlyPages (docs/ocr.md). Off unless given: OCR takes seconds per page.
   */
  ocr?: OcrOptions | boolean;
}

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function extractFile(path: string, options: ExtractFileOptions = {}): Promise<ExtractedDocument> {
  let data: Uint8Array;
  try {
    data = new Uint8Array(await readFile(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DocumentError(code === 'ENOENT' ? 'vanished' : 'unreadable', code);
  }
  return extractBytes(path, data, options);
}

export async function extractBytes(path: string, data: Uint8Array, options: ExtractFileOptions = {}): Promise<ExtractedDocument> {
  const ext = extname(path).toLowerCase();
  const source = { path, sha256: sha256Hex(data) };
  if ((ext === '.pdf' || ext === '') && options.ocr) {
    const { extractPdfWithOcr } = await import('./ocr-engine');
    const ocr = options.ocr === true ? {} : options.ocr;
    return extractPdfWithOcr(data, { ...source, signal: options.signal, onProgress: options.onProgress, ocr });
  }
  if (ext === '.pdf' || ext === '') {
    return extractPdf(await loadPdfjsForNode(), data, { ...source, ...options });
  }
  if (isOfficeExtension(ext)) return extractOffice(data, ext, { ...source, ...options });
  throw new DocumentError('unsupported-format', ext);
}
