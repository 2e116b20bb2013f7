/**
 * Cell text as the PDF extractor would read it from the printed page: wrapped lines joined
 * (without a space between Chinese lines), runs of spaces collapsed, and the spaces authors
 * type between Chinese characters to spread a label ("项  目", "资 金 性 质") removed.
 */
import { isCjkChar, joinWrappedLines } from '../core/text/normalize';

export function collapseSpaces(text: string): string {
  return text.replace(/[\s\u3000]+/g, ' ').trim();
}

/** Removes a space only where both neighbours are Chinese characters or full-width punctuation. */
export function closeCjkGaps(text: string): string {
  return text.replace(/ (?=\S)/g, (space, offset: number, whole: string) => {
    const before = whole[offset - 1];
    const after = whole[offset + 1];
    return before && after && isCjkChar(before) && isCjkChar(after) ? '' : space;
  });
}

export function tidyCellText(lines: readonly string[]): string {
  return closeCjkGaps(joinWrappedLines(lines.map(collapseSpaces)));
}
