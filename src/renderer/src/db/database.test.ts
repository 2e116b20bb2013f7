import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Annotation, CellEdit, FindingDecision } from '../../../core/review/model';
import { anchorFor } from '../../../core/review/anchors';
import { expenditureTable, testDocument, EXPENDITURE_BODY } from '../review/test-document';
import { historyStacks } from '../review/history';
import { LATEST_VERSION, ReviewDatabase, SCHEMA_VERSIONS } from './database';
import { loadDecisionLog, loadDecisions } from './decision-repo';
import { loadAnnotationHistory } from './annotation-repo';
import { appendEdit, loadEdits, loadReanchors, reconcileFileVersion } from './review-repo';

let n = 0;
const opened: ReviewDatabase[] = [];
function freshName(): string {
  return `review-test-${++n}-${Math.random().toString(36).slice(2)}`;
}
function open(name: string, upTo?: number): ReviewDatabase {
  const db = new ReviewDatabase(name, upTo);
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const DOC = testDocument('hash-v1');
/** An entry for 行政运行 × 人员经费 (printed 625.94). */
function entry(id: string, at: number, after: string, op: CellEdit['op'] = 'set', revertsId?: string, before = '625.94'): CellEdit {
  const cell = { tableId: 't1', row: 2, col: 3 };
  const e: CellEdit = { id, fileHash: 'hash-v1', cell, anchor: anchorFor(DOC, cell)!, before, after, reviewer: '李四', at, op };
  if (revertsId) e.revertsId = revertsId;
  return e;
}

/** An annotation as version 1 stored it (no history table yet). */
const V1_ANNOTATION: Annotation = {
  id: 'n1',
  fileHash: 'hash-v1',
  target: { kind: 'cell', cell: { tableId: 't1', row: 2, col: 3 }, anchor: anchorFor(DOC, { tableId: 't1', row: 2, col: 3 })! },
  text: '人员经费与明细表不符',
  category: 'data-error',
  status: 'open',
  author: '李四',
  createdAt: 1500,
  updatedAt: 2000,
  replies: [{ id: 'r1', author: '王五', text: '已核对', at: 2000 }],
};

/**
 * Data each released schema version wrote, in that version's own shape (raw table access, as the
 * old app code would have). Add an entry for every new version.
 */
/** A decision as version 1 stored it (no history yet). */
const V1_DECISION: FindingDecision = { fileHash: 'hash-v1', findingId: 'in-table.row-totals:abc', decision: 'dismissed', reason: '尾差，可接受', by: '李四', at: 1800 };

const WRITTEN_BY: Record<number, (db: ReviewDatabase) => Promise<void>> = {
  1: async (db) => {
    await db.table('edits').bulkAdd([entry('a', 1000, '625.95'), entry('b', 1000, '625.94', 'undo', 'a', '625.95')]);
    await db.table('reviewedTables').add({ fileHash: 'hash-v1', tableId: 't1', reviewer: '李四', at: 1000 });
    await db.table('fileVersions').add({ relativePath: '部门预算.pdf', sha256: 'hash-v1', seenAt: 1000 });
    await db.table('annotations').add(V1_ANNOTATION);
    await db.table('decisions').add(V1_DECISION);
  },
  2: async (db) => {
    await WRITTEN_BY[1]!(db);
    await db.table('annotationEvents').add({ id: `migrated:${V1_ANNOTATION.id}`, annotationId: V1_ANNOTATION.id, fileHash: 'hash-v1', kind: 'migrated', by: '李四', at: 2000, changes: [], snapshot: V1_ANNOTATION });
  },
  3: async (db) => {
    await WRITTEN_BY[2]!(db);
    await db.table('decisionLog').add({ id: 'migrated:hash-v1:in-table.row-totals:abc', fileHash: 'hash-v1', findingId: V1_DECISION.findingId, action: 'dismissed', reason: '尾差，可接受', by: '李四', at: 1800 });
  },
  4: async (db) => {
    await WRITTEN_BY[3]!(db);
    await db.table('syncCursors').put({ id: 'replica', pullSeq: 12 });
  },
};

describe('schema migrations', () => {
  it('has a writer for every released version', () => {
    expect(Object.keys(WRITTEN_BY).map(Number)).toEqual(SCHEMA_VERSIONS.map((v) => v.version));
  });

  it.each(SCHEMA_VERSIONS.map((v) => v.version))('opens data written by version %i with the latest schema', async (version) => {
    const name = freshName();
    const old = open(name, version);
    await old.open();
    await WRITTEN_BY[version]!(old);
    old.close();

    const db = open(name);
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    const log = await loadEdits(db, 'hash-v1');
    expect(log.map((e) => e.id)).toEqual(['a', 'b']);
    // same-millisecond entries keep their order, so the undo still undoes the set
    expect(historyStacks(log).undo).toEqual([]);
    expect(historyStacks(log).redo.map((e) => e.id)).toEqual(['b']);
    expect(await db.reviewedTables.get(['hash-v1', 't1'])).toMatchObject({ reviewer: '李四' });
    expect(await db.fileVersions.get('部门预算.pdf')).toMatchObject({ sha256: 'hash-v1' });
    // an annotation stored before history was kept keeps its state and starts its history with it
    expect(await db.annotations.get('n1')).toEqual(V1_ANNOTATION);
    const history = await loadAnnotationHistory(db, 'n1');
    expect(history.map((e) => [e.kind, e.by, e.at])).toEqual([['migrated', '李四', 2000]]);
    expect(history[0]!.snapshot).toEqual(V1_ANNOTATION);
    expect(await db.annotations.where('findingId').equals('x').count()).toBe(0);
    // a decision taken before decisions had a history keeps its state and starts its log
    expect(await loadDecisions(db, 'hash-v1')).toEqual([V1_DECISION]);
    const decisionLog = await loadDecisionLog(db, 'hash-v1');
    expect(decisionLog.map((d) => [d.findingId, d.action, d.reason, d.by, d.at])).toEqual([[V1_DECISION.findingId, 'dismissed', '尾差，可接受', '李四', 1800]]);
  });

  /** Every table's rows (auto-increment keys dropped), for comparing two databases. */
  async function dump(db: ReviewDatabase): Promise<Record<string, unknown[]>> {
    const out: Record<string, unknown[]> = {};
    for (const table of db.tables) {
      const rows = (await table.toArray()).map((r: Record<string, unknown>) => {
        const { seq: _seq, ...rest } = r;
        return rest;
      });
      out[table.name] = rows.map((r) => JSON.stringify(r)).sort();
    }
    return out;
  }

  // A reviewer who installs every release in turn upgrades one version at a time.
  it.each(SCHEMA_VERSIONS.slice(0, -1).map((v) => v.version))('upgrades data of version %i release by release to what a direct upgrade gives', async (version) => {
    const [stepwise, direct] = [freshName(), freshName()];
    for (const name of [stepwise, direct]) {
      const old = open(name, version);
      await old.open();
      await WRITTEN_BY[version]!(old);
      old.close();
    }
    for (const v of SCHEMA_VERSIONS.filter((x) => x.version > version)) {
      const step = open(stepwise, v.version);
      await step.open();
      expect(step.verno).toBe(v.version);
      step.close();
    }
    const a = open(stepwise);
    const b = open(direct);
    await Promise.all([a.open(), b.open()]);
    expect(await dump(a)).toEqual(await dump(b));
    expect((await loadEdits(a, 'hash-v1')).map((e) => e.id)).toEqual(['a', 'b']);
  });
});

describe('review repository', () => {
  it('keeps the log of one file in insertion order and apart from other files', async () => {
    const db = open(freshName());
    await appendEdit(db, entry('x1', 5, '1.00'));
    await appendEdit(db, { ...entry('y1', 1, '9.00'), fileHash: 'other' });
    await appendEdit(db, entry('x2', 5, '2.00'));
    expect((await loadEdits(db, 'hash-v1')).map((e) => e.after)).toEqual(['1.00', '2.00']);
    expect((await loadEdits(db, 'other')).map((e) => e.id)).toEqual(['y1']);
  });

  it('refuses a duplicate entry id instead of overwriting the log', async () => {
    const db = open(freshName());
    await appendEdit(db, entry('dup', 1, '1.00'));
    await expect(appendEdit(db, entry('dup', 2, '2.00'))).rejects.toThrow();
    expect((await loadEdits(db, 'hash-v1')).map((e) => e.after)).toEqual(['1.00']);
  });

  it('moves a log onto a new version of the file and keeps what cannot follow as orphans', async () => {
    const db = open(freshName());
    await reconcileFileVersion(db, '部门预算.pdf', DOC, 1);
    const kept = entry('k', 10, '600.00');
    const lost: CellEdit = { ...entry('l', 11, '1.00'), cell: { tableId: 't1', row: 1, col: 2 }, anchor: anchorFor(DOC, { tableId: 't1', row: 1, col: 2 })!, before: '698.93' };
    await appendEdit(db, kept);
    await appendEdit(db, lost);

    // version 2: a row inserted on top, 医疗保障管理事务 removed
    const v2 = testDocument('hash-v2', [expenditureTable('t1', [['200', '新科目', '1.00', '1.00', '0.00', ''], EXPENDITURE_BODY[0]!, EXPENDITURE_BODY[2]!, EXPENDITURE_BODY[3]!])]);
    const record = await reconcileFileVersion(db, '部门预算.pdf', v2, 2);
    expect(record).toMatchObject({ fromHash: 'hash-v1', toHash: 'hash-v2', moved: 1 });
    expect(record!.orphans.map((e) => e.id)).toEqual(['l']);
    const moved = await loadEdits(db, 'hash-v2');
    expect(moved.map((e) => [e.cell.row, e.cell.col, e.after])).toEqual([[2, 3, '600.00']]);
    expect((await loadReanchors(db, 'hash-v2'))[0]!.orphans).toHaveLength(1);
    // the old version's log is untouched, and seeing v2 again moves nothing twice
    expect(await loadEdits(db, 'hash-v1')).toHaveLength(2);
    expect(await reconcileFileVersion(db, '部门预算.pdf', v2, 3)).toBeNull();
    expect(await loadEdits(db, 'hash-v2')).toHaveLength(1);
  });
});
