import { useMemo } from 'react';
import { useFindings } from '../../stores/findings';
import { findingViews } from './findings-view';
import { cellTints, type CellTint } from './tints';

/** The tints of one table's cells ("row:col" → tint) from the open findings. */
export function useTableTints(tableId: string): ReadonlyMap<string, CellTint> | undefined {
  const report = useFindings((s) => s.report);
  const decisions = useFindings((s) => s.decisions);
  const tints = useMemo(() => (report ? cellTints(findingViews(report.findings, decisions)) : null), [report, decisions]);
  return tints?.get(tableId);
}
