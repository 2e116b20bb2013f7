/**
 * Compares an extracted table with its ground truth the way a reviewer would: header structure
 * (text and spans) must be identical; body cells are compared after aligning rows, so one missing
 * row costs that row, not every row after it.
 */
import type { GridRow, Table } from '../../src/core/model';
import type { TruthCell, TruthTable } from '../fixtures/truth';
import { cellText } from '../fixtures/truth';

export interface Structure {
  text: string;
  rowSpan: number;
  colSpan: number;
}

function truthStructure(cell: TruthCell): Structure | null {
  if (cell === null) return null;
  if (typeof cell === 'string') return { text: cell, rowSpan: 1, colSpan: 1 };
  return { text: cell.text, rowSpan: cell.rowSpan ?? 1, colSpan: cell.colSpan ?? 1 };
}

function extractedStructure(row: GridRow): (Structure | null)[] {
  return row.map((c) => (c ? { text: c.text, rowSpan: c.rowSpan, colSpan: c.colSpan } : null));
}

export function headerDiff(table: Table, truth: TruthTable): string[] {
  const diffs: string[] = [];
  const expected = truth.header.map((r) => r.map(truthStructure));
  const actual = table.header.map(extractedStructure);
  if (expected.length !== actual.length) diffs.push(`header rows: expected ${expected.length}, got ${actual.length}`);
  for (let r = 0; r < Math.max(expected.length, actual.length); r++) {
    const e = JSON.stringify(expected[r] ?? null);
    const a = JSON.stringify(actual[r] ?? null);
    if (e !== a) diffs.push(`header row ${r}:\n    expected ${e}\n    got      ${a}`);
  }
  return diffs;
}

export interface BodyScore {
  cells: number;
  correct: number;
  mismatches: string[];
}

function rowScore(truth: readonly TruthCell[], got: GridRow | undefined): number {
  if (!got) return 0;
  let n = 0;
  truth.forEach((cell, i) => {
    if (cell !== null && got[i] && got[i]!.text === cellText(cell)) n++;
  });
  return n;
}

/** Needleman–Wunsch over rows, scoring a pair by its equal cells. */
function alignRows(truth: readonly TruthCell[][], got: readonly GridRow[]): [number, number | null][] {
  const n = truth.length;
  const m = got.length;
  const score: number[][] = Array.from({ length: n + 1 }, () => Array<number>(m + 1).fill(0));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      score[i]![j] = Math.max(score[i - 1]![j]!, score[i]![j - 1]!, score[i - 1]![j - 1]! + rowScore(truth[i - 1]!, got[j - 1]));
    }
  }
  const pairs: [number, number | null][] = [];
  let i = n;
  let j = m;
  while (i > 0) {
    if (j > 0 && score[i]![j] === score[i - 1]![j - 1]! + rowScore(truth[i - 1]!, got[j - 1]) && rowScore(truth[i - 1]!, got[j - 1]) > 0) {
      pairs.push([i - 1, j - 1]);
      i--;
      j--;
    } else if (j > 0 && score[i]![j] === score[i]![j - 1]) {
      j--;
    } else {
      pairs.push([i - 1, null]);
      i--;
    }
  }
  return pairs.reverse();
}

export function bodyScore(table: Table, truth: TruthTable): BodyScore {
  const result: BodyScore = { cells: 0, correct: 0, mismatches: [] };
  for (const [ti, gi] of alignRows(truth.rows, table.rows)) {
    const expected = truth.rows[ti]!;
    const got = gi === null ? undefined : table.rows[gi];
    expected.forEach((cell, c) => {
      if (cell === null) return;
      result.cells++;
      const text = got?.[c]?.text;
      if (text === cellText(cell)) result.correct++;
      else result.mismatches.push(`row ${ti} col ${c}: expected ${JSON.stringify(cellText(cell))}, got ${JSON.stringify(text ?? null)}`);
    });
  }
  return result;
}
