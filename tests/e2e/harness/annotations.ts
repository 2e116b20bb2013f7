/** Helpers for the annotation and review-package tests: reviewer name, stored records, mouse selections. */
import type { Locator, Page } from 'playwright-core';

/** Types the reviewer's name in the header (stamped on annotations and edits) and waits until it is kept. */
export async function setReviewer(page: Page, name: string): Promise<void> {
  const input = page.getByLabel('审核人');
  await input.fill(name);
  await input.press('Enter');
  await page.waitForFunction((n) => (localStorage.getItem('proofreader.settings') ?? '').includes(n), name);
}

/** Every record of one object store of the review database, read straight from IndexedDB. */
export async function storedRecords<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((done, fail) => {
        const request = indexedDB.open('proofreader-review');
        request.onerror = () => fail(request.error);
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            done([]);
            return;
          }
          const all = db.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => {
            done(all.result as T[]);
            db.close();
          };
          all.onerror = () => fail(all.error);
        };
      }),
    store,
  );
}

/** Presses the mouse at one point and releases it at another, moving in steps (a real drag). */
export async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
}

/**
 * Selects characters [start, end) of an element holding one text node by dragging the mouse from
 * the first character's left edge to the last one's right edge.
 */
export async function selectCharacters(page: Page, element: Locator, start: number, end: number): Promise<void> {
  const points = await element.evaluate(
    (el, [s, e]) => {
      const text = el.firstChild;
      if (!text) throw new Error('no text');
      const rectOf = (i: number): DOMRect => {
        const r = document.createRange();
        r.setStart(text, i);
        r.setEnd(text, i + 1);
        return r.getClientRects()[0] ?? r.getBoundingClientRect();
      };
      const a = rectOf(s!);
      const b = rectOf(e! - 1);
      return { from: { x: a.left + 1, y: a.top + a.height / 2 }, to: { x: b.right - 1, y: b.top + b.height / 2 } };
    },
    [start, end],
  );
  await drag(page, points.from, points.to);
}
