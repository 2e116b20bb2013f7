import { describe, expect, it } from 'vitest';
import { SAMPLE_NARRATIVE, sampleBudget } from '../../../../tests/helpers/sample-budget';
import { runChecks } from '../index';
import type { CheckReport, Finding } from '../model';

function withSentence(index: number, text: string): string[] {
  const n = [...SAMPLE_NARRATIVE];
  n[index] = text;
  return n;
}

function of(report: CheckReport, rule: string): Finding[] {
  return report.findings.filter((f) => f.rule === rule);
}

describe('narrative rules on a consistent sample', () => {
  it('find nothing and run every narrative check', () => {
    const r = runChecks(sampleBudget());
    expect(r.findings.filter((f) => f.kind === 'narrative' || f.kind === 'unit')).toEqual([]);
    for (const rule of ['narrative.amounts', 'narrative.shares', 'narrative.changes']) {
      expect(r.coverage.find((c) => c.rule === rule)?.outcome).toBe('passed');
    }
  });
});

describe('narrative.amounts', () => {
  it('reports a quoted amount that differs from the table, pointing at the sentence and the cells', () => {
    const r = runChecks(sampleBudget({ narrative: withSentence(8, '2025年一般公共预算基本支出为100.00万元。其中：人员经费91.00万元；公用经费10.00万元。') }));
    const f = of(r, 'narrative.amounts');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toContain('人员经费 91.00万元');
    expect(f[0]!.expected).toBe('90.00');
    expect(f[0]!.narrative[0]!.block).toBe(8);
    const text = SAMPLE_NARRATIVE[8]!.replace('90.00', '91.00');
    const span = f[0]!.narrative[0]!;
    expect(text.slice(span.start, span.end)).toBe('人员经费91.00万元');
    expect(f[0]!.cells.length).toBeGreaterThan(0);
  });

  it('matches amounts printed with fewer decimals or in 元/亿元', () => {
    const r = runChecks(
      sampleBudget({ narrative: withSentence(8, '2025年一般公共预算基本支出为1000000元。其中：人员经费90万元；公用经费0.001亿元。') }),
    );
    expect(r.findings.filter((f) => f.kind === 'narrative' || f.kind === 'unit')).toEqual([]);
  });

  it('reports a 元/万元 slip as a unit finding, not an amount mismatch', () => {
    const r = runChecks(sampleBudget({ narrative: withSentence(8, '2025年一般公共预算基本支出为100.00元。其中：人员经费90.00万元；公用经费10.00万元。') }));
    expect(of(r, 'narrative.amounts')).toEqual([]);
    const f = of(r, 'units');
    expect(f).toHaveLength(1);
    expect(f[0]!.kind).toBe('unit');
    expect(f[0]!.message).toContain('应为“万元”');
  });

  it('reports a 0.01 difference as a note (尾差)', () => {
    const r = runChecks(sampleBudget({ narrative: withSentence(8, '2025年一般公共预算基本支出为100.01万元。') }));
    expect(of(r, 'narrative.amounts').map((f) => f.severity)).toEqual(['note']);
  });

  it('ignores prior-year figures and thresholds', () => {
    const r = runChecks(sampleBudget({ narrative: [...SAMPLE_NARRATIVE, '上年基本支出为95.00万元。单价50万元以上通用设备0台（套）。'] }));
    expect(of(r, 'narrative.amounts')).toEqual([]);
  });
});

describe('narrative.shares', () => {
  it('recomputes 占 x% against the sentence total and reports a wrong share as an error', () => {
    const r = runChecks(sampleBudget({ narrative: withSentence(4, '2025年支出合计150.00万元，其中：基本支出100.00万元，占66.67%；项目支出50.00万元，占34.33%。') }));
    const f = of(r, 'narrative.shares');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toContain('33.33%');
  });

  it('accepts a share that only differs by the rounding of its inputs', () => {
    // The whole can be printed inside the 占 phrase itself.
    const r = runChecks(sampleBudget({ narrative: [...SAMPLE_NARRATIVE, '其中：项目支出50.00万元，占支出合计150.00万元的33.33%。'] }));
    expect(of(r, 'narrative.shares')).toEqual([]);
  });
});

