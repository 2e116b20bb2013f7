/**
 * Word/Excel disclosures → ExtractedDocument: bytes in, document out, no I/O, so it runs in
 * Node (CLI, main process) and in a browser worker alike. The package content decides DOCX or
 * XLSX; the extension only picks the advice when the file is not a zip package at all.
 */
import { DocumentError } from '../core/errors';
import type { ExtractedDocument } from '../core/model';
import type { OfficeKind } from './container';
import { openOfficePackage } from './container';
import { extractDocx } from './docx';
import type { OfficeExtractOptions } from './options';
import { extractXlsx } from './xlsx';

export type { OfficeExtractOptions } from './options';

/** Extensions this module reads (or, for Office 97 and WPS's own formats, explains how to convert). */
export const OFFICE_EXTENSIONS: ReadonlySet<string> = new Set(['.docx', '.docm', '.xlsx', '.xlsm', '.xls', '.doc', '.et', '.wps']);

export function isOfficeExtension(ext: string): boolean {
  return OFFICE_EXTENSIONS.has(ext.toLowerCase());
}

function expectedKind(ext: string): OfficeKind {
  return /^\.(?:xls|et$)/i.test(ext) ? 'xlsx' : 'docx';
}

/**
 * Extracts a .docx/.xlsx. Every failure is a DocumentError: damaged or mislabelled packages,
 * encrypted files, Office 97-2003 (.xls/.doc) with the "save as" advice, and — as a last resort
 * so a hostile file can never surface as a crash — any unexpected parser failure.
 */
export async function extractOffice(data: Uint8Array, ext: string, options: OfficeExtractOptions): Promise<ExtractedDocument> {
  try {
    const pkg = await openOfficePackage(data, expectedKind(ext), ext.toLowerCase());
    if (options.signal?.aborted) throw new DocumentError('cancelled');
    return pkg.kind === 'docx' ? await extractDocx(pkg, options) : await extractXlsx(data, options);
  } catch (e) {
    if (e instanceof DocumentError) throw e;
    throw new DocumentError('unreadable', e instanceof Error ? e.message.slice(0, 200) : String(e));
  }
}
