import { useMemo, type ReactElement } from 'react';
import type { Annotation, AnnotationCategory, AnnotationStatus } from '../../../../core/review/model';
import { STRINGS } from '../../strings';
import { useDocuments } from '../../stores/documents';
import { useWorkspace } from '../../stores/workspace';
import { authorName, formatTime } from './format';
import { authorsOf, matchesFilter, sortForList } from './filters';
import { CATEGORIES, STATUSES } from './labels';
import { goToAnnotation } from './navigate';
import { useAnnotations } from './store';
import { targetLabel } from './targets';

const ALL = '';

function Item({ annotation, documentName, active }: { annotation: Annotation; documentName: string | null; active: boolean }): ReactElement {
  const doc = useWorkspace((s) => (s.doc?.source.sha256 === annotation.fileHash ? s.doc : null));
  return (
    <li className={`annotation-item${active ? ' active' : ''}`} data-annotation-id={annotation.id} data-status={annotation.status} data-category={annotation.category}>
      <button type="button" onClick={() => void goToAnnotation(annotation)}>
        <span className="annotation-item-head">
          <span className={`annotation-chip category-${annotation.category}`}>{STRINGS.annotations.category[annotation.category]}</span>
          <span className={`annotation-chip status-${annotation.status}`}>{STRINGS.annotations.status[annotation.status]}</span>
          {annotation.replies.length > 0 ? <span className="annotation-replies-count">{STRINGS.annotations.replies(annotation.replies.length)}</span> : null}
        </span>
        <span className="annotation-item-text">{annotation.text}</span>
        <span className="annotation-item-meta">
          {documentName ? `${documentName} · ` : ''}
          {targetLabel(doc, annotation.target)} · {authorName(annotation.author)} · {formatTime(annotation.updatedAt)}
        </span>
      </button>
    </li>
  );
}

/** Annotations of the open document or of the whole folder, filtered by status, category and author. */
export function AnnotationList(): ReactElement {
  const all = useAnnotations((s) => s.all);
  const scope = useAnnotations((s) => s.scope);
  const filter = useAnnotations((s) => s.filter);
  const openId = useAnnotations((s) => s.openId);
  const hash = useWorkspace((s) => s.doc?.source.sha256 ?? null);
  const documents = useDocuments((s) => s.folder?.documents);
  const store = useAnnotations.getState();

  const inScope = useMemo(() => (scope === 'document' ? all.filter((a) => a.fileHash === hash) : all), [all, scope, hash]);
  const shown = useMemo(() => sortForList(inScope.filter((a) => matchesFilter(a, filter))), [inScope, filter]);
  const authors = useMemo(() => authorsOf(inScope), [inScope]);
  const names = useMemo(() => new Map((documents ?? []).flatMap((d) => (d.sha256 ? [[d.sha256, d.name] as const] : []))), [documents]);

  return (
    <section className="annotation-list" data-testid="annotation-list">
      <div className="annotation-scope" role="tablist">
        {(['document', 'folder'] as const).map((s) => (
          <button key={s} type="button" role="tab" aria-selected={scope === s} className={scope === s ? 'active' : ''} onClick={() => store.setScope(s)}>
            {s === 'document' ? STRINGS.annotations.scopeDocument : STRINGS.annotations.scopeFolder}
          </button>
        ))}
      </div>
      <div className="annotation-filters">
        <select aria-label={STRINGS.annotations.statusLabel} value={filter.status ?? ALL} onChange={(e) => store.setFilter({ status: (e.target.value || null) as AnnotationStatus | null })}>
          <option value={ALL}>{STRINGS.annotations.allStatuses}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STRINGS.annotations.status[s]}
            </option>
          ))}
        </select>
        <select aria-label={STRINGS.annotations.categoryLabel} value={filter.category ?? ALL} onChange={(e) => store.setFilter({ category: (e.target.value || null) as AnnotationCategory | null })}>
          <option value={ALL}>{STRINGS.annotations.allCategories}</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {STRINGS.annotations.category[c]}
            </option>
          ))}
        </select>
        <select
          aria-label={STRINGS.annotations.author}
          value={filter.author === null ? ALL : `=${filter.author}`}
          onChange={(e) => store.setFilter({ author: e.target.value === ALL ? null : e.target.value.slice(1) })}
        >
          <option value={ALL}>{STRINGS.annotations.allAuthors}</option>
          {authors.map((a) => (
            <option key={a} value={`=${a}`}>
              {authorName(a)}
            </option>
          ))}
        </select>
      </div>
      <p className="annotation-count" data-testid="annotation-count">
        {STRINGS.annotations.count(shown.length, inScope.length)}
      </p>
      {inScope.length === 0 ? <p className="empty">{STRINGS.annotations.none}</p> : shown.length === 0 ? <p className="empty">{STRINGS.annotations.noneMatching}</p> : null}
      <ol>
        {shown.map((a) => (
          <Item key={a.id} annotation={a} documentName={scope === 'folder' ? (names.get(a.fileHash) ?? null) : null} active={a.id === openId} />
        ))}
      </ol>
    </section>
  );
}
