/**
 * Entries from another reviewer join the stored edit log at its end. The workspace reads a cell's
 * current text from the last entry in log order, the core (export, merge) from the latest entry by
 * time; with two machines' clocks these can disagree for a cell. Where they would, one more entry
 * is appended that sets the cell to the time-latest text, so both readings agree.
 */
import { cellKey, latestEdits } from '../../../../core/review/edits';
import type { CellEdit } from '../../../../core/review/model';
import { cellChanges } from '../../review/history';

export function agreeingEntries(stored: readonly CellEdit[], added: readonly CellEdit[], stamp: { by: string; at: number; id: (n: number) => string }): CellEdit[] {
  if (added.length === 0) return [];
  const log = [...stored, ...added];
  const byTime = latestEdits(log);
  const byOrder = cellChanges(log);
  const touched = new Set(added.map((e) => cellKey(e.cell)));
  const extra: CellEdit[] = [];
  for (const key of touched) {
    const timeLatest = byTime.get(key);
    const inOrder = byOrder.get(key);
    if (!timeLatest || !inOrder || inOrder.current === timeLatest.after) continue;
    const lastAt = Math.max(...inOrder.entries.map((e) => e.at));
    extra.push({
      id: stamp.id(extra.length),
      fileHash: timeLatest.fileHash,
      cell: timeLatest.cell,
      anchor: timeLatest.anchor,
      before: inOrder.current,
      after: timeLatest.after,
      reviewer: stamp.by,
      at: Math.max(stamp.at, lastAt + 1),
      op: 'set',
    });
  }
  return extra;
}
