import { describe, expect, it } from 'vitest';
import { anchorFor } from '../../../core/review/anchors';
import type { CellEdit } from '../../../core/review/model';
import { testDocument } from '../review/test-document';
import { annotationEntry, decisionEntry, docId, editEntry, MAX_DOC_BYTES, parseReplicatedDoc, toDoc } from './mapping';

const HASH = 'b'.repeat(64);
const REF = { tableId: 't1', row: 2, col: 3 };
const EDIT: CellEdit = { id: 'e1', fileHash: HASH, cell: REF, anchor: anchorFor(testDocument(HASH), REF)!, before: '625.94', after: '626.94', reviewer: '张三', at: 1000, op: 'set' };
const NOTE = {
  id: 'ev1',
  annotationId: 'n1',
  fileHash: HASH,
  kind: 'created' as const,
  by: '张三',
  at: 1,
  changes: [],
  snapshot: { id: 'n1', fileHash: HASH, target: { kind: 'page-rect' as const, page: 1, bbox: [1, 2, 3, 4] as [number, number, number, number] }, text: 't', category: 'format' as const, status: 'open' as const, author: '张三', createdAt: 1, updatedAt: 1, replies: [] },
};

describe('replicated documents', () => {
  it('round-trips every kind with a deterministic id', () => {
    for (const entry of [editEntry({ ...EDIT, seq: 7 }, ['e0']), annotationEntry(NOTE), decisionEntry({ id: 'd1', fileHash: HASH, findingId: 'f1', action: 'dismissed', reason: '尾差', by: '李四', at: 5 }, [])]) {
      const doc = JSON.parse(JSON.stringify({ ...toDoc(entry), _rev: '1-x' }));
      expect(parseReplicatedDoc(doc)).toEqual({ ok: true, entry });
    }
    expect(docId('edit', HASH, 'e1')).toBe(`edit:${HASH}:e1`);
    expect(toDoc(editEntry(EDIT, []))._id).toBe(toDoc(editEntry({ ...EDIT }, []))._id);
  });

  it.each([
    ['a wrong type', { type: 'cell' }, /未知的文档类型/],
    ['an extra field', { extra: 1 }, /未知字段/],
    ['a bad time', { edit: { ...EDIT, at: -1 } }, /时间戳/],
    ['another file', { edit: { ...EDIT, fileHash: 'c'.repeat(64) } }, /另一个文件/],
    ['an id not matching', { _id: docId('edit', HASH, 'other') }, /id 与内容不符/],
    ['a newer schema', { schema: 2 }, /更新版本/],
    ['too many parents', { parents: Array.from({ length: 100 }, (_, i) => `p${i}`) }, /parents 过多/],
    ['a huge doc', { edit: { ...EDIT, after: 'x'.repeat(MAX_DOC_BYTES) } }, /过大/],
    ['a deletion', { _deleted: true }, /删除/],
  ])('refuses %s with a message', (_what, change, message) => {
    const r = parseReplicatedDoc({ ...toDoc(editEntry(EDIT, [])), ...change });
    expect(r.ok).toBe(false);
    if (r.ok === false) expect(r.messageZh).toMatch(message);
  });

  it('refuses a dismissal without a reason and ignores design documents', () => {
    const r = parseReplicatedDoc(toDoc(decisionEntry({ id: 'd1', fileHash: HASH, findingId: 'f1', action: 'dismissed', by: '李四', at: 5 }, [])));
    expect(r.ok).toBe(false);
    expect(parseReplicatedDoc({ _id: '_design/x', views: {} })).toEqual({ ok: 'ignore' });
    expect(parseReplicatedDoc({ _id: 'probe:zhangsan', type: 'probe', schema: 1, at: 1 })).toEqual({ ok: 'ignore' });
  });
});
