/** `npm run bench`: every benchmark, each reported against a baseline measured in the same run. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchExtraction } from './extraction.bench';

function fmt(n: number, digits = 1): string {
  return n.toFixed(digits);
}

async function optional(file: string, fn: string): Promise<void> {
  const path = join(import.meta.dirname, file);
  if (!existsSync(path)) return;
  const mod = (await import(pathToFileURL(path).href)) as Record<string, () => Promise<unknown>>;
  const run = mod[fn];
  if (run) console.log(`${file}:`, await run());
}

async function main(): Promise<void> {
  const e = await benchExtraction();
  console.log(
    `extraction: ${e.files} files, ${e.pages} pages | bare pdf.js ${fmt(e.bareMs, 0)} ms (${fmt(e.barePagesPerSecond)} pages/s) | ` +
      `extraction ${fmt(e.extractMs, 0)} ms (${fmt(e.pagesPerSecond)} pages/s) | ratio ${fmt(e.ratio, 2)} (target ≤ 1.5) | peak RSS ${fmt(e.peakRssMb, 0)} MB`,
  );
  await optional('checks.bench.ts', 'benchChecks');
  await optional('export.bench.ts', 'benchExport');
}

await main();
