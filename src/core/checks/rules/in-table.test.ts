import { describe, expect, it } from 'vitest';
import { doc } from '../../../../tests/helpers/doc-builder';
import { sampleBudget } from '../../../../tests/helpers/sample-budget';
import { runChecks } from '../index';
import type { CheckReport, Finding } from '../model';

function of(report: CheckReport, rule: string): Finding[] {
  return report.findings.filter((f) => f.rule === rule);
}

describe('in-table.row-totals', () => {
  it('passes the consistent sample', () => {
    const r = runChecks(sampleBudget());
    expect(r.findings.filter((f) => f.kind === 'in-table')).toEqual([]);
    expect(r.coverage.find((c) => c.rule === 'in-table.row-totals')?.outcome).toBe('passed');
  });

  it('reports a total row off by 1.00 as an error with the arithmetic', () => {
    // 支出表 合计 150.00 → 151.00: the lines add up to 150.00.
    const r = runChecks(sampleBudget({ cells: [[1, 0, 4, '151.00']] }));
    const f = of(r, 'in-table.row-totals').find((x) => x.message.includes('2025年部门支出预算表'));
    expect(f?.severity).toBe('error');
    expect(f?.actual).toBe('151.00');
    expect(f?.expected).toBe('150.00');
    expect(f?.difference).toBe('1.00');
    expect(f?.message).toContain('151.00 ≠');
    expect(f?.cells[0]).toEqual({ table: 't2', row: 0, col: 4 });
  });

  it('reports a total row off by 0.01 as a note (尾差), never an error', () => {
    const r = runChecks(sampleBudget({ cells: [[1, 0, 4, '150.01']] }));
    const f = of(r, 'in-table.row-totals').find((x) => x.message.includes('2025年部门支出预算表'));
    expect(f?.severity).toBe('note');
    expect(f?.message).toContain('尾差');
    expect(r.findings.some((x) => x.severity === 'error' && x.message.includes('150.01'))).toBe(false);
  });

  it('adds a 总计 line from 本年收入合计 and the carry-over lines after it', () => {
    const r = runChecks(sampleBudget({ cells: [[0, 4, 1, '5.00']] }));
    const f = of(r, 'in-table.row-totals').find((x) => x.message.includes('收入总计'));
    expect(f?.severity).toBe('error');
    expect(f?.expected).toBe('155.00');
  });

  it('never adds a 其中 line, and flags one larger than its line', () => {
    const ok = runChecks(sampleBudget());
    expect(of(ok, 'in-table.row-totals')).toEqual([]);
    const r = runChecks(sampleBudget({ cells: [[0, 1, 1, '160.00']] }));
    const f = of(r, 'in-table.row-totals').find((x) => x.message.includes('“其中”'));
    expect(f?.severity).toBe('warning');
  });

  it('checks unit rows against their lines and a top total against the units', () => {
    const d = doc([
      {
        title: '2025年项目支出预算表',
        header: [['类型', '项目名称', '项目单位', '合计']],
        rows: [
          ['', '', '合计', '30.00'],
          ['', '516', '测试市某区医疗保障局', '30.00'],
          ['特定目标类', '项目甲', '测试市某区医疗保障局', '12.00'],
          ['特定目标类', '项目乙', '测试市某区医疗保障局', '19.00'],
        ],
      },
    ]);
    const r = runChecks(d);
    const f = of(r, 'in-table.row-totals');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('516');
    expect(f[0]!.severity).toBe('error');
  });
});

