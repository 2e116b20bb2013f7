import type { ReactElement } from 'react';
import { STRINGS } from '../../strings';
import { useReview } from '../../stores/review';
import { useWorkspace } from '../../stores/workspace';
import { AddAnnotationButton } from '../annotations/AnnotationButtons';
import { CellPanel } from '../cell/CellPanel';
import { OrphanList } from '../cell/OrphanList';
import { TableGrid } from '../grid/TableGrid';
import { tableName } from './table-name';

/** The selected table: its caption, the reviewed switch, the grid and the cell panel. */
export function TableView(): ReactElement {
  const doc = useWorkspace((s) => s.doc);
  const tableId = useWorkspace((s) => s.tableId);
  const reviewed = useReview((s) => s.reviewedTables);
  const setReviewed = useReview((s) => s.setReviewed);
  const table = doc?.tables.find((t) => t.id === tableId);
  const total = doc?.tables.length ?? 0;

  return (
    <section className="table-view" aria-label={STRINGS.tables.viewRegion}>
      <div className="toolbar table-toolbar">
        <div className="table-caption">
          <strong>{table ? tableName(table) : STRINGS.tables.noneSelected}</strong>
          {table ? (
            <span className="table-meta">
              {[table.code, table.unit ? STRINGS.tables.unit(table.unit) : null, table.department].filter(Boolean).join(' · ')}
            </span>
          ) : null}
        </div>
        {table ? <AddAnnotationButton /> : null}
        {table ? (
          <label className="reviewed-toggle">
            <input type="checkbox" checked={reviewed.has(table.id)} onChange={(e) => void setReviewed(table.id, e.target.checked)} />
            {STRINGS.tables.markReviewed}
          </label>
        ) : null}
        <span className="doc-progress" data-testid="doc-progress">
          {STRINGS.tables.progress(reviewed.size, total)}
          <progress max={Math.max(1, total)} value={reviewed.size} />
        </span>
      </div>
      <OrphanList />
      {table ? <TableGrid key={table.id} table={table} /> : <div className="table-grid empty">{STRINGS.tables.none}</div>}
      {table && table.notes.length > 0 ? <p className="table-notes">{table.notes.join(' ')}</p> : null}
      <CellPanel />
    </section>
  );
}
