/**
 * What reaches the Office reader that is not a readable DOCX/XLSX: each gets its own typed
 * error (the committed bad files are in office-fixtures.test.ts; these are built here).
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DocumentError } from '../core/errors';
import { extractOffice } from './index';

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A compound-file header followed by a directory entry name, as Office 97 and encrypted OOXML files have. */
function compoundFile(streamName: string): Uint8Array {
  const bytes = new Uint8Array(1024);
  bytes.set(CFB_MAGIC, 0);
  const name = Array.from(streamName).flatMap((ch) => [ch.charCodeAt(0), 0]);
  bytes.set(name, 512);
  return bytes;
}

async function codeOf(data: Uint8Array, ext: string): Promise<string> {
  const error = await extractOffice(data, ext, { path: `x${ext}`, sha256: '' }).then(
    () => 'no error',
    (e: unknown) => (e instanceof DocumentError ? e.code : `untyped: ${String(e)}`),
  );
  return error;
}

describe('files that are not readable DOCX/XLSX', () => {
  it.each([
    { what: 'a password-protected DOCX (EncryptedPackage)', bytes: compoundFile('EncryptedPackage'), ext: '.docx', code: 'office-encrypted' },
    { what: 'a password-protected XLSX', bytes: compoundFile('EncryptedPackage'), ext: '.xlsx', code: 'office-encrypted' },
    { what: 'a Word 97 document named .docx', bytes: compoundFile('WordDocument'), ext: '.docx', code: 'legacy-doc' },
    { what: 'a Word 97 document', bytes: compoundFile('WordDocument'), ext: '.doc', code: 'legacy-doc' },
    { what: 'an Excel 97 workbook named .xlsx', bytes: compoundFile('Workbook'), ext: '.xlsx', code: 'legacy-xls' },
    { what: 'RTF saved as .doc', bytes: new TextEncoder().encode('{\\rtf1\\ansi 预算}'), ext: '.doc', code: 'legacy-doc' },
    { what: 'a WPS 表格 .et workbook', bytes: compoundFile('Workbook'), ext: '.et', code: 'legacy-xls' },
    { what: 'a WPS 文字 .wps document', bytes: compoundFile('WordDocument'), ext: '.wps', code: 'legacy-doc' },
    { what: 'random bytes', bytes: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), ext: '.xlsx', code: 'not-office' },
    { what: 'a zip signature and nothing else', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), ext: '.docx', code: 'office-damaged' },
  ])('$what → $code', async ({ bytes, ext, code }) => {
    expect(await codeOf(bytes, ext)).toBe(code);
  });

  it('refuses a zip whose parts would inflate beyond the limit, before inflating them', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    // claim 2 GB uncompressed in the central directory entry (offset 24 of a PK\1\2 record)
    for (let i = 0; i + 4 < bytes.length; i++) {
      if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x01 && bytes[i + 3] === 0x02) {
        new DataView(bytes.buffer, bytes.byteOffset).setUint32(i + 24, 0x7fffffff, true);
      }
    }
    expect(await codeOf(bytes, '.docx')).toBe('too-large');
  });

  it('a workbook named .docx is read as a workbook (the content decides)', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表1');
    ws.addRow(['项目', '金额']);
    ws.addRow(['合计', 1.5]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const doc = await extractOffice(bytes, '.docx', { path: 'x.docx', sha256: '' });
    expect(doc.source.format).toBe('xlsx');
    expect(doc.tables[0]!.rows[0]![1]!.value).toBe(150);
  });
});
