import { useEffect, type RefObject } from 'react';

const CLASS = 'source-highlight';

/**
 * Outlines `find()`'s element inside `root` and scrolls it into view; the previous outline goes.
 * Runs again whenever `deps` change (another target, a re-render of the source).
 */
export function useHighlight(root: RefObject<HTMLElement | null>, find: () => HTMLElement | null, deps: readonly unknown[]): void {
  useEffect(() => {
    const container = root.current;
    if (!container) return;
    for (const el of Array.from(container.querySelectorAll(`.${CLASS}`))) {
      el.classList.remove(CLASS);
      el.removeAttribute('data-testid');
    }
    const el = find();
    if (!el) return;
    el.classList.add(CLASS);
    el.setAttribute('data-testid', 'source-highlight');
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, deps);
}
