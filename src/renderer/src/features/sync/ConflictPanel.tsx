/**
 * Sync conflicts: a cell (or a finding's disposition) two people changed without seeing each
 * other's change. Both values are shown with author and time; a person picks one, and the pick is
 * itself an edit (or decision) that goes to the team — nothing is resolved silently. The panel
 * can be put aside (稍后处理); the header badge brings it back, and so do new conflicts.
 */
import { useState, type ReactElement } from 'react';
import type { FindingDecision } from '../../../../core/review/model';
import type { ConflictChoice } from '../../../../core/review/package';
import { userMessage } from '../../api/errors';
import type { StoredConflict } from '../../db/database';
import { useSync } from '../../sync/app-sync';
import { STRINGS } from '../../strings';
import { useDocuments } from '../../stores/documents';
import { useSyncUi } from './sync-ui';

function decisionText(d: FindingDecision): string {
  return `${STRINGS.sync.decision[d.decision]}${d.reason ? `（${d.reason}）` : ''}`;
}

interface Side {
  choice: 'local' | 'incoming';
  value: string;
  by: string;
  at: number;
}

function sides(stored: StoredConflict): Side[] {
  const c = stored.conflict;
  const all: Side[] =
    c.kind === 'edit'
      ? [
          { choice: 'local', value: c.local.text || STRINGS.cell.empty, by: c.local.reviewer, at: c.local.at },
          { choice: 'incoming', value: c.incoming.text || STRINGS.cell.empty, by: c.incoming.reviewer, at: c.incoming.at },
        ]
      : [
          { choice: 'local', value: decisionText(c.local), by: c.local.by, at: c.local.at },
          { choice: 'incoming', value: decisionText(c.incoming), by: c.incoming.by, at: c.incoming.at },
        ];
  // oldest first: the order things happened in
  return all.sort((a, b) => a.at - b.at);
}

function ConflictRow({ stored, documentName, readOnly }: { stored: StoredConflict; documentName: string; readOnly: boolean }): ReactElement {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const c = stored.conflict;

  async function choose(choice: ConflictChoice): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await useSync.getState().resolve(stored.id, choice);
    } catch (e) {
      setError(userMessage(e));
      setBusy(false);
    }
  }

  return (
    <li className="conflict-item" data-conflict-id={stored.id} data-kind={c.kind} data-testid="sync-conflict">
      <div className="conflict-where">
        {documentName} · {c.kind === 'edit' ? `${c.anchor.tableTitle || STRINGS.orphans.untitled} · ${c.anchor.rowLabel || '—'} / ${c.anchor.columnHeader || '—'}` : STRINGS.sync.decisionTitle(c.findingId)}
      </div>
      {c.kind === 'edit' ? (
        <div className="conflict-printed">
          {STRINGS.sync.printed}：{c.printed || STRINGS.cell.empty}
        </div>
      ) : null}
      <div className="conflict-choices">
        {sides(stored).map((side) => (
          <button key={side.choice} type="button" data-choice={side.choice} data-author={side.by} disabled={busy || readOnly} title={readOnly ? STRINGS.sync.readOnlyPick : STRINGS.sync.pick} onClick={() => void choose(side.choice)}>
            <span className="conflict-value">{side.value}</span>
            <small>{STRINGS.sync.by(side.by, side.at)}</small>
            <strong>{STRINGS.sync.pick}</strong>
          </button>
        ))}
      </div>
      {error ? <p className="status-error">{error}</p> : null}
    </li>
  );
}

export function ConflictPanel(): ReactElement | null {
  const conflicts = useSync((s) => s.conflicts);
  const readOnly = useSync((s) => s.readOnly);
  const foldedAt = useSyncUi((s) => s.foldedAt);
  const documents = useDocuments((s) => s.folder?.documents);
  if (conflicts.length === 0 || (foldedAt !== null && conflicts.length <= foldedAt)) return null;
  const nameOf = (hash: string): string => documents?.find((d) => d.sha256 === hash)?.name ?? `${hash.slice(0, 8)}…`;
  return (
    <aside className="sync-conflict-panel" role="region" aria-labelledby="sync-conflicts-title" data-testid="sync-conflict-panel">
      <h2 id="sync-conflicts-title">{STRINGS.sync.conflictsTitle(conflicts.length)}</h2>
      <p className="conflict-explain">{STRINGS.sync.conflictsExplain}</p>
      <ol className="conflict-list">
        {conflicts.map((c) => (
          <ConflictRow key={c.id} stored={c} documentName={nameOf(c.fileHash)} readOnly={readOnly} />
        ))}
      </ol>
      <footer className="dialog-footer">
        <button type="button" onClick={() => useSyncUi.getState().fold(conflicts.length)}>
          {STRINGS.sync.later}
        </button>
      </footer>
    </aside>
  );
}
