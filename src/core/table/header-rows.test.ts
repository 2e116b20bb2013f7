import { describe, expect, it } from 'vitest';
import type { PlacedCell } from './header-rows';
import { cellValue, detectHeaderRows, identifierColumns } from './header-rows';

type Spec = string | [string, number, number] | null;

/** Builds the placed cells of a grid from rows of specs: "text", [text, rowSpan, colSpan], or null (covered). */
function grid(rows: Spec[][]): { at: (PlacedCell | null)[][]; raw: PlacedCell[] } {
  const raw: PlacedCell[] = [];
  const at = rows.map((row, r) =>
    row.map((spec, c) => {
      if (spec === null) return null;
      const [text, rowSpan, colSpan] = typeof spec === 'string' ? [spec, 1, 1] : spec;
      const cell = { r0: r, c0: c, rowSpan, colSpan, text };
      raw.push(cell);
      return cell;
    }),
  );
  return { at, raw };
}

function headerRows(rows: Spec[][]): number {
  const { at, raw } = grid(rows);
  return detectHeaderRows(at, raw, rows.length);
}

describe('detectHeaderRows', () => {
  it('stops at the first row of figures and keeps merged header cells whole', () => {
    expect(
      headerRows([
        [['科目编码', 1, 2], null, ['合计', 2, 1], ['基本支出', 1, 2], null],
        ['类', '款', null, '人员经费', '公用经费'],
        ['208', '05', '14.60', '14.60', ''],
      ]),
    ).toBe(2);
  });

  it('counts a 栏次 row as header', () => {
    expect(headerRows([['项目', '决算数'], ['栏次', '1'], ['合计', '1,269.24']])).toBe(2);
  });

  it('does not mistake 合计 among column titles for a totals row', () => {
    expect(
      headerRows([
        [['预算数', 1, 3], null, null],
        ['合计', '因公出国（境）费', '公务接待费'],
        ['6.50', '0.00', '2.00'],
      ]),
    ).toBe(2);
  });

  it('ends the header of an empty table at its 合计 row', () => {
    expect(headerRows([['科目编码', '科目名称', '合计'], ['类', '', ''], ['', '合计', '']])).toBe(2);
  });

  it('gives a form (label | value spanning columns) no header', () => {
    expect(headerRows([['部门(单位)名称', ['焦作市中站区医疗保障局', 1, 3], null, null], ['年度履职目标', ['深入贯彻…', 1, 3], null, null]])).toBe(0);
  });

  it('keeps a whole header closed by its 栏次 row when the page holds nothing else', () => {
    expect(headerRows([[['序号', 2, 1], ['收入', 1, 2], null], [null, '项目', '预算数'], ['栏次', '1', '2']])).toBe(3);
  });

  it('takes the first row when nothing marks the body', () => {
    expect(headerRows([['单位名称', '单位性质'], ['保定市莲池区医疗保障局本级', '行政']])).toBe(1);
  });
});

describe('values', () => {
  it('marks code, 行次 and 序号 columns, including those under a spanning 科目编码', () => {
    const { raw } = grid([
      [['科目编码', 1, 3], null, null, '科目名称', '行次', '金额'],
      ['类', '款', '项', '', '', ''],
    ]);
    expect(identifierColumns(raw, 2, 6)).toEqual([true, true, true, false, true, false]);
  });

  it.each([
    ['2,006.90', false, 200690],
    ['-', false, 0],
    ['2101501', true, null],
    ['', false, null],
    ['≥90%', false, null],
  ])('%s (code column: %s) → %s', (text, identifier, expected) => {
    expect(cellValue(text, identifier)).toBe(expected);
  });
});
