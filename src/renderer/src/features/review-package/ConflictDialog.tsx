import { useState, type ReactElement } from 'react';
import type { FindingDecision } from '../../../../core/review/model';
import type { ConflictChoice } from '../../../../core/review/package';
import { userMessage } from '../../api/errors';
import type { StoredConflict } from '../../db/database';
import { STRINGS } from '../../strings';
import { useDocuments } from '../../stores/documents';
import { resolveConflictChoice } from './package-actions';
import { pendingConflicts, useReviewPackage } from './store';

function decisionText(d: FindingDecision): string {
  return `${STRINGS.reviewPackage.decision[d.decision]}${d.reason ? `（${d.reason}）` : ''}`;
}

function ConflictItem({ stored, documentName }: { stored: StoredConflict; documentName: string }): ReactElement {
  const [custom, setCustom] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const c = stored.conflict;

  async function choose(choice: ConflictChoice): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await resolveConflictChoice(stored.id, stored.fileHash, choice);
    } catch (e) {
      setError(userMessage(e));
    } finally {
      setBusy(false);
    }
  }

  if (c.kind === 'decision') {
    return (
      <li className="conflict-item" data-conflict-id={stored.id} data-kind="decision">
        <div className="conflict-where">
          {documentName} · {STRINGS.reviewPackage.decisionTitle(c.findingId)}
        </div>
        <div className="conflict-choices">
          <button type="button" data-choice="local" disabled={busy} onClick={() => void choose('local')}>
            <strong>{STRINGS.reviewPackage.local}</strong> {decisionText(c.local)}
            <small>{STRINGS.reviewPackage.by(c.local.by, c.local.at)}</small>
          </button>
          <button type="button" data-choice="incoming" disabled={busy} onClick={() => void choose('incoming')}>
            <strong>{STRINGS.reviewPackage.incoming}</strong> {decisionText(c.incoming)}
            <small>{STRINGS.reviewPackage.by(c.incoming.by, c.incoming.at)}</small>
          </button>
        </div>
        {error ? <p className="status-error">{error}</p> : null}
      </li>
    );
  }
  return (
    <li className="conflict-item" data-conflict-id={stored.id} data-kind="edit">
      <div className="conflict-where">
        {documentName} · {c.anchor.tableTitle || STRINGS.orphans.untitled} · {c.anchor.rowLabel || '—'} / {c.anchor.columnHeader || '—'}
      </div>
      <div className="conflict-printed">
        {STRINGS.reviewPackage.printed}：{c.printed || STRINGS.cell.empty}
      </div>
      <div className="conflict-choices">
        <button type="button" data-choice="local" disabled={busy} onClick={() => void choose('local')}>
          <strong>{STRINGS.reviewPackage.local}</strong> <span className="conflict-value">{c.local.text || STRINGS.cell.empty}</span>
          <small>{STRINGS.reviewPackage.by(c.local.reviewer, c.local.at)}</small>
        </button>
        <button type="button" data-choice="incoming" disabled={busy} onClick={() => void choose('incoming')}>
          <strong>{STRINGS.reviewPackage.incoming}</strong> <span className="conflict-value">{c.incoming.text || STRINGS.cell.empty}</span>
          <small>{STRINGS.reviewPackage.by(c.incoming.reviewer, c.incoming.at)}</small>
        </button>
        <form
          className="conflict-custom"
          onSubmit={(e) => {
            e.preventDefault();
            if (custom.trim()) void choose({ text: custom.trim() });
          }}
        >
          <input aria-label={STRINGS.reviewPackage.custom} placeholder={STRINGS.reviewPackage.customPlaceholder} value={custom} onChange={(e) => setCustom(e.target.value)} />
          <button type="submit" disabled={busy || !custom.trim()}>
            {STRINGS.reviewPackage.apply}
          </button>
        </form>
      </div>
      {error ? <p className="status-error">{error}</p> : null}
    </li>
  );
}

/**
 * The conflicts of imported packages: the same cell edited differently by two people, or two
 * different decisions on a finding. Each waits, at the local value, until the reviewer picks.
 */
export function ConflictDialog(): ReactElement | null {
  const open = useReviewPackage((s) => s.dialogOpen);
  const conflicts = useReviewPackage((s) => s.conflicts);
  const documents = useDocuments((s) => s.folder?.documents);
  if (!open) return null;
  const pending = pendingConflicts(conflicts);
  const nameOf = (hash: string): string => documents?.find((d) => d.sha256 === hash)?.name ?? `${hash.slice(0, 8)}…`;
  return (
    <div className="modal-backdrop">
      <div className="conflict-dialog" role="dialog" aria-modal="true" aria-labelledby="conflict-title" data-testid="conflict-dialog">
        <h2 id="conflict-title">{STRINGS.reviewPackage.conflictsTitle(pending.length)}</h2>
        <p className="conflict-explain">{STRINGS.reviewPackage.conflictsExplain}</p>
        {pending.length === 0 ? <p className="status-parsed">{STRINGS.reviewPackage.allResolved}</p> : null}
        <ol className="conflict-list">
          {pending.map((c) => (
            <ConflictItem key={c.id} stored={c} documentName={nameOf(c.fileHash)} />
          ))}
        </ol>
        <footer className="dialog-footer">
          <button type="button" onClick={() => useReviewPackage.getState().setDialogOpen(false)}>
            {pending.length === 0 ? STRINGS.reviewPackage.dismiss : STRINGS.reviewPackage.later}
          </button>
        </footer>
      </div>
    </div>
  );
}
