/**
 * Cell text as the PDF extractor would read it from the printed page: wrapped lines joined
 * (without a space between Chinese lines), runs of spaces collapsed, and the spaces authors
 * type between Chinese characters to spread a label ("项  目", "资 金 性 质") removed.
 */
import { closeCjkGaps, joinWrappedLines } from '../core/text/normalize';

export function collapseSpaces(text: string): string {
  return text.replace(/[\s\u3000]+/g, ' ').trim();
}

/** One cell's text from its printed lines. */
export function tidyCellText(lines: readonly string[]): string {
  return joinWrappedLines(lines.map((line) => collapseSpaces(closeCjkGaps(line.replace(/[\t\r\n]/g, ' ')))));
}
