/**
 * Workbooks built here cell by cell, for what the fixtures do not isolate: printed numbers under
 * common WPS formats, merges crossing hidden rows, formulas without a cached result, sheets that
 * are text, and the source addresses the sheet view highlights.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../core/model';
import { extractOffice } from './index';
import { columnLetters } from './xlsx';

async function read(build: (wb: ExcelJS.Workbook) => void): Promise<ExtractedDocument> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return extractOffice(bytes, '.xlsx', { path: 'x.xlsx', sha256: '' });
}

/** Title row, 部门/单位 row, two-row merged header: 项目 | 金额 (本年 | 上年). */
function budgetSheet(wb: ExcelJS.Workbook, name = '预算01表'): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.mergeCells('A1:C1');
  ws.getCell('A1').value = '2025年部门收支预算表';
  ws.mergeCells('A2:B2');
  ws.getCell('A2').value = '部门名称：焦作市中站区医疗保障局';
  ws.getCell('C2').value = '单位：万元';
  ws.mergeCells('A3:A4');
  ws.getCell('A3').value = '项目';
  ws.mergeCells('B3:C3');
  ws.getCell('B3').value = '金额';
  ws.getCell('B4').value = '本年';
  ws.getCell('C4').value = '上年';
  return ws;
}

describe('worksheet → table', () => {
  it('prints numbers under their formats and keeps hundredths exact', async () => {
    const doc = await read((wb) => {
      const ws = budgetSheet(wb);
      ws.addRow(['一般公共预算', 2006.9, 1922.58]);
      ws.addRow(['社会保障和就业', 0.1 + 0.2, -3.93]);
      ws.addRow(['“三公”经费', 0, 0.02]);
      ws.addRow(['合计', { formula: 'SUM(B5:B7)', result: 2007.2 }, { formula: 'SUM(C5:C7)' }]);
      for (let r = 5; r <= 8; r++) {
        ws.getCell(r, 2).numFmt = '#,##0.00';
        ws.getCell(r, 3).numFmt = '#,##0.00;[Red]-#,##0.00;"-"';
      }
    });
    const t = doc.tables[0]!;
    expect([t.title, t.code, t.department, t.unit]).toEqual(['2025年部门收支预算表', '预算01表', '焦作市中站区医疗保障局', '万元']);
    const texts = t.rows.map((r) => r.map((c) => c?.text));
    expect(texts).toEqual([
      ['一般公共预算', '2,006.90', '1,922.58'],
      ['社会保障和就业', '0.30', '-3.93'],
      ['“三公”经费', '0.00', '0.02'],
      ['合计', '2,007.20', ''], // no cached result: nothing was printed
    ]);
    expect(t.rows.map((r) => r.map((c) => c?.value))).toEqual([
      [null, 200690, 192258],
      [null, 30, -393],
      [null, 0, 2],
      [null, 200720, null],
    ]);
    expect(t.header.map((r) => r.map((c) => (c ? `${c.text}${c.rowSpan}x${c.colSpan}` : null)))).toEqual([
      ['项目2x1', '金额1x2', null],
      [null, '本年1x1', '上年1x1'],
    ]);
  });

  it('leaves out hidden rows, columns and sheets, with spans counted over what is shown', async () => {
    const doc = await read((wb) => {
      const secret = wb.addWorksheet('底稿');
      secret.getCell('A1').value = '内部';
      secret.state = 'hidden';
      const ws = budgetSheet(wb);
      ws.addRow(['基本支出', 143.24, 130]);
      ws.addRow(['（测算）', 1, 2]);
      ws.addRow(['项目支出', 1863.66, 1800]);
      ws.getRow(6).hidden = true;
      ws.getCell('D3').value = '内部备注';
      ws.getColumn(4).hidden = true;
      ws.mergeCells('A9:C10');
      ws.getCell('A9').value = '注：报表金额单位转换时可能存在四舍五入尾数误差。';
      ws.getRow(10).hidden = true;
    });
    expect(doc.source.pages).toBe(2);
    const t = doc.tables[0]!;
    expect(t.pages).toEqual([2, 2]);
    expect(t.columnCount).toBe(3);
    expect(t.rows.map((r) => r[0]!.text)).toEqual(['基本支出', '项目支出']);
    expect(t.notes).toEqual(['注：报表金额单位转换时可能存在四舍五入尾数误差。']);
    expect(t.rows[1]![1]!.source).toEqual({ kind: 'xlsx', sheet: '预算01表', sheetIndex: 2, row: 7, col: 2, address: 'B7' });
    expect(t.header[0]![1]!.bbox).toEqual([2, 3, 4, 4]); // B3:C3 as [firstCol, firstRow, lastCol+1, lastRow+1]
  });

  it('uses print titles as the marked header and a sheet of one-column text as narrative', async () => {
    const doc = await read((wb) => {
      const intro = wb.addWorksheet('情况说明');
      intro.getCell('A1').value = '一、收入支出预算总体情况说明';
      intro.getCell('A2').value = '2025年收入总计2006.90万元，支出总计2006.90万元。';
      const ws = budgetSheet(wb, '收支表');
      ws.addRow(['一、一般公共预算', '', '']); // no figures yet: inference would take it for header
      ws.addRow(['其中：财政拨款', 2006.9, 1922.58]);
      ws.pageSetup.printTitlesRow = '1:4';
    });
    expect(doc.narrative.map((b) => b.text)).toEqual(['一、收入支出预算总体情况说明', '2025年收入总计2006.90万元，支出总计2006.90万元。']);
    expect(doc.narrative[1]!.source).toMatchObject({ sheet: '情况说明', address: 'A2' });
    const t = doc.tables[0]!;
    expect(t.header).toHaveLength(2);
    expect(t.rows.map((r) => r[0]!.text)).toEqual(['一、一般公共预算', '其中：财政拨款']);
    expect(t.title).toBe('2025年部门收支预算表');
    expect(t.code).toBeNull();
  });

  it('reads rich text, line breaks in cells, dates and codes stored as text', async () => {
    const doc = await read((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ws.addRow(['科目编码', '科目名称', '财政拨款\n收入', '日期']);
      ws.addRow(['2101501', { richText: [{ text: '行政' }, { text: '运行' }] }, 102.21, new Date(Date.UTC(2025, 11, 31))]);
      ws.getCell('C2').numFmt = '0.00';
      ws.getCell('D2').numFmt = 'yyyy-mm-dd';
    });
    const t = doc.tables[0]!;
    expect(t.title).toBeNull(); // a generic sheet name is no title
    expect(t.header[0]!.map((c) => c?.text)).toEqual(['科目编码', '科目名称', '财政拨款收入', '日期']);
    expect(t.rows[0]!.map((c) => c?.text)).toEqual(['2101501', '行政运行', '102.21', '2025-12-31']);
    expect(t.rows[0]!.map((c) => c?.value)).toEqual([null, null, 10221, null]);
  });

  it('reads tables stacked on one worksheet as separate tables, each with its title, unit and header', async () => {
    const doc = await read((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      const table = (top: number, title: string, rows: (string | number)[][]): void => {
        ws.mergeCells(`A${top}:C${top}`);
        ws.getCell(`A${top}`).value = title;
        ws.getCell(`C${top + 1}`).value = '单位：万元';
        ws.getRow(top + 2).values = ['科目名称', '本年预算', '上年预算'];
        rows.forEach((values, i) => {
          const row = ws.getRow(top + 3 + i);
          row.values = values;
          for (let c = 1; c <= 3; c++) row.getCell(c).border = { top: { style: 'thin' }, bottom: { style: 'thin' } };
        });
      };
      table(1, '2025年部门收入预算表', [
        ['合计', 120.5, 100],
        ['一般公共预算拨款收入', 120.5, 100],
      ]);
      // a blank row, then the next table's title
      table(7, '2025年部门支出预算表（按功能分类）', [
        ['合计', 120.5, 100],
        ['卫生健康支出', 100.5, 80],
        ['社会保障和就业支出', 20, 20],
      ]);
      ws.getCell('A13').value = '注：本表金额单位为万元。';
    });
    expect(doc.tables.map((t) => [t.id, t.title, t.unit, t.header.length, t.rows.length])).toEqual([
      ['t1', '2025年部门收入预算表', '万元', 1, 2],
      ['t2', '2025年部门支出预算表（按功能分类）', '万元', 1, 3],
    ]);
    const second = doc.tables[1]!;
    expect(second.header[0]!.map((c) => c?.text)).toEqual(['科目名称', '本年预算', '上年预算']);
    expect(second.rows.map((r) => r.map((c) => c?.text))).toEqual([
      ['合计', '120.5', '100'],
      ['卫生健康支出', '100.5', '80'],
      ['社会保障和就业支出', '20', '20'],
    ]);
    expect(second.notes).toEqual(['注：本表金额单位为万元。']);
    // cells still point at their own rows of the sheet
    expect(second.rows[1]![1]!.source).toMatchObject({ kind: 'xlsx', sheet: 'Sheet1', address: 'B11' });
    expect(doc.tables[0]!.rows[0]![1]!.value).toBe(12050);
  });

  it('keeps a table whole when a row inside it holds a single label', async () => {
    const doc = await read((wb) => {
      const ws = wb.addWorksheet('支出表');
      ws.getCell('A1').value = '2025年部门支出预算表';
      ws.getRow(2).values = ['项目', '金额'];
      ws.getRow(3).values = ['基本支出', 10];
      ws.getRow(4).values = ['其中：'];
      ws.getRow(5).values = ['人员经费', 8];
      ws.getRow(6).values = ['公用经费', 2];
    });
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]!.rows.map((r) => r[0]?.text)).toEqual(['基本支出', '其中：', '人员经费', '公用经费']);
  });

  it('an empty workbook gives an empty document', async () => {
    const doc = await read((wb) => {
      wb.addWorksheet('Sheet1');
    });
    expect(doc).toMatchObject({ tables: [], narrative: [], source: { pages: 1, format: 'xlsx' } });
  });
});

describe('column letters', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [703, 'AAA'],
  ])('%i → %s', (n, letters) => {
    expect(columnLetters(n)).toBe(letters);
  });
});
