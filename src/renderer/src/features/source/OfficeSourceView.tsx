import type { ReactElement } from 'react';
import { STRINGS } from '../../strings';
import { useWorkspace } from '../../stores/workspace';
import { DocxSource } from './DocxSource';
import { useSourceBytes } from './use-source-bytes';
import { XlsxSource } from './XlsxSource';
import './source.css';

function Loaded({ relativePath, sha256, format }: { relativePath: string; sha256: string; format: 'docx' | 'xlsx' }): ReactElement {
  const source = useSourceBytes(relativePath, sha256);
  switch (source.kind) {
    case 'loading':
      return <p className="source-loading">{STRINGS.source.loading}</p>;
    case 'error':
      return <p className="page-error">{STRINGS.source.failed(source.message)}</p>;
    case 'ready':
      return (
        <>
          {source.changed ? <p className="source-changed status-warning">{STRINGS.source.changed}</p> : null}
          {format === 'docx' ? <DocxSource bytes={source.bytes} /> : <XlsxSource bytes={source.bytes} />}
        </>
      );
    default: {
      const never: never = source;
      return <p>{String(never)}</p>;
    }
  }
}

/** The source pane for documents that are not PDFs: the Word document or the workbook itself. */
export function OfficeSourceView(): ReactElement {
  const doc = useWorkspace((s) => s.doc);
  const openPath = useWorkspace((s) => s.openPath);
  const format = doc?.source.format ?? 'pdf';
  if (!doc || !openPath || (format !== 'docx' && format !== 'xlsx')) {
    return <section className="page-view empty-workspace">{STRINGS.page.noPreview}</section>;
  }
  return (
    <section className="page-view source-view" aria-label={STRINGS.source.region} data-format={format}>
      <Loaded key={`${openPath}:${doc.source.sha256}`} relativePath={openPath} sha256={doc.source.sha256} format={format} />
    </section>
  );
}
