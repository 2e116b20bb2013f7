import { describe, expect, it } from 'vitest';
import { loadContent } from '../../tests/fixtures/truth';
import { amountColumns, codeColumns, displayWidth, isAmountCell } from './columns';
import { tableFromSpec, type TableSpec } from './testing/document-builder';

const header = (...texts: string[]): TableSpec['header'] => [texts];

function spec(h: TableSpec['header'], rows: TableSpec['rows']): TableSpec {
  return { title: 't', code: null, unit: null, department: null, notes: [], header: h, rows };
}

describe('code columns', () => {
  it.each([
    { name: 'function code', header: header('功能分类科目编码', '科目名称', '合计'), codes: [true, false, false] },
    { name: '行次 columns of a balance table', header: header('项目', '行次', '决算数', '项目', '行次', '决算数'), codes: [false, true, false, false, true, false] },
    { name: '序号', header: header('序号', '项目名称', '金额'), codes: [true, false, false] },
    { name: 'split 类/款/项 under a spanning 科目编码', header: [[{ text: '科目编码', colSpan: 3 }, null, null, '科目名称', '合计'], ['类', '款', '项', null, null]], codes: [true, true, true, false, false] },
    { name: 'a 项目 header is not 项', header: header('项目', '本年支出'), codes: [false, false] },
    { name: 'the 栏次 row does not make its columns codes', header: [['项目', '本年支出合计'], ['栏次', '1']], codes: [false, false] },
  ])('$name', ({ header: h, codes }) => {
    expect(codeColumns(tableFromSpec(spec(h, []), 't1'))).toEqual(codes);
  });
});

describe('amount cells in the seed tables', () => {
  // Every bare integer printed in these tables is a code, a 行次 or a 栏次 number; every amount
  // has two decimals (checked by hand against the seeds).
  const tables = [...loadContent('content/000.json').tables, ...loadContent('content/002.json').tables].filter(
    (t) => !t.form && t.rows.some((r) => r.some((c) => /\d/.test(typeof c === 'string' ? c : (c?.text ?? '')))),
  );

  it.each(tables.map((t) => ({ title: t.title, t })))('$title: integers stay text, decimals become numbers', ({ t }) => {
    const table = tableFromSpec(t, 't1');
    const codes = codeColumns(table);
    const amounts = amountColumns(table, codes);
    let checked = 0;
    table.rows.forEach((row) =>
      row.forEach((cell, c) => {
        if (!cell) return;
        const text = cell.text.trim();
        const numberRow = row.some((x) => x?.text === '栏次');
        if (/^\d+$/.test(text)) {
          expect(isAmountCell(cell, codes[c]!, amounts[c]!, numberRow), `${text} in column ${c}`).toBe(false);
          checked++;
        } else if (/^-?[\d,]+\.\d\d$/.test(text)) {
          expect(isAmountCell(cell, codes[c]!, amounts[c]!, numberRow), `${text} in column ${c}`).toBe(true);
          checked++;
        }
      }),
    );
    expect(checked).toBeGreaterThan(0);
  });
});

describe('display width', () => {
  it.each([
    { text: '1,269.26', width: 8 },
    { text: '支出决算表', width: 10 },
    { text: '（1）政府预算', width: 13 },
    { text: 'A股', width: 3 },
    { text: '', width: 0 },
  ])('$text is $width wide', ({ text, width }) => expect(displayWidth(text)).toBe(width));
});
