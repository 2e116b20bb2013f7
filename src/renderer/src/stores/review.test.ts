import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { reviewDb } from '../db/database';
import { loadEdits } from '../db/review-repo';
import { testDocument } from '../review/test-document';
import { useReview } from './review';
import { useSettings } from './settings';

const REF = { tableId: 't1', row: 2, col: 3 }; // 行政运行 × 人员经费, printed 625.94

let n = 0;
function freshDoc(): ReturnType<typeof testDocument> {
  return testDocument(`hash-${++n}`);
}

/** What the grid shows for the cell: in-flight text, else the current text, else the printed one. */
function shown(): string {
  const s = useReview.getState();
  const key = 't1:2:3';
  return s.pending.get(key) ?? s.changes.get(key)?.current ?? '625.94';
}

describe('review store', () => {
  beforeEach(() => {
    useSettings.setState({ settings: { reviewerName: '赵六' } });
  });

  it('adds an edit to the log only once it is stored, stamped with the reviewer', async () => {
    const doc = freshDoc();
    await useReview.getState().load(doc);
    // what the UI state is while the record is being written (inside the transaction)
    const duringWrite: { logLength: number; save: string }[] = [];
    const watch = (): void => {
      duringWrite.push({ logLength: useReview.getState().log.length, save: useReview.getState().save.kind });
    };
    reviewDb().edits.hook('creating', watch);
    try {
      await useReview.getState().setCell(REF, '626.00');
    } finally {
      reviewDb().edits.hook('creating').unsubscribe(watch);
    }
    expect(duringWrite).toEqual([{ logLength: 0, save: 'saving' }]);
    const stored = await loadEdits(reviewDb(), doc.source.sha256);
    expect(stored.map((e) => [e.op, e.before, e.after, e.reviewer])).toEqual([['set', '625.94', '626.00', '赵六']]);
    expect(stored[0]!.anchor).toMatchObject({ tableTitle: '部门支出预算表', rowLabel: '2101501 行政运行', columnHeader: '基本支出 / 人员经费' });
    expect(useReview.getState().log).toEqual(stored);
    expect(useReview.getState().save.kind).toBe('saved');
    expect(shown()).toBe('626.00');
  });

  it('undoes and redoes through the log, and a restart rebuilds the same state', async () => {
    const doc = freshDoc();
    const review = useReview.getState();
    await review.load(doc);
    await review.setCell(REF, '1.00');
    await review.setCell(REF, '2.00');
    await review.undo();
    expect(shown()).toBe('1.00');
    expect(useReview.getState()).toMatchObject({ canUndo: true, canRedo: true });

    // restart: a fresh load from the database
    useReview.getState().close();
    await useReview.getState().load(doc);
    expect(shown()).toBe('1.00');
    expect(useReview.getState()).toMatchObject({ canUndo: true, canRedo: true });
    await useReview.getState().redo();
    expect(shown()).toBe('2.00');
    await useReview.getState().undo();
    await useReview.getState().undo();
    expect(shown()).toBe('625.94');
    expect(useReview.getState().canUndo).toBe(false);
    expect((await loadEdits(reviewDb(), doc.source.sha256)).map((e) => e.op)).toEqual(['set', 'set', 'undo', 'redo', 'undo', 'undo']);
  });

  it('ignores a "change" to the same text and keeps quick successive edits in order', async () => {
    const doc = freshDoc();
    await useReview.getState().load(doc);
    await useReview.getState().setCell(REF, '625.94');
    expect(useReview.getState().log).toEqual([]);
    await Promise.all(['1', '2', '3'].map((t) => useReview.getState().setCell(REF, t)));
    expect(useReview.getState().log.map((e) => [e.before, e.after])).toEqual([
      ['625.94', '1'],
      ['1', '2'],
      ['2', '3'],
    ]);
  });

  it('remembers reviewed tables per file', async () => {
    const doc = freshDoc();
    await useReview.getState().load(doc);
    await useReview.getState().setReviewed('t1', true);
    useReview.getState().close();
    await useReview.getState().load(doc);
    expect([...useReview.getState().reviewedTables]).toEqual(['t1']);
    await useReview.getState().load(freshDoc());
    expect(useReview.getState().reviewedTables.size).toBe(0);
  });
});
