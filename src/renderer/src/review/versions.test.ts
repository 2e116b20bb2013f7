import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentEntry } from '../../../shared/ipc-contract';
import { anchorFor } from '../../../core/review/anchors';
import { ReviewDatabase } from '../db/database';
import type { AnnotationTarget } from '../../../core/review/model';
import { loadAnnotationMoves, loadAnnotations, saveAnnotationChange } from '../db/annotation-repo';
import { appendEdit, loadEdits } from '../db/review-repo';
import { createAnnotation } from '../features/annotations/annotation-ops';
import { EXPENDITURE_BODY, expenditureTable, testDocument } from './test-document';
import { reconcileVersions } from './versions';

function entry(relativePath: string, sha256: string, status: DocumentEntry['status'] = 'parsed'): DocumentEntry {
  return { relativePath, name: relativePath, format: 'pdf', size: 1, mtimeMs: 1, sha256, status, progress: 1, error: null, tableCount: 1, pageCount: 1 };
}

const dbs: ReviewDatabase[] = [];
function freshDb(): ReviewDatabase {
  const db = new ReviewDatabase(`versions-${dbs.length}-${Math.random()}`);
  dbs.push(db);
  return db;
}
afterEach(() => dbs.splice(0).forEach((db) => db.close()));

describe('reconcileVersions', () => {
  it('remembers new files without fetching their extraction', async () => {
    const db = freshDb();
    const fetched: string[] = [];
    const records = await reconcileVersions(db, [entry('a.pdf', 'h1'), entry('b.pdf', 'h2', 'parsing')], async (p) => (fetched.push(p), testDocument('h1')), () => 1);
    expect(records).toEqual([]);
    expect(fetched).toEqual([]);
    expect((await db.fileVersions.get('a.pdf'))?.sha256).toBe('h1');
    expect(await db.fileVersions.get('b.pdf')).toBeUndefined();
  });

  it('moves the edits of a changed file onto its new parse, fetching only that one', async () => {
    const db = freshDb();
    const v1 = testDocument('old');
    await reconcileVersions(db, [entry('a.pdf', 'old'), entry('c.pdf', 'c1')], async () => v1, () => 1);
    const ref = { tableId: 't1', row: 2, col: 3 };
    await appendEdit(db, { id: 'e1', fileHash: 'old', cell: ref, anchor: anchorFor(v1, ref)!, before: '625.94', after: '626.00', reviewer: '', at: 1, op: 'set' });

    const v2 = testDocument('new', [expenditureTable('t1', [['200', '新科目', '1.00', '1.00', '0.00', ''], ...EXPENDITURE_BODY])]);
    const fetched: string[] = [];
    const records = await reconcileVersions(db, [entry('a.pdf', 'new'), entry('c.pdf', 'c2')], async (p) => (fetched.push(p), v2), () => 2);
    // c.pdf changed too, but had no edits: nothing to fetch for it
    expect(fetched).toEqual(['a.pdf']);
    expect(records.map((r) => [r.fromHash, r.toHash, r.moved, r.orphans.length])).toEqual([['old', 'new', 1, 0]]);
    expect((await loadEdits(db, 'new')).map((e) => [e.cell.row, e.after])).toEqual([[3, '626.00']]);
    expect((await db.fileVersions.get('c.pdf'))?.sha256).toBe('c2');
  });

  it('moves the annotations of a changed file that has no edits, and lists those that cannot follow', async () => {
    const db = freshDb();
    const v1 = testDocument('old');
    await reconcileVersions(db, [entry('a.pdf', 'old')], async () => v1, () => 1);
    const cellTarget = (row: number, col: number): AnnotationTarget => ({ kind: 'cell', cell: { tableId: 't1', row, col }, anchor: anchorFor(v1, { tableId: 't1', row, col })! });
    for (const [id, target] of [['keep', cellTarget(2, 3)], ['lose', cellTarget(1, 2)]] as const) {
      const { annotation, event } = createAnnotation({ fileHash: 'old', target, text: id, category: 'data-error' }, { id, by: '张三', at: 1 });
      await saveAnnotationChange(db, annotation, event);
    }
    // version 2: two rows on top, 医疗保障管理事务 gone
    const v2 = testDocument('new', [expenditureTable('t1', [['200', '新科目', '1.00', '1.00', '0.00', ''], ['201', '新科目二', '1.00', '1.00', '0.00', ''], EXPENDITURE_BODY[0]!, EXPENDITURE_BODY[2]!, EXPENDITURE_BODY[3]!])]);
    const fetched: string[] = [];
    await reconcileVersions(db, [entry('a.pdf', 'new')], async (p) => (fetched.push(p), v2), () => 2);
    expect(fetched).toEqual(['a.pdf']);
    const moved = await loadAnnotations(db, ['new']);
    expect(moved.map((a) => [a.text, a.target.kind === 'cell' ? a.target.cell.row : null])).toEqual([['keep', 3]]);
    expect((await loadAnnotationMoves(db, ['new']))[0]!.orphans.map((a) => a.text)).toEqual(['lose']);
    expect(await loadAnnotations(db, ['old'])).toHaveLength(2);
  });
});
