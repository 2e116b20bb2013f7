/**
 * Turns what an extractor threw into a DocumentError the user can act on. Extractors throw
 * DocumentErrors for what they recognise; this is the safety net for library exceptions that
 * slip through (pdf.js throws its own PasswordException / InvalidPDFException).
 */
import { open } from 'node:fs/promises';
import { DocumentError, serializeError } from '../../core/errors';
import type { SerializedDocumentError } from '../../core/errors';

async function readHead(path: string, length: number): Promise<Buffer | null> {
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

export async function classifyFailure(error: unknown, path: string): Promise<SerializedDocumentError> {
  if (error instanceof DocumentError) return error.toJSON();
  const name = error instanceof Error || (typeof error === 'object' && error !== null) ? (error as { name?: unknown }).name : undefined;
  const nodeCode = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (nodeCode === 'ENOENT') return new DocumentError('vanished').toJSON();
  if (name === 'PasswordException') return new DocumentError('encrypted').toJSON();
  if (name === 'InvalidPDFException' || name === 'FormatError') {
    // The spec allows the header anywhere in the first 1024 bytes.
    const head = await readHead(path, 1024);
    if (head === null) return new DocumentError('vanished').toJSON();
    if (head.length === 0) return new DocumentError('empty-file').toJSON();
    return new DocumentError(head.includes('%PDF-') ? 'truncated' : 'not-pdf').toJSON();
  }
  return serializeError(error);
}
