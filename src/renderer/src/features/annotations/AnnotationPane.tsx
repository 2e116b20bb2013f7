import type { ReactElement } from 'react';
import { STRINGS } from '../../strings';
import { AnnotationDetail } from './AnnotationDetail';
import { AnnotationList } from './AnnotationList';
import { DraftForm } from './DraftForm';
import { OrphanAnnotations } from './OrphanAnnotations';
import { useAnnotations } from './store';

/** The annotations pane: a new annotation being written, the open one, orphans and the list. */
export function AnnotationPane(): ReactElement | null {
  const paneOpen = useAnnotations((s) => s.paneOpen);
  const draft = useAnnotations((s) => s.draft);
  const openId = useAnnotations((s) => s.openId);
  const save = useAnnotations((s) => s.save);
  const notice = useAnnotations((s) => s.notice);
  if (!paneOpen) return null;
  return (
    <aside className="annotation-pane" aria-label={STRINGS.annotations.region} data-testid="annotation-pane">
      <header className="panel-header">
        <h2>{STRINGS.annotations.title}</h2>
        <button type="button" onClick={() => useAnnotations.getState().setPaneOpen(false)} title={STRINGS.annotations.close}>
          ×
        </button>
      </header>
      {notice ? (
        <p className="status-warning annotation-notice" data-testid="annotation-notice">
          {notice}
        </p>
      ) : null}
      {save.kind === 'error' ? <p className="status-error">{STRINGS.annotations.saveFailed(save.message)}</p> : null}
      {draft ? <DraftForm key={JSON.stringify([draft.fileHash, draft.target, draft.reattach?.id])} /> : null}
      {openId && !draft ? <AnnotationDetail key={openId} /> : null}
      <OrphanAnnotations />
      <AnnotationList />
    </aside>
  );
}
