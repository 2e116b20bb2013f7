import { describe, expect, it } from 'vitest';
import { pageRanges } from './page-ranges';

describe('pageRanges', () => {
  it.each([
    [[2], '2'],
    [[3, 4, 5, 8], '3–5、8'],
    [[8, 3, 5, 4, 4], '3–5、8'],
    [[1, 3, 5], '1、3、5'],
    [[], ''],
  ])('%j → %s', (pages, expected) => {
    expect(pageRanges(pages)).toBe(expected);
  });
});
