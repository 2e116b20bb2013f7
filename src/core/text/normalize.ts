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

const SPACED_HAN = /(?<=[\u3400-\u9fff])[ \u3000]+(?=[\u3400-\u9fff])/gu;

/**
 * Spacing typed or justified between Chinese characters in a cell ("项    目") is layout, not
 * content: a reader reads one word. Spaces next to Latin, digits or punctuation stay.
 */
export function collapseHanSpacing(text: string): string {
  return text.replace(SPACED_HAN, '');
}
