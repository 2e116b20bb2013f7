import { describe, expect, it } from 'vitest';
import { SheetNames, cleanSheetName, internalLink } from './sheet-names';

describe('sheet names', () => {
  it.each([
    { raw: '2025年部门收支预算表', expected: '2025年部门收支预算表' },
    { raw: '收入/支出[汇总]:表*?', expected: '收入_支出_汇总__表__' },
    { raw: "'引号'", expected: '引号' },
    { raw: '  多个   空格\t表 ', expected: '多个 空格 表' },
    { raw: '一般公共预算财政拨款基本支出决算明细表（按部门预算经济分类科目）', expected: '一般公共预算财政拨款基本支出决算明细表（按部门预算经济分类科目' },
    { raw: '𠀀'.repeat(40), expected: '𠀀'.repeat(31) },
  ])('cleans $raw', ({ raw, expected }) => {
    const name = cleanSheetName(raw);
    expect(name).toBe(expected);
    expect(Array.from(name).length).toBeLessThanOrEqual(31);
  });

  it('makes names unique (ignoring case), within 31 characters, away from reserved names', () => {
    const names = new SheetNames(['说明', '问题清单']);
    const long = '一般公共预算财政拨款基本支出决算明细表（按部门预算经济分类科目）';
    const got = [
      names.claim('支出表', '表1'),
      names.claim('支出表', '表2'),
      names.claim('支出表', '表3'),
      names.claim('说明', '表4'),
      names.claim(long, '表5'),
      names.claim(long, '表6'),
      names.claim('', '表7'),
      names.claim('History', '表8'),
      names.claim('abc', '表9'),
      names.claim('ABC', '表10'),
    ];
    expect(got).toEqual(['支出表', '支出表(2)', '支出表(3)', '说明(2)', cleanSheetName(long), `${Array.from(long).slice(0, 28).join('')}(2)`, '表7', '表8', 'abc', 'ABC(2)']);
    for (const n of got) expect(Array.from(n).length).toBeLessThanOrEqual(31);
  });

  it('quotes sheet names in internal links', () => {
    expect(internalLink('支出表', 'C12')).toBe("#'支出表'!C12");
    expect(internalLink("O'Neil", 'A1')).toBe("#'O''Neil'!A1");
  });
});
