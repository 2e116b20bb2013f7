import { describe, expect, it } from 'vitest';
import { AMOUNT_MIN_PROBABILITY, assessCell, figureFormatProblems, looksLikeFigure } from '../../src/ocr/amounts';

const sure = (text: string): number[] => Array.from(text).map(() => 0.99);

describe('assessCell: an OCR figure is passed on only when every character is sure and its form is right', () => {
  it('a well-formed figure read with high probability is not flagged', () => {
    expect(assessCell('2,006.90', sure('2,006.90'))).toEqual({ confidence: 0.99, flagged: false, reasons: [], amount: true });
    expect(assessCell('0.52', sure('0.52')).flagged).toBe(false);
  });

  it('one uncertain digit flags the figure', () => {
    const probs = sure('2,006.90');
    probs[3] = AMOUNT_MIN_PROBABILITY - 0.01;
    expect(assessCell('2,006.90', probs)).toMatchObject({ flagged: true, reasons: ['low-probability'], amount: true, confidence: 0.89 });
  });

  it('a digit look-alike letter, wrong comma groups, or wrong decimals flag the figure even when sure', () => {
    expect(assessCell('l,234.56', sure('l,234.56')).reasons).toContain('ambiguous-character');
    expect(assessCell('2,O06.90', sure('2,O06.90')).reasons).toContain('ambiguous-character');
    expect(assessCell('1,23.45', sure('1,23.45')).reasons).toContain('separator-groups');
    expect(assessCell('2006.9', sure('2006.9')).reasons).toContain('decimal-places');
    expect(assessCell('2,006.9013', sure('2,006.9013')).reasons).toContain('decimal-places');
    expect(assessCell('2006.902006.90', sure('2006.902006.90')).flagged).toBe(true);
  });

  it('labels are flagged only below the text probability; header cells are never figures', () => {
    expect(assessCell('一般公共服务支出', sure('一般公共服务支出'))).toMatchObject({ flagged: false, amount: false });
    expect(assessCell('一般公共服务支出', [0.99, 0.4, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99]).reasons).toEqual(['low-probability']);
    expect(assessCell('2025', sure('2025'), { header: true }).amount).toBe(false);
  });

  it('an empty cell is sure and not flagged', () => {
    expect(assessCell('', [])).toEqual({ confidence: 1, flagged: false, reasons: [], amount: false });
  });
});

describe('looksLikeFigure / figureFormatProblems', () => {
  it('recognises figures and figures with look-alikes, not words', () => {
    expect(looksLikeFigure('1,269.24')).toBe(true);
    expect(looksLikeFigure('(3.00)')).toBe(true);
    expect(looksLikeFigure('1O.5O')).toBe(true);
    expect(looksLikeFigure('合计')).toBe(false);
  });

  it('a well-formed figure has no problems', () => {
    expect(figureFormatProblems('1,269.24')).toEqual([]);
    expect(figureFormatProblems('-14.60')).toEqual([]);
  });
});
