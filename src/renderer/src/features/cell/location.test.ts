import { describe, expect, it } from 'vitest';
import { cell, expenditureTable, testDocument } from '../../review/test-document';
import { cellLocation, tableLocation } from './location';

describe('source locations', () => {
  it('names PDF pages, worksheets with the cell address, and DOCX table rows', () => {
    const pdf = testDocument('h');
    const table = { ...expenditureTable(), pages: [3, 4] as [number, number] };
    expect(tableLocation(pdf, table)).toBe('第 3–4 页');
    expect(cellLocation(pdf, cell('1.00', 1, 1, 4))).toBe('第 4 页');

    const xlsx = { ...pdf, source: { ...pdf.source, format: 'xlsx' as const } };
    expect(tableLocation(xlsx, { ...table, pages: [2, 2] })).toBe('第 2 个工作表');
    const inSheet = { ...cell('1.00'), source: { kind: 'xlsx' as const, sheet: '预算01表', sheetIndex: 2, row: 7, col: 3, address: 'C7' } };
    expect(cellLocation(xlsx, inSheet)).toBe('工作表“预算01表” C7 单元格');

    const docx = { ...pdf, source: { ...pdf.source, format: 'docx' as const } };
    expect(tableLocation(docx, table)).toBe('');
    const inDocx = { ...cell('1.00'), source: { kind: 'docx' as const, table: 0, row: 4, col: 1, cell: 1 } };
    expect(cellLocation(docx, inDocx)).toBe('文档第 1 个表格第 5 行');
  });
});
