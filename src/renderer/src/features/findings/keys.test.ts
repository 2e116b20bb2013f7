import { describe, expect, it } from 'vitest';
import { actionOf } from './keys';

const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {}): ReturnType<typeof actionOf> =>
  actionOf({ key: k, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, ...mods });

describe('exception keys', () => {
  it('maps N/F8 and Shift+N/Shift+F8 to next and previous, C and D to confirm and dismiss', () => {
    expect([key('n'), key('F8'), key('N', { shiftKey: true }), key('F8', { shiftKey: true }), key('c'), key('d')]).toEqual(['next', 'next', 'previous', 'previous', 'confirm', 'dismiss']);
  });

  it('leaves Ctrl/Alt/Meta combinations (copy, undo) and other keys alone', () => {
    expect([key('c', { ctrlKey: true }), key('n', { metaKey: true }), key('d', { altKey: true }), key('C', { shiftKey: true }), key('x'), key('Enter')]).toEqual([null, null, null, null, null, null]);
  });
});
