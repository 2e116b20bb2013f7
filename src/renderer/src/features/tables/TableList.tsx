import type { ReactElement } from 'react';
import { STRINGS } from '../../strings';
import { useReview } from '../../stores/review';
import { useWorkspace } from '../../stores/workspace';
import { tableLocation } from '../cell/location';
import type { Counts } from '../findings/findings-view';
import { useTableFindingCounts } from '../findings/use-table-counts';
import type { Severity } from '../../../../core/checks/model';
import { tableName } from './table-name';

/** How many open findings point into a table, coloured by the most severe. */
function FindingBadge({ counts }: { counts: Counts<Severity> | undefined }): ReactElement | null {
  if (!counts) return null;
  const total = counts.error + counts.warning + counts.note;
  if (total === 0) return null;
  const worst: Severity = counts.error > 0 ? 'error' : counts.warning > 0 ? 'warning' : 'note';
  return (
    <span className={`table-findings severity-${worst}`} data-testid="table-finding-count" title={STRINGS.tables.findings(counts.error, counts.warning, counts.note)}>
      {total}
    </span>
  );
}

/** The open document's tables, in reading order, with their reviewed mark. */
export function TableList(): ReactElement | null {
  const doc = useWorkspace((s) => s.doc);
  const tableId = useWorkspace((s) => s.tableId);
  const selectTable = useWorkspace((s) => s.selectTable);
  const reviewed = useReview((s) => s.reviewedTables);
  const findings = useTableFindingCounts();
  if (!doc) return null;
  return (
    <section className="table-list" aria-label={STRINGS.tables.region}>
      <h2>{STRINGS.tables.title(doc.tables.length)}</h2>
      {doc.tables.length === 0 ? <p className="empty">{STRINGS.tables.none}</p> : null}
      <ol>
        {doc.tables.map((table) => (
          <li key={table.id} className={table.id === tableId ? 'active' : ''}>
            <button type="button" onClick={() => selectTable(table.id)} data-table-id={table.id}>
              <span className="table-name">{tableName(table)}</span>
              <span className="table-meta">
                {table.code ? `${table.code} · ` : ''}
                {tableLocation(doc, table)}
              </span>
              <FindingBadge counts={findings.get(table.id)} />
              {reviewed.has(table.id) ? <span className="reviewed-mark" title={STRINGS.tables.reviewed}>✓</span> : null}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
