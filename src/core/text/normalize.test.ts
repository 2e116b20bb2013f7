import { describe, expect, it } from 'vitest';
import { collapseHanSpacing, joinWrappedLines, normalizeText } from './normalize';

describe('normalizeText', () => {
  it.each([
    ['部⻔', '部门'], // CJK Radicals Supplement: NFKC leaves it
    ['⼯资', '工资'], // Kangxi radical: NFKC handles it
    ['⽀出', '支出'],
    ['项⽬', '项目'],
    ['⼾', '户'], // simplified form, not 戶
    ['（万元）', '（万元）'], // full-width punctuation stays as printed
    ['\uF9FB', '炙'], // compatibility ideograph
    ['2,006.90', '2,006.90'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('joinWrappedLines', () => {
  it('joins Chinese without a space', () => {
    expect(joinWrappedLines(['一般公共预算财政拨', '款支出'])).toBe('一般公共预算财政拨款支出');
  });
  it('keeps a space between Latin words only', () => {
    expect(joinWrappedLines(['PDF', 'export'])).toBe('PDF export');
    expect(joinWrappedLines(['2,006.', '90'])).toBe('2,006.90');
  });
});

describe('collapseHanSpacing', () => {
  it.each([
    ['项    目', '项目'],
    ['单 位 名 称', '单位名称'],
    ['(十七) 金融支出', '(十七) 金融支出'],
    ['DRG 支付', 'DRG 支付'],
    ['2025 年', '2025 年'],
  ])('%s → %s', (input, expected) => {
    expect(collapseHanSpacing(input)).toBe(expected);
  });
});
