/**
 * Label normalisation shared by recognition and rules: publications print the same label with
 * full- or half-width punctuation, stray spaces, quotes and outline markers (一、 （一） 1.).
 */

const squashCache = new Map<string, string>();

/** NFKC (full-width → ASCII punctuation), no whitespace, no quotes, 〔〕/【】 as brackets. */
export function squash(text: string): string {
  const hit = squashCache.get(text);
  if (hit !== undefined) return hit;
  const out = squashUncached(text);
  if (squashCache.size > 50_000) squashCache.clear();
  squashCache.set(text, out);
  return out;
}

function squashUncached(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[“”"‘’'「」『』]/g, '')
    .replace(/[〔【［]/g, '[')
    .replace(/[〕】］]/g, ']');
}

const CN_DIGITS = '〇一二三四五六七八九';

/** 一 → 1, 十二 → 12, 二十四 → 24, 一百零三 → 103; NaN when not a Chinese numeral. */
export function chineseNumber(text: string): number {
  if (!text || !/^[〇零一二两三四五六七八九十百]+$/.test(text)) return NaN;
  let total = 0;
  let current = 0;
  for (const ch of text) {
    const d = ch === '两' ? 2 : ch === '零' ? 0 : CN_DIGITS.indexOf(ch);
    if (d >= 0) current = d;
    else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    }
  }
  return total + current;
}

export type OutlineStyle = 'cn' | 'cn-paren' | 'arabic' | 'arabic-paren' | 'other';

export interface Outline {
  style: OutlineStyle;
  /** 1-based ordinal of the marker */
  ordinal: number;
  /** length of the marker in the squashed label */
  length: number;
}

const OUTLINE_PATTERNS: { style: OutlineStyle; re: RegExp; cn: boolean }[] = [
  { style: 'cn', re: /^([一二三四五六七八九十百]+)[、.．]/, cn: true },
  { style: 'cn-paren', re: /^\(([一二三四五六七八九十百]+)\)/, cn: true },
  { style: 'arabic-paren', re: /^\((\d{1,3})\)/, cn: false },
  { style: 'arabic', re: /^(\d{1,3})(?:[、．]|\.(?!\d))/, cn: false },
];

/** The outline marker a squashed label starts with (一、 （一） 1、 1. (1)), if any. */
export function outlineOf(label: string): Outline | null {
  for (const p of OUTLINE_PATTERNS) {
    const m = p.re.exec(label);
    if (m) {
      const ordinal = p.cn ? chineseNumber(m[1]!) : Number(m[1]);
      if (Number.isFinite(ordinal)) return { style: p.style, ordinal, length: m[0].length };
    }
  }
  return null;
}

/** Outline depth: 一、 = 1, （一） = 2, 1. = 3, (1) = 4; 0 for an unmarked label. */
export function outlineDepth(label: string): number {
  const o = outlineOf(squash(label));
  if (!o) return 0;
  switch (o.style) {
    case 'cn':
      return 1;
    case 'cn-paren':
      return 2;
    case 'arabic':
      return 3;
    case 'arabic-paren':
      return 4;
    case 'other':
      return 0;
  }
}

/** "其中：财政拨款" and friends: a breakdown of the line above, never a summand. */
export function isBreakdownLabel(label: string): boolean {
  return /^其中[:：]?/.test(squash(label));
}

/**
 * The label a reader means: squashed, without outline markers, 其中, leading years (2025年度),
 * trailing (类)/(款)/(项) tags and a trailing colon.
 */
export function coreLabel(label: string): string {
  let s = squash(label);
  for (let i = 0; i < 3; i++) {
    const before = s;
    s = s.replace(/^其中[:：]?/, '');
    const o = outlineOf(s);
    if (o) s = s.slice(o.length);
    s = s.replace(/^\d{4}年度?/, '');
    if (s === before) break;
  }
  return s.replace(/\((类|款|项)\)/g, '').replace(/[:：]$/, '');
}

export type TotalKind = 'grand' | 'total' | 'subtotal';

/**
 * Whether a row/column label is a total and which kind: 总计 (grand, after carry-overs),
 * 合计 (total), 小计 (subtotal). "人员经费合计" is a total of a category (kind total).
 */
export function totalKind(label: string): TotalKind | null {
  const s = coreLabel(label);
  if (!s) return null;
  if (/总计$/.test(s) || /^总计/.test(s)) return 'grand';
  if (/合计$/.test(s) || /^合计/.test(s) || /^(收入|支出|收支)合计/.test(s)) return 'total';
  if (/小计$/.test(s) || /^小计/.test(s)) return 'subtotal';
  return null;
}
