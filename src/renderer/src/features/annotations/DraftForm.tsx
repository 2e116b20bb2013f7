import { useState, type FormEvent, type ReactElement } from 'react';
import type { AnnotationCategory } from '../../../../core/review/model';
import { STRINGS } from '../../strings';
import { useWorkspace } from '../../stores/workspace';
import { CATEGORIES } from './labels';
import { useAnnotations } from './store';
import { targetLabel } from './targets';

/** A new annotation: where it points, its text and category. Saved only once stored. */
export function DraftForm(): ReactElement | null {
  const draft = useAnnotations((s) => s.draft);
  const save = useAnnotations((s) => s.save);
  const doc = useWorkspace((s) => s.doc);
  const [text, setText] = useState(draft?.reattach?.text ?? '');
  const [category, setCategory] = useState<AnnotationCategory>(draft?.reattach?.category ?? 'data-error');
  const [missing, setMissing] = useState(false);
  if (!draft) return null;

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (!text.trim()) {
      setMissing(true);
      return;
    }
    await useAnnotations.getState().create({ text, category });
  }

  return (
    <form className="annotation-form" data-testid="annotation-draft" onSubmit={(e) => void submit(e)}>
      <h3>{STRINGS.annotations.newTitle}</h3>
      <p className="annotation-target">
        <span className="annotation-kind">{STRINGS.annotations.targetKind[draft.target.kind]}</span>
        {targetLabel(doc, draft.target)}
      </p>
      <textarea
        aria-label={STRINGS.annotations.text}
        placeholder={STRINGS.annotations.textPlaceholder}
        value={text}
        autoFocus
        rows={3}
        onChange={(e) => {
          setText(e.target.value);
          setMissing(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
          if (e.key === 'Escape') useAnnotations.getState().cancelDraft();
        }}
      />
      {missing ? <p className="status-error">{STRINGS.annotations.textRequired}</p> : null}
      <div className="annotation-form-row">
        <label>
          {STRINGS.annotations.categoryLabel}
          <select aria-label={STRINGS.annotations.categoryLabel} value={category} onChange={(e) => setCategory(e.target.value as AnnotationCategory)}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {STRINGS.annotations.category[c]}
              </option>
            ))}
          </select>
        </label>
        <span className="toolbar-gap" />
        <button type="submit" className="primary" disabled={save.kind === 'saving'}>
          {STRINGS.annotations.save}
        </button>
        <button type="button" onClick={() => useAnnotations.getState().cancelDraft()}>
          {STRINGS.annotations.cancel}
        </button>
      </div>
    </form>
  );
}
