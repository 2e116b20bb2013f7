import { useEffect, type ReactElement } from 'react';
import { STRINGS } from '../../strings';
import { useDocuments } from '../../stores/documents';
import { useWorkspace } from '../../stores/workspace';
import { BatchExportDialog } from './BatchExportDialog';
import { useExport, type SingleExport } from './export-store';
import { warmUpExportWorker } from './workbook-worker-client';
import './export.css';

function SingleStatus({ state }: { state: SingleExport }): ReactElement | null {
  switch (state.kind) {
    case 'idle':
      return null;
    case 'building':
      return (
        <span className="export-status" data-export="building">
          {STRINGS.export.building}
        </span>
      );
    case 'saved':
      return (
        <span className="export-status" data-export="saved" data-export-ms={Math.round(state.ms)} title={state.path}>
          {STRINGS.export.saved(state.path)}
        </span>
      );
    case 'error':
      return (
        <span className="export-status status-error" data-export="error">
          {STRINGS.export.failed(state.message)}
        </span>
      );
    default: {
      const never: never = state;
      return <span>{String(never)}</span>;
    }
  }
}

/** The header's export buttons: the open document, or the whole folder (with its dialog). */
export function ExportButtons(): ReactElement {
  const hasDoc = useWorkspace((s) => s.doc !== null);
  const parsed = useDocuments((s) => s.folder?.documents.some((d) => d.status === 'parsed') ?? false);
  const single = useExport((s) => s.single);
  const batch = useExport((s) => s.batch);
  // Load exceljs and the checks in the worker while the reviewer reads, not when they click.
  useEffect(() => {
    if (!hasDoc) return;
    const timer = setTimeout(warmUpExportWorker, 1500);
    return () => clearTimeout(timer);
  }, [hasDoc]);

  return (
    <>
      <button
        type="button"
        data-testid="export-document"
        disabled={!hasDoc || single.kind === 'building'}
        title={STRINGS.export.exportOneHint}
        onPointerEnter={warmUpExportWorker}
        onClick={() => void useExport.getState().exportOpenDocument()}
      >
        {STRINGS.export.exportOne}
      </button>
      <button
        type="button"
        data-testid="export-folder"
        disabled={!parsed || batch?.phase === 'running'}
        title={STRINGS.export.exportAllHint}
        onPointerEnter={warmUpExportWorker}
        onClick={() => void useExport.getState().exportFolder()}
      >
        {STRINGS.export.exportAll}
      </button>
      <SingleStatus state={single} />
      {batch ? <BatchExportDialog batch={batch} /> : null}
    </>
  );
}
