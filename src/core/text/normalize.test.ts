import { describe, expect, it } from 'vitest';
import { closeCjkGaps, closeDigitHanGaps, closeFigureUnitGaps, joinWrappedLines, normalizeText } from './normalize';

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

describe('closeCjkGaps', () => {
  it.each([
    ['项    目', '项目'],
    ['资 金 性 质', '资金性质'],
    ['其中：财政    资金', '其中：财政资金'],
    ['2025年  预留中  小微企  业份额', '2025年预留中小微企业份额'],
    ['联合卫健、金融、银保监等部门印发了《关于促进焦作市普惠型商业补充医疗保险发展 进一步完善多层次医疗保障体系的指导意见》', '联合卫健、金融、银保监等部门印发了《关于促进焦作市普惠型商业补充医疗保险发展 进一步完善多层次医疗保障体系的指导意见》'],
    ['(十七) 金融支出', '(十七) 金融支出'],
    ['DIP 付费', 'DIP 付费'],
  ])('%j reads %j', (typed, read) => {
    expect(closeCjkGaps(typed)).toBe(read);
  });
});

describe('closeDigitHanGaps', () => {
  it.each([
    ['单价在 50 万元以上', '单价在50万元以上'],
    ['3 月底', '3月底'],
    ['≥95 百分比', '≥95百分比'],
    ['1. 一般公共预算', '1. 一般公共预算'],
    ['DIP 付费', 'DIP 付费'],
  ])('%j reads %j', (typed, read) => {
    expect(closeDigitHanGaps(typed)).toBe(read);
  });
});

describe('closeFigureUnitGaps', () => {
  it.each([
    ['拟购置固定资产总额为0.26 万元', '拟购置固定资产总额为0.26万元'],
    ['公务接待费 0.02万元', '公务接待费 0.02万元'],
  ])('%j reads %j', (typed, read) => {
    expect(closeFigureUnitGaps(typed)).toBe(read);
  });
});
