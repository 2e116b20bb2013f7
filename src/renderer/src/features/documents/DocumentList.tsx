import type { ReactElement } from 'react';
import type { DocumentEntry } from '../../../../shared/ipc-contract';
import { STRINGS } from '../../strings';
import { useDocuments } from '../../stores/documents';
import { useOpenFindingCount } from '../../stores/findings';
import { useWorkspace } from '../../stores/workspace';

function StatusLine({ entry }: { entry: DocumentEntry }): ReactElement {
  switch (entry.status) {
    case 'queued':
      return <span className="status status-queued">{STRINGS.documents.queued}</span>;
    case 'parsing':
      return (
        <span className="status status-parsing">
          {STRINGS.documents.parsing(Math.round(entry.progress * 100))}
          <progress max={1} value={entry.progress} />
        </span>
      );
    case 'parsed':
      return <span className="status status-parsed">{STRINGS.documents.parsed}</span>;
    case 'error':
      return <span className="status status-error">{entry.error?.messageZh ?? STRINGS.errors.generic}</span>;
    default: {
      const never: never = entry.status;
      return <span>{String(never)}</span>;
    }
  }
}

/** A file still parsing can be stopped (a 500-page annex); one that failed or was stopped, parsed again. */
function DocumentAction({ entry, cancel }: { entry: DocumentEntry; cancel: boolean }): ReactElement {
  const { cancelParse, reparse } = useDocuments.getState();
  return (
    <button
      type="button"
      className="document-action"
      title={cancel ? STRINGS.documents.cancelParseHint(entry.name) : STRINGS.documents.reparseHint(entry.name)}
      onClick={() => void (cancel ? cancelParse(entry.relativePath) : reparse(entry.relativePath))}
    >
      {cancel ? STRINGS.documents.cancelParse : STRINGS.documents.reparse}
    </button>
  );
}

function DocumentItem({ entry, active }: { entry: DocumentEntry; active: boolean }): ReactElement {
  const figures = useDocuments((s) => (entry.sha256 ? s.figures[entry.sha256] : undefined));
  const findings = useOpenFindingCount(entry.sha256);
  const openDocument = useWorkspace((s) => s.openDocument);
  const tables = entry.tableCount ?? 0;
  const reviewed = figures?.reviewedTables ?? 0;
  const canOpen = entry.status === 'parsed';
  const inProgress = entry.status === 'queued' || entry.status === 'parsing';
  return (
    <li className={`document-item${active ? ' active' : ''}`} data-path={entry.relativePath} data-status={entry.status}>
      <button type="button" disabled={!canOpen} onClick={() => void openDocument(entry.relativePath)} title={entry.relativePath}>
        <span className="document-name">{entry.name}</span>
        <StatusLine entry={entry} />
        {canOpen ? (
          <span className="document-figures">
            <span>{STRINGS.documents.tables(tables)}</span>
            {findings ? (
              <span
                className={findings.error + findings.warning > 0 ? 'has-findings' : ''}
                data-testid="finding-count"
                title={STRINGS.documents.findingsDetail(findings.error, findings.warning, findings.note)}
              >
                {STRINGS.documents.findings(findings.error + findings.warning + findings.note)}
              </span>
            ) : (
              <span data-testid="finding-count" data-pending="" title={STRINGS.documents.findingsPendingHint}>
                {STRINGS.documents.findingsPending}
              </span>
            )}
            <span data-testid="edit-count">{STRINGS.documents.edits(figures?.editedCells ?? 0)}</span>
            <span>{STRINGS.documents.reviewed(reviewed, tables)}</span>
          </span>
        ) : null}
        {canOpen && tables > 0 ? <progress className="review-progress" max={tables} value={reviewed} aria-label={STRINGS.documents.progressLabel} /> : null}
      </button>
      {inProgress || entry.status === 'error' ? <DocumentAction entry={entry} cancel={inProgress} /> : null}
    </li>
  );
}

/** The files of the watched folder with their parse status and review figures. */
export function DocumentList(): ReactElement {
  const folder = useDocuments((s) => s.folder);
  const error = useDocuments((s) => s.error);
  const chooseFolder = useDocuments((s) => s.chooseFolder);
  const openPath = useWorkspace((s) => s.openPath);

  return (
    <section className="document-list" aria-label={STRINGS.documents.region}>
      <header className="panel-header">
        <h2>{STRINGS.documents.title}</h2>
        <button type="button" onClick={() => void chooseFolder()}>
          {STRINGS.documents.chooseFolder}
        </button>
      </header>
      {folder?.folder ? (
        <p className="folder-path" title={folder.folder}>
          {folder.folder}
          {folder.available ? null : <span className="status-error"> {STRINGS.documents.folderMissing}</span>}
        </p>
      ) : null}
      {error ? <p className="status-error">{error}</p> : null}
      {folder && folder.documents.length === 0 ? <p className="empty">{STRINGS.documents.empty}</p> : null}
      <ul>
        {folder?.documents.map((entry) => <DocumentItem key={entry.relativePath} entry={entry} active={entry.relativePath === openPath} />)}
      </ul>
    </section>
  );
}
