/**
 * Export speed: the corrected workbook of a 30-table document (seed 004, 保定市莲池区医疗保障局
 * 2025 budget: department and 本级 tables) with a busy review: 100 edits, 40 annotations, 60
 * findings. Bar: < 1 s. Median of 5 runs after a warm-up.
 */
import { loadContent } from '../tests/fixtures/truth';
import type { Finding } from '../src/core/checks/model';
import type { Annotation, CellEdit, DocumentReview } from '../src/core/review/model';
import { documentFromSpecs } from '../src/export/testing/document-builder';
import ExcelJS from 'exceljs';
import { buildWorkbook, type WorkbookInput } from '../src/export/workbook';

const HASH = '0'.repeat(64);

function input(): WorkbookInput {
  const content = loadContent('content/004.json');
  const document = documentFromSpecs(content.tables, { path: '004.pdf', sha256: HASH }, content.narrative);
  // every amount cell, in table order: the review touches a spread of them
  const amounts = document.tables.flatMap((t) =>
    t.rows.flatMap((row, r) => row.flatMap((cell, c) => (cell && cell.value !== null && cell.text.includes('.') ? [{ t, r, c, cell }] : []))),
  );
  const pick = (n: number, k: number): (typeof amounts)[number] => amounts[Math.floor((k * amounts.length) / n)]!;
  const anchor = { tableTitle: '', tableOccurrence: 0, rowLabel: '', rowOccurrence: 0, columnHeader: '' };
  const edits: CellEdit[] = Array.from({ length: 100 }, (_, k) => {
    const { t, r, c, cell } = pick(100, k);
    return { id: `e${k}`, fileHash: HASH, cell: { tableId: t.id, row: r, col: c }, anchor, before: cell.text, after: '1.00', reviewer: '张三', at: 1_700_000_000_000 + k * 1000, op: 'set' };
  });
  const annotations: Annotation[] = Array.from({ length: 40 }, (_, k) => {
    const { t, r, c } = pick(40, k);
    return {
      id: `a${k}`,
      fileHash: HASH,
      target: { kind: 'cell', cell: { tableId: t.id, row: r, col: c }, anchor },
      text: '请核实该数与明细合计是否一致',
      category: 'data-error',
      status: 'open',
      author: '李四',
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
      replies: [{ id: `r${k}`, author: '张三', text: '已核实', at: 1_700_000_100_000 }],
    };
  });
  const findings: Finding[] = Array.from({ length: 60 }, (_, k) => {
    const { t, r, c } = pick(60, k);
    return { id: `f${k}`, rule: 'in-table.sum', kind: 'in-table', severity: 'warning', message: '合计与明细之和不符', cells: [{ table: t.id, row: r, col: c }], narrative: [], expected: '1.00', actual: '1.01', difference: '0.01' };
  });
  const review: DocumentReview = { fileHash: HASH, fileName: '004.pdf', edits, annotations, decisions: [], reviewedTables: [] };
  return { document, review, findings, toolVersion: 'bench', exportedAt: new Date() };
}

/** Baseline: exceljs writing the same cells as bare values, one sheet per table (no styles, merges, notes or extra sheets). */
async function plainWorkbook(data: WorkbookInput): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  data.document.tables.forEach((t, i) => {
    const sheet = workbook.addWorksheet(`t${i + 1}`);
    for (const row of [...t.header, ...t.rows]) sheet.addRow(row.map((c) => (c ? (c.value !== null ? c.value / 100 : c.text) : null)));
  });
  await workbook.xlsx.writeBuffer();
}

async function median(rounds: number, run: () => Promise<void>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

export async function benchExport(rounds = 5): Promise<{ name: string; ms: number; baselineMs: number; ratio: number }> {
  const data = input();
  const ms = await median(rounds, async () => void (await buildWorkbook(data)));
  const baselineMs = await median(rounds, () => plainWorkbook(data));
  const cells = data.document.tables.reduce((n, t) => n + t.rows.length * t.columnCount, 0);
  return {
    name: `export: ${data.document.tables.length} tables, ${cells} body cells, 100 edits, 40 annotations, 60 findings (bar < 1000 ms)`,
    ms: Math.round(ms),
    baselineMs: Math.round(baselineMs),
    ratio: ms / baselineMs,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchExport());
