import { useMemo, type ReactElement } from 'react';
import { AnchorIndex } from '../../../../core/review/anchors';
import { cellKey } from '../../../../core/review/edits';
import type { CellEdit } from '../../../../core/review/model';
import { STRINGS } from '../../strings';
import { useReview } from '../../stores/review';
import { useWorkspace } from '../../stores/workspace';
import { cellLocation } from './location';

function HistoryItem({ entry }: { entry: CellEdit }): ReactElement {
  return (
    <li>
      <span className="history-op">{STRINGS.cell.op[entry.op]}</span>
      <span className="history-change">
        {entry.before || STRINGS.cell.empty} → {entry.after || STRINGS.cell.empty}
      </span>
      <span className="history-meta">
        {entry.reviewer || STRINGS.cell.anonymous} · {new Date(entry.at).toLocaleString('zh-CN')}
      </span>
    </li>
  );
}

/** The selected cell: where it is, its printed and current text, and its edit history. */
export function CellPanel(): ReactElement {
  const doc = useWorkspace((s) => s.doc);
  const selection = useWorkspace((s) => s.selection);
  const changes = useReview((s) => s.changes);
  const anchors = useMemo(() => (doc ? new AnchorIndex(doc) : null), [doc]);

  if (!doc || !selection || !anchors) {
    return (
      <aside className="cell-panel" aria-label={STRINGS.cell.region}>
        <p className="empty">{STRINGS.cell.nothingSelected}</p>
      </aside>
    );
  }
  const cell = doc.tables.find((t) => t.id === selection.tableId)?.rows[selection.row]?.[selection.col];
  const anchor = anchors.anchorOf(selection);
  const change = changes.get(cellKey(selection));
  const current = change?.current ?? cell?.text ?? '';
  const edited = !!cell && current !== cell.text;

  return (
    <aside className="cell-panel" aria-label={STRINGS.cell.region} data-testid="cell-panel">
      <dl>
        <dt>{STRINGS.cell.row}</dt>
        <dd>{anchor?.rowLabel || STRINGS.cell.rowNumber(selection.row + 1)}</dd>
        <dt>{STRINGS.cell.column}</dt>
        <dd>{anchor?.columnHeader || STRINGS.cell.columnNumber(selection.col + 1)}</dd>
        <dt>{STRINGS.cell.printed}</dt>
        <dd data-testid="cell-original">{cell?.text || STRINGS.cell.empty}</dd>
        <dt>{STRINGS.cell.current}</dt>
        <dd className={edited ? 'cell-edited-text' : ''} data-testid="cell-current">
          {current || STRINGS.cell.empty}
          {edited ? <span className="badge">{STRINGS.cell.editedBadge}</span> : null}
        </dd>
        <dt>{STRINGS.cell.location}</dt>
        <dd>{cell ? cellLocation(doc, cell) : ''}</dd>
        {cell && cell.confidence !== 'ok' ? (
          <>
            <dt>{STRINGS.cell.confidence}</dt>
            <dd className="status-warning">{STRINGS.cell.confidenceReason[cell.confidence]}</dd>
          </>
        ) : null}
      </dl>
      {change ? (
        <>
          <h3>{STRINGS.cell.history}</h3>
          <ol className="history">
            {[...change.entries].reverse().map((entry) => (
              <HistoryItem key={entry.id} entry={entry} />
            ))}
          </ol>
        </>
      ) : null}
    </aside>
  );
}
