import { liveQuery } from 'dexie';
import { useEffect, type ReactElement } from 'react';
import { userMessage } from '../../api/errors';
import { reviewDb } from '../../db/database';
import { loadConflicts } from '../../db/package-repo';
import { STRINGS } from '../../strings';
import { exportReviewPackage, importReviewPackageFile } from './package-actions';
import { pendingConflicts, useReviewPackage } from './store';

async function runExport(): Promise<void> {
  const store = useReviewPackage.getState();
  store.setBusy(true);
  try {
    const outcome = await exportReviewPackage();
    if (outcome.kind === 'empty') store.setNotice({ kind: 'info', text: STRINGS.reviewPackage.nothingToExport });
    else if (outcome.kind === 'saved') store.setNotice({ kind: 'info', text: STRINGS.reviewPackage.exported(outcome.path, outcome.documents) });
  } catch (e) {
    store.setNotice({ kind: 'error', text: userMessage(e) });
  } finally {
    store.setBusy(false);
  }
}

async function runImport(): Promise<void> {
  const store = useReviewPackage.getState();
  store.setBusy(true);
  try {
    const outcome = await importReviewPackageFile();
    switch (outcome.kind) {
      case 'cancelled':
        break;
      case 'refused':
        store.setNotice({ kind: 'error', text: outcome.message });
        break;
      case 'imported': {
        const extra = outcome.notInFolder > 0 ? ` ${STRINGS.reviewPackage.notInFolder(outcome.notInFolder)}` : '';
        store.setNotice({ kind: 'info', text: `${STRINGS.reviewPackage.imported(outcome.exportedBy, outcome.summary)}${extra}` });
        if (outcome.summary.conflicts > 0) store.setDialogOpen(true);
        break;
      }
      default: {
        const never: never = outcome;
        throw new Error(`unknown import outcome ${String(never)}`);
      }
    }
  } catch (e) {
    store.setNotice({ kind: 'error', text: STRINGS.reviewPackage.failed(userMessage(e)) });
  } finally {
    store.setBusy(false);
  }
}

/** Keeps the stored conflicts listed (live), so unresolved ones stay visible across restarts. */
function useStoredConflicts(): void {
  useEffect(() => {
    const subscription = liveQuery(() => loadConflicts(reviewDb())).subscribe({
      next: (conflicts) => useReviewPackage.getState().setConflicts(conflicts),
      error: (e: unknown) => useReviewPackage.getState().setNotice({ kind: 'error', text: userMessage(e) }),
    });
    return () => subscription.unsubscribe();
  }, []);
}

/** Header buttons: export / import a review package, and the conflicts still waiting. */
export function ReviewPackageButtons(): ReactElement {
  useStoredConflicts();
  const busy = useReviewPackage((s) => s.busy);
  const pending = useReviewPackage((s) => pendingConflicts(s.conflicts).length);
  return (
    <span className="review-package-buttons">
      <button type="button" disabled={busy} title={STRINGS.reviewPackage.exportHint} onClick={() => void runExport()} data-testid="export-package">
        {STRINGS.reviewPackage.export}
      </button>
      <button type="button" disabled={busy} title={STRINGS.reviewPackage.importHint} onClick={() => void runImport()} data-testid="import-package">
        {STRINGS.reviewPackage.import}
      </button>
      {pending > 0 ? (
        <button type="button" className="conflict-badge" onClick={() => useReviewPackage.getState().setDialogOpen(true)} data-testid="conflict-badge">
          {STRINGS.reviewPackage.conflictBadge(pending)}
        </button>
      ) : null}
    </span>
  );
}

/** The outcome of the last export or import (Chinese message), until dismissed. */
export function ReviewPackageNotice(): ReactElement | null {
  const notice = useReviewPackage((s) => s.notice);
  if (!notice) return null;
  return (
    <div className={`package-notice ${notice.kind === 'error' ? 'status-error' : ''}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="package-notice" data-kind={notice.kind}>
      <span>{notice.text}</span>
      <button type="button" onClick={() => useReviewPackage.getState().setNotice(null)}>
        {STRINGS.reviewPackage.dismiss}
      </button>
    </div>
  );
}
