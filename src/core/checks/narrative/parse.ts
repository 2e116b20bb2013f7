/**
 * Reads the figures a narrative quotes: amounts with their label ("基本支出143.24万元"), shares
 * ("占7.14%"), changes ("比上年增加84.32万元，增长4.39%") and 决算 completion rates ("完成年初
 * 预算的105.87%"), each with its sentence and the function-code subject of its item
 * ("科学技术支出（类）其他科学技术支出（款）…" or "（204类）司法（06款）…").
 */
import type { MoneyUnit } from '../amount';
import { FEN_PER_UNIT } from '../amount';
import { squash } from '../text';
import type { NarrativeText, Sentence } from './text';
import { sentences } from './text';

export interface AmountClaim {
  /** span of the number and its unit */
  start: number;
  end: number;
  /** start of the label (text since the previous clause boundary) */
  labelStart: number;
  /** squashed label without the outline marker */
  label: string;
  value: number;
  /** printed resolution in 分 (0.01万元 for "2.00万元", 0.1万元 for "315.3万元") */
  resolution: number;
  unit: MoneyUnit;
  printed: string;
  sentence: number;
  /** index of the claim within its sentence */
  order: number;
  /** function code the item is about, if the item names one */
  subject: SubjectRef | null;
  /** a change amount (增加/减少 X万元) with its direction */
  change: 'up' | 'down' | null;
}

export interface PercentClaim {
  start: number;
  end: number;
  /** start of the label */
  labelStart: number;
  /** percent value as printed, e.g. 4.39 */
  value: number;
  decimals: number;
  /** text between the previous boundary and the number */
  label: string;
  sentence: number;
  order: number;
}

export interface SubjectRef {
  /** full or partial code (类 only when the item stops there) */
  code: string | null;
  /** names along the path: [类名, 款名, 项名] */
  names: string[];
  /** where the path is printed */
  start: number;
  end: number;
}

export interface ParsedNarrative {
  sentences: Sentence[];
  amounts: AmountClaim[];
  percents: PercentClaim[];
  /** doc year used to tell current from prior-year figures */
  year: number | null;
}

const AMOUNT = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(亿元|万元|千元|元)/g;
const PERCENT = /(\d+(?:\.(\d+))?)\s*[%％]/g;
const BOUNDARY = /[，,。；;：:、\n！？!?]/;

function labelStart(text: string, from: number, floor: number): number {
  let i = from;
  while (i > floor) {
    const ch = text[i - 1]!;
    // "收、支总计" is one label.
    if (ch === '、' && text[i - 2] === '收' && text[i] === '支') {
      i--;
      continue;
    }
    if (BOUNDARY.test(ch)) break;
    i--;
  }
  return i;
}

function cleanLabel(raw: string): string {
  let s = squash(raw).replace(/收、支/g, '收支').replace(/^(和|及|与|以及)/, '').replace(/^(其中|包括)[:：]?/, '');
  s = s.replace(/^[一二三四五六七八九十]+[、.]/, '').replace(/^\([一二三四五六七八九十\d]+\)/, '').replace(/^\d{1,2}[.、](?!\d)/, '');
  return s.replace(/^(其中|包括)[:：]?/, '');
}

/** 类/款/项 markers: "（类）" or "（204类）". */
const LEVEL_MARKER = /[（(](\d{2,3})?(类|款|项)[)）]/g;
const PATH_BREAK = /[，,。；;：:、！？!?]/;

/**
 * 类/款/项 paths: "科学技术支出（类）其他…（款）…（项）" or "公共安全支出（204类）司法（06款）
 * 行政运行（01项）". Names may wrap over a line break; a clause boundary ends the path.
 */
