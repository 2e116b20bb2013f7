import { describe, expect, it } from 'vitest';
import { latestEdits } from '../../../../core/review/edits';
import type { CellEdit } from '../../../../core/review/model';
import { cellChanges } from '../../review/history';
import { agreeingEntries } from './log-order';

const ANCHOR = { tableTitle: '支出表', tableOccurrence: 0, rowLabel: '行政运行', rowOccurrence: 0, columnHeader: '合计' };
function edit(id: string, at: number, before: string, after: string, reviewer: string, col = 2): CellEdit {
  return { id, fileHash: 'h', cell: { tableId: 't1', row: 0, col }, anchor: { ...ANCHOR, columnHeader: `c${col}` }, before, after, reviewer, at, op: 'set' };
}

describe('imported entries and the two readings of a log', () => {
  it('adds nothing when the log order and the time order agree', () => {
    const stored = [edit('a', 100, '1.00', '2.00', '张三')];
    expect(agreeingEntries(stored, [edit('b', 200, '2.00', '3.00', '李四')], { by: '王五', at: 300, id: () => 'x' })).toEqual([]);
  });

  it('appends an entry setting the time-latest text when an older entry would end the log', () => {
    const stored = [edit('a', 500, '1.00', '2.00', '张三')];
    // from a machine whose clock was behind: earlier by time, but added after ours
    const added = [edit('b', 200, '1.00', '9.00', '李四'), edit('c', 10, '5.00', '6.00', '李四', 3)];
    const extra = agreeingEntries(stored, added, { by: '王五', at: 300, id: (n) => `fix${n}` });
    expect(extra).toEqual([{ ...edit('fix0', 501, '9.00', '2.00', '王五'), id: 'fix0' }]);
    const log = [...stored, ...added, ...extra];
    expect(cellChanges(log).get('t1:0:2')!.current).toBe('2.00');
    expect(latestEdits(log).get('t1:0:2')!.after).toBe('2.00');
  });
});
