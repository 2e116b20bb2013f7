import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../core/review/edits';
import type { CellEdit, CellRef } from '../../../core/review/model';
import { anchorFor } from '../../../core/review/anchors';
import { testDocument } from './test-document';
import { cellChanges, editedCellCount, historyStacks, redoEntry, undoEntry } from './history';

const DOC = testDocument('h');
const A: CellRef = { tableId: 't1', row: 2, col: 3 };
const B: CellRef = { tableId: 't1', row: 0, col: 2 };
let clock = 0;
function stamp(): { id: string; at: number; reviewer: string } {
  clock++;
  return { id: `e${clock}`, at: clock, reviewer: '王五' };
}
function set(log: CellEdit[], ref: CellRef, after: string): void {
  const before = applyEdits(DOC, log).tables[0]!.rows[ref.row]![ref.col]!.text;
  log.push({ ...stamp(), fileHash: 'h', cell: ref, anchor: anchorFor(DOC, ref)!, before, after, op: 'set' });
}
function text(log: CellEdit[], ref: CellRef): string {
  return applyEdits(DOC, log).tables[0]!.rows[ref.row]![ref.col]!.text;
}

describe('undo and redo over the edit log', () => {
  it('undoes changes newest first across cells, then redoes them in order', () => {
    const log: CellEdit[] = [];
    set(log, A, '1.00');
    set(log, B, '2.00');
    set(log, A, '3.00');
    log.push(undoEntry(log, stamp())!);
    expect([text(log, A), text(log, B)]).toEqual(['1.00', '2.00']);
    log.push(undoEntry(log, stamp())!);
    expect([text(log, A), text(log, B)]).toEqual(['1.00', '698.93']);
    log.push(undoEntry(log, stamp())!);
    expect(text(log, A)).toBe('625.94');
    expect(undoEntry(log, stamp())).toBeNull();

    log.push(redoEntry(log, stamp())!);
    expect(text(log, A)).toBe('1.00');
    log.push(redoEntry(log, stamp())!);
    expect(text(log, B)).toBe('2.00');
    // undo of a redo goes back again
    log.push(undoEntry(log, stamp())!);
    expect(text(log, B)).toBe('698.93');
  });

  it('drops the redo stack after a new change', () => {
    const log: CellEdit[] = [];
    set(log, A, '1.00');
    log.push(undoEntry(log, stamp())!);
    set(log, B, '5.00');
    expect(redoEntry(log, stamp())).toBeNull();
    expect(historyStacks(log).undo.map((e) => e.after)).toEqual(['5.00']);
  });

  it('rebuilds the same stacks from a stored log (restart)', () => {
    const log: CellEdit[] = [];
    set(log, A, '1.00');
    set(log, A, '2.00');
    log.push(undoEntry(log, stamp())!);
    const restored = JSON.parse(JSON.stringify(log)) as CellEdit[];
    expect(redoEntry(restored, stamp())!.after).toBe('2.00');
    expect(undoEntry(restored, stamp())!.after).toBe('625.94');
  });

  it('counts a cell as edited only while its text differs from the printed text', () => {
    const log: CellEdit[] = [];
    set(log, A, '1.00');
    set(log, B, '9.99');
    expect(editedCellCount(log)).toBe(2);
    log.push(undoEntry(log, stamp())!);
    expect(editedCellCount(log)).toBe(1);
    expect(cellChanges(log).get('t1:0:2')).toMatchObject({ original: '698.93', current: '698.93' });
    expect(cellChanges(log).get('t1:0:2')!.entries).toHaveLength(2);
  });
});
