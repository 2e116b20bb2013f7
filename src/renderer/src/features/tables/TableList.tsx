import type { ReactElement } from 'react';
import { STRINGS } from '../../strings';
import { useReview } from '../../stores/review';
import { useWorkspace } from '../../stores/workspace';
import { tableLocation } from '../cell/location';
import { tableName } from './table-name';

/** The open document's tables, in reading order, with their reviewed mark. */
export function TableList(): ReactElement | null {
  const doc = useWorkspace((s) => s.doc);
  const tableId = useWorkspace((s) => s.tableId);
  const selectTable = useWorkspace((s) => s.selectTable);
  const reviewed = useReview((s) => s.reviewedTables);
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
              {reviewed.has(table.id) ? <span className="reviewed-mark" title={STRINGS.tables.reviewed}>✓</span> : null}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
