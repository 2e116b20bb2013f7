import { describe, expect, it } from 'vitest';
import type { Cell, ExtractedDocument, GridRow, Table } from '../model';
import { parseAmount } from '../money';
import { columnHeaderPaths, labelColumns, reanchorEdits, rowLabels, spanOrigins, AnchorIndex } from './anchors';
import type { CellEdit, CellRef } from './model';

/** A cell; "^" in a grid marks a position covered by a span (null). */
function c(text: string, rowSpan = 1, colSpan = 1): Cell {
  return { text, value: parseAmount(text), rowSpan, colSpan, page: 1, bbox: [0, 0, 10, 10], confidence: 'ok' };
}
function grid(rows: (Cell | '^')[][]): GridRow[] {
  return rows.map((r) => r.map((x) => (x === '^' ? null : x)));
}

/** 支出表 with a two-row header: 基本支出 spans 人员经费 + 公用经费. */
function expenditureTable(id: string, bodyRows: string[][], title = '部门支出预算表'): Table {
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
      [c('科目编码', 2), c('科目名称', 2), c('合计', 2), c('基本支出', 1, 2), '^', c('项目支出', 2)],
      ['^', '^', '^', c('人员经费'), c('公用经费'), '^'],
    ]),
    rows: bodyRows.map((r) => r.map((t) => c(t))),
  };
}

function doc(sha256: string, tables: Table[]): ExtractedDocument {
  return { schemaVersion: 1, source: { path: 'a.pdf', sha256, pages: 1 }, narrative: [], tables };
}

const BODY = [
  ['210', '卫生健康支出', '698.93', '625.94', '0.00', '72.98'],
  ['21015', '医疗保障管理事务', '698.93', '625.94', '0.00', '72.98'],
  ['2101501', '行政运行', '625.94', '625.94', '0.00', ''],
  ['', '合计', '698.93', '625.94', '0.00', '72.98'],
];

let seq = 0;
function editAt(d: ExtractedDocument, ref: CellRef, after: string, op: CellEdit['op'] = 'set', revertsId?: string): CellEdit {
  const anchor = new AnchorIndex(d).anchorOf(ref);
  if (!anchor) throw new Error('no anchor');
  const before = d.tables.find((t) => t.id === ref.tableId)!.rows[ref.row]![ref.col]!.text;
  const edit: CellEdit = { id: `e${++seq}`, fileHash: d.source.sha256, cell: ref, anchor, before, after, reviewer: '张三', at: seq, op };
  if (revertsId) edit.revertsId = revertsId;
  return edit;
}

describe('header paths and row labels', () => {
  const table = expenditureTable('t1', BODY);

  it('joins a column header path through merged header cells', () => {
    expect(columnHeaderPaths(table)).toEqual(['科目编码', '科目名称', '合计', '基本支出 / 人员经费', '基本支出 / 公用经费', '项目支出']);
  });

  it('labels rows by their code and name columns, stopping at the first amount column', () => {
    expect(labelColumns(table)).toEqual([0, 1]);
    expect(rowLabels(table)).toEqual(['210 卫生健康支出', '21015 医疗保障管理事务', '2101501 行政运行', '合计']);
  });

  it('takes a label from a cell spanning rows above', () => {
    const t: Table = {
      ...table,
      columnCount: 3,
      header: [],
      rows: grid([
        [c('人员经费', 2), c('工资'), c('10.00')],
        ['^', c('津贴'), c('2.00')],
      ]),
    };
    expect(rowLabels(t)).toEqual(['人员经费 工资', '人员经费 津贴']);
  });

  it('maps every grid position to the cell covering it', () => {
    const origins = spanOrigins(table.header, 6);
    expect(origins[1]![0]).toEqual({ row: 0, col: 0 });
    expect(origins[0]![4]).toEqual({ row: 0, col: 3 });
    expect(origins[1]![4]).toEqual({ row: 1, col: 4 });
  });
});

