/**
 * Cell text as the PDF extractor would read it from the printed page: wrapped lines joined
 * (without a space between Chinese lines), runs of spaces collapsed, and the spaces authors
 * type between Chinese characters to spread a label ("项  目", "资 金 性 质") removed.
 */
import { isCjkChar, joinWrappedLines } from '../core/text/normalize';

export function collapseSpaces(text: string): string {
  return text.replace(/[\s\u3000]+/g, ' ').trim();
}

function isCjkAround(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  return !!before && !!after && isCjkChar(before) && isCjkChar(after);
}

/**
 * Removes the spacing authors type between Chinese characters: every run of two or more spaces
 * ("其中：财政    资金"), and single spaces too in a short label ("资 金 性 质"); a single space
 * inside running text ("…医疗保险发展 进一步完善…") is kept as printed.
 */
export function closeCjkGaps(text: string): string {
  const wide = text.replace(/[ \u3000]{2,}|\u3000/g, (gap, offset: number, whole: string) =>
    isCjkAround(whole, offset, offset + gap.length) ? '' : ' ',
  );
  const short = wide.replace(/\s+/g, '').length <= 10;
  if (!short) return wide;
  return wide.replace(/ /g, (gap, offset: number, whole: string) => (isCjkAround(whole, offset, offset + 1) ? '' : gap));
}

/** One cell's text from its printed lines. */
export function tidyCellText(lines: readonly string[]): string {
  return joinWrappedLines(lines.map((line) => collapseSpaces(closeCjkGaps(line.replace(/[\t\r\n]/g, ' ')))));
}
