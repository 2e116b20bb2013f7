import { useMemo } from 'react';
import type { Severity } from '../../../../core/checks/model';
import { useFindings } from '../../stores/findings';
import { findingViews, openByTable, type Counts } from './findings-view';

/** Open findings per table of the open document (for the table list). */
export function useTableFindingCounts(): ReadonlyMap<string, Counts<Severity>> {
  const report = useFindings((s) => s.report);
  const decisions = useFindings((s) => s.decisions);
  return useMemo(() => (report ? openByTable(findingViews(report.findings, decisions)) : new Map()), [report, decisions]);
}
