/** Cell styles shared by the sheets (created once: exceljs keeps references, never mutate them). */
import type { Alignment, Borders, Fill, Font, Style } from 'exceljs';

export const AMOUNT_FORMAT = '#,##0.00';

const FONT_NAME = '宋体';
export const FONT: Partial<Font> = { name: FONT_NAME, size: 10 };
export const BOLD: Partial<Font> = { name: FONT_NAME, size: 10, bold: true };
export const TITLE_FONT: Partial<Font> = { name: FONT_NAME, size: 14, bold: true };
const LINK_FONT: Partial<Font> = { name: FONT_NAME, size: 10, color: { argb: 'FF0563C1' }, underline: true };

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
export const BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function solid(argb: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } };
}

export const HEADER_FILL = solid('FFE7E6E6');
/** cells whose current value differs from the printed one */
export const CORRECTED_FILL = solid('FFFFEB9C');
/** cells that carry an annotation but were not corrected */
export const ANNOTATED_FILL = solid('FFDDEBF7');

const CENTER: Partial<Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };
const LEFT: Partial<Alignment> = { horizontal: 'left', vertical: 'middle', wrapText: true };
const RIGHT: Partial<Alignment> = { horizontal: 'right', vertical: 'middle' };

export const STYLES = {
  title: { font: TITLE_FONT, alignment: { horizontal: 'center', vertical: 'middle' } },
  meta: { font: FONT, alignment: { horizontal: 'left', vertical: 'middle' } },
  metaRight: { font: FONT, alignment: { horizontal: 'right', vertical: 'middle' } },
  header: { font: BOLD, alignment: CENTER, border: BORDER, fill: HEADER_FILL },
  text: { font: FONT, alignment: LEFT, border: BORDER },
  /** codes and row numbers: stored as text, so a later edit does not turn them into numbers */
  code: { font: FONT, alignment: { horizontal: 'left', vertical: 'middle' }, border: BORDER, numFmt: '@' },
  amount: { font: FONT, alignment: RIGHT, border: BORDER, numFmt: AMOUNT_FORMAT },
  note: { font: FONT, alignment: { horizontal: 'left', vertical: 'top', wrapText: true } },
  /** list sheets */
  listHeader: { font: BOLD, alignment: CENTER, border: BORDER, fill: HEADER_FILL },
  listText: { font: FONT, alignment: { horizontal: 'left', vertical: 'top', wrapText: true }, border: BORDER },
  listLink: { font: LINK_FONT, alignment: { horizontal: 'left', vertical: 'top', wrapText: true }, border: BORDER },
  label: { font: BOLD, alignment: { horizontal: 'left', vertical: 'top' } },
  value: { font: FONT, alignment: { horizontal: 'left', vertical: 'top', wrapText: true } },
} satisfies Record<string, Partial<Style>>;

/** A zero printed as "-" or "--" stays a number but shows as printed. */
export function dashFormat(dash: string): string {
  return `${AMOUNT_FORMAT};-${AMOUNT_FORMAT};"${dash.replace(/"/g, '')}"`;
}
