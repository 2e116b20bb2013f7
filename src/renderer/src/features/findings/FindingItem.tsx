import { useEffect, useMemo, useRef, type ReactElement } from 'react';
import type { Finding } from '../../../../core/checks/model';
import { AnchorIndex } from '../../../../core/review/anchors';
import { cellKey } from '../../../../core/review/edits';
import { STRINGS } from '../../strings';
import { useFindings } from '../../stores/findings';
import { useReview } from '../../stores/review';
import { useWorkspace } from '../../stores/workspace';
import { tableName } from '../tables/table-name';
import type { FindingView } from './findings-view';
import { spanLineBoxes, unionBox } from './narrative-marks';

/** Where the finding points: each cell and sentence, a click away; and the decisions taken on it. */
function FindingDetail({ finding }: { finding: Finding }): ReactElement | null {
  const doc = useWorkspace((s) => s.doc);
  const history = useFindings((s) => s.history);
  const changes = useReview((s) => s.changes);
  const anchors = useMemo(() => (doc ? new AnchorIndex(doc) : null), [doc]);
  if (!doc || !anchors) return null;
  const decisions = history.filter((h) => h.findingId === finding.id);

  return (
    <div className="finding-detail">
      <ul className="finding-places">
        {finding.cells.map((c) => {
          const table = doc.tables.find((t) => t.id === c.table);
          const ref = { tableId: c.table, row: c.row, col: c.col };
          const anchor = anchors.anchorOf(ref);
          const cell = table?.rows[c.row]?.[c.col];
          return (
            <li key={`${c.table}:${c.row}:${c.col}`}>
              <button
                type="button"
                className="place"
                data-place="cell"
                onClick={() => {
                  useWorkspace.getState().selectCell(ref, 'list');
                  if (cell) useWorkspace.getState().setPage(cell.page);
                }}
              >
                {STRINGS.findings.cellPlace(
                  table ? tableName(table) : c.table,
                  anchor?.rowLabel || STRINGS.cell.rowNumber(c.row + 1),
                  anchor?.columnHeader || STRINGS.cell.columnNumber(c.col + 1),
                )}
                {cell && cell.value !== null ? <span className="place-text">{changes.get(cellKey(ref))?.current ?? cell.text}</span> : null}
              </button>
            </li>
          );
        })}
        {finding.narrative.map((span) => {
          const lines = spanLineBoxes(doc.narrative, [span]);
          const page = lines[0]?.page ?? null;
          const bbox = unionBox(lines.filter((l) => l.page === page).map((l) => l.bbox));
          return (
            <li key={`${span.block}:${span.start}`}>
              <button
                type="button"
                className="place"
                data-place="narrative"
                onClick={() => useWorkspace.getState().selectNarrative(span.block, page !== null && bbox ? { page, bbox } : undefined)}
              >
                {STRINGS.findings.narrativeSpan(span.block, page, doc.narrative[span.block]?.text.slice(span.start, span.end) ?? '')}
              </button>
            </li>
          );
        })}
      </ul>
      {decisions.length > 0 ? (
        <div className="finding-history">
          <h3>{STRINGS.findings.history}</h3>
          <ol>
            {decisions.map((h) => (
              <li key={h.id}>
                <span className="history-op">{STRINGS.findings.action[h.action]}</span>
                {h.reason ? <span>{STRINGS.findings.reason(h.reason)}</span> : null}
                <span className="history-meta">{STRINGS.findings.decidedBy(h.by, h.at)}</span>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </div>
  );
}

/** One finding: severity, kind, status, the message with its arithmetic, and the reviewer's buttons. */
export function FindingItem({ view }: { view: FindingView }): ReactElement {
  const { finding, status, decision } = view;
  const selected = useFindings((s) => s.selectedId === finding.id);
  const ref = useRef<HTMLLIElement>(null);

  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const store = useFindings.getState;
  const readOnly = useReview((s) => s.readOnly);
  return (
    <li
      ref={ref}
      className={`finding-item severity-${finding.severity} status-${status}${selected ? ' selected' : ''}`}
      data-finding-id={finding.id}
      data-status={status}
      data-severity={finding.severity}
      data-kind={finding.kind}
    >
      <button type="button" className="finding-main" onClick={() => store().select(finding.id)} aria-current={selected ? 'true' : undefined}>
        <span className="finding-tags">
          <span className={`severity-chip severity-${finding.severity}`}>{STRINGS.findings.severity[finding.severity]}</span>
          <span className="finding-kind">{STRINGS.findings.kind[finding.kind]}</span>
          <span className={`finding-status finding-status-${status}`} data-testid="finding-status">
            {STRINGS.findings.status[status]}
          </span>
        </span>
        <span className="finding-message">{finding.message}</span>
      </button>
      {decision ? (
        <p className="finding-decision" data-testid="finding-decision">
          {decision.reason ? <span>{STRINGS.findings.reason(decision.reason)}</span> : null}
          <span className="history-meta">{STRINGS.findings.decidedBy(decision.by, decision.at)}</span>
        </p>
      ) : null}
      {selected ? <FindingDetail finding={finding} /> : null}
      <div className="finding-actions">
        {status === 'open' ? (
          <>
            <button type="button" disabled={readOnly} onClick={() => void store().confirm(finding.id)} title={STRINGS.findings.confirmHint}>
              {STRINGS.findings.confirm}
            </button>
            <button type="button" disabled={readOnly} onClick={() => store().askDismiss(finding.id)} title={STRINGS.findings.dismissHint}>
              {STRINGS.findings.dismiss}
            </button>
          </>
        ) : (
          <button type="button" disabled={readOnly} onClick={() => void store().revoke(finding.id)} title={STRINGS.findings.revokeHint}>
            {STRINGS.findings.revoke}
          </button>
        )}
      </div>
    </li>
  );
}
