import { describe, expect, it } from 'vitest';
import { doc } from '../../../../tests/helpers/doc-builder';
import { runChecks } from '../index';

/** A 支出表 in 万元 with 合计 = 基本 + 项目 on every row and 类 = Σ款 = Σ项. */
function expense(cells: Record<string, string> = {}): ReturnType<typeof doc> {
  const rows: [string, string, string, string, string][] = [
    ['', '合计', '100.00', '60.00', '40.00'],
    ['204', '公共安全支出', '100.00', '60.00', '40.00'],
    ['20406', '司法', '100.00', '60.00', '40.00'],
    ['2040601', '行政运行', '60.00', '60.00', '0.00'],
    ['2040604', '基层司法业务', '25.00', '0.00', '25.00'],
    ['2040699', '其他司法支出', '15.00', '0.00', '15.00'],
  ];
  return doc([
    {
      title: '2026年部门支出预算表',
      header: [['科目编码', '科目名称', '合计', '基本支出', '项目支出']],
      rows: rows.map((r) => r.map((text, col) => cells[`${r[0] || '合计'}:${col}`] ?? text)),
    },
  ]);
}

describe('one misprinted cell behind several failed sums', () => {
  it('is reported once, on that cell, with the corrected value and every computation', () => {
    // 2040601 项目支出 printed 40.00 instead of 0.00: its row and its parent 20406 both fail.
    const r = runChecks(expense({ '2040601:4': '40.00' }));
    const errors = r.findings.filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(1);
    const f = errors[0]!;
    expect(f.rule).toBe('in-table.code-hierarchy');
    expect(f.message).toContain('「2040601 行政运行」行「项目支出」 40.00 应为 0.00');
    expect(f.message).toContain('① ');
    expect(f.message).toContain('② ');
    expect(f.expected).toBe('0.00');
    expect(f.actual).toBe('40.00');
    expect(f.cells[0]).toEqual({ table: 't1', row: 3, col: 4 });
  });

  it('must stay separate: two unrelated slips in one table are two errors', () => {
    // 合计 基本支出 61.00 (row totals) and 2040699 合计 16.00 (its row): no single cell explains both.
    const r = runChecks(expense({ '合计:3': '61.00', '2040699:2': '16.00' }));
    const errors = r.findings.filter((f) => f.severity === 'error');
    expect(errors.some((f) => f.message.includes('61.00 应为') && f.message.includes('16.00'))).toBe(false);
    expect(errors.length).toBeGreaterThanOrEqual(2);
  });

  it('must stay silent on the consistent table', () => {
    expect(runChecks(expense()).findings.filter((f) => f.severity !== 'note')).toEqual([]);
  });
});
