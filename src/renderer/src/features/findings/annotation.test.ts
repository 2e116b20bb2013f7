import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../core/checks/model';
import { testDocument } from '../../review/test-document';
import { annotationInput, categoryOf } from './annotation';

const base: Omit<Finding, 'id' | 'kind' | 'cells' | 'narrative'> = { rule: 'r', severity: 'error', message: '合计 698.93 ≠ 625.94 + 72.98 = 698.92', expected: '698.92', actual: '698.93', difference: '0.01' };

describe('the annotation of a confirmed finding', () => {
  const doc = { ...testDocument('hash-a'), narrative: [{ page: 1, bbox: [0, 0, 10, 10] as [number, number, number, number], text: '本年支出合计698.93万元。' }] };

  it('points at the finding’s first cell, anchored by table, row and column names', () => {
    const finding: Finding = { ...base, id: 'f1', kind: 'in-table', cells: [{ table: 't1', row: 3, col: 2 }, { table: 't1', row: 3, col: 3 }], narrative: [{ block: 0, start: 6, end: 12 }] };
    const input = annotationInput(doc, finding)!;
    expect(input).toMatchObject({ fileHash: 'hash-a', text: finding.message, category: 'data-error', findingId: 'f1' });
    expect(input.target).toMatchObject({ kind: 'cell', cell: { tableId: 't1', row: 3, col: 2 }, anchor: { tableTitle: '部门支出预算表', rowLabel: '合计', columnHeader: '合计' } });
  });

  it('points at the quoted words when the finding has no cell', () => {
    const finding: Finding = { ...base, id: 'f2', kind: 'naming', cells: [], narrative: [{ block: 0, start: 0, end: 6 }] };
    expect(annotationInput(doc, finding)?.target).toEqual({ kind: 'narrative', block: 0, start: 0, end: 6, quote: '本年支出合计' });
    expect(categoryOf(finding)).toBe('text-error');
  });

  it('has nothing to point at for a missing table', () => {
    expect(annotationInput(doc, { ...base, id: 'f3', kind: 'completeness', cells: [], narrative: [] })).toBeNull();
  });
});
