import { describe, expect, it } from 'vitest';
import { joinWrappedLines, normalizeText } from './normalize';

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
