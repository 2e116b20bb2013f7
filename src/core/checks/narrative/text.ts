/**
 * The narrative as one string, with a map back to the extracted blocks, so a sentence that wraps
 * over lines or pages is read whole and a finding can still point at each block's characters.
 */
import type { NarrativeBlock } from '../../model';
import type { NarrativeSpan } from '../model';
import { normalizeText } from '../../text/normalize';

export interface NarrativeText {
  text: string;
  /** per character of `text`: its block, or -1 for an inserted separator */
  originBlock: Int32Array;
  /** per character of `text`: its offset in the block */
  originOffset: Int32Array;
}

const SENTENCE_END = /[。；;！!？?：:]$/;
const STARTS_ITEM = /^\s*(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|附件|附表)/;

/** Headings: numbered ("九、国有资产信息"), or titles ending in 说明/情况/目录/概况/解释. */
function isHeadingLike(line: string): boolean {
  return STARTS_ITEM.test(line) || /(说明|情况|目录|概况|解释|职责|职能|设置|附件|附表|第[一二三四五六七八九十]+部分.*)$/.test(line);
}

export function buildNarrativeText(blocks: readonly NarrativeBlock[]): NarrativeText {
  const parts: string[] = [];
  const owners: number[] = [];
  let length = 0;
  let prevText = '';
  blocks.forEach((block, b) => {
    const content = normalizeText(block.text).replace(/\r/g, '\n');
    if (length > 0 && content) {
      const prev = prevText.trimEnd();
      const prevBlock = blocks[b - 1]?.text.trim() ?? '';
      // A short line without final punctuation is a heading, not the start of a sentence.
      const heading = prevBlock.length > 0 && prevBlock.length <= 30 && !/[，,、；;]$/.test(prevBlock) && isHeadingLike(prevBlock);
      if (SENTENCE_END.test(prev) || STARTS_ITEM.test(content) || prev.endsWith('\n') || heading) {
        parts.push('\n');
        owners.push(-1);
        length += 1;
      }
    }
    if (content) {
      parts.push(content);
      owners.push(b);
      length += content.length;
      prevText = content;
    }
  });
  const originBlock = new Int32Array(length);
  const originOffset = new Int32Array(length);
  let at = 0;
  parts.forEach((part, i) => {
    const owner = owners[i]!;
    for (let k = 0; k < part.length; k++) {
      originBlock[at] = owner;
      originOffset[at] = k;
      at++;
    }
  });
  return { text: parts.join(''), originBlock, originOffset };
}

/** Spans of [start, end) in the joined text, one per block touched. */
export function spansOf(nt: NarrativeText, start: number, end: number): NarrativeSpan[] {
  const spans: NarrativeSpan[] = [];
  for (let i = start; i < end && i < nt.text.length; i++) {
    const block = nt.originBlock[i]!;
    const offset = nt.originOffset[i]!;
    if (block < 0) continue;
    const last = spans[spans.length - 1];
    if (last && last.block === block && last.end === offset) last.end = offset + 1;
    else spans.push({ block, start: offset, end: offset + 1 });
  }
  return spans;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** Sentences end at 。！？ or a line break; ；-separated clauses stay in their sentence. */
export function sentences(nt: NarrativeText): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const t = nt.text;
  for (let i = 0; i <= t.length; i++) {
    const ch = t[i];
    if (i === t.length || ch === '。' || ch === '！' || ch === '？' || ch === '\n') {
      const end = i === t.length ? i : i + 1;
      const text = t.slice(start, end);
      if (text.trim()) out.push({ start, end, text });
      start = end;
    }
  }
  return out;
}
