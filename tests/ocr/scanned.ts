/**
 * The scanned fixtures (tests/fixtures/scanned/manifest.json) and how an OCR extraction of one is
 * scored against the truth of the page it was scanned from: each truth table matched by title,
 * body cells compared after row alignment (tests/extraction/compare.ts), and every amount that
 * was read wrong checked for a flag.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAmount } from '../../src/core/money';
import type { ExtractedDocument, Table } from '../../src/core/model';
import { extractFile } from '../../src/node/extract-file';
import type { OcrOptions } from '../../src/node/ocr-engine';
import { bodyScore } from '../extraction/compare';
import type { TruthTable } from '../fixtures/truth';
import type { ScannedFixture } from '../fixtures/generate/scanned';
import { FIXTURES_DIR, cellText, loadFixtures } from '../fixtures/truth';

export const SCANNED_DIR = join(FIXTURES_DIR, 'scanned');

/** as the generator writes them into the manifest */
export type { ScannedFixture };

export interface Manifest {
  fixtures: ScannedFixture[];
  bad: string[];
}

export function loadManifest(): Manifest {
  return JSON.parse(readFileSync(join(SCANNED_DIR, 'manifest.json'), 'utf8')) as Manifest;
}

export function scannedPdf(id: string): string {
  return join(SCANNED_DIR, id.endsWith('.pdf') ? id : `${id}.pdf`);
}

/** The truth tables a scanned fixture shows. */
export function truthTables(f: ScannedFixture): TruthTable[] {
  const truth = loadFixtures().find((t) => t.id === f.source);
  if (!truth) throw new Error(`no truth for ${f.source}`);
  return f.tables.map((i) => truth.tables[i]!);
}

export interface TableScore {
  title: string;
  found: boolean;
  cells: number;
  correct: number;
  mismatches: string[];
  /** amounts read wrong without a flag on their cell */
  unflaggedWrongAmounts: string[];
  /** cells flagged although read right (the clerk's extra work) */
  flaggedRight: number;
}

/** Body cells whose truth is an amount and whose OCR text differs must carry a flag. */
function unflaggedWrong(table: Table, truth: TruthTable): { unflagged: string[]; flaggedRight: number } {
  const unflagged: string[] = [];
  let flaggedRight = 0;
  const score = bodyScore(table, truth);
  const wrong = new Set(score.mismatches.map((m) => /^row (\d+) col (\d+)/.exec(m)!.slice(1).join(',')));
  // the extracted row each truth row was aligned with (the same pairing as bodyScore's)
  const rows = alignedRows(table, truth);
  truth.rows.forEach((row, ti) => {
    row.forEach((cell, c) => {
      if (cell === null) return;
      const expected = cellText(cell);
      const got = rows[ti] === null ? undefined : table.rows[rows[ti]!]?.[c];
      const isWrong = wrong.has(`${ti},${c}`);
      if (!isWrong) {
        if (got?.source?.kind === 'ocr' && got.source.flagged) flaggedRight++;
        return;
      }
      if (parseAmount(expected) === null) return;
      // a missing cell (row not found) is not a wrong amount passed on: there is nothing to trust
      if (!got || !got.text) return;
      if (!(got.source?.kind === 'ocr' && got.source.flagged)) unflagged.push(`row ${ti} col ${c}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got.text)} (confidence ${got.source?.kind === 'ocr' ? got.source.confidence : '?'})`);
    });
  });
  return { unflagged, flaggedRight };
}

/** Same row alignment as tests/extraction/compare.ts (Needleman–Wunsch on equal cells). */
function alignedRows(table: Table, truth: TruthTable): (number | null)[] {
  const eq = (ti: number, gi: number): number =>
    truth.rows[ti]!.reduce<number>((n, cell, i) => n + (cell !== null && table.rows[gi]?.[i]?.text === cellText(cell) ? 1 : 0), 0);
  const n = truth.rows.length;
  const m = table.rows.length;
  const s: number[][] = Array.from({ length: n + 1 }, () => Array<number>(m + 1).fill(0));
  for (let i = 1; i <= n; i++) for (let j = 1; j <= m; j++) s[i]![j] = Math.max(s[i - 1]![j]!, s[i]![j - 1]!, s[i - 1]![j - 1]! + eq(i - 1, j - 1));
  const out: (number | null)[] = Array<number | null>(n).fill(null);
  let i = n;
  let j = m;
  while (i > 0) {
    if (j > 0 && s[i]![j] === s[i - 1]![j - 1]! + eq(i - 1, j - 1) && eq(i - 1, j - 1) > 0) {
      out[i - 1] = j - 1;
      i--;
      j--;
    } else if (j > 0 && s[i]![j] === s[i]![j - 1]) j--;
    else i--;
  }
  return out;
}

export function scoreDocument(doc: ExtractedDocument, truths: readonly TruthTable[]): TableScore[] {
  return truths.map((truth) => {
    const table = doc.tables.find((t) => t.title === truth.title);
    if (!table) return { title: truth.title, found: false, cells: truth.rows.flat().filter((c) => c !== null).length, correct: 0, mismatches: [], unflaggedWrongAmounts: [], flaggedRight: 0 };
    const s = bodyScore(table, truth);
    const u = unflaggedWrong(table, truth);
    return { title: truth.title, found: true, cells: s.cells, correct: s.correct, mismatches: s.mismatches, unflaggedWrongAmounts: u.unflagged, flaggedRight: u.flaggedRight };
  });
}

export function accuracy(scores: readonly TableScore[]): number {
  const cells = scores.reduce((n, s) => n + s.cells, 0);
  return cells ? scores.reduce((n, s) => n + s.correct, 0) / cells : 0;
}

/** Extraction with OCR, as the CLI does it (src/cli/commands/extract.ts). */
export function extractScanned(path: string, ocr: OcrOptions = {}): Promise<ExtractedDocument> {
  return extractFile(path, { ocr });
}
