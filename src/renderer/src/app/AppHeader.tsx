import { useEffect, useState, type ReactElement } from 'react';
import { AnnotationsToggle } from '../features/annotations/AnnotationButtons';
import { ExportButtons } from '../features/export/ExportButtons';
import { ReviewPackageButtons } from '../features/review-package/ReviewPackageButtons';
import { SyncStatus } from '../features/sync/SyncStatus';
import { STRINGS } from '../strings';
import { useReview, type SaveState } from '../stores/review';
import { useSettings } from '../stores/settings';

function SaveIndicator({ save }: { save: SaveState }): ReactElement {
  switch (save.kind) {
    case 'idle':
      return <span className="save-state" data-save="idle" />;
    case 'saving':
      return (
        <span className="save-state" data-save="saving">
          {STRINGS.header.saving}
        </span>
      );
    case 'saved':
      return (
        <span className="save-state" data-save="saved" data-saved-at={save.at} title={STRINGS.header.savedDetail(save.durableMs)}>
          {STRINGS.header.saved}
        </span>
      );
    case 'error':
      return (
        <span className="save-state status-error" data-save="error">
          {STRINGS.header.saveFailed(save.message)}
        </span>
      );
    default: {
      const never: never = save;
      return <span>{String(never)}</span>;
    }
  }
}

/** Title, reviewer name (stamped on every edit), undo/redo and the save state. */
export function AppHeader(): ReactElement {
  const reviewerName = useSettings((s) => s.settings.reviewerName);
  const setReviewerName = useSettings((s) => s.setReviewerName);
  const settingsError = useSettings((s) => s.error);
  const save = useReview((s) => s.save);
  const canUndo = useReview((s) => s.canUndo);
  const canRedo = useReview((s) => s.canRedo);
  const [name, setName] = useState(reviewerName);
  useEffect(() => setName(reviewerName), [reviewerName]);

  return (
    <header className="app-header">
      <h1>{STRINGS.appTitle}</h1>
      <button type="button" onClick={() => void useReview.getState().undo()} disabled={!canUndo} title={STRINGS.header.undoHint}>
        {STRINGS.header.undo}
      </button>
      <button type="button" onClick={() => void useReview.getState().redo()} disabled={!canRedo} title={STRINGS.header.redoHint}>
        {STRINGS.header.redo}
      </button>
      <SaveIndicator save={save} />
      <ExportButtons />
      <ReviewPackageButtons />
      <SyncStatus />
      <span className="toolbar-gap" />
      <AnnotationsToggle />
      {settingsError ? <span className="status-error">{STRINGS.header.settingsFailed(settingsError)}</span> : null}
      <label className="reviewer">
        {STRINGS.header.reviewer}
        <input
          value={name}
          placeholder={STRINGS.header.reviewerPlaceholder}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => {
            if (name !== reviewerName) void setReviewerName(name);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
          }}
        />
      </label>
    </header>
  );
}
