import { describe, expect, it } from 'vitest';
import { doc } from '../../../../tests/helpers/doc-builder';
import { SAMPLE_NARRATIVE, sampleTables } from '../../../../tests/helpers/sample-budget';
import { runChecks } from '../index';

const emptyFund = (notes: string[]): Parameters<typeof doc>[0][number] => ({
  title: '2025年政府性基金支出预算表',
  notes,
  header: [['科目编码', '科目名称', '合计', '基本支出', '项目支出']],
  rows: [['', '合计', '', '', '']],
});

describe('completeness.mandatory', () => {
  it('lists each mandatory table that is missing (预算: nine tables)', () => {
    const r = runChecks(doc(sampleTables(), SAMPLE_NARRATIVE));
    const missing = r.findings.filter((f) => f.rule === 'completeness.mandatory').map((f) => f.message);
    expect(missing).toHaveLength(4);
    expect(missing.join('\n')).toContain('收入表');
    expect(missing.join('\n')).toContain('财政拨款收支表');
    expect(missing.every((m) => !m.includes('三公'))).toBe(true);
  });
});

describe('completeness.empty-tables', () => {
  it('accepts an empty table whose note explains it', () => {
    const r = runChecks(doc([...sampleTables(), emptyFund(['注：本部门2025年度没有政府性基金预算支出，故本表无数据。'])], SAMPLE_NARRATIVE));
    expect(r.findings.filter((f) => f.rule === 'completeness.empty-tables')).toEqual([]);
  });

  it('accepts an empty table the narrative explains', () => {
    const narrative = [...SAMPLE_NARRATIVE, '我部门2025年没有使用政府性基金预算拨款安排的支出。'];
    const r = runChecks(doc([...sampleTables(), emptyFund([])], narrative));
    expect(r.findings.filter((f) => f.rule === 'completeness.empty-tables')).toEqual([]);
  });

  it('warns about an empty table nobody explains', () => {
    const r = runChecks(doc([...sampleTables(), emptyFund([])], SAMPLE_NARRATIVE));
    const f = r.findings.filter((x) => x.rule === 'completeness.empty-tables');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
  });

  it('warns about a 空表 note printed under figures', () => {
    const tables = sampleTables();
    tables[4]!.notes = ['注:本部门2025年无“三公”经费预算，故本表为空表。'];
    const f = runChecks(doc(tables, SAMPLE_NARRATIVE)).findings.filter((x) => x.rule === 'completeness.empty-tables');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('表注与内容矛盾');
    expect(f[0]!.cells.length).toBeGreaterThan(0);
  });
});
