/**
 * A small, valid PDF writer for the fault-injection tests: N pages of Helvetica text with ruled
 * table lines, an image-only "scanned" page, or an /Encrypt dictionary whose password nobody
 * knows. Offsets in the xref table are exact, so pdf.js opens the files without repairing them.
 */

export interface MinimalPdfOptions {
  pages: number;
  /** text lines of page i (0-based); ASCII only (Helvetica, WinAnsi) */
  lines?: (page: number) => string[];
  /** pages carry only an image, no text (what a scanner produces) */
  scanned?: boolean;
  /** adds a standard security handler with an unknown user password */
  encrypted?: boolean;
}

function escapeText(s: string): string {
  return s.replace(/[\\()]/g, (c) => `\\${c}`);
}

function pageContent(lines: string[], scanned: boolean): string {
  if (scanned) return 'q 500 0 0 700 50 70 cm /Im1 Do Q\n';
  const ops: string[] = ['0.75 w'];
  // a ruled grid like a budget table: 5 horizontal and 3 vertical lines
  for (let r = 0; r < 5; r++) ops.push(`50 ${700 - r * 20} m 550 ${700 - r * 20} l S`);
  for (const x of [50, 300, 550]) ops.push(`${x} 700 m ${x} 620 l S`);
  ops.push('BT /F1 10 Tf');
  lines.forEach((line, i) => ops.push(`1 0 0 1 60 ${686 - i * 20} Tm (${escapeText(line)}) Tj`));
  ops.push('ET');
  return ops.join('\n') + '\n';
}

/** Builds the PDF bytes. Objects: 1 catalog, 2 pages, 3 font, 4 image, then (page, content) pairs. */
export function buildMinimalPdf(options: MinimalPdfOptions): Uint8Array {
  const { pages, scanned = false, encrypted = false } = options;
  const linesOf = options.lines ?? ((i: number) => [`Page ${i + 1}`, 'Item  Amount', 'Total  2,006.90']);
  const objects: string[] = [];
  const pageIds: number[] = [];
  const firstPageId = 5;
  for (let i = 0; i < pages; i++) pageIds.push(firstPageId + i * 2);

  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Count ${pages} /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  // 8x8 grey image: the "scan"
  const image = '80'.repeat(64);
  objects[4] = `<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /ASCIIHexDecode /Length ${image.length + 1} >>\nstream\n${image}>\nendstream`;
  for (let i = 0; i < pages; i++) {
    const content = pageContent(linesOf(i), scanned);
    const pageId = pageIds[i]!;
    objects[pageId] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> /Contents ${pageId + 1} 0 R >>`;
    objects[pageId + 1] = `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`;
  }
  let encryptId: number | null = null;
  if (encrypted) {
    encryptId = objects.length;
    const hex = (seed: number): string => Array.from({ length: 32 }, (_, k) => ((k * 37 + seed) & 0xff).toString(16).padStart(2, '0')).join('');
    objects[encryptId] = `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${hex(7)}> /U <${hex(11)}> >>`;
  }

  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, 'latin1');
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xrefAt = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  const encryptRef = encryptId === null ? '' : ` /Encrypt ${encryptId} 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R${encryptRef} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