describe('narrative.changes', () => {
  it('checks 增加 X万元，增长 y% against the current figure', () => {
    const bad = runChecks(sampleBudget({ narrative: withSentence(2, '2025年收入总计150.00万元，支出总计150.00万元，与上年相比，收、支总计各增加15.00万元，增长10.00%。') }));
    const f = of(bad, 'narrative.changes');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toContain('11.11%');
  });

  it('checks 上年执行数 X，本年预算 Y，比上年增加/减少 P%, including the direction', () => {
    const text = '1、社会保障和就业支出（208类）行政事业单位养老支出（05款）机关事业单位基本养老保险缴费支出（05项）20.00万元。2024年当年预算执行数为16.00万元，2025年预算安排20.00万元，比2024年预算执行数减少25.00%。';
    const r = runChecks(sampleBudget({ narrative: [...SAMPLE_NARRATIVE, text] }));
    const f = of(r, 'narrative.changes');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('实际增加 25.00%');
  });

  it('accepts a rate that only differs by the rounding of the printed figures', () => {
    // 57.8 may stand for 57.804: (59.11 − 57.804) / 59.11 = 2.209% → 2.21%, although 1.31 / 59.11 = 2.216%.
    const text = '2024年当年预算执行数为59.11万元，2025年预算安排57.8万元，比2024年预算执行数减少2.21%。';
    expect(of(runChecks(sampleBudget({ narrative: [...SAMPLE_NARRATIVE, text] })), 'narrative.changes')).toEqual([]);
    const wrong = text.replace('2.21%', '2.35%');
    expect(of(runChecks(sampleBudget({ narrative: [...SAMPLE_NARRATIVE, wrong] })), 'narrative.changes')).toHaveLength(1);
  });

  it('checks 持平 between the two years printed in the sentence', () => {
    const ok = '2024年当年预算执行数为10.00万元，2025年预算安排10.00万元，比2024年预算执行数持平。';
    expect(of(runChecks(sampleBudget({ narrative: [...SAMPLE_NARRATIVE, ok] })), 'narrative.changes')).toEqual([]);
    const bad = ok.replace('预算安排10.00', '预算安排12.00');
    expect(of(runChecks(sampleBudget({ narrative: [...SAMPLE_NARRATIVE, bad] })), 'narrative.changes')[0]?.message).toContain('写“持平”');
  });

  it('warns when the reason given points the other way', () => {
    const text = '2024年当年预算执行数为114.00万元，2025年预算安排110.60万元，比2024年预算执行数减少2.98%。主要原因是：宣传经费增加。';
    const f = of(runChecks(sampleBudget({ narrative: [...SAMPLE_NARRATIVE, text] })), 'narrative.changes');
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0]!.message).toContain('增减方向不一致');
  });

  it('reports an amount word and a rate word pointing in opposite directions', () => {
    const r = runChecks(sampleBudget({ narrative: withSentence(10, '2025年“三公”经费支出预算为6.00万元，比上年预算数减少1.00万元，增长14.29%。') }));
    expect(of(r, 'narrative.changes')[0]?.message).toContain('自相矛盾');
  });
});

describe('narrative.completion (决算)', () => {
  const final = (sentence: string): ReturnType<typeof sampleBudget> => {
    const d = sampleBudget({ narrative: ['2024年度部门决算', sentence] });
    d.tables.forEach((t) => {
      t.title = t.title!.replace('2025年', '2024年度').replace('预算表', '决算表');
    });
    return d;
  };

  it('recomputes 完成年初预算的 Z% and checks 大于/小于 against the figures', () => {
    const ok = runChecks(final('2.社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。年初预算为19.93万元，支出决算为20.00万元，完成年初预算的100.35%。决算数大于年初预算数。'));
    expect(of(ok, 'narrative.completion')).toEqual([]);
    const bad = runChecks(final('2.社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。年初预算为19.93万元，支出决算为20.00万元，完成年初预算的104.21%。决算支出数小于年初预算安排数。'));
    const f = of(bad, 'narrative.completion');
    expect(f.map((x) => x.severity)).toEqual(['error', 'error']);
    expect(f.map((x) => x.message).join('\n')).toContain('100.35%');
    expect(f.map((x) => x.message).join('\n')).toContain('比较用语与数字相反');
  });
});

describe('narrative.sums', () => {
  it('adds the parts a sentence lists under its whole (政府采购 货物 + 工程 + 服务)', () => {
    const ok = runChecks(sampleBudget({ narrative: [...SAMPLE_NARRATIVE, '2025年政府采购预算12.00万元，其中：政府采购货物预算5.00万元、政府采购工程预算0万元、政府采购服务预算7.00万元。'] }));
    expect(of(ok, 'narrative.sums')).toEqual([]);
    expect(ok.coverage.find((c) => c.rule === 'narrative.sums')?.outcome).toBe('passed');
    const bad = runChecks(sampleBudget({ narrative: [...SAMPLE_NARRATIVE, '2025年政府采购预算12.00万元，其中：政府采购货物预算5.00万元、政府采购工程预算0万元、政府采购服务预算6.00万元。'] }));
    const f = of(bad, 'narrative.sums');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toContain('= 11.00万元');
  });

  it('adds “三公” parts quoted over several sentences, never mixing 预算数 and 决算数', () => {
    const text = [
      '2025年“三公”经费支出预算为6.00万元。',
      '（一）因公出国（境）费0万元。',
      '（二）公务用车购置及运行费2.00万元。其中，公务用车购置费0万元，公务用车运行维护费2.00万元。',
      '（三）公务接待费4.50万元。',
    ];
    const f = of(runChecks(sampleBudget({ narrative: text })), 'narrative.sums');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('因公出国（境）费 0万元 + 公务用车购置及运行费 2.00万元 + 公务接待费 4.50万元');
  });
});

describe('regional phrasings', () => {
  it.each([
    ['本部门2025年收入预算总额为150.00万元。', '收入合计'],
    ['2025年部门支出预算总额为150.00万元。', '支出合计'],
    ['我部门2025年支出预算为150.00万元。', '支出合计'],
    ['一般公共预算拨款收入150.00万元，占本年收入的100.00%。', '一般公共预算'],
    ['2025年“三公”经费预算数为6.00万元，其中：因公出国（境）费0万元，公务用车购置及运行费2.00万元（其中：公务用车购置费0万元，公务用车运行费2.00万元），公务接待费4.00万元。', '“三公”经费'],
  ])('checks “%s” against the tables (%s)', (sentence) => {
    const ok = runChecks(sampleBudget({ narrative: [sentence] }));
    expect(ok.findings.filter((f) => f.kind === 'narrative' || f.kind === 'unit')).toEqual([]);
    expect(ok.coverage.find((c) => c.rule === 'narrative.amounts')?.outcome).toBe('passed');
    const wrong = runChecks(sampleBudget({ narrative: [sentence.replace(/(150|6)\.00万元/, (m) => m.replace('.00', '.50'))] }));
    expect(of(wrong, 'narrative.amounts').map((f) => f.severity)).toContain('error');
  });
});
