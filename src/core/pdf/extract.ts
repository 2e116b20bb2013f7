/**
 * PDF → ExtractedDocument. (Work in progress: tables are being built; this entry point and its
 * signature are stable.)
 */
import type { ExtractedDocument } from '../model';
import { SCHEMA_VERSION } from '../model';
import { DocumentError } from '../errors';
import type { PdfSource } from './pdfjs-types';

export interface ExtractOptions {
  path: string;
  sha256: string;
  signal?: AbortSignal;
  /** called after each page with (done, total) */
  onProgress?: (done: number, total: number) => void;
}

export async function extractPdf(source: PdfSource, data: Uint8Array, options: ExtractOptions): Promise<ExtractedDocument> {
  if (data.length === 0) throw new DocumentError('empty-file');
  const task = source.pdfjs.getDocument({ data: data.slice(), ...source.params });
  const doc = await task.promise;
  try {
    options.onProgress?.(doc.numPages, doc.numPages);
    return {
      schemaVersion: SCHEMA_VERSION,
      source: { path: options.path, sha256: options.sha256, pages: doc.numPages },
      narrative: [],
      tables: [],
    };
  } finally {
    await doc.destroy();
  }
}
