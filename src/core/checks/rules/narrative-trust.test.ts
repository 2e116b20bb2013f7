/**
 * Issue 10 (points 3 and 4, narrative side): no false errors, genuine slips caught.
 * A — project figures are compared only with the project's own row, never with department totals.
 * B — wrong years in headings/sentences; a share one unit of its last decimal off → 尾差 warning.
 */
import { describe, expect, it } from 'vitest';
import { doc } from '../../../../tests/helpers/doc-builder';
import { SAMPLE_NARRATIVE, sampleTables } from '../../../../tests/helpers/sample-budget';
import { runChecks } from '../index';
import type { CheckReport, Finding } from '../model';

function of(report: CheckReport, rule: string): Finding[] {
  return report.findings.filter((f) => f.rule === rule);
}
const loud = (fs: Finding[]): Finding[] => fs.filter((f) => f.severity !== 'note');
const run = (narrative: string[]): CheckReport => runChecks(doc(sampleTables(), narrative));

describe('A: project amounts are scoped to their project', () => {
  it('stays silent on a named project’s 项目支出总额 / 其中预算支出 that differ from the department totals', () => {
    const r = run([...SAMPLE_NARRATIVE, '七、绩效目标情况', '医保信息化建设项目支出总额30.00万元，其中预算支出30.00万元。']);
    expect(loud(of(r, 'narrative.amounts'))).toEqual([]);
    const notes = of(r, 'narrative.amounts');
    expect(notes.every((f) => f.severity === 'note' && f.message.includes('未能确定所指') && f.message.includes('未核对'))).toBe(true);
  });

  it('stays silent on “支出总额0万元” of a project with no money this year', () => {
    const r = run([...SAMPLE_NARRATIVE, '医疗救助宣传项目2025年支出总额0万元。']);
    expect(of(r, 'narrative.amounts')).toEqual([]);
  });

  it('treats generic figures of a 绩效目标 section as the project’s, not the department’s', () => {
    const r = run([...SAMPLE_NARRATIVE, '六、项目绩效目标', '项目预算资金40.00万元，支出预算40.00万元。']);
    expect(loud(of(r, 'narrative.amounts'))).toEqual([]);
  });

  it('compares a project figure with that project’s row in 项目支出表', () => {
    const tables = [
      ...sampleTables(),
      {
        title: '2025年项目支出预算表',
        header: [['项目名称', '合计']],
        rows: [['合计', '50.00'], ['医保信息化建设项目', '40.00'], ['基金监管项目', '10.00']],
      },
    ];
    const ok = runChecks(doc(tables, [...SAMPLE_NARRATIVE, '医保信息化建设项目支出总额40.00万元。']));
    expect(of(ok, 'narrative.amounts')).toEqual([]);
    const bad = runChecks(doc(tables, [...SAMPLE_NARRATIVE, '医保信息化建设项目支出总额45.00万元。']));
    expect(of(bad, 'narrative.amounts').map((f) => f.severity)).toEqual(['error']);
  });

  it('still reports a genuine department total slip in the 说明 section as an error', () => {
    const n = [...SAMPLE_NARRATIVE];
    n[4] = '2025年支出合计160.00万元，其中：基本支出100.00万元；项目支出50.00万元。';
    const f = of(run(n), 'narrative.amounts');
    expect(f.map((x) => x.severity)).toEqual(['error']);
    expect(f[0]!.message).toContain('160.00万元');
  });
});

describe('B1: wrong years', () => {
  const final = (narrative: string[]): CheckReport => {
    const tables = sampleTables();
    tables.forEach((t) => {
      t.title = t.title!.replace('2025年', '2024年度').replace('预算表', '决算表');
    });
    return runChecks(doc(tables, narrative));
  };

  it('reports a heading of last year inside this year’s 决算', () => {
    const f = of(final(['测试市某区医疗保障局2023年度部门决算', '一、收入支出决算总体情况说明', '2024年度收入总计150.00万元。']), 'text.years');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toContain('2023');
    expect(f[0]!.expected).toBe('2024年');
  });

  it('reports this year’s total printed under last year', () => {
    const f = of(final(['测试市某区医疗保障局2024年度部门决算', '2023年收入合计150.00万元，支出合计150.00万元。']), 'text.years');
    expect(f.map((x) => x.actual)).toEqual(['2023年']);
  });

  it('stays silent on legitimate mentions of last year and of the budget year', () => {
    const f = of(
      final([
        '测试市某区医疗保障局2024年度部门决算',
        '2024年度收入合计150.00万元，比2023年增加15.00万元，增长11.11%。',
        '2023年决算数为135.00万元，上年收入合计135.00万元。',
        '2024年年初预算为140.00万元，支出决算为150.00万元。',
      ]),
      'text.years',
    );
    expect(f).toEqual([]);
  });
});

describe('B2: shares one unit of the last decimal off', () => {
  it('reports 0.01 point off the correctly rounded share as a 尾差 warning with the computation', () => {
    // 20.00 ÷ 150.00 = 13.333% → 13.33%; printed 13.32%.
    const n = [...SAMPLE_NARRATIVE];
    n[6] = '2025年一般公共预算支出年初预算为150.00万元。其中：社会保障和就业支出20.00万元，占13.32%；卫生健康支出120.00万元，占80.00%；住房保障支出10.00万元，占6.67%。';
    const f = of(run(n), 'narrative.shares');
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0]!.message).toContain('尾差');
    expect(f[0]!.message).toContain('计算为 13.33%，所写 13.32%，相差 0.01 个百分点');
  });

  it('stays silent on a share consistent under rounding of the printed figures', () => {
    // 1.5 may stand for 1.549: 1.549 ÷ 10.00 = 15.49%.
    const r = run([...SAMPLE_NARRATIVE, '其中：项目支出1.5万元，占项目合计10.00万元的15.49%。']);
    expect(of(r, 'narrative.shares')).toEqual([]);
  });

  it('keeps a larger mismatch an error', () => {
    const n = [...SAMPLE_NARRATIVE];
    n[4] = '2025年支出合计150.00万元，其中：基本支出100.00万元，占66.67%；项目支出50.00万元，占34.33%。';
    expect(of(run(n), 'narrative.shares').map((x) => x.severity)).toEqual(['error']);
  });
});

describe('A: the department’s 项目支出 under a qualifier is still the department’s', () => {
  it('checks “一般公共预算项目支出” and “其中项目支出” against the department totals', () => {
    const n = [...SAMPLE_NARRATIVE];
    n[4] = '2025年支出合计150.00万元，其中：基本支出100.00万元，一般公共预算项目支出55.00万元。';
    const f = of(run(n), 'narrative.amounts');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).not.toBe('note');
    expect(f[0]!.message).toContain('与表中数不符');
  });
});
