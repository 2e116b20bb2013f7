/**
 * Speed of the proofreading checks on the largest document of the corpus (most tables), as the
 * renderer runs them: once when a document opens (cold), then after every cell edit (edit applied
 * with applyEdits, checks re-run). Target: < 100 ms for a 30-table document.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runChecks } from '../src/core/checks';
import { parseAmount } from '../src/core/money';
import type { ExtractedDocument } from '../src/core/model';
import { applyEdits } from '../src/core/review/edits';
import type { CellEdit } from '../src/core/review/model';
import { extractFile } from '../src/node/extract-file';

export interface ChecksBench {
  name: string;
  /** median of the edit-and-recheck runs (the number the UI feels) */
  ms: number;
  /** the first run in this process (JIT cold) */
  coldMs: number;
  p95Ms: number;
  runs: number;
  tables: number;
  findings: number;
  targetMs: number;
  /** same run: one pass over every cell parsing its amount (the least any checker must do) */
  baselineMs: number;
  ratio: number;
}

function corpus(): string[] {
  const dirs = [join(import.meta.dirname, '../tests/fixtures/pdf'), join(import.meta.dirname, '../../shared/real')];
  return dirs.filter(existsSync).flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.pdf')).map((f) => join(d, f)));
}

/** An edit of the first amount cell of a table (what a reviewer's correction looks like). */
function editFor(doc: ExtractedDocument, i: number): CellEdit[] {
  const table = doc.tables[i % doc.tables.length]!;
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r]!;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell && cell.value !== null && /\./.test(cell.text)) {
        return [
          {
            id: `bench-${i}`,
            fileHash: doc.source.sha256,
            cell: { tableId: table.id, row: r, col: c },
            anchor: { tableTitle: table.title ?? '', tableOccurrence: 0, rowLabel: '', rowOccurrence: 0, columnHeader: '' },
            before: cell.text,
            after: (cell.value / 100 + 1).toFixed(2),
            reviewer: 'bench',
            at: i,
            op: 'set',
          },
        ];
      }
    }
  }
  return [];
}

export async function benchChecks(runs = 40): Promise<ChecksBench> {
  let largest: { name: string; doc: ExtractedDocument } | null = null;
  for (const path of corpus()) {
    const doc = await extractFile(path);
    if (!largest || doc.tables.length > largest.doc.tables.length) largest = { name: path.split('/').pop()!, doc };
  }
  if (!largest) throw new Error('no PDF in the corpus');
  const { doc, name } = largest;
  let t = performance.now();
  const first = runChecks(doc);
  const coldMs = performance.now() - t;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const edited = applyEdits(doc, editFor(doc, i));
    t = performance.now();
    runChecks(edited);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const baselines: number[] = [];
  let sink = 0;
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    for (const table of doc.tables) for (const row of table.rows) for (const cell of row) if (cell) sink += parseAmount(cell.text) ?? 0;
    baselines.push(performance.now() - t);
  }
  if (Number.isNaN(sink)) throw new Error('unreachable');
  baselines.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const baselineMs = baselines[Math.floor(baselines.length / 2)]!;
  return {
    baselineMs,
    ratio: median / baselineMs,
    name,
    ms: median,
    coldMs,
    p95Ms: times[Math.floor(times.length * 0.95)]!,
    runs,
    tables: doc.tables.length,
    findings: first.findings.length,
    targetMs: 100,
  };
}
