import { describe, expect, it } from 'vitest';
import { doc } from '../../../tests/helpers/doc-builder';
import { sampleBudget } from '../../../tests/helpers/sample-budget';
import { applyEdits } from '../review/edits';
import type { CellEdit } from '../review/model';
import { runChecks } from './index';

function edit(tableId: string, row: number, col: number, before: string, after: string, at = 1): CellEdit {
  return {
    id: `e${at}`,
    fileHash: 'test',
    cell: { tableId, row, col },
    anchor: { tableTitle: '', tableOccurrence: 0, rowLabel: '', rowOccurrence: 0, columnHeader: '' },
    before,
    after,
    reviewer: 'test',
    at,
    op: 'set',
  };
}

describe('runChecks', () => {
  it('lists every rule in the coverage, and a rule that could not run is never shown as passed', () => {
    const r = runChecks(doc([]));
    expect(r.findings).toEqual([]);
    expect(r.coverage.length).toBeGreaterThan(30);
    for (const c of r.coverage) {
      expect(c.outcome).toBe('not-run');
      expect(c.reason).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('sorts findings errors first', () => {
    const r = runChecks(sampleBudget({ cells: [[1, 0, 4, '151.00'], [3, 0, 2, '100.01']] }));
    const order = r.findings.map((f) => f.severity);
    expect(order).toEqual([...order].sort((a, b) => ['error', 'warning', 'note'].indexOf(a) - ['error', 'warning', 'note'].indexOf(b)));
  });

  it('gives the same ids on a re-parse of the same content', () => {
    const a = runChecks(sampleBudget({ cells: [[1, 0, 4, '151.00']] }));
    const b = runChecks(sampleBudget({ cells: [[1, 0, 4, '151.00']] }));
    expect(a.findings.map((f) => f.id)).toEqual(b.findings.map((f) => f.id));
    expect(new Set(a.findings.map((f) => f.id)).size).toBe(a.findings.length);
  });

  it('keeps a finding id when an unrelated cell is edited, and clears the finding when its sum is fixed', () => {
    const broken = sampleBudget({ cells: [[1, 0, 4, '151.00']] });
    const before = runChecks(broken).findings.find((f) => f.rule === 'in-table.row-totals')!;
    // An unrelated edit (三公 table) changes values elsewhere, not this finding's id.
    const other = applyEdits(broken, [edit('t5', 0, 5, '4.00', '4.50')]);
    const after = runChecks(other).findings.find((f) => f.rule === 'in-table.row-totals' && f.message.includes('部门支出预算表'));
    expect(after?.id).toBe(before.id);
    // The reviewer corrects the total: the finding disappears.
    const fixed = applyEdits(broken, [edit('t2', 0, 4, '151.00', '150.00')]);
    expect(runChecks(fixed).findings.some((f) => f.id === before.id)).toBe(false);
  });

  it('honours the configured rounding and disabled rules', () => {
    const d = sampleBudget({ cells: [[1, 0, 4, '150.02']] });
    const strict = runChecks(d, { roundingPerTerm: 0 });
    expect(strict.findings.some((f) => f.rule === 'in-table.row-totals' && f.severity === 'error')).toBe(true);
    const lenient = runChecks(d, { roundingPerTerm: 1 });
    expect(lenient.findings.filter((f) => f.rule === 'in-table.row-totals').map((f) => f.severity)).toEqual(['note']);
    const off = runChecks(d, { disabledRules: ['in-table.row-totals'] });
    expect(off.coverage.find((c) => c.rule === 'in-table.row-totals')).toMatchObject({ outcome: 'not-run', reason: '已停用' });
  });
});

describe('robustness to extraction', () => {
  it('reads a table left in two pieces over pages as one, and points findings at the printed piece', () => {
    const d = sampleBudget({ cells: [[1, 4, 4, '11.00']] });
    const expense = d.tables[1]!;
    const second = { ...expense, id: 't2b', title: null, rows: expense.rows.slice(3), pages: [2, 2] as [number, number] };
    d.tables.splice(1, 1, { ...expense, rows: expense.rows.slice(0, 3) }, second);
    const r = runChecks(d);
    const f = r.findings.filter((x) => x.severity === 'error' && x.kind === 'in-table');
    // 住房公积金 10.00 → 11.00 breaks 合计 (row 0 of the first piece) and its own line (row 1 of the
    // second): one error on the 住房公积金 cell of the printed second piece, citing the 合计 too.
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('11.00 应为 10.00');
    expect(f[0]!.cells[0]).toMatchObject({ table: 't2b', row: 1 });
    expect(f[0]!.cells.some((c) => c.table === 't2' && c.row === 0)).toBe(true);
  });

  it('reads header lines left in the body as header, and 栏次 lines as column numbers', () => {
    const d = sampleBudget();
    for (const t of d.tables) {
      t.rows = [...t.header, ...t.rows];
      t.header = [];
    }
    const r = runChecks(d);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
