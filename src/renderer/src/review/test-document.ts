/**
 * A small hand-made extraction (支出表 with a two-row merged header) for unit tests of the review
 * logic, so they do not depend on the PDF extractor.
 */
import type { Cell, ExtractedDocument, GridRow, Table } from '../../../core/model';
import { parseAmount } from '../../../core/money';

export function cell(text: string, rowSpan = 1, colSpan = 1, page = 1): Cell {
  return { text, value: parseAmount(text), rowSpan, colSpan, page, bbox: [100, 600, 160, 620], confidence: 'ok' };
}

/** "^" marks a position covered by a span. */
export function grid(rows: (Cell | '^')[][]): GridRow[] {
  return rows.map((r) => r.map((x) => (x === '^' ? null : x)));
}

export const EXPENDITURE_BODY = [
  ['210', '卫生健康支出', '698.93', '625.94', '0.00', '72.98'],
  ['21015', '医疗保障管理事务', '698.93', '625.94', '0.00', '72.98'],
  ['2101501', '行政运行', '625.94', '625.94', '0.00', ''],
  ['', '合计', '698.93', '625.94', '0.00', '72.98'],
];

export function expenditureTable(id = 't1', body: string[][] = EXPENDITURE_BODY, title = '部门支出预算表'): Table {
  return {
    id,
    title,
    code: '预算03表',
    unit: '万元',
    department: null,
    pages: [1, 1],
    notes: [],
    columnCount: 6,
    header: grid([
      [cell('科目编码', 2), cell('科目名称', 2), cell('合计', 2), cell('基本支出', 1, 2), '^', cell('项目支出', 2)],
      ['^', '^', '^', cell('人员经费'), cell('公用经费'), '^'],
    ]),
    rows: body.map((r) => r.map((t) => cell(t))),
  };
}

export function testDocument(sha256: string, tables: Table[] = [expenditureTable()]): ExtractedDocument {
  return { schemaVersion: 1, source: { path: 'a.pdf', sha256, pages: 1 }, narrative: [], tables };
}
