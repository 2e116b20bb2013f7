/**
 * The text a reader sees in a WordprocessingML paragraph: runs (w:t), tabs and breaks, inserted
 * revisions, hyperlinks, content controls and field results; not deleted revisions, field
 * instructions, drawings or text boxes.
 */
import { normalizeText } from '../core/text/normalize';
import { collapseSpaces } from './text';
import type { XmlElement } from './xml';

export const W_NS: ReadonlySet<string> = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);

export function isW(el: XmlElement, local: string): boolean {
  return el.local === local && W_NS.has(el.uri);
}

/** Containers whose content reads inline. */
const TRANSPARENT = new Set(['ins', 'moveTo', 'hyperlink', 'smartTag', 'customXml', 'sdt', 'sdtContent', 'fldSimple', 'dir', 'bdo']);
/** Containers whose content is not part of the printed text. */
const SKIPPED = new Set(['del', 'moveFrom', 'pPr', 'rPr', 'sdtPr', 'sdtEndPr', 'customXmlPr', 'drawing', 'pict', 'object']);

interface FieldState {
  /** nesting depth of fields whose instruction part is being read (text hidden) */
  inInstruction: number[];
}

function runText(run: XmlElement, field: FieldState, out: string[]): void {
  for (const c of run.children) {
    if (typeof c === 'string' || !W_NS.has(c.uri)) continue;
    switch (c.local) {
      case 't':
        if (!field.inInstruction.includes(1)) {
          for (const t of c.children) if (typeof t === 'string') out.push(t);
        }
        break;
      case 'tab':
        out.push('\t');
        break;
      case 'br':
      case 'cr':
        out.push('\n');
        break;
      case 'noBreakHyphen':
        out.push('-');
        break;
      case 'fldChar': {
        const type = c.attrs['fldCharType'];
        if (type === 'begin') field.inInstruction.push(1);
        else if (type === 'separate') {
          if (field.inInstruction.length) field.inInstruction[field.inInstruction.length - 1] = 0;
        } else if (type === 'end') field.inInstruction.pop();
        break;
      }
      default:
        break;
    }
  }
}

function collect(el: XmlElement, field: FieldState, out: string[]): void {
  for (const c of el.children) {
    if (typeof c === 'string' || !W_NS.has(c.uri)) continue;
    if (c.local === 'r') runText(c, field, out);
    else if (SKIPPED.has(c.local)) continue;
    else if (TRANSPARENT.has(c.local)) collect(c, field, out);
  }
}

/** Raw paragraph text with '\t' for tabs and '\n' for line breaks (normalised, not trimmed). */
export function paragraphRawText(p: XmlElement): string {
  const out: string[] = [];
  collect(p, { inInstruction: [] }, out);
  return normalizeText(out.join(''));
}

/** Paragraph text for narrative: breaks and tabs become spaces, runs of spaces collapse. */
export function paragraphText(p: XmlElement): string {
  return collapseSpaces(paragraphRawText(p));
}
