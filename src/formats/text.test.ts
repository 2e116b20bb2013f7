import { describe, expect, it } from 'vitest';
import { tidyCellText } from './text';

describe('tidyCellText', () => {
  it('joins wrapped lines like the PDF extractor and closes typed gaps', () => {
    expect(tidyCellText(['财政拨款', '收入'])).toBe('财政拨款收入');
    expect(tidyCellText(['  其中：教学科研人员因公出国（境）费 '])).toBe('其中：教学科研人员因公出国（境）费');
    expect(tidyCellText(['项  目'])).toBe('项目');
  });
});
