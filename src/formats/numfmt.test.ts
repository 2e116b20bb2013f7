import { describe, expect, it } from 'vitest';
import { parseAmount } from '../core/money';
import { formatDateWith, formatGeneral, formatNumber } from './numfmt';

describe('formatNumber prints a cell as Excel/WPS do', () => {
  it.each([
    // format, stored value, printed text
    ['#,##0.00', 2006.9, '2,006.90'],
    ['#,##0.00', 450.77, '450.77'],
    ['#,##0.00', 0, '0.00'],
    ['#,##0.00', -1863.66, '-1,863.66'],
    ['#,##0.00', 123456789012.34, '123,456,789,012.34'],
    ['0.00', 0.005, '0.01'],
    ['0.00', 1.005, '1.01'], // the double is 1.00499…; Excel rounds what it shows at 15 digits
    ['0.00', 2.675, '2.68'],
    ['0.00', 999.995, '1000.00'],
    ['0.00', 0.004, '0.00'],
    ['0.00', -0.001, '0.00'], // rounds to zero: no minus sign
    ['0.00', 0.1 + 0.2, '0.30'],
    ['0', 1234.5, '1235'],
    ['#,##0', 1234567.5, '1,234,568'],
    ['#.00', 0.5, '.50'],
    ['0.0#', 1.5, '1.5'],
    ['0.0#', 1.25, '1.25'],
    ['0.00%', 0.0714, '7.14%'],
    ['0%', 0.9286, '93%'],
    ['#,##0.00_ ', 2006.9, '2,006.90 '],
    ['#,##0.00_);[Red](#,##0.00)', -1.5, '(1.50)'],
    ['#,##0.00_);[Red](#,##0.00)', 1.5, '1.50 '],
    ['0.00;-0.00;""', 0, ''],
    ['0.00;-0.00;"-"', 0, '-'],
    ['_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ', 0, ' -   '],
    ['_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ', 2006.9, ' 2,006.90 '],
    ['_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ', -3.93, ' -3.93 '],
    ['[$¥-804]#,##0.00', 1234.5, '¥1,234.50'],
    ['0.00"万元"', 12.3, '12.30万元'],
    ['\\¥0.00', 5, '¥5.00'],
    ['0.0,', 12345, '12.3'],
    ['[>=1000]#,##0;0.00', 2500, '2,500'],
    ['[>=1000]#,##0;0.00', 25, '25.00'],
    ['General', 2006.9, '2006.9'],
    ['General', 0.1 + 0.2, '0.3'],
    ['0.00E+00', 12345, '12345'], // scientific: shown as General (not supported)
  ] as const)('%s of %s → %j', (format, value, printed) => {
    expect(formatNumber(value, format)).toBe(printed);
  });

  it('keeps hundredths exact for two-decimal amounts (all up to 200.00, a stride up to 100,000.00)', () => {
    const wrong: number[] = [];
    for (let cents = 0; cents <= 10_000_000; cents += cents < 20_000 ? 1 : 97) {
      const stored = cents / 100; // what a spreadsheet holds for the typed amount
      if (parseAmount(formatNumber(stored, '#,##0.00')) !== cents) wrong.push(cents);
    }
    expect(wrong).toEqual([]);
  });

  it('without a format prints General', () => {
    expect(formatNumber(450.77, undefined)).toBe('450.77');
    expect(formatGeneral(3)).toBe('3');
  });
});

describe('dates', () => {
  const date = new Date(Date.UTC(2025, 11, 31, 8, 5, 9));
  it.each([
    ['yyyy-mm-dd', '2025-12-31'],
    ['yyyy"年"m"月"d"日"', '2025年12月31日'],
    ['yyyy/m/d h:mm', '2025/12/31 8:05'],
    [undefined, '2025-12-31'],
  ] as const)('%s → %s', (format, printed) => {
    expect(formatDateWith(date, format)).toBe(printed);
  });

  it('a serial number under a date format prints as a date', () => {
    expect(formatNumber(46022, 'yyyy-mm-dd')).toBe('2025-12-31');
  });
});
