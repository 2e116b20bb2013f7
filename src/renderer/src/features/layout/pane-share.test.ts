import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SHARE, MAX_PAGE_SHARE, MIN_PAGE_SHARE, clampShare, loadShare, saveShare, shareAt } from './pane-share';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, v),
  };
}

describe('page/table split', () => {
  it.each([
    [50, 50],
    [5, MIN_PAGE_SHARE],
    [99, MAX_PAGE_SHARE],
    [33.333, 33.3],
    [Number.NaN, DEFAULT_PAGE_SHARE],
  ])('clamps %s to %s', (input, expected) => {
    expect(clampShare(input)).toBe(expected);
  });

  it('turns a pointer position into the share of the row left of it', () => {
    expect(shareAt(500, 100, 1000)).toBe(40);
    expect(shareAt(0, 100, 1000)).toBe(MIN_PAGE_SHARE);
    expect(shareAt(500, 100, 0)).toBe(DEFAULT_PAGE_SHARE);
  });

  it('remembers the share, and falls back to the default for missing or foreign values', () => {
    const storage = memoryStorage();
    expect(loadShare(storage)).toBe(DEFAULT_PAGE_SHARE);
    saveShare(36.5, storage);
    expect(loadShare(storage)).toBe(36.5);
    storage.setItem('proofreader.pageShare', 'wide');
    expect(loadShare(storage)).toBe(DEFAULT_PAGE_SHARE);
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); } };
    expect(loadShare(broken)).toBe(DEFAULT_PAGE_SHARE);
    expect(() => saveShare(40, broken)).not.toThrow();
  });
});
