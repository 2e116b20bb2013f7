/**
 * PP-OCRv4 against Tesseract on the same line images: `npx tsx tests/ocr/compare-tesseract.ts`
 * (needs `tesseract` with chi_sim on PATH, e.g. Debian's tesseract-ocr + tesseract-ocr-chi-sim;
 * not a dependency of the project — only this measurement for docs/ocr.md uses it). Every scanned
 * fixture page is rendered at 200 dpi and analysed once (src/ocr/raster-grid.ts); each line crop
 * is read by both recognisers (Tesseract in one batch process, --psm 7, one line per image); both
 * results go through the same layout and are scored against the truth. Times are recognition only.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleDocument } from '../../src/core/pdf/assemble';
import { layoutPage } from '../../src/core/pdf/layout';
import type { Matrix } from '../../src/core/pdf/geometry';
import type { ExtractedDocument } from '../../src/core/model';
import { lineImage, renderPage, sharedRecognizer } from '../../src/node/ocr-pages';
import { loadPdfjsForNode } from '../../src/node/pdfjs-node';
import type { OcrLine, OcrPageResult } from '../../src/ocr/page-content';
import { cleanOcrText, ocrPageContent, pixelBoxToPoints, pixelRulingsToPoints } from '../../src/ocr/page-content';
import type { GrayImage } from '../../src/ocr/raster-grid';
import { analysePage } from '../../src/ocr/raster-grid';
import { accuracy, loadManifest, scannedPdf, scoreDocument, truthTables } from './scanned';

const DPI = 200;
const dir = mkdtempSync(join(tmpdir(), 'tess-'));

function pgm(img: GrayImage): Buffer {
  return Buffer.concat([Buffer.from(`P5\n${img.width} ${img.height}\n255\n`), Buffer.from(img.data)]);
}

function asDoc(r: OcrPageResult): ExtractedDocument {
  const { tables, narrative } = assembleDocument([layoutPage(ocrPageContent(r))]);
  return { tables, narrative } as unknown as ExtractedDocument;
}

const rec = await sharedRecognizer();
const { pdfjs, params } = await loadPdfjsForNode();
const totals = { paddle: 0, tess: 0 };
for (const f of loadManifest().fixtures.filter((x) => x.source)) {
  const doc = await pdfjs.getDocument({ ...params, data: new Uint8Array((await import('node:fs')).readFileSync(scannedPdf(f.id))) }).promise;
  const page = await doc.getPage(1);
  const scale = DPI / 72;
  const rendered = await renderPage(page, scale, page.rotate);
  const raster = analysePage(rendered.rgba, rendered.width, rendered.height, scale);
  const crops = raster.lines.map((l) => lineImage(raster, l));
  const base = { pageNumber: 1, width: rendered.size[0], height: rendered.size[1], userToReading: rendered.userToReading as Matrix, rulings: pixelRulingsToPoints(raster.rulings, raster.scale), skew: raster.skew, dpi: DPI, seconds: 0 };
  const toLine = (text: string, i: number): OcrLine | null => {
    const t = cleanOcrText(text);
    const l = raster.lines[i]!;
    return t ? { text: t, probs: Array.from(t).map(() => 1), box: pixelBoxToPoints(l, raster.scale), cell: l.cell } : null;
  };
  let t = performance.now();
  const paddle: string[] = [];
  for (const c of crops) paddle.push((await rec.recognize(c)).text);
  const paddleS = (performance.now() - t) / 1000;
  const files = crops.map((c, i) => {
    const p = join(dir, `${f.id}-${i}.pgm`);
    writeFileSync(p, pgm(c));
    return p;
  });
  writeFileSync(join(dir, `${f.id}.txt`), `${files.join('\n')}\n`);
  t = performance.now();
  const out = execFileSync('tesseract', [join(dir, `${f.id}.txt`), 'stdout', '-l', 'chi_sim', '--psm', '7'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 26 });
  const tessS = (performance.now() - t) / 1000;
  const tess = out.split('\f').map((s) => s.trim());
  const score = (texts: string[]): number => accuracy(scoreDocument(asDoc({ ...base, lines: texts.map(toLine).filter((l): l is OcrLine => l !== null) }), truthTables(f)));
  const a = score(paddle);
  const b = score(crops.map((_, i) => tess[i] ?? ''));
  const sameLines = crops.filter((_, i) => cleanOcrText(paddle[i]!) === cleanOcrText(tess[i] ?? '')).length;
  totals.paddle += paddleS;
  totals.tess += tessS;
  console.log(
    `${f.id.padEnd(38)} ${crops.length} lines | PP-OCRv4 ${(a * 100).toFixed(2)} % cells, ${paddleS.toFixed(2)} s | Tesseract 5 chi_sim ${(b * 100).toFixed(2)} % cells, ${tessS.toFixed(2)} s | lines read alike ${sameLines}/${crops.length}`,
  );
  if (process.argv.includes('--verbose')) crops.forEach((_, i) => paddle[i] !== tess[i] && console.log(`   ${JSON.stringify(paddle[i])} | ${JSON.stringify(tess[i])}`));
  await doc.destroy();
}
console.log(`recognition time: PP-OCRv4 ${totals.paddle.toFixed(1)} s, Tesseract ${totals.tess.toFixed(1)} s`);
