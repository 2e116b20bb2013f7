/** Excel refuses (and offers to "repair") cells holding more than 32,767 characters. */
const MAX_CELL_TEXT = 32_767;

export function clipText(text: string): string {
  return text.length <= MAX_CELL_TEXT ? text : `${text.slice(0, MAX_CELL_TEXT - 1)}…`;
}
