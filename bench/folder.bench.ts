/**
 * Whole-folder review of 500 files: copies of the real publications (../shared/real, else the
 * fixture corpus), each copy group renamed to another district so the copies form 62 departments
 * with their own 部门/单位 and year pairs, as a bureau's folder does. Measured: the cross-document
 * review from scratch, the re-check after one file changes (only its relations re-run), peak RSS;
 * baseline in the same run: the single-file checks of the same 500 documents (work the folder
 * view already does for every file).
 *
 * Parsing is not repeated for the copies: the app caches extractions by content hash, so 500 copies
 * of 8 files parse 8 times (bench/extraction.bench.ts measures parsing).
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { runChecks } from '../src/core/checks';
import { FolderReviewCache, reviewFolder } from '../src/core/folder/cross-checks';
import type { FolderDocument } from '../src/core/folder/model';
import type { ExtractedDocument } from '../src/core/model';
import { extractFile } from '../src/node/extract-file';

export interface FolderBench {
  files: number;
  distinct: number;
  relations: number;
  crossFindings: number;
  reviewMs: number;
  recheckMs: number;
  /** relation comparisons re-run by the re-check */
  recheckRuns: number;
  baselineMs: number;
  ratio: number;
  peakRssMb: number;
  /** RSS once the 500 extracted documents are in memory, before any check */
  documentsRssMb: number;
}

const TARGET_FILES = 500;

function sources(): string[] {
  const real = join(import.meta.dirname, '../../shared/real');
  if (existsSync(real)) return readdirSync(real).filter((f) => f.endsWith('.pdf')).map((f) => join(real, f));
  const dir = join(import.meta.dirname, '../tests/fixtures/pdf');
  return readdirSync(dir).filter((f) => /^\d{3}-chromium\.pdf$/.test(f)).map((f) => join(dir, f));
}

/** A copy of `doc` published by district `g`: every 普陀区 (or 示范区) in its text renamed. */
function renamed(doc: ExtractedDocument, g: number): ExtractedDocument {
  const json = JSON.stringify(doc).replace(/普陀区|示范区/g, `第${g}区`);
  const copy = JSON.parse(json) as ExtractedDocument;
  copy.source.sha256 = `${doc.source.sha256.slice(0, 56)}${g.toString(16).padStart(8, '0')}`;
  return copy;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function benchFolder(): Promise<FolderBench> {
  const files = sources();
  const originals = await Promise.all(files.map(async (f) => ({ name: basename(f), doc: await extractFile(f) })));
  let peak = process.memoryUsage().rss;
  const sample = (): void => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const documents: FolderDocument[] = [];
  for (let g = 0; documents.length < TARGET_FILES; g++) {
    for (const o of originals) {
      if (documents.length >= TARGET_FILES) break;
      documents.push({ file: o.name.replace(/普陀区|示范区/g, `第${g}区`).replace(/\.pdf$/, `-${g}.pdf`), doc: renamed(o.doc, g), modifiedAt: g });
    }
    sample();
  }

  global.gc?.();
  const documentsRss = process.memoryUsage().rss;
  const baselineRuns: number[] = [];
  for (let i = 0; i < 2; i++) {
    const t = performance.now();
    for (const d of documents) runChecks(d.doc!);
    baselineRuns.push(performance.now() - t);
    sample();
  }

  const cache = new FolderReviewCache();
  const t0 = performance.now();
  const review = reviewFolder(documents, { cache });
  const reviewMs = performance.now() - t0;
  sample();

  // one file changes (a new content hash): only its relations re-run
  const recheck: number[] = [];
  let recheckRuns = 0;
  for (let i = 0; i < 5; i++) {
    const k = 3 + i * 17;
    const changed = structuredClone(documents[k]!.doc!);
    changed.source.sha256 = `${changed.source.sha256.slice(0, 60)}${i.toString(16).padStart(4, '0')}`;
    documents[k] = { ...documents[k]!, doc: changed };
    const t = performance.now();
    reviewFolder(documents, { cache });
    recheck.push(performance.now() - t);
    recheckRuns = cache.ranLastTime;
    sample();
  }

  const baselineMs = median(baselineRuns);
  return {
    files: documents.length,
    distinct: originals.length,
    relations: review.relations.length,
    crossFindings: review.findings.length,
    reviewMs,
    recheckMs: median(recheck),
    recheckRuns,
    baselineMs,
    ratio: reviewMs / baselineMs,
    peakRssMb: peak / 1024 / 1024,
    documentsRssMb: documentsRss / 1024 / 1024,
  };
}

if (process.argv[1] && basename(process.argv[1]).startsWith('folder.bench')) {
  const r = await benchFolder();
  console.log(r);
}
