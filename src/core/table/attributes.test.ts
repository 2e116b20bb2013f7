import { describe, expect, it } from 'vitest';
import { isNoteText, parseAttributeLine, parseTitleLine } from './attributes';

describe('heading lines around a table', () => {
  it.each([
    ['预算01表', { code: '预算01表' }],
    ['公开03表', { code: '公开03表' }],
    ['部门名称：焦作市中站区医疗保障局', { department: '焦作市中站区医疗保障局' }],
    ['单位：万元', { unit: '万元' }],
    ['金额单位：万元', { unit: '万元' }],
    ['（单位：万元）', { unit: '万元' }],
    ['部门名称：焦作市中站区医疗保障局　　　　单位：万元', { department: '焦作市中站区医疗保障局', unit: '万元' }],
    ['853001保定市莲池区医疗保障局本级　　预算年度：2025　　单位：万元', { department: '853001保定市莲池区医疗保障局本级', unit: '万元', meta: ['预算年度：2025'] }],
    ['853保定市莲池区医疗保障局 预算年度：2025 单位：万元', { department: '853保定市莲池区医疗保障局', unit: '万元', meta: ['预算年度：2025'] }],
    ['截止时间：2025-12-31', { meta: ['截止时间：2025-12-31'] }],
    ['(2025年度)', { meta: ['(2025年度)'] }],
  ])('%s', (line, attributes) => {
    expect(parseAttributeLine(line)).toEqual(attributes);
  });

  it.each([
    '保定市莲池区医疗保障局（含所属单位）上年末固定资产金额为29.16万元（详见下表）。',
    '机构设置：',
    '附件：保定市莲池区医疗保障局2025年部门预算公开表',
    '保定市莲池区医疗保障局', // a bare name is an attribute only beside a labelled field
    '2025年部门收支预算表',
  ])('not an attribute line: %s', (line) => {
    expect(parseAttributeLine(line)).toBeUndefined();
  });

  it('reads a title with a code beside it', () => {
    expect(parseTitleLine('预算01表      2025年部门收支预算表')).toEqual({ title: '2025年部门收支预算表', attributes: { code: '预算01表' } });
    expect(parseTitleLine('部门机构设置情况')).toEqual({ title: '部门机构设置情况', attributes: {} });
    expect(parseTitleLine('现将预算公开如下：')).toBeUndefined();
    expect(parseTitleLine('注：本表无数据')).toBeUndefined();
  });

  it.each([
    ['注：报表金额单位转换时可能存在四舍五入尾数误差。', true],
    ['本表仅含当年财政拨款安排的支出。', true],
    ['本部门2025年度没有政府性基金预算支出，故本表无数据。', true],
    ['二、部门预算安排的总体情况', false],
  ])('note? %s', (text, note) => {
    expect(isNoteText(text)).toBe(note);
  });
});
