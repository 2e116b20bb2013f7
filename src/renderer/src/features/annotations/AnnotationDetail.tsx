import { useState, type ReactElement } from 'react';
import type { AnnotationCategory, AnnotationStatus } from '../../../../core/review/model';
import type { AnnotationEvent } from '../../db/database';
import { STRINGS } from '../../strings';
import { useReview } from '../../stores/review';
import { useWorkspace } from '../../stores/workspace';
import { authorName, formatTime } from './format';
import { CATEGORIES, STATUSES } from './labels';
import { goToAnnotation } from './navigate';
import { useAnnotations } from './store';
import { targetLabel } from './targets';

function valueName(field: string, value: string): string {
  if (field === 'status') return STRINGS.annotations.status[value as AnnotationStatus] ?? value;
  if (field === 'category') return STRINGS.annotations.category[value as AnnotationCategory] ?? value;
  return value;
}

function HistoryEntry({ event }: { event: AnnotationEvent }): ReactElement {
  return (
    <li data-kind={event.kind}>
      <span className="history-op">{STRINGS.annotations.event[event.kind]}</span>
      {event.changes
        .filter((c) => c.field !== 'target')
        .map((c) => (
          <span key={c.field} className="history-change">
            {STRINGS.annotations.field[c.field]}：{valueName(c.field, c.before)} → {valueName(c.field, c.after)}
          </span>
        ))}
      <span className="history-meta">
        {event.by ? `${event.by} · ` : ''}
        {formatTime(event.at)}
      </span>
    </li>
  );
}

/** The open annotation: its place, text, category and status (editable), replies and history. */
export function AnnotationDetail(): ReactElement | null {
  const openId = useAnnotations((s) => s.openId);
  const annotation = useAnnotations((s) => s.all.find((a) => a.id === s.openId));
  const history = useAnnotations((s) => s.history);
  const doc = useWorkspace((s) => s.doc);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [reply, setReply] = useState('');
  const readOnly = useReview((s) => s.readOnly);
  if (!openId || !annotation) return null;
  const shownDoc = doc?.source.sha256 === annotation.fileHash ? doc : null;
  const store = useAnnotations.getState();

  return (
    <section className="annotation-detail" data-testid="annotation-detail" data-annotation-id={annotation.id} data-status={annotation.status}>
      <header className="annotation-detail-header">
        <select
          aria-label={STRINGS.annotations.categoryLabel}
          className={`annotation-category category-${annotation.category}`}
          disabled={readOnly}
          value={annotation.category}
          onChange={(e) => void store.edit(annotation.id, { category: e.target.value as AnnotationCategory })}
        >
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {STRINGS.annotations.category[c]}
            </option>
          ))}
        </select>
        <select
          aria-label={STRINGS.annotations.statusLabel}
          className={`annotation-status status-${annotation.status}`}
          disabled={readOnly}
          value={annotation.status}
          onChange={(e) => void store.edit(annotation.id, { status: e.target.value as AnnotationStatus })}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STRINGS.annotations.status[s]}
            </option>
          ))}
        </select>
        <span className="toolbar-gap" />
        <button type="button" onClick={() => store.open(null)} title={STRINGS.annotations.close}>
          ×
        </button>
      </header>
      <button type="button" className="annotation-target link" onClick={() => void goToAnnotation(annotation)}>
        <span className="annotation-kind">{STRINGS.annotations.targetKind[annotation.target.kind]}</span>
        {targetLabel(shownDoc, annotation.target)}
      </button>
      {editing ? (
        <div className="annotation-edit">
          <textarea aria-label={STRINGS.annotations.text} value={text} rows={3} autoFocus onChange={(e) => setText(e.target.value)} />
          <div className="annotation-form-row">
            <span className="toolbar-gap" />
            <button
              type="button"
              className="primary"
              disabled={!text.trim()}
              onClick={() =>
                void store.edit(annotation.id, { text }).then((ok) => {
                  if (ok || text.trim() === annotation.text) setEditing(false);
                })
              }
            >
              {STRINGS.annotations.save}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {STRINGS.annotations.cancel}
            </button>
          </div>
        </div>
      ) : (
        <div className="annotation-text-row">
          <p className="annotation-text" data-testid="annotation-text">
            {annotation.text}
          </p>
          <button
            type="button"
            disabled={readOnly}
            onClick={() => {
              setText(annotation.text);
              setEditing(true);
            }}
          >
            {STRINGS.annotations.edit}
          </button>
        </div>
      )}
      <p className="annotation-meta">
        {authorName(annotation.author)} · {STRINGS.annotations.created} {formatTime(annotation.createdAt)}
        {annotation.updatedAt !== annotation.createdAt ? ` · ${STRINGS.annotations.updated} ${formatTime(annotation.updatedAt)}` : ''}
        {annotation.findingId ? <span className="badge">{STRINGS.annotations.fromFinding}</span> : null}
      </p>
      <h4>{STRINGS.annotations.replies(annotation.replies.length)}</h4>
      <ol className="annotation-replies" data-testid="annotation-replies">
        {annotation.replies.map((r) => (
          <li key={r.id}>
            <span className="reply-author">{authorName(r.author)}</span>
            <span className="reply-text">{r.text}</span>
            <span className="history-meta">{formatTime(r.at)}</span>
          </li>
        ))}
      </ol>
      <form
        className="annotation-reply"
        onSubmit={(e) => {
          e.preventDefault();
          void store.reply(annotation.id, reply).then((ok) => ok && setReply(''));
        }}
      >
        <input aria-label={STRINGS.annotations.reply} placeholder={STRINGS.annotations.replyPlaceholder} value={reply} disabled={readOnly} onChange={(e) => setReply(e.target.value)} />
        <button type="submit" disabled={readOnly || !reply.trim()}>
          {STRINGS.annotations.reply}
        </button>
      </form>
      <h4>{STRINGS.annotations.history}</h4>
      <ol className="history annotation-history" data-testid="annotation-history">
        {[...history].reverse().map((e) => (
          <HistoryEntry key={e.id} event={e} />
        ))}
      </ol>
    </section>
  );
}
