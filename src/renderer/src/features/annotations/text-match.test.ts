import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../../../core/model';
import { testDocument } from '../../review/test-document';
import { narrativeTargetForSpan, narrativeTargetForText } from './text-match';

const TEXT = '2025年部门收入预算1,606.90万元，其中一般公共预算拨款收入1,606.90万元。';
const DOC: ExtractedDocument = {
  ...testDocument('h'),
  source: { path: 'a.pdf', sha256: 'h', pages: 3 },
  narrative: [
    { page: 1, bbox: [0, 0, 1, 1], text: '目录' },
    { page: 2, bbox: [0, 0, 1, 1], text: TEXT, lines: [{ page: 2, bbox: [0, 0, 1, 1], start: 0, end: 20 }, { page: 3, bbox: [0, 0, 1, 1], start: 20, end: TEXT.length }] },
  ],
};

describe('text selected on a page → narrative target', () => {
  it('matches pdf.js text with radical code points and a line break at the wrap', () => {
    // ⼀ U+2F00 (Kangxi) and ⻔ U+2ED4 (CJK Radicals Supplement) as Chromium PDFs emit them
    const selected = '其中⼀般公共预算\n拨款收⼊1,606.90万元';
    const target = narrativeTargetForText(DOC, 2, selected)!;
    expect(target).toMatchObject({ kind: 'narrative', block: 1, quote: '其中一般公共预算拨款收入1,606.90万元' });
    expect(TEXT.slice(target.start, target.end)).toBe(target.quote);
  });

  it('finds a paragraph by the page its continuation is printed on, and nothing on other pages', () => {
    expect(narrativeTargetForText(DOC, 3, '⼀般公共预算拨款')?.block).toBe(1);
    expect(narrativeTargetForText(DOC, 1, '一般公共预算')).toBeNull();
    expect(narrativeTargetForText(DOC, 2, ' \n ')).toBeNull();
    expect(narrativeTargetForText(DOC, 2, '决算')).toBeNull();
    expect(narrativeTargetForText(DOC, 2, '部⻔收入')?.quote).toBe('部门收入');
  });

  it('trims spaces selected around a span of the paragraph text', () => {
    const doc: ExtractedDocument = { ...DOC, narrative: [{ page: 1, bbox: [0, 0, 1, 1], text: '  三公经费 0.02万元 ' }] };
    expect(narrativeTargetForSpan(doc, 0, 9, 0)).toEqual({ kind: 'narrative', block: 0, start: 2, end: 9, quote: '三公经费 0.' });
    expect(narrativeTargetForSpan(doc, 0, 0, 2)).toBeNull();
    expect(narrativeTargetForSpan(doc, 5, 0, 2)).toBeNull();
  });
});
