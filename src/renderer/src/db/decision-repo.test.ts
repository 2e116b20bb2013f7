import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { FindingDecision } from '../../../core/review/model';
import { ReviewDatabase } from './database';
import { carryDecisions, dismissFinding, loadDecisionLog, loadDecisions, loadDecisionsByFile, revokeDecision } from './decision-repo';

const opened: ReviewDatabase[] = [];
function fresh(): ReviewDatabase {
  const db = new ReviewDatabase(`decisions-${Math.random().toString(36).slice(2)}`);
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function dismissal(fileHash: string, findingId: string, reason: string, at: number): FindingDecision {
  return { fileHash, findingId, decision: 'dismissed', reason, by: '李四', at };
}

describe('decision repository', () => {
  it('refuses a dismissal without a reason and stores nothing', async () => {
    const db = fresh();
    await expect(dismissFinding(db, dismissal('h1', 'f1', '  ', 1), 'l1')).rejects.toThrow();
    expect(await loadDecisions(db, 'h1')).toEqual([]);
    expect(await loadDecisionLog(db, 'h1')).toEqual([]);
  });

  it('keeps one current decision per finding and every decision in the log', async () => {
    const db = fresh();
    await dismissFinding(db, dismissal('h1', 'f1', '尾差', 1), 'l1');
    await dismissFinding(db, dismissal('h1', 'f1', '口径不同', 2), 'l2');
    await dismissFinding(db, dismissal('h2', 'f1', '误报', 3), 'l3');
    expect((await loadDecisions(db, 'h1')).map((d) => d.reason)).toEqual(['口径不同']);
    expect((await loadDecisionLog(db, 'h1')).map((l) => [l.id, l.reason])).toEqual([
      ['l1', '尾差'],
      ['l2', '口径不同'],
    ]);
    const byFile = await loadDecisionsByFile(db, ['h1', 'h2', 'h3']);
    expect([...byFile].map(([h, ds]) => [h, ds.length])).toEqual([
      ['h1', 1],
      ['h2', 1],
      ['h3', 0],
    ]);

    await revokeDecision(db, { id: 'l4', fileHash: 'h1', findingId: 'f1', by: '王五', at: 4 });
    expect(await loadDecisions(db, 'h1')).toEqual([]);
    expect((await loadDecisionLog(db, 'h1')).map((l) => [l.action, l.by])).toEqual([
      ['dismissed', '李四'],
      ['dismissed', '李四'],
      ['revoked', '王五'],
    ]);
    // another file's decision is untouched
    expect(await loadDecisions(db, 'h2')).toHaveLength(1);
  });
});

describe('decisions on a changed file', () => {
  it('follow only to the very same finding (same id, same message) and never twice', async () => {
    const db = fresh();
    const message = '支出表「208」行：本年支出合计 698.93 ≠ 698.92，相差 0.01（尾差）。';
    await dismissFinding(db, { ...dismissal('old', 'f-same', '尾差，已核实', 1), findingMessage: message }, 'l1');
    await dismissFinding(db, { ...dismissal('old', 'f-changed', '口径不同', 2), findingMessage: '合计 1.00 ≠ 2.00' }, 'l2');
    await dismissFinding(db, { ...dismissal('old', 'f-gone', '误报', 3), findingMessage: 'x' }, 'l3');
    await dismissFinding(db, dismissal('old', 'f-unknown', '旧记录', 4), 'l4');
    const now = new Map([
      ['f-same', message],
      ['f-changed', '合计 1.00 ≠ 3.00'],
      ['f-unknown', 'y'],
    ]);
    const carried = await carryDecisions(db, 'old', 'new', now, 10);
    expect(carried.map((d) => d.findingId)).toEqual(['f-same']);
    expect(await loadDecisions(db, 'new')).toEqual([expect.objectContaining({ fileHash: 'new', findingId: 'f-same', reason: '尾差，已核实', at: 10 })]);
    expect((await loadDecisionLog(db, 'new')).map((l) => l.findingId)).toEqual(['f-same']);
    expect(await carryDecisions(db, 'old', 'new', now, 11)).toEqual([]);
    expect(await loadDecisions(db, 'old')).toHaveLength(4);
  });
});
