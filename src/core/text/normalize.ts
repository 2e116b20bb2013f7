import { RADICAL_PAIRS } from './radical-map';

let radicalToIdeograph: Map<string, string> | undefined;

function radicalMap(): Map<string, string> {
  if (!radicalToIdeograph) {
    radicalToIdeograph = new Map();
    const chars = Array.from(RADICAL_PAIRS);
    for (let i = 0; i + 1 < chars.length; i += 2) radicalToIdeograph.set(chars[i]!, chars[i + 1]!);
  }
  return radicalToIdeograph;
}

const RADICAL_RANGE = /[\u2E80-\u2FDF]/gu;
const COMPATIBILITY_IDEOGRAPH = /[\uF900-\uFAFF\u{2F800}-\u{2FA1F}]/gu;

/**
 * Text as a reader sees it. Producers (notably Chromium) emit radical code points for
 * ordinary ideographs; NFKC repairs the Kangxi block but not the CJK Radicals Supplement
 * (⻔ U+2ED4 stays), so both are mapped from Unicode's equivalence table.
 */
export function normalizeText(text: string): string {
  // Full-width punctuation （：，） is kept as printed, so NFKC is applied to ideographs only.
  return text
    .replace(RADICAL_RANGE, (ch) => radicalMap().get(ch) ?? ch)
    .replace(COMPATIBILITY_IDEOGRAPH, (ch) => ch.normalize('NFKC'))
    .replace(/\u00A0/g, ' ');
}

const CJK = /[\u3000-\u303F\u3400-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/u;

export function isCjkChar(ch: string): boolean {
  return CJK.test(ch);
}

/**
 * Joins wrapped lines of one cell or paragraph. Chinese lines join without a space; a space is
 * kept only between two Latin words (never inside numbers, codes or after punctuation).
 */
export function joinWrappedLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!out) {
      out = line;
      continue;
    }
    const last = out[out.length - 1]!;
    const first = line[0]!;
    const needsSpace = /[A-Za-z]/.test(last) && /[A-Za-z]/.test(first);
    out += needsSpace ? ` ${line}` : line;
  }
  return out;
}

function isCjkAround(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  return !!before && !!after && isCjkChar(before) && isCjkChar(after);
}

/**
 * Removes the spacing authors type or justify between Chinese characters to spread a label: every
 * run of two or more spaces ("其中：财政    资金"), and single spaces too in a short label
 * ("资 金 性 质"); a single space inside running text ("…保险发展 进一步完善…") is kept as printed.
 */
export function closeCjkGaps(text: string): string {
  const wide = text.replace(/[ \u3000]{2,}|\u3000/g, (gap, offset: number, whole: string) =>
    isCjkAround(whole, offset, offset + gap.length) ? '' : ' ',
  );
  const short = wide.replace(/\s+/g, '').length <= 10;
  if (!short) return wide;
  return wide.replace(/ /g, (gap, offset: number, whole: string) => (isCjkAround(whole, offset, offset + 1) ? '' : gap));
}

const DIGIT_HAN_GAP = /(?<=[0-9%])[ \u3000](?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff])[ \u3000](?=[0-9])/gu;

/**
 * In a table cell, a space between a figure and a Chinese character ("50 万元", "3 月底") is the
 * gap word processors set between Chinese and Western text, not a typed space.
 */
export function closeDigitHanGaps(text: string): string {
  return text.replace(DIGIT_HAN_GAP, '');
}

const FIGURE_UNIT_GAP = /(?<=[0-9%])[ \u3000](?=[\u3400-\u9fff])/gu;

/**
 * In running text, the gap a word processor sets between a figure and the Chinese that follows
 * ("0.26 万元") is not a typed space: "0.26万元". (Before a figure a space may be typed on purpose.)
 */
export function closeFigureUnitGaps(text: string): string {
  return text.replace(FIGURE_UNIT_GAP, '');
}
