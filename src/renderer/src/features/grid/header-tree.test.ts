import { describe, expect, it } from 'vitest';
import { cell, expenditureTable, grid } from '../../review/test-document';
import { headerTree, leafColumns } from './header-tree';

describe('headerTree', () => {
  it('turns the merged two-row header of a 支出表 into one group over two leaves', () => {
    const tree = headerTree(expenditureTable());
    expect(tree).toEqual([
      { kind: 'leaf', col: 0, name: '科目编码' },
      { kind: 'leaf', col: 1, name: '科目名称' },
      { kind: 'leaf', col: 2, name: '合计' },
      { kind: 'group', name: '基本支出', children: [{ kind: 'leaf', col: 3, name: '人员经费' }, { kind: 'leaf', col: 4, name: '公用经费' }] },
      { kind: 'leaf', col: 5, name: '项目支出' },
    ]);
  });

  it('nests three header rows (科目编码 over 类/款/项, 项目支出 over two kinds)', () => {
    const header = grid([
      [cell('科目编码', 1, 3), '^', '^', cell('科目名称', 3), cell('项目支出', 1, 2), '^'],
      [cell('类', 2), cell('款', 2), cell('项', 2), '^', cell('运转类', 2), cell('特定目标类', 2)],
      ['^', '^', '^', '^', '^', '^'],
    ]);
    const tree = headerTree({ header, columnCount: 6 });
    expect(tree[0]).toEqual({
      kind: 'group',
      name: '科目编码',
      children: [
        { kind: 'leaf', col: 0, name: '类' },
        { kind: 'leaf', col: 1, name: '款' },
        { kind: 'leaf', col: 2, name: '项' },
      ],
    });
    expect(tree[1]).toEqual({ kind: 'leaf', col: 3, name: '科目名称' });
    expect(leafColumns(tree)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('keeps a header cell spanning two columns to the bottom as a group of unnamed leaves', () => {
    const header = grid([[cell('项目', 2, 2), '^', cell('金额', 1, 1)], ['^', '^', cell('本年')]]);
    const tree = headerTree({ header, columnCount: 3 });
    expect(tree[0]).toEqual({ kind: 'group', name: '项目', children: [{ kind: 'leaf', col: 0, name: '' }, { kind: 'leaf', col: 1, name: '' }] });
    expect(tree[1]).toEqual({ kind: 'group', name: '金额', children: [{ kind: 'leaf', col: 2, name: '本年' }] });
  });

  it('gives every column a leaf when the header is missing or has holes', () => {
    expect(leafColumns(headerTree({ header: [], columnCount: 3 }))).toEqual([0, 1, 2]);
    const holey = grid([[cell('A'), '^', cell('C')]]);
    holey[0]![1] = null;
    expect(leafColumns(headerTree({ header: holey, columnCount: 3 }))).toEqual([0, 1, 2]);
  });
});
