/**
 * Undo/redo over the append-only edit log. Undo and redo are themselves log entries, so the
 * history survives a restart: replaying the log rebuilds both stacks.
 *   set            → pushed on the undo stack; clears the redo stack
 *   undo(X)        → X leaves the undo stack; the undo entry goes on the redo stack
 *   redo(U)        → U leaves the redo stack; the redo entry goes on the undo stack
 * An undo entry restores its target's `before`; a redo entry restores what the undo took away.
 */
import type { CellEdit } from '../../../core/review/model';
import { cellKey } from '../../../core/review/edits';

export interface HistoryStacks {
  undo: CellEdit[];
  redo: CellEdit[];
}

function remove(stack: CellEdit[], id: string | undefined): void {
  const i = stack.findLastIndex((e) => e.id === id);
  if (i >= 0) stack.splice(i, 1);
}

/** Replays a log (in log order) into undo and redo stacks; the top is the last element. */
export function historyStacks(log: readonly CellEdit[]): HistoryStacks {
  const undo: CellEdit[] = [];
  let redo: CellEdit[] = [];
  for (const entry of log) {
    switch (entry.op) {
      case 'set':
        undo.push(entry);
        redo = [];
        break;
      case 'undo':
        remove(undo, entry.revertsId);
        redo.push(entry);
        break;
      case 'redo':
        remove(redo, entry.revertsId);
        undo.push(entry);
        break;
      default: {
        const never: never = entry.op;
        throw new Error(`unknown edit op ${String(never)}`);
      }
    }
  }
  return { undo, redo };
}

/** What a new undo or redo entry needs besides its target. */
export interface EntryStamp {
  id: string;
  at: number;
  reviewer: string;
}

/** The entry that undoes the latest change, or null when there is nothing to undo. */
export function undoEntry(log: readonly CellEdit[], stamp: EntryStamp): CellEdit | null {
  const target = historyStacks(log).undo.at(-1);
  if (!target) return null;
  return { ...stamp, fileHash: target.fileHash, cell: target.cell, anchor: target.anchor, before: target.after, after: target.before, op: 'undo', revertsId: target.id };
}

/** The entry that redoes the latest undo, or null when there is nothing to redo. */
export function redoEntry(log: readonly CellEdit[], stamp: EntryStamp): CellEdit | null {
  const target = historyStacks(log).redo.at(-1);
  if (!target) return null;
  return { ...stamp, fileHash: target.fileHash, cell: target.cell, anchor: target.anchor, before: target.after, after: target.before, op: 'redo', revertsId: target.id };
}

export interface CellChange {
  /** the printed text (the first entry's `before`) */
  original: string;
  current: string;
  /** every entry for the cell, oldest first */
  entries: CellEdit[];
}

/** Per cell: printed text, current text and history. */
export function cellChanges(log: readonly CellEdit[]): Map<string, CellChange> {
  const changes = new Map<string, CellChange>();
  for (const entry of log) {
    const key = cellKey(entry.cell);
    const change = changes.get(key);
    if (change) {
      change.current = entry.after;
      change.entries.push(entry);
    } else {
      changes.set(key, { original: entry.before, current: entry.after, entries: [entry] });
    }
  }
  return changes;
}

/** Cells whose current text differs from the printed text. */
export function editedCellCount(log: readonly CellEdit[]): number {
  let n = 0;
  for (const change of cellChanges(log).values()) if (change.current !== change.original) n++;
  return n;
}