describe('in-table.code-hierarchy', () => {
  const table = (kuan: string) =>
    doc([
      {
        title: '支出决算表',
        header: [['功能分类科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出']],
        rows: [
          ['', '合计', '100.00', '60.00', '40.00'],
          ['208', '社会保障和就业支出', '100.00', '60.00', '40.00'],
          ['20805', '行政事业单位养老支出', kuan, '60.00', '0.00'],
          ['2080505', '机关事业单位基本养老保险缴费支出', '60.00', '60.00', '0.00'],
          ['20807', '就业补助', '40.00', '0.00', '40.00'],
          ['2080711', '就业见习补贴', '40.00', '0.00', '40.00'],
        ],
      },
    ]);

  it('passes 类 = Σ款 = Σ项', () => {
    expect(of(runChecks(table('60.00')), 'in-table.code-hierarchy')).toEqual([]);
  });

  it('reports a 款 that is not the sum of its 项 and a 类 that is not the sum of its 款', () => {
    const r = runChecks(table('61.00'));
    // 20805 reading 61.00 breaks both its own sum and its 类's: one error on 20805, both computations.
    const f = of(r, 'in-table.code-hierarchy');
    expect(f.map((x) => x.severity)).toEqual(['error']);
    expect(f[0]!.message).toContain('「20805 行政事业单位养老支出」行「本年支出合计」 61.00 应为 60.00');
    expect(f[0]!.message).toMatch(/208 社会保障和就业支出.*100\.00 ≠ 20805 61\.00 \+ 20807 40\.00 = 101\.00/);
    expect(f[0]!.message).toMatch(/20805 行政事业单位养老支出.*61\.00 ≠ 2080505 60\.00/);
  });

  it('reads split 类/款/项 columns the same way', () => {
    const d = doc([
      {
        title: '2026年部门支出预算总表',
        unit: '元',
        header: [[{ text: '功能分类科目编码', colSpan: 3 }, null, null, { text: '功能分类科目名称', rowSpan: 2 }, { text: '合计', rowSpan: 2 }], ['类', '款', '项', null, null]],
        rows: [
          ['204', '', '', '公共安全支出', '300.00'],
          ['204', '06', '', '司法', '300.00'],
          ['204', '06', '01', '行政运行', '100.00'],
          ['204', '06', '04', '基层司法业务', '199.00'],
        ],
      },
    ]);
    const f = of(runChecks(d), 'in-table.code-hierarchy');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('20406 司法');
    expect(f[0]!.difference).toBe('1.00');
  });
});

describe('in-table.column-totals', () => {
  it('infers 合计 = 基本支出 + 项目支出 and 小计 = 人员经费 + 公用经费 from the header', () => {
    // 行政运行: 基本支出小计 70.00 → 71.00 breaks 合计 = 基本 + 项目 and 小计 = 人员 + 公用.
    const r = runChecks(sampleBudget({ cells: [[1, 2, 5, '71.00']] }));
    // Both relations fail on the same cell; the clerk gets one error on it with both computations.
    const f = r.findings.filter((x) => x.severity === 'error' && x.message.includes('小计 71.00 ≠ 人员经费 60.00 + 公用经费 10.00 = 70.00'));
    expect(f).toHaveLength(1);
    expect(f[0]!.kind).toBe('in-table');
    expect(f[0]!.message).toContain('71.00 应为 70.00');
    expect(f[0]!.message).toMatch(/合计 \S+ ≠ 基本支出 71\.00/);
  });

  it('warns once, not per row, when a relation fails on most rows (header probably misread)', () => {
    const d = doc([
      {
        title: '2025年部门支出预算表',
        header: [['科目编码', '科目名称', '合计', '基本支出', '项目支出']],
        rows: [
          ['2080505', '甲', '10.00', '1.00', '1.00'],
          ['2101501', '乙', '20.00', '2.00', '2.00'],
          ['2101599', '丙', '30.00', '3.00', '3.00'],
          ['2210201', '丁', '40.00', '4.00', '4.00'],
        ],
      },
    ]);
    const f = of(runChecks(d), 'in-table.column-totals');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toContain('4/4 行');
  });

  it('does not double-count a 合计 group beside 本年收入 and 上年结转 (收入表 layout)', () => {
    const d = doc([
      {
        title: '2025年部门收入预算表',
        header: [
          [{ text: '部门名称', rowSpan: 2 }, { text: '总计', rowSpan: 2 }, { text: '合计', colSpan: 2 }, null, { text: '本年收入', colSpan: 2 }, null, { text: '上年结转结余', colSpan: 2 }, null],
          [null, null, '一般公共预算', '政府性基金', '合计', '一般公共预算', '合计', '一般公共预算'],
        ],
        rows: [['合计', '120.00', '120.00', '', '100.00', '100.00', '20.00', '20.00']],
      },
    ]);
    expect(of(runChecks(d), 'in-table.column-totals')).toEqual([]);
  });
});

describe('in-table.balance', () => {
  it('reports 收入总计 ≠ 支出总计', () => {
    const r = runChecks(sampleBudget({ cells: [[0, 5, 3, '149.00']] }));
    const f = of(r, 'in-table.balance');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toContain('收入总计 150.00 ≠ 支出总计 149.00');
  });
});
