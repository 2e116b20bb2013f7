/** `npm run bench`: every benchmark, each reported against a baseline measured in the same run. */
import { benchChecks } from './checks.bench';
import { benchExport } from './export.bench';
import { benchExtraction } from './extraction.bench';
import { benchFolder } from './folder.bench';
import { benchOcr } from './ocr.bench';
import { benchSync } from './sync.bench';

function fmt(n: number, digits = 1): string {
  return n.toFixed(digits);
}

async function main(): Promise<void> {
  const e = await benchExtraction();
  console.log(
    `extraction: ${e.files} files, ${e.pages} pages | bare pdf.js ${fmt(e.bareMs, 0)} ms (${fmt(e.barePagesPerSecond)} pages/s) | ` +
      `extraction ${fmt(e.extractMs, 0)} ms (${fmt(e.pagesPerSecond)} pages/s) | ratio ${fmt(e.ratio, 2)} (target ≤ 1.5) | peak RSS ${fmt(e.peakRssMb, 0)} MB`,
  );
  const checks = await benchChecks();
  console.log(
    `checks: ${checks.name}, ${checks.tables} tables, ${checks.findings} findings | after an edit ${fmt(checks.ms)} ms median, p95 ${fmt(checks.p95Ms)} ms, cold ${fmt(checks.coldMs)} ms (target < ${checks.targetMs} ms) | ` +
      `baseline (parse every cell once) ${fmt(checks.baselineMs, 2)} ms, ratio ${fmt(checks.ratio)}`,
  );
  const exp = await benchExport();
  console.log(`${exp.name}: ${exp.ms} ms | baseline (exceljs, bare values) ${exp.baselineMs} ms, ratio ${fmt(exp.ratio, 2)}`);
  const ocr = await benchOcr();
  console.log(
    `ocr: ${ocr.fixture}, 1 A4 page at ${ocr.dpi} dpi, ${ocr.lines} lines, ${ocr.cores} cores | text-layer parse of the source page ${fmt(ocr.textSeconds, 2)} s/page | ` +
      `OCR ${fmt(ocr.ocrSeconds, 2)} s/page (target ≤ ${ocr.targetSeconds} s; render + analysis ${fmt(ocr.renderAnalyseSeconds, 2)} s), cold ${fmt(ocr.coldSeconds, 2)} s | ratio ${fmt(ocr.ratio)} | peak RSS ${fmt(ocr.peakRssMb, 0)} MB (${fmt(ocr.baseRssMb, 0)} MB before the model)`,
  );
  const folder = await benchFolder();
  console.log(
    `folder: ${folder.files} files (${folder.distinct} publications copied as districts), ${folder.relations} relations, ${folder.crossFindings} cross-document findings | ` +
      `review from scratch ${fmt(folder.reviewMs, 0)} ms, re-check after one file changes ${fmt(folder.recheckMs, 0)} ms (${folder.recheckRuns} relation re-run) | ` +
      `baseline (single-file checks of the same files) ${fmt(folder.baselineMs, 0)} ms, ratio ${fmt(folder.ratio, 2)} | RSS ${fmt(folder.documentsRssMb, 0)} MB with the documents loaded, peak ${fmt(folder.peakRssMb, 0)} MB`,
  );
  const sync = await benchSync();
  console.log(
    `sync: ${sync.edits} edits through a CouchDB-protocol server | push ${fmt(sync.pushMs, 0)} ms, initial sync to a fresh replica ${fmt(sync.initialSyncMs, 0)} ms | ` +
      `one edit to the other desk ${fmt(sync.latencyMs, 0)} ms median, p95 ${fmt(sync.latencyP95Ms, 0)} ms | baseline (writing the edits locally) ${fmt(sync.baselineMs, 0)} ms, ratio ${fmt(sync.ratio, 2)}`,
  );
}

await main();
