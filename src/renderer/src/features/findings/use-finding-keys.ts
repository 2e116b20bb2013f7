/**
 * The exception keys: N / F8 next open finding, Shift+N / Shift+F8 previous, C confirm, D dismiss
 * (asks for the reason). Never while a cell editor, an input or a dialog has the keyboard, and
 * never with Ctrl/Alt/Meta (Ctrl+C stays copy). Handled before the grid sees the key, so a letter
 * on a focused cell does not start editing it.
 */
import { useEffect } from 'react';
import { useFindings } from '../../stores/findings';
import { actionOf } from './keys';

function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.closest('[role="dialog"]') !== null)
  );
}

export function useFindingKeys(): void {
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent): void {
      if (e.isComposing || isTextField(e.target)) return;
      const action = actionOf(e);
      const store = useFindings.getState();
      if (!action || !store.report || store.dismissingId) return;
      const selected = store.selectedId;
      const open = selected !== null && !store.decisions.has(selected);
      if ((action === 'confirm' || action === 'dismiss') && !open) return;
      e.preventDefault();
      e.stopPropagation();
      switch (action) {
        case 'next':
          store.step(1);
          break;
        case 'previous':
          store.step(-1);
          break;
        case 'confirm':
          // confirmed: on to the next open finding
          void store.confirm(selected!).then(() => useFindings.getState().step(1));
          break;
        case 'dismiss':
          store.askDismiss(selected!, true);
          break;
        default: {
          const never: never = action;
          throw new Error(String(never));
        }
      }
    }
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
