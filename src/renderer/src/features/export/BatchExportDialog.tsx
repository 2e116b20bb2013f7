import { useEffect, useRef, type ReactElement } from 'react';
import { STRINGS } from '../../strings';
import type { BatchOutcome } from './batch';
import { useExport, type BatchExport } from './export-store';

function OutcomeItem({ outcome }: { outcome: BatchOutcome }): ReactElement {
  const detail = outcome.status === 'exported' ? outcome.workbookName : outcome.reason;
  return (
    <li className={`export-outcome export-${outcome.status}`} data-path={outcome.relativePath} data-status={outcome.status}>
      <span className="export-outcome-status">{STRINGS.export.outcome[outcome.status]}</span>
      <span className="export-outcome-name">{outcome.relativePath}</span>
      <span className="export-outcome-detail">{detail}</span>
    </li>
  );
}

function Body({ batch }: { batch: BatchExport }): ReactElement {
  switch (batch.phase) {
    case 'running': {
      const { done, total, current } = batch.progress;
      return (
        <>
          <p className="export-directory">{STRINGS.export.directory(batch.directory)}</p>
          <div className="export-progress">
            <progress max={Math.max(1, total)} value={done} aria-label={STRINGS.export.progressLabel} />
            <span data-testid="batch-count">{STRINGS.export.count(done, total)}</span>
          </div>
          <p className="export-current" data-testid="batch-current">
            {current ? STRINGS.export.current(current) : '\u00a0'}
          </p>
        </>
      );
    }
    case 'finished': {
      const { outcomes, cancelled, ms } = batch.summary;
      const count = (status: BatchOutcome['status']): number => outcomes.filter((o) => o.status === status).length;
      return (
        <>
          <p className="export-directory">{STRINGS.export.directory(batch.directory)}</p>
          <p className="export-summary" data-testid="batch-summary" data-cancelled={cancelled ? 'true' : 'false'} data-ms={Math.round(ms)}>
            {cancelled ? `${STRINGS.export.cancelled} ` : ''}
            {STRINGS.export.summary(count('exported'), count('skipped'), count('failed'))}
          </p>
          <ul className="export-outcomes">
            {outcomes.map((o) => (
              <OutcomeItem key={o.relativePath} outcome={o} />
            ))}
          </ul>
        </>
      );
    }
    case 'error':
      return <p className="status-error">{STRINGS.export.failed(batch.message)}</p>;
    default: {
      const never: never = batch;
      return <p>{String(never)}</p>;
    }
  }
}

/** Progress of a batch export, then its summary: exported, skipped (with why), failed. */
export function BatchExportDialog({ batch }: { batch: BatchExport }): ReactElement {
  const running = batch.phase === 'running';
  const buttonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => buttonRef.current?.focus(), [running]);

  return (
    <div className="export-backdrop">
      <div
        className="export-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="batch-export-title"
        data-testid="batch-export"
        data-phase={batch.phase}
        onKeyDown={(e) => {
          if (e.key === 'Escape') (running ? useExport.getState().cancelBatch : useExport.getState().closeBatch)();
        }}
      >
        <h2 id="batch-export-title">{STRINGS.export.batchTitle}</h2>
        <Body batch={batch} />
        <div className="export-actions">
          {running ? (
            <button ref={buttonRef} type="button" data-testid="batch-cancel" onClick={() => useExport.getState().cancelBatch()}>
              {STRINGS.export.cancel}
            </button>
          ) : (
            <button ref={buttonRef} type="button" data-testid="batch-close" onClick={() => useExport.getState().closeBatch()}>
              {STRINGS.export.close}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