describe('reanchorEdits', () => {
  const oldDoc = doc('aaa', [expenditureTable('t1', BODY)]);
  const staff: CellRef = { tableId: 't1', row: 2, col: 3 }; // 行政运行 × 人员经费

  it('follows a cell to its new position when a table and a row were inserted before it', () => {
    const edit = editAt(oldDoc, staff, '625.95');
    const newBody = [BODY[0]!, ['2101499', '新增科目', '1.00', '1.00', '0.00', ''], ...BODY.slice(1)];
    const newDoc = doc('bbb', [expenditureTable('t1', [['1', '其他', '1.00', '1.00', '0.00', '']], '部门收入预算表'), expenditureTable('t2', newBody)]);
    const { edits, orphans } = reanchorEdits([edit], newDoc);
    expect(orphans).toEqual([]);
    expect(edits).toHaveLength(1);
    expect(edits[0]!.cell).toEqual({ tableId: 't2', row: 3, col: 3 });
    expect(edits[0]!.fileHash).toBe('bbb');
    // the new parse really holds the edited cell's printed text there
    expect(newDoc.tables[1]!.rows[3]![3]!.text).toBe(edit.before);
    expect(edits[0]!.id).not.toBe(edit.id);
  });

  it('returns edits whose row disappeared as orphans, keeping the others and their undo links', () => {
    const gone = editAt(oldDoc, { tableId: 't1', row: 1, col: 2 }, '700.00');
    const kept = editAt(oldDoc, staff, '600.00');
    const undo = editAt(oldDoc, staff, '625.94', 'undo', kept.id);
    const newDoc = doc('ccc', [expenditureTable('t1', [BODY[0]!, BODY[2]!, BODY[3]!])]);
    const { edits, orphans } = reanchorEdits([gone, kept, undo], newDoc);
    expect(orphans.map((e) => e.id)).toEqual([gone.id]);
    expect(edits.map((e) => e.cell.row)).toEqual([1, 1]);
    expect(edits[1]!.revertsId).toBe(edits[0]!.id);
  });

  it('orphans an edit whose column header changed', () => {
    const edit = editAt(oldDoc, staff, '1.00');
    const renamed = expenditureTable('t1', BODY);
    renamed.header[1]![3] = c('工资福利');
    const { orphans } = reanchorEdits([edit], doc('ddd', [renamed]));
    expect(orphans).toHaveLength(1);
  });

  it('orphans an edit whose table title is gone', () => {
    const edit = editAt(oldDoc, staff, '1.00');
    const { edits, orphans } = reanchorEdits([edit], doc('eee', [expenditureTable('t1', BODY, '财政拨款支出表')]));
    expect(edits).toEqual([]);
    expect(orphans).toHaveLength(1);
  });

  it('keeps the old column among columns sharing a header, and orphans when it cannot tell', () => {
    // 收支总表: 项目 | 金额 | 项目 | 金额
    const balance = (id: string, rows: string[][]): Table => ({
      ...expenditureTable(id, []),
      title: '收支总表',
      columnCount: 4,
      header: grid([[c('项目'), c('金额'), c('项目'), c('金额')]]),
      rows: rows.map((r) => r.map((t) => c(t))),
    });
    const before = doc('f1', [balance('t1', [['一般公共预算拨款收入', '600.00', '卫生健康支出', '600.00']])]);
    const edit = editAt(before, { tableId: 't1', row: 0, col: 3 }, '601.00');
    expect(edit.anchor.rowLabel).toBe('一般公共预算拨款收入');
    const same = reanchorEdits([edit], doc('f2', [balance('t1', [['一般公共预算拨款收入', '600.00', '卫生健康支出', '600.00']])]));
    expect(same.edits[0]!.cell.col).toBe(3);
    // three columns now: the old column 3 no longer carries the header "金额"
    const narrower = doc('f3', [{ ...balance('t1', []), columnCount: 3, header: grid([[c('项目'), c('金额'), c('金额')]]), rows: [[c('一般公共预算拨款收入'), c('600.00'), c('600.00')]] }]);
    expect(reanchorEdits([edit], narrower).orphans).toHaveLength(1);
  });

  it('orphans an edit whose cell is now covered by a neighbour span', () => {
    const edit = editAt(oldDoc, staff, '1.00');
    const merged = expenditureTable('t1', BODY);
    merged.rows[2]![2] = c('625.94', 1, 2);
    merged.rows[2]![3] = null;
    expect(reanchorEdits([edit], doc('g', [merged])).orphans).toHaveLength(1);
  });
});
