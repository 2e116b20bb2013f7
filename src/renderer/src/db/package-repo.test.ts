import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { anchorFor } from '../../../core/review/anchors';
import type { CellEdit, FindingDecision } from '../../../core/review/model';
import { createReviewPackage, parseReviewPackage, serializeReviewPackage, type ReviewPackage } from '../../../core/review/package';
import { addReply, createAnnotation } from '../features/annotations/annotation-ops';
import { cellChanges } from '../review/history';
import { testDocument } from '../review/test-document';
import { saveAnnotationChange } from './annotation-repo';
import { ReviewDatabase } from './database';
import { importReviewPackage, loadConflicts, loadDocumentReviews, resolveStoredConflict } from './package-repo';
import { appendEdit, loadEdits, setTableReviewed } from './review-repo';

const opened: ReviewDatabase[] = [];
function fresh(): ReviewDatabase {
  const db = new ReviewDatabase(`package-test-${Math.random().toString(36).slice(2)}`);
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const HASH = 'a'.repeat(64);
const DOC = testDocument(HASH);
const FILE = { fileHash: HASH, fileName: '部门预算.pdf' };
const REF = { tableId: 't1', row: 2, col: 3 }; // 行政运行 × 人员经费, printed 625.94
let ids = 0;
const meta = (by: string, at: number): { by: string; at: number; newId: () => string } => ({ by, at, newId: () => `gen-${++ids}` });

function edit(id: string, at: number, before: string, after: string, reviewer: string): CellEdit {
  return { id, fileHash: HASH, cell: REF, anchor: anchorFor(DOC, REF)!, before, after, reviewer, at, op: 'set' };
}

async function packageOf(db: ReviewDatabase, by: string): Promise<ReviewPackage> {
  const text = serializeReviewPackage(createReviewPackage(await loadDocumentReviews(db, [FILE]), { exportedBy: by, exportedAt: new Date(5000) }));
  const parsed = parseReviewPackage(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.package;
}

function current(log: CellEdit[]): string | undefined {
  return cellChanges(log).get('t1:2:3')?.current;
}

/** 张三's review: an edit, an annotation with a reply, a decision, a reviewed table. */
async function zhangsReview(db: ReviewDatabase): Promise<void> {
  await appendEdit(db, edit('z1', 1000, '625.94', '626.94', '张三'));
  const a = createAnnotation({ fileHash: HASH, target: { kind: 'page-rect', page: 1, bbox: [1, 2, 3, 4] }, text: '印章不清', category: 'format' }, { id: 'n1', by: '张三', at: 1100 });
  await saveAnnotationChange(db, a.annotation, a.event);
  const r = addReply(a.annotation, '已重新扫描', { id: 'r1', by: '张三', at: 1200 })!;
  await saveAnnotationChange(db, r.annotation, r.event);
  const decision: FindingDecision = { fileHash: HASH, findingId: 'f1', decision: 'dismissed', reason: '尾差', by: '张三', at: 1300 };
  await db.decisions.put(decision);
  await setTableReviewed(db, { fileHash: HASH, tableId: 't1', reviewer: '张三', at: 1400 }, true);
}

describe('review packages in the database', () => {
  it('brings a whole review back into an empty database', async () => {
    const source = fresh();
    await zhangsReview(source);
    const exported = await loadDocumentReviews(source, [FILE, { fileHash: 'b'.repeat(64), fileName: '空.pdf' }]);
    expect(exported.map((r) => r.fileName)).toEqual(['部门预算.pdf']); // files without a review are left out

    const target = fresh();
    const result = await importReviewPackage(target, await packageOf(source, '张三'), meta('李四', 9000));
    expect(result.summary).toMatchObject({ editsAdded: 1, annotationsAdded: 1, decisionsAdded: 1, conflicts: 0 });
    expect(await loadDocumentReviews(target, [FILE])).toEqual(exported);
    expect((await target.annotationEvents.toArray()).map((e) => [e.kind, e.by])).toEqual([['imported', '张三']]);
    // importing the same package again changes nothing
    const again = await importReviewPackage(target, await packageOf(source, '张三'), meta('李四', 9100));
    expect(again.summary).toMatchObject({ editsAdded: 0, annotationsAdded: 0, annotationsUpdated: 0, decisionsAdded: 0, conflicts: 0 });
    expect(await target.edits.count()).toBe(1);
  });

  it('keeps the local value of a cell both changed, stores the conflict, and applies the chosen value', async () => {
    const zhang = fresh();
    await zhangsReview(zhang);
    const li = fresh();
    await appendEdit(li, edit('l1', 2000, '625.94', '600.00', '李四'));

    const result = await importReviewPackage(li, await packageOf(zhang, '张三'), meta('李四', 9000));
    expect(result.conflicts.map((c) => c.kind)).toEqual(['edit']);
    expect(current(await loadEdits(li, HASH))).toBe('600.00');
    const [stored] = await loadConflicts(li);
    expect(stored).toMatchObject({ source: '张三', conflict: { local: { text: '600.00' }, incoming: { text: '626.94' } } });
    expect(stored!.resolution).toBeUndefined();

    await resolveStoredConflict(li, stored!.id, 'incoming', meta('李四', 9500));
    const log = await loadEdits(li, HASH);
    expect(current(log)).toBe('626.94');
    // both reviewers' work is in the log
    expect(log.map((e) => e.reviewer)).toEqual(expect.arrayContaining(['张三', '李四']));
    expect((await loadConflicts(li))[0]!.resolution).toMatchObject({ choice: 'incoming', by: '李四' });
    // resolving again is a no-op; importing the same package again finds nothing new to resolve
    expect(await resolveStoredConflict(li, stored!.id, 'local', meta('李四', 9600))).toEqual([]);
    const again = await importReviewPackage(li, await packageOf(zhang, '张三'), meta('李四', 9700));
    expect(again.conflicts).toEqual([]);
    expect((await loadConflicts(li)).filter((c) => !c.resolution)).toEqual([]);
  });

  it('lists only package conflicts: a team-sync conflict (same table, id sync:…) belongs to the sync panel', async () => {
    const db = fresh();
    const zhang = fresh();
    await zhangsReview(zhang);
    await appendEdit(db, edit('l1', 2000, '625.94', '600.00', '李四'));
    await importReviewPackage(db, await packageOf(zhang, '张三'), meta('李四', 9000));
    const [fromPackage] = await loadConflicts(db);
    await db.reviewConflicts.put({ ...fromPackage!, id: 'sync:t1:2:3', source: '王五' });
    expect((await loadConflicts(db)).map((c) => c.id)).toEqual([fromPackage!.id]);
  });

  it('takes a typed third value', async () => {
    const zhang = fresh();
    await zhangsReview(zhang);
    const li = fresh();
    await appendEdit(li, edit('l1', 2000, '625.94', '600.00', '李四'));
    await importReviewPackage(li, await packageOf(zhang, '张三'), meta('李四', 9000));
    const [stored] = await loadConflicts(li);
    await resolveStoredConflict(li, stored!.id, { text: '625.90' }, meta('王五', 9500));
    const log = await loadEdits(li, HASH);
    expect(current(log)).toBe('625.90');
    expect(log.at(-1)).toMatchObject({ reviewer: '王五', before: expect.any(String), after: '625.90' });
  });

  it('holds a different decision on a finding as a conflict; taking theirs replaces ours', async () => {
    const zhang = fresh();
    await zhangsReview(zhang); // 张三 dismissed f1 as 尾差
    const li = fresh();
    await li.decisions.put({ fileHash: HASH, findingId: 'f1', decision: 'confirmed', by: '李四', at: 2000 });
    const result = await importReviewPackage(li, await packageOf(zhang, '张三'), meta('李四', 9000));
    expect(result.conflicts.map((c) => c.kind)).toEqual(['decision']);
    expect(await li.decisions.get([HASH, 'f1'])).toMatchObject({ decision: 'confirmed', by: '李四' });
    const [stored] = await loadConflicts(li);
    await resolveStoredConflict(li, stored!.id, 'incoming', meta('李四', 9500));
    expect(await li.decisions.get([HASH, 'f1'])).toMatchObject({ decision: 'dismissed', reason: '尾差', by: '张三' });
    expect((await loadConflicts(li))[0]!.resolution).toMatchObject({ choice: 'incoming' });
  });

  it('stores nothing of a package whose import fails part-way', async () => {
    const zhang = fresh();
    await zhangsReview(zhang);
    const li = fresh();
    li.annotations.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(importReviewPackage(li, await packageOf(zhang, '张三'), meta('李四', 9000))).rejects.toThrow('disk full');
    expect(await li.edits.count()).toBe(0);
    expect(await li.decisions.count()).toBe(0);
    expect(await li.annotationEvents.count()).toBe(0);
    expect(await li.reviewedTables.count()).toBe(0);
  });
});
