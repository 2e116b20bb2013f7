import { describe, expect, it } from 'vitest';
import { doc } from '../../../../tests/helpers/doc-builder';
import { sampleBudget, sampleTables } from '../../../../tests/helpers/sample-budget';
import { runChecks } from '../index';
import { RELATIONS } from '../relations';

describe('cross-table relation catalog', () => {
  it('every relation has a unique id and a Chinese title', () => {
    const ids = RELATIONS.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RELATIONS) expect(r.title).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('lists each relation in the coverage, with the missing table when it cannot run', () => {
    const r = runChecks(sampleBudget());
    const line = r.coverage.find((c) => c.rule === 'cross.summary-expense=expense-table');
    expect(line).toMatchObject({ outcome: 'passed', checked: 1 });
    const missing = r.coverage.find((c) => c.rule === 'cross.project-table=expense-project');
    expect(missing).toMatchObject({ outcome: 'not-run', reason: '缺少项目支出表' });
  });

  it('收支总表 本年支出合计 = 支出表 合计 (a total row edited in one table only)', () => {
    // 收支总表 本年支出合计 150.00 → 152.00 (and 支出总计 to keep the table balanced).
    const r = runChecks(sampleBudget({ cells: [[0, 3, 3, '152.00'], [0, 5, 3, '152.00'], [0, 5, 1, '152.00'], [0, 3, 1, '152.00']] }));
    const f = r.findings.find((x) => x.rule === 'cross.summary-expense=expense-table');
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('152.00万元 ≠');
    expect(f?.difference).toBe('2.00');
    expect(f?.cells).toHaveLength(2);
  });

  it('一般公共预算支出表 基本支出 = 基本支出表 合计; 0.01 apart is a note', () => {
    const r = runChecks(sampleBudget({ cells: [[3, 0, 2, '100.01'], [3, 0, 3, '90.01'], [3, 1, 2, '90.01'], [3, 1, 3, '90.01'], [3, 2, 2, '50.01'], [3, 2, 3, '50.01']] }));
    const f = r.findings.find((x) => x.rule === 'cross.general-basic=basic-table');
    expect(f?.severity).toBe('note');
    expect(f?.message).toContain('尾差');
  });

  it('compares a class row across tables of the same scope', () => {
    // 收支总表 卫生健康支出 120.00 → 121.00 (its own 本年支出合计 then also breaks: a separate finding).
    const r = runChecks(sampleBudget({ cells: [[0, 1, 3, '121.00']] }));
    const f = r.findings.find((x) => x.rule === 'cross.summary-class=expense-class');
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('二、卫生健康支出');
    expect(f?.message).toContain('121.00');
  });

  it('respects scope: basic-table codes may be below the economic summary (it adds projects), never above', () => {
    const summary = {
      title: '2025年支出经济分类汇总表',
      header: [['科目编码', '科目名称', '总计']],
      rows: [
        ['', '合计', '150.00'],
        ['30101', '基本工资', '50.00'],
        ['30108', '机关事业单位基本养老保险缴费', '20.00'],
        ['30113', '住房公积金', '20.00'],
        ['30201', '办公费', '9.00'],
        ['30217', '公务接待费', '4.00'],
        ['30226', '劳务费', '47.00'],
      ],
    };
    const tables = sampleTables();
    const ok = runChecks(doc([...tables, summary]));
    expect(ok.findings.filter((f) => f.rule.startsWith('cross.basic-code'))).toEqual([]);
    const over = runChecks(doc([...tables, { ...summary, rows: summary.rows.map((r) => (r[0] === '30201' ? ['30201', '办公费', '5.00'] : r)) }]));
    const f = over.findings.find((x) => x.rule === 'cross.basic-code<=econ-summary-code');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('大于');
  });

  it('reports a table whose unit is declared wrongly (figures ten thousand times apart)', () => {
    const tables = sampleTables();
    const wrongUnit = { ...tables[3]!, unit: '元' };
    const r = runChecks(doc([tables[0]!, tables[1]!, tables[2]!, wrongUnit, tables[4]!]));
    const f = r.findings.find((x) => x.rule === 'cross.general-basic=basic-table');
    expect(f?.kind).toBe('unit');
    expect(f?.message).toContain('相差一万倍');
  });

  it('compares a 元 table with a 万元 table exactly', () => {
    const tables = sampleTables();
    const inYuan = { ...tables[3]!, unit: '元', rows: tables[3]!.rows.map((r) => r.map((c, i) => (i >= 2 && typeof c === 'string' && c ? (Number(c) * 10000).toFixed(2) : c))) };
    const r = runChecks(doc([tables[0]!, tables[1]!, tables[2]!, inYuan, tables[4]!]));
    expect(r.findings.filter((f) => f.kind === 'cross-table' && f.severity !== 'note')).toEqual([]);
    expect(r.coverage.find((c) => c.rule === 'cross.general-basic=basic-table')?.outcome).toBe('passed');
  });
});
