/**
 * Cells of open findings, tinted in the grid by the most severe finding that names them, with the
 * findings' messages as the tooltip.
 */
import type { Severity } from '../../../../core/checks/model';
import type { GridRowView } from '../grid/grid-rows';
import type { FindingView } from './findings-view';

export interface CellTint {
  severity: Severity;
  messages: string[];
}

/** tableId → "row:col" → tint */
export type TintMap = ReadonlyMap<string, ReadonlyMap<string, CellTint>>;

const RANK: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

export function cellTints(views: readonly FindingView[]): TintMap {
  const tints = new Map<string, Map<string, CellTint>>();
  for (const { finding, status } of views) {
    if (status !== 'open') continue;
    for (const c of finding.cells) {
      let table = tints.get(c.table);
      if (!table) tints.set(c.table, (table = new Map()));
      const key = `${c.row}:${c.col}`;
      const tint = table.get(key);
      if (!tint) table.set(key, { severity: finding.severity, messages: [finding.message] });
      else {
        if (RANK[finding.severity] < RANK[tint.severity]) tint.severity = finding.severity;
        if (!tint.messages.includes(finding.message)) tint.messages.push(finding.message);
      }
    }
  }
  return tints;
}

/** The grid rows with tints set on their cells; rows without tinted cells keep their identity. */
export function withTints(rows: GridRowView[], tints: ReadonlyMap<string, CellTint> | undefined): GridRowView[] {
  if (!tints || tints.size === 0) return rows;
  return rows.map((row) => {
    if (!row.cells.some((_, col) => tints.has(`${row.index}:${col}`))) return row;
    return {
      ...row,
      cells: row.cells.map((cell, col) => {
        const tint = tints.get(`${row.index}:${col}`);
        return cell && tint ? { ...cell, finding: tint } : cell;
      }),
    };
  });
}
