import { describe, expect, it } from 'vitest';
import { doc } from '../../../../tests/helpers/doc-builder';
import { SAMPLE_NARRATIVE, sampleBudget, sampleTables } from '../../../../tests/helpers/sample-budget';
import { parseCatalogue } from '../dictionary/catalogue';
import { runChecks } from '../index';
import type { CheckReport, Finding } from '../model';

function of(report: CheckReport, rule: string): Finding[] {
  return report.findings.filter((f) => f.rule === rule);
}

function projectTable(unitNames: string[]): Parameters<typeof doc>[0][number] {
  return {
    title: '2025年项目支出预算表',
    department: '测试市某区医疗保障局',
    header: [['类型', '项目名称', '项目单位', '合计']],
    rows: [['', '', '合计', `${unitNames.length * 10}.00`], ...unitNames.map((u, i) => ['特定目标类', `项目${i}`, u, '10.00'])],
  };
}

describe('naming.department', () => {
  it('reports a one-character variant of the department name with every cell', () => {
    const tables = [...sampleTables(), projectTable(['测试市某区医疗保障局', '测试市某县医疗保障局', '测试市某县医疗保障局'])];
    const f = of(runChecks(doc(tables, SAMPLE_NARRATIVE)), 'naming.department');
    expect(f).toHaveLength(1);
    expect(f[0]!.actual).toBe('测试市某县医疗保障局');
    expect(f[0]!.expected).toBe('测试市某区医疗保障局');
    expect(f[0]!.cells).toHaveLength(2);
  });

  it('does not confuse different units (another name, an ordinal, 本级)', () => {
    const tables = [...sampleTables(), projectTable(['测试市某区医疗保障局本级', '测试市社会医疗保险中心', '测试市第二人民医院'])];
    expect(of(runChecks(doc(tables, SAMPLE_NARRATIVE)), 'naming.department')).toEqual([]);
  });
});

describe('naming.code-names', () => {
  it('reports a code printed with two names', () => {
    const tables = sampleTables();
    tables[2]!.rows[2]![3] = '一般行政运行';
    const f = of(runChecks(doc(tables, SAMPLE_NARRATIVE)), 'naming.code-names').filter((x) => x.severity === 'warning');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('2101501');
  });

  it('compares names with a loaded official catalogue (warning) or the built-in one (note)', () => {
    const catalogue = parseCatalogue('2101501\t行政运行（医保）\n210 15 99 其他医疗保障管理事务支出', '2025年科目表.txt');
    expect(catalogue.entries.get('2101599')).toBe('其他医疗保障管理事务支出');
    const f = of(runChecks(sampleBudget(), { catalogue }), 'naming.code-names');
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0]!.message).toContain('2025年科目表.txt');
  });

  it('reports one function class printed twice in 收支总表 (a former name left in the template)', () => {
    const tables = sampleTables();
    tables[0]!.rows[2]![2] = '三、医疗卫生与计划生育支出';
    tables[0]!.rows[2]![3] = '';
    tables[0]!.rows.splice(3, 0, ['', '', '四、住房保障支出', '10.00']);
    const f = of(runChecks(doc(tables, SAMPLE_NARRATIVE)), 'naming.code-names');
    expect(f.some((x) => x.message.includes('医疗卫生与计划生育支出'))).toBe(true);
  });
});

describe('text rules', () => {
  it('flags template leftovers as errors', () => {
    const r = runChecks(sampleBudget({ narrative: [...SAMPLE_NARRATIVE, 'XX局2025年部门预算由某某负责编制。'] }));
    expect(of(r, 'text.template').map((f) => f.severity)).toEqual(['error', 'error']);
    // "×100%" in a formula is not a leftover.
    const ok = runChecks(sampleBudget({ narrative: [...SAMPLE_NARRATIVE, '预算执行率=(预算完成数/预算数)×100%。'] }));
    expect(of(ok, 'text.template')).toEqual([]);
  });

  it('flags doubled words and punctuation as notes', () => {
    const r = runChecks(sampleBudget({ narrative: [...SAMPLE_NARRATIVE, '预算收入150.00万元，其中：其中：一般公共预算150.00万元。。'] }));
    expect(of(r, 'text.duplicates').map((f) => f.actual)).toEqual(['其中：其中：', '。。']);
  });

  it('flags skipped and repeated outline numbers, allowing nested lists that restart at 1', () => {
    const ok = runChecks(sampleBudget({ narrative: ['一、概况', '（一）职责', '（二）机构', '二、说明', '（一）收入', '（二）支出', '三、其他'] }));
    expect(of(ok, 'text.numbering')).toEqual([]);
    const bad = runChecks(sampleBudget({ narrative: ['1、收入说明', '3、支出说明', '3、比上年增减情况'] }));
    expect(of(bad, 'text.numbering').map((f) => f.message)).toEqual([
      expect.stringContaining('不连续'),
      expect.stringContaining('重复'),
    ]);
  });

  it('flags a year compared with itself and a table titled with another year', () => {
    const tables = sampleTables();
    tables[4]!.title = '2024年一般公共预算“三公”经费预算表';
    const r = runChecks(doc(tables, [...SAMPLE_NARRATIVE, '2025年收入预算150.00万元，比2025年预算增加15.00万元。']));
    const f = of(r, 'text.years');
    expect(f).toHaveLength(2);
    expect(f.map((x) => x.message).join('\n')).toContain('应为上年（2024年）');
    expect(f.map((x) => x.message).join('\n')).toContain('标题年度为 2024 年');
  });

  it('flags a topic declared nil and given an amount elsewhere', () => {
    const r = runChecks(sampleBudget({ narrative: [...SAMPLE_NARRATIVE, '2025年政府采购预算安排12.00万元。', '我部门2025年无政府采购预算。'] }));
    expect(of(r, 'text.nil-contradictions')).toHaveLength(1);
  });
});
