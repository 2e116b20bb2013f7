import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { FindingDecision } from '../../../core/review/model';
import { ReviewDatabase } from './database';
import { dismissFinding, loadDecisionLog, loadDecisions, loadDecisionsByFile, revokeDecision } from './decision-repo';

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
