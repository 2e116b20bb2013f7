import { describe, expect, it } from 'vitest';
import { doc } from '../../../../tests/helpers/doc-builder';
import { runChecks } from '../index';

/** A 元 支出表 like the WPS 司法局 publication: one total printed to the yuan among fen figures. */
function expenseTable(total: string, basic204: string, rows: string[][] = []): ReturnType<typeof doc> {
  return doc([
    {
      title: '2026年单位支出预算总表',
      unit: '单位：元',
      header: [['功能分类科目编码', '功能分类科目名称', '合计', '基本支出', '项目支出']],
      rows: [
        ['', '合计', total, total, '0.00'],
        ['204', '公共安全支出', basic204, basic204, '0.00'],
        ['20406', '司法', basic204, basic204, '0.00'],
        ['2040601', '行政运行', basic204, basic204, '0.00'],
        ['208', '社会保障和就业支出', '2,925,857.00', '2,925,857.00', '0.00'],
        ['20805', '行政事业单位养老支出', '2,925,857.00', '2,925,857.00', '0.00'],
        ['2080505', '机关事业单位基本养老保险缴费支出', '2,925,857.00', '2,925,857.00', '0.00'],
        ...rows,
      ],
    },
  ]);
}

describe('amounts printed to the yuan among amounts printed to the fen', () => {
  it('reads a whole-yuan total as rounded: no 0.34元 error, one print-format warning naming the cell', () => {
    // 14,348,853.34 + 2,925,857.00 = 17,274,710.34, printed 17,274,710.
    const r = runChecks(expenseTable('17,274,710', '14,348,853.34'));
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const warnings = r.findings.filter((f) => f.rule === 'in-table.precision');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.severity).toBe('warning');
    expect(warnings[0]!.message).toContain('「合计」行「合计」 17,274,710');
    expect(warnings[0]!.message).toContain('「合计」行「基本支出」 17,274,710');
    expect(warnings[0]!.cells).toEqual([
      { table: 't1', row: 0, col: 2 },
      { table: 't1', row: 0, col: 3 },
    ]);
  });

  it('still reports a whole-yuan total that is off by more than its rounding', () => {
    // 17,274,712 cannot be 17,274,710.34 rounded to the yuan.
    const r = runChecks(expenseTable('17,274,712', '14,348,853.34'));
    const errors = r.findings.filter((f) => f.severity !== 'note' && f.rule === 'in-table.row-totals');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.message).toContain('17,274,712.00 ≠');
    expect(errors[0]!.message).toContain('= 17,274,710.34');
  });

  it('must stay silent: a table printed in whole units throughout (not a precision slip)', () => {
    const r = runChecks(expenseWhole());
    expect(r.findings.filter((f) => f.rule === 'in-table.precision')).toEqual([]);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('must stay silent: "0" printed without decimals, and whole figures printed as 2,925,857.00', () => {
    const r = runChecks(withZeroes());
    expect(r.findings.filter((f) => f.rule === 'in-table.precision')).toEqual([]);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('must stay silent: a count column of whole numbers beside amount columns', () => {
    const d = doc([
      {
        title: '2026年“三公”经费预算表',
        unit: '单位：万元',
        header: [['合计', '因公出国（境）费', '公务用车购置及运行费', '公务用车购置数（辆）', '公务接待费']],
        rows: [['12.50', '2.00', '8.25', '2', '2.25']],
      },
    ]);
    const r = runChecks(d);
    expect(r.findings.filter((f) => f.rule === 'in-table.precision')).toEqual([]);
  });
});

function expenseWhole(): ReturnType<typeof doc> {
  return doc([
    {
      title: '2026年单位支出预算总表',
      unit: '单位：万元',
      header: [['功能分类科目编码', '功能分类科目名称', '合计', '基本支出', '项目支出']],
      rows: [
        ['', '合计', '1,727', '1,727', '0'],
        ['204', '公共安全支出', '1,435', '1,435', '0'],
        ['208', '社会保障和就业支出', '292', '292', '0'],
      ],
    },
  ]);
}

function withZeroes(): ReturnType<typeof doc> {
  return doc([
    {
      title: '2026年单位支出预算总表',
      unit: '单位：元',
      header: [['功能分类科目编码', '功能分类科目名称', '合计', '基本支出', '项目支出']],
      rows: [
        ['', '合计', '17,274,710.34', '17,274,710.34', '0'],
        ['204', '公共安全支出', '14,348,853.34', '14,348,853.34', '0'],
        ['208', '社会保障和就业支出', '2,925,857.00', '2,925,857.00', '0'],
      ],
    },
  ]);
}
