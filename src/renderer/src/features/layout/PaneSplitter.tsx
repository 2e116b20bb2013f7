import { useRef, type KeyboardEvent, type PointerEvent, type ReactElement } from 'react';
import { STRINGS } from '../../strings';
import { DEFAULT_PAGE_SHARE, MAX_PAGE_SHARE, MIN_PAGE_SHARE, clampShare, shareAt } from './pane-share';

const KEY_STEP = 2;

/**
 * The bar between the source page and the table: drag it (or focus it and use the arrow keys) to
 * give the table more room; a double click restores the even split.
 */
export function PaneSplitter({ share, onChange }: { share: number; onChange: (share: number) => void }): ReactElement {
  const dragging = useRef(false);

  function spanOf(bar: HTMLElement): { left: number; width: number } | null {
    const before = bar.previousElementSibling?.getBoundingClientRect();
    const after = bar.nextElementSibling?.getBoundingClientRect();
    return before && after ? { left: before.left, width: after.right - before.left } : null;
  }

  function onPointerDown(e: PointerEvent<HTMLDivElement>): void {
    if (e.button !== 0) return;
    dragging.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
    e.preventDefault();
  }

  function onPointerMove(e: PointerEvent<HTMLDivElement>): void {
    if (!dragging.current) return;
    const span = spanOf(e.currentTarget);
    if (span) onChange(shareAt(e.clientX, span.left, span.width));
  }

  function onPointerUp(e: PointerEvent<HTMLDivElement>): void {
    dragging.current = false;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    const next =
      e.key === 'ArrowLeft' ? share - KEY_STEP : e.key === 'ArrowRight' ? share + KEY_STEP : e.key === 'Home' ? MIN_PAGE_SHARE : e.key === 'End' ? MAX_PAGE_SHARE : null;
    if (next === null) return;
    e.preventDefault();
    onChange(clampShare(next));
  }

  return (
    <div
      className="pane-splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={STRINGS.workspace.splitter}
      aria-valuemin={MIN_PAGE_SHARE}
      aria-valuemax={MAX_PAGE_SHARE}
      aria-valuenow={share}
      title={STRINGS.workspace.splitterHint}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
      onDoubleClick={() => onChange(DEFAULT_PAGE_SHARE)}
    />
  );
}
