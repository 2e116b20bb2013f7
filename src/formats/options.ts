import { DocumentError } from '../core/errors';

export interface OfficeExtractOptions {
  /** recorded in the document's source; the bytes are passed separately */
  path: string;
  sha256: string;
  signal?: AbortSignal;
  /** called with (done, total) steps: sheets for XLSX, 1 for DOCX */
  onProgress?: (done: number, total: number) => void;
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DocumentError('cancelled');
}
