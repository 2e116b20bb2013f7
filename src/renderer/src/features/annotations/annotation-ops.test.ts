import { describe, expect, it } from 'vitest';
import type { AnnotationTarget } from '../../../../core/review/model';
import { addReply, createAnnotation, editAnnotation } from './annotation-ops';

const TARGET: AnnotationTarget = { kind: 'page-rect', page: 3, bbox: [10, 20, 110, 60] };

describe('annotation changes', () => {
  it('creates an open annotation stamped with its author and time, recorded as a "created" event', () => {
    const { annotation, event } = createAnnotation({ fileHash: 'h', target: TARGET, text: '  合计与明细不符 ', category: 'data-error' }, { id: 'a1', by: '张三', at: 1000 });
    expect(annotation).toEqual({
      id: 'a1',
      fileHash: 'h',
      target: TARGET,
      text: '合计与明细不符',
      category: 'data-error',
      status: 'open',
      author: '张三',
      createdAt: 1000,
      updatedAt: 1000,
      replies: [],
    });
    expect(event).toMatchObject({ annotationId: 'a1', fileHash: 'h', kind: 'created', by: '张三', at: 1000, snapshot: annotation });
    expect(event.id).not.toBe(annotation.id);
  });

  it('records which fields an edit changed, and nothing when nothing changes', () => {
    const { annotation } = createAnnotation({ fileHash: 'h', target: TARGET, text: '疑问', category: 'question' }, { id: 'a1', by: '张三', at: 1000 });
    const change = editAnnotation(annotation, { text: '疑问', status: 'resolved', category: 'question' }, { id: 'e1', by: '李四', at: 2000 })!;
    expect(change.annotation).toMatchObject({ status: 'resolved', updatedAt: 2000, author: '张三' });
    expect(change.event.changes).toEqual([{ field: 'status', before: 'open', after: 'resolved' }]);
    expect(change.event.by).toBe('李四');
    expect(editAnnotation(change.annotation, { status: 'resolved' }, { id: 'e2', by: '李四', at: 3000 })).toBeNull();
    // a clock that went backwards never moves updatedAt back
    expect(editAnnotation(change.annotation, { text: '新内容' }, { id: 'e3', by: '李四', at: 1500 })!.annotation.updatedAt).toBe(2000);
  });

  it('appends replies in order and ignores empty ones', () => {
    const { annotation } = createAnnotation({ fileHash: 'h', target: TARGET, text: '疑问', category: 'question' }, { id: 'a1', by: '张三', at: 1000 });
    const first = addReply(annotation, '已核对原始凭证', { id: 'r1', by: '李四', at: 1100 })!;
    const second = addReply(first.annotation, '同意', { id: 'r2', by: '张三', at: 1200 })!;
    expect(second.annotation.replies.map((r) => [r.author, r.text])).toEqual([
      ['李四', '已核对原始凭证'],
      ['张三', '同意'],
    ]);
    expect(second.event.kind).toBe('replied');
    expect(addReply(second.annotation, '   ', { id: 'r3', by: '李四', at: 1300 })).toBeNull();
  });
});