function subjectsOf(text: string): SubjectRef[] {
  const out: SubjectRef[] = [];
  const markers = [...text.matchAll(LEVEL_MARKER)];
  let i = 0;
  while (i < markers.length) {
    const m = markers[i]!;
    if (m[2] !== '类') {
      i++;
      continue;
    }
    const nameStart = labelStart(text, m.index, Math.max(0, m.index - 40));
    const names = [text.slice(nameStart, m.index)];
    const digits: (string | undefined)[] = [m[1]];
    let end = m.index + m[0].length;
    let j = i + 1;
    for (const level of ['款', '项']) {
      const next = markers[j];
      if (!next || next[2] !== level) break;
      const between = text.slice(end, next.index);
      if (PATH_BREAK.test(between) || between.length > 40) break;
      names.push(between);
      digits.push(next[1]);
      end = next.index + next[0].length;
      j++;
    }
    const clean = names.map((n) => squash(n).replace(/^\d{1,2}[.、]/, '').replace(/[“”"]/g, ''));
    let code: string | null = null;
    if (digits.every((d) => d !== undefined)) code = digits.join('');
    if (code && !/^\d{3}(\d{2}){0,2}$/.test(code)) code = null;
    out.push({ code, names: clean, start: nameStart, end });
    i = j;
  }
  return out;
}

const ITEM_START = /^\s*(\d{1,2}[.、．](?!\d)|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．])/;

export function parseNarrative(nt: NarrativeText, year: number | null): ParsedNarrative {
  const text = nt.text;
  const sents = sentences(nt);
  const amounts: AmountClaim[] = [];
  const percents: PercentClaim[] = [];
  // Subjects hold from where they are printed until the next item starts.
  const subjects = subjectsOf(text);
  let subjectIdx = -1;
  let currentSubject: SubjectRef | null = null;
  sents.forEach((s, si) => {
    if (ITEM_START.test(s.text) || /^\s*\n/.test(s.text)) currentSubject = null;
    while (subjectIdx + 1 < subjects.length && subjects[subjectIdx + 1]!.start < s.end) {
      subjectIdx++;
      if (subjects[subjectIdx]!.start >= s.start || currentSubject === null) currentSubject = subjects[subjectIdx]!;
    }
    let order = 0;
    AMOUNT.lastIndex = 0;
    for (let m = AMOUNT.exec(s.text); m; m = AMOUNT.exec(s.text)) {
      const start = s.start + m.index;
      const end = start + m[0].length;
      const after = text.slice(end, end + 4);
      // Thresholds (单价100万元以上, 50万元（含）) are not figures.
      if (/^\s*([(（]含[)）])?\s*(以上|以下|及以上|及以下)/.test(after)) continue;
      const before = text[start - 1] ?? '';
      if (/[\d.]/.test(before)) continue;
      const unit = m[3] as MoneyUnit;
      const whole = Number(m[1]!.replace(/,/g, ''));
      const fraction = m[2] ?? '';
      const perUnit = FEN_PER_UNIT[unit];
      const decimals = fraction.length;
      const value = Math.round(whole * perUnit + (decimals > 0 ? (Number(fraction) * perUnit) / 10 ** decimals : 0));
      const resolution = Math.max(1, Math.round(perUnit / 10 ** decimals));
      const previous = amounts[amounts.length - 1];
      const floor = previous && previous.sentence === si ? Math.max(s.start, previous.end) : s.start;
      const ls = labelStart(text, start, floor);
      const rawLabel = text.slice(ls, start);
      const label = cleanLabel(rawLabel);
      const changeWord = /(增加|减少|增长|下降|降低|上升|减支|增支|节约|超支)[了]?$|(增加|减少)额?为?$/.exec(label);
      let change: 'up' | 'down' | null = null;
      if (changeWord) change = /增加|增长|上升|增支|超支/.test(changeWord[0]) ? 'up' : 'down';
      amounts.push({
        start,
        end,
        labelStart: ls,
        label,
        value,
        resolution,
        unit,
        printed: m[0],
        sentence: si,
        order: order++,
        subject: currentSubject,
        change,
      });
    }
    order = 0;
    PERCENT.lastIndex = 0;
    for (let m = PERCENT.exec(s.text); m; m = PERCENT.exec(s.text)) {
      const start = s.start + m.index;
      const before = text[start - 1] ?? '';
      if (/[\d.≥≤><=]/.test(before)) continue;
      const ls = labelStart(text, start, s.start);
      percents.push({
        start,
        end: start + m[0].length,
        labelStart: ls,
        value: Number(m[1]),
        decimals: (m[2] ?? '').length,
        label: squash(text.slice(ls, start)),
        sentence: si,
        order: order++,
      });
    }
  });
  return { sentences: sents, amounts, percents, year };
}

/** Years printed in a label ("2025年当年预算执行数为" → [2025]). */
export function yearsIn(label: string): number[] {
  return [...label.matchAll(/(20\d{2})年/g)].map((m) => Number(m[1]));
}
