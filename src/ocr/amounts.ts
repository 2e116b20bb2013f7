/**
 * How far an OCR'd cell can be trusted. Amounts are read character by character: every digit,
 * thousands separator and decimal point must be recognised with high probability and the figure
 * must be well formed (groups of three after the first comma, two decimals as printed in
 * disclosures). Anything else — a low probability, a letter that looks like a digit (O/0, l/1,
 * S/5, B/8), a separator group of the wrong length — flags the cell for the clerk: an uncertain
 * figure is never passed on as if it were read.
 */
import { parseAmount } from '../core/money';

export type OcrReason =
  /** a character was recognised with low probability */
  | 'low-probability'
  /** a letter that is easily a digit (O/0, l/1, I/1, S/5, B/8, Z/2) inside a figure */
  | 'ambiguous-character'
  /** comma groups not of three digits, or a comma after the decimal point */
  | 'separator-groups'
  /** one or more than two decimals, or two decimal points */
  | 'decimal-places'
  /** characters other than digits, separators and a sign inside a figure */
  | 'foreign-character';

export interface CellAssessment {
  /** lowest character probability (1 for an empty cell), 0–1, rounded to 3 places */
  confidence: number;
  flagged: boolean;
  reasons: OcrReason[];
  /** the text is (or was probably meant to be) a figure */
  amount: boolean;
}

/** Probability below which a character of a figure is not trusted. */
export const AMOUNT_MIN_PROBABILITY = 0.9;
/** Probability below which a character of a label is not trusted. */
export const TEXT_MIN_PROBABILITY = 0.5;

const LOOKALIKE = /[OoDQlIi|SsBZz]/;
const FIGURE_CHARS = /^[-−(（]?[0-9OoDQlIi|SsBZz,，.．]+[)）%]?$/;

/** Whether text reads as a figure (or as a figure with digit look-alikes in it). */
export function looksLikeFigure(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  if (!t) return false;
  if (parseAmount(t) !== null && /\d/.test(t)) return true;
  return FIGURE_CHARS.test(t) && (t.match(/\d/g)?.length ?? 0) >= Math.max(1, Math.floor(t.length / 2));
}

/** Checks the printed form of a figure: groups of three, one decimal point, two decimals. */
export function figureFormatProblems(text: string): OcrReason[] {
  const t = text.replace(/\s+/g, '').replace(/^[-−(（]|[)）%]$/g, '');
  const reasons: OcrReason[] = [];
  if (LOOKALIKE.test(t)) reasons.push('ambiguous-character');
  if (/[^0-9,，.．OoDQlIi|SsBZz]/.test(t)) reasons.push('foreign-character');
  const normal = t.replace(/，/g, ',').replace(/．/g, '.');
  const dots = normal.split('.').length - 1;
  const [whole = '', fraction] = normal.split('.');
  if (dots > 1 || (fraction !== undefined && fraction.length !== 2) || (fraction ?? '').includes(',')) reasons.push('decimal-places');
  if (whole.includes(',') && !/^[0-9OoDQlIi|SsBZz]{1,3}(,[0-9OoDQlIi|SsBZz]{3})+$/.test(whole)) reasons.push('separator-groups');
  return reasons;
}

/**
 * Assesses one cell's OCR text from its characters' probabilities (those of the lines read inside
 * the cell). Header cells are labels: only their probabilities count.
 */
export function assessCell(text: string, probs: readonly number[], options: { header?: boolean } = {}): CellAssessment {
  const t = text.trim();
  const min = probs.length ? Math.min(...probs) : 1;
  const confidence = Math.round(min * 1000) / 1000;
  if (!t) return { confidence: 1, flagged: false, reasons: [], amount: false };
  const amount = !options.header && looksLikeFigure(t);
  const reasons: OcrReason[] = [];
  if (amount) {
    reasons.push(...figureFormatProblems(t));
    if (min < AMOUNT_MIN_PROBABILITY) reasons.push('low-probability');
  } else if (min < TEXT_MIN_PROBABILITY) reasons.push('low-probability');
  return { confidence, flagged: reasons.length > 0, reasons, amount };
}
