/**
 * Opens the container of an Office file and says what it holds. DOCX and XLSX are zip packages;
 * Office 97-2003 files and password-protected DOCX/XLSX are OLE compound files (CFB). Every
 * failure becomes a typed DocumentError, so a bad file never surfaces as a crash.
 */
import JSZip from 'jszip';
import { DocumentError } from '../core/errors';

export type OfficeKind = 'docx' | 'xlsx';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];

/** Limits against zip bombs: a real disclosure's largest part is a few MB. */
export const MAX_PART_BYTES = 200 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 500 * 1024 * 1024;

function startsWith(data: Uint8Array, magic: readonly number[]): boolean {
  return data.length >= magic.length && magic.every((b, i) => data[i] === b);
}

/** True if the UTF-16LE stream name occurs in the compound file (its directory is plain UTF-16). */
function containsUtf16(data: Uint8Array, name: string): boolean {
  const needle: number[] = [];
  for (const ch of name) needle.push(ch.charCodeAt(0), 0);
  const limit = data.length - needle.length;
  outer: for (let i = 0; i <= limit; i++) {
    for (let j = 0; j < needle.length; j++) if (data[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Rejects what is not a zip package with the most useful message: an encrypted document, an
 * Office 97-2003 file (with the "save as" advice), a PDF, or junk. A .xls/.doc name gets the
 * "save as" advice whatever it holds: systems also export HTML or RTF under those names, and
 * Excel/WPS/Word convert those the same way.
 */
function rejectNonZip(data: Uint8Array, expected: OfficeKind, ext: string): never {
  if (data.length === 0) throw new DocumentError('empty-file');
  if (startsWith(data, CFB_MAGIC)) {
    if (containsUtf16(data, 'EncryptedPackage')) throw new DocumentError('office-encrypted');
    if (containsUtf16(data, 'WordDocument')) throw new DocumentError('legacy-doc');
    if (containsUtf16(data, 'Workbook') || containsUtf16(data, 'Book')) throw new DocumentError('legacy-xls');
    throw new DocumentError(expected === 'xlsx' ? 'legacy-xls' : 'legacy-doc');
  }
  if (startsWith(data, PDF_MAGIC)) throw new DocumentError('not-office', 'PDF');
  if (ext === '.xls' || ext === '.et') throw new DocumentError('legacy-xls');
  if (ext === '.doc' || ext === '.wps') throw new DocumentError('legacy-doc');
  throw new DocumentError('not-office');
}

export interface OfficePackage {
  kind: OfficeKind;
  zip: JSZip;
}

/** JSZip keeps the central directory's sizes on an internal field; read it defensively. */
function uncompressedSize(file: JSZip.JSZipObject): number {
  const data = (file as unknown as { _data?: { uncompressedSize?: unknown } })._data;
  const size = data?.uncompressedSize;
  return typeof size === 'number' ? size : 0;
}

/**
 * Opens the package and decides DOCX or XLSX from its parts (not from the file name), so a
 * workbook saved with a .docx name still reads. `expected` and `ext` only pick the advice in errors.
 */
export async function openOfficePackage(data: Uint8Array, expected: OfficeKind, ext = ''): Promise<OfficePackage> {
  if (!startsWith(data, ZIP_MAGIC) && !startsWith(data, EMPTY_ZIP_MAGIC)) rejectNonZip(data, expected, ext);
  let zip: JSZip;
  try {
    // No CRC pass here: it would inflate every part before the size limits below are checked.
    // A damaged part still fails, when it is inflated or parsed.
    zip = await JSZip.loadAsync(data, { checkCRC32: false });
  } catch {
    // JSZip's own message ("Corrupted zip?") tells a clerk nothing the code does not.
    throw new DocumentError('office-damaged');
  }
  let total = 0;
  for (const file of Object.values(zip.files)) {
    const size = uncompressedSize(file);
    total += size;
    if (size > MAX_PART_BYTES || total > MAX_TOTAL_BYTES) throw new DocumentError('too-large', file.name);
  }
  if (zip.file('word/document.xml')) return { kind: 'docx', zip };
  if (zip.file('xl/workbook.xml')) return { kind: 'xlsx', zip };
  // Strict OOXML or unusual producers may rename the main part; the relationships say where it is.
  const main = await mainPartFromRels(zip);
  if (main?.startsWith('word/')) return { kind: 'docx', zip };
  if (main?.startsWith('xl/')) return { kind: 'xlsx', zip };
  throw new DocumentError('not-office');
}

/** The officeDocument target named in _rels/.rels, e.g. "word/document.xml". */
async function mainPartFromRels(zip: JSZip): Promise<string | undefined> {
  const rels = zip.file('_rels/.rels');
  if (!rels) return undefined;
  const text = await readPartText(zip, '_rels/.rels', rels);
  const m = /Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"|Target="\/?([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(text);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** Reads one part as text; a part that fails to inflate means the file is damaged. */
export async function readPartText(zip: JSZip, name: string, file = zip.file(name)): Promise<string> {
  if (!file) throw new DocumentError('not-office', name);
  try {
    return await file.async('string');
  } catch {
    throw new DocumentError('office-damaged', name);
  }
}
