import { describe, expect, it } from 'vitest';
import type { Finding, Severity } from '../../../../core/checks/model';
import type { FindingDecision } from '../../../../core/review/model';
import { expenditureTable } from '../../review/test-document';
import { printedRows } from '../grid/grid-rows';
import { findingViews } from './findings-view';
import { cellTints, withTints } from './tints';

function finding(id: string, severity: Severity, cells: [number, number][], table = 't1'): Finding {
  return { id, rule: 'r', kind: 'in-table', severity, message: `${id} 的说明`, cells: cells.map(([row, col]) => ({ table, row, col })), narrative: [], expected: null, actual: null, difference: null };
}

describe('cell tints', () => {
  const findings = [finding('note', 'note', [[0, 2], [0, 3]]), finding('error', 'error', [[0, 2], [1, 2]]), finding('other', 'warning', [[0, 0]], 't2'), finding('gone', 'error', [[3, 5]])];
  const dismissed: FindingDecision = { fileHash: 'h', findingId: 'gone', decision: 'dismissed', reason: '误报', by: '', at: 1 };
  const tints = cellTints(findingViews(findings, new Map([['gone', dismissed]])));

  it('tints a cell by its most severe open finding and lists every message', () => {
    expect(tints.get('t1')?.get('0:2')).toEqual({ severity: 'error', messages: ['note 的说明', 'error 的说明'] });
    expect(tints.get('t1')?.get('0:3')).toEqual({ severity: 'note', messages: ['note 的说明'] });
    expect(tints.get('t2')?.get('0:0')?.severity).toBe('warning');
  });

  it('leaves cells of decided findings alone', () => {
    expect(tints.get('t1')?.has('3:5')).toBe(false);
  });

  it('sets tints on the grid rows and keeps the identity of untouched rows', () => {
    const rows = printedRows(expenditureTable());
    const tinted = withTints(rows, tints.get('t1'));
    expect(tinted[0]).not.toBe(rows[0]);
    expect(tinted[0]!.cells[2]?.finding?.severity).toBe('error');
    expect(tinted[0]!.cells[1]?.finding).toBeUndefined();
    expect(tinted[2]).toBe(rows[2]);
    expect(withTints(rows, undefined)).toBe(rows);
  });
});
