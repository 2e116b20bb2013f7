import { describe, expect, it } from 'vitest';
import { isGarbageText } from '../../src/node/ocr-engine';

describe('isGarbageText', () => {
  it('a real Chinese sentence is not garbage', () => {
    expect(isGarbageText('2025年“三公”经费预算3.52万元，其中公务用车运行费3.00万元，公务接待费0.52万元。')).toBe(false);
    expect(isGarbageText('一、部门主要职责：贯彻执行国家医疗保障政策，组织拟订全区医疗保障制度（草案）。')).toBe(false);
  });

  it('a table row of figures and labels is not garbage', () => {
    expect(isGarbageText('一般公共预算拨款收入 1,234.56 1,000.00 234.56 合计 2,469.12')).toBe(false);
  });

  it('private-use code points (a ToUnicode map to nowhere) are garbage', () => {
    const pua = Array.from({ length: 40 }, (_, i) => String.fromCodePoint(0xe000 + i)).join('');
    expect(isGarbageText(pua)).toBe(true);
    // mostly private-use with a few real characters mixed in
    expect(isGarbageText(`${pua}预算2025`)).toBe(true);
  });

  it('glyph ids mapped into Latin Extended / symbols are garbage', () => {
    expect(isGarbageText('ĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğ')).toBe(true);
  });

  it('short strings are never garbage (too little to judge)', () => {
    expect(isGarbageText('')).toBe(false);
    expect(isGarbageText('\ue000\ue001\ue002')).toBe(false);
    expect(isGarbageText('ĀāĂăĄą')).toBe(false);
  });

  it('whitespace does not count towards the length', () => {
    expect(isGarbageText(`${' '.repeat(50)}\ue000\ue001\ue002\n\t`)).toBe(false);
  });
});
