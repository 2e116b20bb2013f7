import type { ReactElement } from 'react';
import { STRINGS } from '../../strings';
import { useReview } from '../../stores/review';
import { annotateSelection } from './annotate';
import { useAnnotations } from './store';

/** "添加批注" for the selected cell or grid range (a hint in the pane when nothing is selected). */
export function AddAnnotationButton(): ReactElement {
  const readOnly = useReview((s) => s.readOnly);
  return (
    <button
      type="button"
      disabled={readOnly}
      data-testid="add-annotation"
      title={STRINGS.annotations.addHint}
      onClick={() => {
        if (!annotateSelection()) useAnnotations.setState({ paneOpen: true, notice: STRINGS.annotations.noTarget });
      }}
    >
      {STRINGS.annotations.add}
    </button>
  );
}

/** Drawing mode on the source page: drag a rectangle to annotate that area. */
export function DrawRectButton(): ReactElement {
  const drawing = useAnnotations((s) => s.drawing);
  const readOnly = useReview((s) => s.readOnly);
  return (
    <button
      type="button"
      disabled={readOnly}
      className={drawing ? 'active' : ''}
      aria-pressed={drawing}
      data-testid="draw-annotation"
      title={STRINGS.annotations.drawHint}
      onClick={() => useAnnotations.getState().setDrawing(!drawing)}
    >
      {STRINGS.annotations.drawRect}
    </button>
  );
}

/** Shows or hides the annotations pane; counts the folder's open annotations. */
export function AnnotationsToggle(): ReactElement {
  const paneOpen = useAnnotations((s) => s.paneOpen);
  const open = useAnnotations((s) => s.all.filter((a) => a.status === 'open').length);
  return (
    <button
      type="button"
      className={paneOpen ? 'active' : ''}
      aria-pressed={paneOpen}
      data-testid="annotations-toggle"
      onClick={() => useAnnotations.getState().setPaneOpen(!paneOpen)}
    >
      {STRINGS.annotations.toggle(open)}
    </button>
  );
}
