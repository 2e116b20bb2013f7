/**
 * Finds text selected on a source page among the narrative paragraphs. The page's text layer
 * holds what pdf.js read (radical code points, line breaks and spaces where the lines wrap); the
 * paragraphs hold the normalised, joined text. Both are compared normalised and without spaces.
 */
import type { ExtractedDocument } from '../../../../core/model';
import type { AnnotationTarget } from '../../../../core/review/model';
import { normalizeText } from '../../../../core/text/normalize';

interface Folded {
  text: string;
  /** for every UTF-16 unit of `text`: [start, end) of the source characters it came from */
  origin: [number, number][];
}

function fold(source: string): Folded {
  let text = '';
  const origin: [number, number][] = [];
  let offset = 0;
  for (const ch of source) {
    const start = offset;
    offset += ch.length;
    const normalized = normalizeText(ch);
    if (/^\s*$/u.test(normalized)) continue;
    for (let i = 0; i < normalized.length; i++) origin.push([start, offset]);
    text += normalized;
  }
  return { text, origin };
}

/** The narrative target for `selected` text on `page`, or null when no paragraph there holds it. */
export function narrativeTargetForText(doc: ExtractedDocument, page: number, selected: string): Extract<AnnotationTarget, { kind: 'narrative' }> | null {
  const needle = fold(selected).text;
  if (!needle) return null;
  for (const [index, block] of doc.narrative.entries()) {
    const onPage = block.page === page || (block.lines ?? []).some((l) => l.page === page);
    if (!onPage) continue;
    const folded = fold(block.text);
    const at = folded.text.indexOf(needle);
    if (at < 0) continue;
    const start = folded.origin[at]![0];
    const end = folded.origin[at + needle.length - 1]![1];
    return { kind: 'narrative', block: index, start, end, quote: block.text.slice(start, end) };
  }
  return null;
}

/** The target for a span [start, end) of a paragraph's text (selected in the narrative list). */
export function narrativeTargetForSpan(doc: ExtractedDocument, block: number, start: number, end: number): Extract<AnnotationTarget, { kind: 'narrative' }> | null {
  const text = doc.narrative[block]?.text;
  if (text === undefined) return null;
  // Leave out spaces selected at either end.
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && /\s/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  if (e <= s) return null;
  return { kind: 'narrative', block, start: s, end: e, quote: text.slice(s, e) };
}
