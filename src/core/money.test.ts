import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount } from './money';

describe('parseAmount', () => {
  it.each([
    ['2,006.90', 200690],
    ['2006.90', 200690],
    ['0.00', 0],
    ['-', 0],
    ['--', 0],
    ['', null],
    ['  ', null],
    ['-12.5', -1250],
    ['(1.50)', -150],
    ['1,234,567.01', 123456701],
    ['２，００６．９０', 200690],
    ['－３．５０', -350],
    ['14', 1400],
    ['≥90%', null],
    ['100百分比', null],
    ['2101501x', null],
    ['1,23.00', null],
    ['3.141', null],
  ])('%j → %j', (text, expected) => {
    expect(parseAmount(text)).toBe(expected);
  });
});

describe('formatAmount', () => {
  it.each([
    [200690, '2,006.90'],
    [0, '0.00'],
    [-150, '-1.50'],
    [5, '0.05'],
  ])('%j → %s', (value, expected) => {
    expect(formatAmount(value)).toBe(expected);
  });
});
