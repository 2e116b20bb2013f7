import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { anchorFor } from '../../../core/review/anchors';
import { EXPENDITURE_BODY, expenditureTable, testDocument } from '../review/test-document';
import { addReply, createAnnotation, editAnnotation } from '../features/annotations/annotation-ops';
import { ReviewDatabase } from './database';
import { loadAnnotationHistory, loadAnnotationMoves, loadAnnotations, moveAnnotations, saveAnnotationChange } from './annotation-repo';

const opened: ReviewDatabase[] = [];
function fresh(): ReviewDatabase {
  const db = new ReviewDatabase(`annotation-test-${Math.random().toString(36).slice(2)}`);
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const V1 = testDocument('hash-v1');
function cellTarget(row: number, col: number): { kind: 'cell'; cell: { tableId: string; row: number; col: number }; anchor: NonNullable<ReturnType<typeof anchorFor>> } {
  const cell = { tableId: 't1', row, col };
  return { kind: 'cell', cell, anchor: anchorFor(V1, cell)! };
}

describe('annotation repository', () => {
  it('stores the current state and every change, in order', async () => {
    const db = fresh();
    const created = createAnnotation({ fileHash: 'hash-v1', target: cellTarget(2, 3), text: '人员经费有误', category: 'data-error' }, { id: 'a1', by: '张三', at: 1 });
    await saveAnnotationChange(db, created.annotation, created.event);
    const replied = addReply(created.annotation, '已核对', { id: 'r1', by: '李四', at: 2 })!;
    await saveAnnotationChange(db, replied.annotation, replied.event);
    const resolved = editAnnotation(replied.annotation, { status: 'resolved' }, { id: 'e1', by: '张三', at: 3 })!;
    await saveAnnotationChange(db, resolved.annotation, resolved.event);

    expect(await loadAnnotations(db, ['hash-v1'])).toEqual([resolved.annotation]);
    const history = await loadAnnotationHistory(db, 'a1');
    expect(history.map((e) => [e.kind, e.by, e.snapshot.status, e.snapshot.replies.length])).toEqual([
      ['created', '张三', 'open', 0],
      ['replied', '李四', 'open', 1],
      ['edited', '张三', 'resolved', 1],
    ]);
  });

  it('writes nothing when the event cannot be stored (state and history stay together)', async () => {
    const db = fresh();
    const created = createAnnotation({ fileHash: 'hash-v1', target: cellTarget(2, 3), text: '一', category: 'question' }, { id: 'a1', by: '张三', at: 1 });
    await saveAnnotationChange(db, created.annotation, created.event);
    const edited = editAnnotation(created.annotation, { text: '二' }, { id: 'e1', by: '张三', at: 2 })!;
    // an event id used twice is refused by the unique index
    await expect(saveAnnotationChange(db, edited.annotation, { ...edited.event, id: created.event.id })).rejects.toThrow();
    expect((await loadAnnotations(db, ['hash-v1']))[0]!.text).toBe('一');
  });

  it('moves annotations onto a changed file, keeps history and lists orphans; the old version is untouched', async () => {
    const db = fresh();
    const kept = createAnnotation({ fileHash: 'hash-v1', target: cellTarget(2, 3), text: '行政运行人员经费', category: 'data-error' }, { id: 'k', by: '张三', at: 1 });
    const lost = createAnnotation({ fileHash: 'hash-v1', target: cellTarget(1, 2), text: '医疗保障管理事务合计', category: 'question' }, { id: 'l', by: '张三', at: 2 });
    await saveAnnotationChange(db, kept.annotation, kept.event);
    await saveAnnotationChange(db, lost.annotation, lost.event);

    const v2 = testDocument('hash-v2', [expenditureTable('t1', [['200', '新科目', '1.00', '1.00', '0.00', ''], ['201', '新科目二', '1.00', '1.00', '0.00', ''], EXPENDITURE_BODY[0]!, EXPENDITURE_BODY[2]!, EXPENDITURE_BODY[3]!])]);
    const record = await moveAnnotations(db, '部门预算.pdf', 'hash-v1', v2, 10);
    expect(record).toMatchObject({ fromHash: 'hash-v1', toHash: 'hash-v2', moved: 1 });
    expect(record!.orphans.map((a) => a.id)).toEqual(['l']);
    const now = await loadAnnotations(db, ['hash-v2']);
    expect(now.map((a) => [a.text, a.target.kind === 'cell' ? a.target.cell.row : -1])).toEqual([['行政运行人员经费', 3]]);
    const history = await loadAnnotationHistory(db, now[0]!.id);
    expect(history.map((e) => e.kind)).toEqual(['created', 'moved']);
    expect((await loadAnnotationMoves(db, ['hash-v2']))[0]!.orphans).toHaveLength(1);
    expect(await loadAnnotations(db, ['hash-v1'])).toHaveLength(2);
    // seeing version 2 again moves nothing twice
    expect(await moveAnnotations(db, '部门预算.pdf', 'hash-v1', v2, 11)).toBeNull();
    expect(await loadAnnotations(db, ['hash-v2'])).toHaveLength(1);
  });
});
