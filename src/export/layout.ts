/** Row heights for wrapped text: Excel does not grow rows when it opens a file (LibreOffice does). */
import { displayWidth } from './columns';

const LINE_HEIGHT = 13.5;
/** Excel's largest row height, in points; taller rows make it repair the file. */
const MAX_ROW_HEIGHT = 409;

/** How many lines text takes in a column `width` characters wide. */
export function lines(text: string, width: number): number {
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, width - 1))), 0);
}

export function heightFor(lineCount: number, min = 18): number {
  return Math.min(MAX_ROW_HEIGHT, Math.max(min, lineCount * LINE_HEIGHT + 4));
}
