import { describe, expect, it } from 'vitest';
import { classifyCode, classifyHeader, classifyTable, classifyTitle } from './table-type';
import type { TableType } from './table-type';

// Titles as printed in the seeds (焦作, 保定), the Shanghai PDFs and common variants.
const TITLES: [string, TableType][] = [
  ['2025年部门收支预算表', 'summary'],
  ['部门预算收支总表', 'summary'],
  ['单位预算收支总表', 'summary'],
  ['2026年部门财务收支预算总表', 'summary'],
  ['2025年预算单位财务收支预算总表', 'summary'],
  ['收入支出决算总表', 'summary'],
  ['2025年部门收入预算表', 'income'],
  ['部门预算收入总表', 'income'],
  ['2026年部门收入预算总表', 'income'],
  ['收入决算表', 'income'],
  ['2025年部门支出预算表', 'expense'],
  ['部门预算支出总表', 'expense'],
  ['2025年预算单位支出预算总表', 'expense'],
  ['支出决算表', 'expense'],
  ['2025年财政拨款收支预算表', 'fiscal-summary'],
  ['部门预算财政拨款收支总表', 'fiscal-summary'],
  ['2026年部门财政拨款收支预算总表', 'fiscal-summary'],
  ['财政拨款收入支出决算总表', 'fiscal-summary'],
  ['2025年一般公共预算支出预算表', 'general-expense'],
  ['部门预算一般公共预算财政拨款支出表', 'general-expense'],
  ['2026年部门一般公共预算支出功能分类预算表', 'general-expense'],
  ['一般公共预算财政拨款支出决算表', 'general-expense'],
  ['2025年一般公共预算基本支出预算表', 'general-basic'],
  ['部门预算一般公共预算财政拨款基本支出表', 'general-basic'],
  ['2026年部门一般公共预算基本支出部门预算经济分类预算表', 'general-basic'],
  ['2025年一般公共预算基本支出明细表', 'basic-detail'],
  ['2025年支出经济分类汇总表', 'econ-summary'],
  ['2025年一般公共预算“三公”经费预算表', 'three-public'],
  ['部门预算财政拨款“三公”经费支出表', 'three-public'],
  ['2026年部门“三公”经费和机关运行经费预算表', 'three-public'],
  ['财政拨款“三公”经费支出决算表', 'three-public'],
  ['2025年政府性基金支出预算表', 'gov-fund'],
  ['2026年部门政府性基金预算支出功能分类预算表', 'gov-fund'],
  ['政府性基金预算财政拨款收入支出决算表', 'gov-fund'],
  ['2025年国有资本经营支出预算表', 'state-capital'],
  ['国有资本经营预算财政拨款支出决算表', 'state-capital'],
  ['2025年项目支出预算表', 'project'],
  ['2025年机关（机构）运行经费', 'admin-cost'],
  ['部门政府采购预算', 'procurement'],
  ['部门固定资产占用情况表', 'assets'],
  ['本级部门(单位)整体绩效目标表', 'performance'],
  ['2025年部门预算项目绩效目标表', 'performance'],
  ['1、城乡医疗救助绩效目标表', 'performance'],
  ['部门整体自评表', 'performance'],
  ['部门机构设置情况', 'other'],
];

describe('classifyTitle', () => {
  it.each(TITLES)('%s → %s', (title, type) => {
    expect(classifyTitle(title)).toBe(type);
  });

  it('names nothing for a title that is not a standard table', () => {
    expect(classifyTitle('第三部分 名词解释')).toBeNull();
  });
});

describe('classifyCode', () => {
  it.each([
    ['公开01表', 'summary'],
    ['公开03表', 'expense'],
    ['公开06表', 'general-basic'],
    ['公开09表', 'three-public'],
  ] as const)('%s → %s', (code, type) => {
    expect(classifyCode(code)).toBe(type);
  });

  it('ignores regional 预算NN表 numbering (not national)', () => {
    expect(classifyCode('预算01表')).toBeNull();
  });
});

describe('classifyTable', () => {
  it('falls back from title to code to header', () => {
    expect(classifyTable(null, '公开05表', '')).toEqual({ type: 'general-expense', confidence: 'medium', by: 'code' });
    expect(classifyTable(null, null, '收入|支出|项目|金额|项目|金额')).toEqual({ type: 'summary', confidence: 'low', by: 'header' });
    expect(classifyHeader('合计|因公出国（境）费|公务接待费')).toBe('three-public');
    expect(classifyTable(null, null, '').type).toBe('other');
  });
});
