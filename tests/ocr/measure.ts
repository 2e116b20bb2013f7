/**
 * Prints the OCR accuracy of every scanned fixture: `npx tsx tests/ocr/measure.ts [--dpi=N] [--verbose]`.
 * No cache: every page is read afresh.
 */
import { accuracy, extractScanned, loadManifest, scannedPdf, scoreDocument, truthTables } from './scanned';

const verbose = process.argv.includes('--verbose');
const dpiArg = process.argv.find((a) => a.startsWith('--dpi='));
const dpi = dpiArg ? Number(dpiArg.slice(6)) : undefined;
for (const f of loadManifest().fixtures.filter((x) => x.source)) {
  const t0 = performance.now();
  const doc = await extractScanned(scannedPdf(f.id), dpi ? { dpi } : {});
  const seconds = (performance.now() - t0) / 1000;
  const scores = scoreDocument(doc, truthTables(f));
  const cells = scores.reduce((n, s) => n + s.cells, 0);
  const correct = scores.reduce((n, s) => n + s.correct, 0);
  const unflagged = scores.flatMap((s) => s.unflaggedWrongAmounts);
  const flaggedRight = scores.reduce((n, s) => n + s.flaggedRight, 0);
  console.log(
    `${f.id.padEnd(38)} ${(accuracy(scores) * 100).toFixed(2).padStart(6)}%  ${correct}/${cells}  tables ${scores.filter((s) => s.found).length}/${scores.length}` +
      `  unflagged wrong amounts ${unflagged.length}  flagged-but-right ${flaggedRight}  ${seconds.toFixed(1)} s`,
  );
  if (verbose) {
    for (const s of scores) {
      if (!s.found) console.log(`   missing table: ${s.title}; got ${doc.tables.map((t) => t.title).join(' | ')}`);
      for (const m of s.mismatches) console.log(`   ${m}`);
      for (const m of s.unflaggedWrongAmounts) console.log(`   UNFLAGGED ${m}`);
    }
  }
}
