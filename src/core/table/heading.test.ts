import { describe, expect, it } from 'vitest';
import { isNoteStart, isPageNumber, matchCode, matchDepartment, matchUnit, titleScore } from './heading';

describe('table attributes', () => {
  it.each([
    ['预算01表', '预算01表'],
    ['公开 03 表', '公开03表'],
    ['附表1', '附表1'],
    ['附表 2-1', '附表2-1'],
    ['2025年部门收支预算表', null],
    ['单位：万元', null],
  ])('code %s → %s', (text, expected) => expect(matchCode(text)).toBe(expected));

  it.each([
    ['单位：万元', '万元'],
    ['单位:元', '元'],
    ['金额单位：亿元', '亿元'],
    ['单位名称：焦作市医疗保障局', null],
  ])('unit %s → %s', (text, expected) => expect(matchUnit(text)).toBe(expected));

  it.each([
    ['部门名称：焦作市中站区医疗保障局', '焦作市中站区医疗保障局'],
    ['编制部门：上海市普陀区司法局', '上海市普陀区司法局'],
    ['2023年度部门：焦作市医疗保障局', '焦作市医疗保障局'],
    ['单位：万元', null],
    ['2025年收入总计2006.90万元', null],
  ])('department %s → %s', (text, expected) => expect(matchDepartment(text)).toBe(expected));

  it.each([
    ['注：报表金额单位转换时可能存在四舍五入尾数误差。', true],
    ['注:本部门2026年无政府性基金预算财政拨款安排的预算，故本表为空表。', true],
    ['本部门2025年度没有政府性基金预算支出，故本表无数据。', true],
    ['2025年收入总计2006.90万元，支出总计2006.90万元。', false],
  ])('note %s → %s', (text, expected) => expect(isNoteStart(text)).toBe(expected));

  it.each([
    ['- 12 -', true],
    ['12', true],
    ['第 3 页 共 20 页', true],
    ['2025', true],
    ['2025年', false],
  ])('page number %s → %s', (text, expected) => expect(isPageNumber(text)).toBe(expected));

  it('scores a title above narrative', () => {
    expect(titleScore('2025年部门收支预算表', 16, 12, true)).toBeGreaterThan(titleScore('主要用于：参加城乡居民医保区级财政资金配套。', 12, 12, false));
    expect(titleScore('单位：万元', 12, 12, false)).toBe(0);
  });
});
