import { describe, expect, it } from 'vitest';
import { RecentlyClosed } from './recently-closed';

class Doc {
  destroyed = false;
  constructor(readonly name: string) {}
  destroy(): Promise<void> {
    this.destroyed = true;
    return Promise.resolve();
  }
}

describe('RecentlyClosed', () => {
  it('gives a kept document back once, alive', () => {
    const kept = new RecentlyClosed<Doc>(2);
    const a = new Doc('a');
    kept.keep('sha-a', a);
    expect(kept.take('sha-a')).toBe(a);
    expect(a.destroyed).toBe(false);
    expect(kept.take('sha-a')).toBeNull();
    expect(kept.take('sha-other')).toBeNull();
  });

  it('destroys the longest-kept document beyond its capacity', () => {
    const kept = new RecentlyClosed<Doc>(2);
    const [a, b, c] = [new Doc('a'), new Doc('b'), new Doc('c')];
    kept.keep('a', a);
    kept.keep('b', b);
    kept.keep('c', c);
    expect(kept.size).toBe(2);
    expect([a.destroyed, b.destroyed, c.destroyed]).toEqual([true, false, false]);
    expect(kept.take('a')).toBeNull();
  });

  it('keeping a key again replaces (and destroys) the older document under it', () => {
    const kept = new RecentlyClosed<Doc>(2);
    const [old, fresh] = [new Doc('old'), new Doc('fresh')];
    kept.keep('k', old);
    kept.keep('k', fresh);
    expect(old.destroyed).toBe(true);
    expect(kept.take('k')).toBe(fresh);
  });
});
