/**
 * Pages read by OCR: an uncertain cell is a warning at that cell (the next-finding key visits it),
 * and an arithmetic error resting on it is only a warning until the clerk has checked the cell.
 */
import { describe, expect, it } from 'vitest';
import { doc } from '../../../../tests/helpers/doc-builder';
import type { ExtractedDocument } from '../../model';
import { runChecks } from '../index';

const HEADER = [['项目', '合计', '基本支出', '项目支出']];

/** A small 支出表 read by OCR; `rows` as printed (the OCR's reading). */
function ocrDoc(rows: string[][], flagged: [number, number][] = []): ExtractedDocument {
  const d = doc([{ title: '2025年部门支出预算表', header: HEADER, rows }]);
  d.source.ocr = { pages: [1], engine: 'test', dpi: 200, problems: [] };
  d.tables[0]!.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell) return;
      const doubt = flagged.some(([fr, fc]) => fr === r && fc === c);
      cell.source = doubt ? { kind: 'ocr', confidence: 0.41, flagged: true, reasons: ['ambiguous-character'] } : { kind: 'ocr', confidence: 0.99 };
    }),
  );
  return d;
}

const consistent = [
  ['合计', '150.00', '100.00', '50.00'],
  ['行政运行', '100.00', '100.00', '0.00'],
  ['信息化建设', '50.00', '0.00', '50.00'],
];

describe('OCR-uncertain cells', () => {
  it('must stay silent: every cell read with confidence, figures consistent', () => {
    const r = runChecks(ocrDoc(consistent));
    expect(r.findings.filter((f) => f.rule === 'completeness.ocr-uncertain')).toEqual([]);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.coverage.find((c) => c.rule === 'completeness.ocr-uncertain')?.outcome).toBe('passed');
  });

  it('a flagged cell is one warning at that cell, with what made it uncertain', () => {
    const r = runChecks(ocrDoc(consistent, [[2, 1]]));
    const w = r.findings.filter((f) => f.rule === 'completeness.ocr-uncertain');
    expect(w).toHaveLength(1);
    expect(w[0]!.severity).toBe('warning');
    expect(w[0]!.cells).toEqual([{ table: 't1', row: 2, col: 1 }]);
    expect(w[0]!.message).toContain('“50.00”');
    expect(w[0]!.message).toContain('易混字符');
  });

  it('a sum that fails because of a flagged cell is a warning, not an error', () => {
    // the OCR read 50.00 as 30.00 and flagged it
    const misread = [consistent[0]!, consistent[1]!, ['信息化建设', '30.00', '0.00', '50.00']];
    const r = runChecks(ocrDoc(misread, [[2, 1]]));
    const sums = r.findings.filter((f) => f.rule.startsWith('in-table.') && f.cells.some((c) => c.row === 2 && c.col === 1));
    expect(sums.length).toBeGreaterThan(0);
    for (const f of sums) {
      expect(f.severity).toBe('warning');
      expect(f.message).toContain('OCR 识别不确定');
    }
  });

  it('the same slip on a cell read with confidence stays an error', () => {
    const slip = [consistent[0]!, consistent[1]!, ['信息化建设', '30.00', '0.00', '50.00']];
    const r = runChecks(ocrDoc(slip));
    expect(r.findings.some((f) => f.severity === 'error' && f.rule.startsWith('in-table.'))).toBe(true);
  });

  it('a PDF with a text layer: the rule says it did not run', () => {
    const r = runChecks(doc([{ title: '2025年部门支出预算表', header: HEADER, rows: consistent }]));
    expect(r.coverage.find((c) => c.rule === 'completeness.ocr-uncertain')).toMatchObject({ outcome: 'not-run', reason: '没有由 OCR 识别的页面' });
  });
});
