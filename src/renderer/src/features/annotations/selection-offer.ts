/**
 * Text the reviewer selected, turned into an annotation target: on the source page (the pdf.js
 * text layer) a narrative sentence when a paragraph holds the words, else the area the selection
 * covers; in the narrative list the exact span of the paragraph.
 */
import type { BBox, ExtractedDocument } from '../../../../core/model';
import type { AnnotationTarget } from '../../../../core/review/model';
import { screenToPdf, type ViewportLike } from '../page/page-geometry';
import { narrativeTargetForSpan, narrativeTargetForText } from './text-match';

export interface SelectedTarget {
  target: AnnotationTarget;
  /** where to offer the button: just below the end of the selection (viewport pixels) */
  x: number;
  y: number;
}

function currentRange(within: Element): Range | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!within.contains(range.startContainer) || !within.contains(range.endContainer)) return null;
  return selection.toString().trim() ? range : null;
}

function offerPoint(range: Range): { x: number; y: number } {
  const rects = [...range.getClientRects()].filter((r) => r.width > 0 || r.height > 0);
  const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
  return { x: last.right, y: last.bottom + 4 };
}

/** Selection inside the page's text layer; `pageElement` is the positioned page box. */
export function pageSelection(doc: ExtractedDocument, page: number, viewport: ViewportLike, textLayer: Element, pageElement: Element): SelectedTarget | null {
  const range = currentRange(textLayer);
  if (!range) return null;
  const point = offerPoint(range);
  const sentence = narrativeTargetForText(doc, page, range.toString());
  if (sentence) return { target: sentence, ...point };
  // Not narrative text (a table's words, a heading): annotate the area the selection covers.
  const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
  if (rects.length === 0) return null;
  const origin = pageElement.getBoundingClientRect();
  const [ax, ay] = screenToPdf(viewport, Math.min(...rects.map((r) => r.left)) - origin.left, Math.min(...rects.map((r) => r.top)) - origin.top);
  const [bx, by] = screenToPdf(viewport, Math.max(...rects.map((r) => r.right)) - origin.left, Math.max(...rects.map((r) => r.bottom)) - origin.top);
  const bbox: BBox = [Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)];
  return { target: { kind: 'page-rect', page, bbox }, ...point };
}

/** Selection inside a paragraph shown in full in the narrative list (`element` holds its text only). */
export function paragraphSelection(doc: ExtractedDocument, block: number, element: Element): SelectedTarget | null {
  const range = currentRange(element);
  if (!range) return null;
  const before = document.createRange();
  before.setStart(element, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const target = narrativeTargetForSpan(doc, block, start, start + range.toString().length);
  return target ? { target, ...offerPoint(range) } : null;
}
