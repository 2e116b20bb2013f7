import { useEffect, useMemo, useRef, useState, type PointerEvent, type ReactElement } from 'react';
import type { BBox } from '../../../../core/model';
import type { Annotation } from '../../../../core/review/model';
import { STRINGS } from '../../strings';
import { useWorkspace } from '../../stores/workspace';
import { bboxToScreen, screenToPdf, type ViewportLike } from '../page/page-geometry';
import { goToAnnotation } from './navigate';
import { pageSelection } from './selection-offer';
import { useAnnotations } from './store';
import { targetBoxes, type PageBox } from './targets';

/** Smallest drawn rectangle taken as one (CSS pixels): a plain click is not a rectangle. */
const MIN_DRAG = 4;

interface Marker {
  annotation: Annotation;
  /** where the marker sits: the top-right corner of the target's first box on this page */
  x: number;
  y: number;
  rect: { left: number; top: number; width: number; height: number } | null;
}

function union(boxes: readonly PageBox[]): BBox {
  return [Math.min(...boxes.map((b) => b.bbox[0])), Math.min(...boxes.map((b) => b.bbox[1])), Math.max(...boxes.map((b) => b.bbox[2])), Math.max(...boxes.map((b) => b.bbox[3]))];
}

function stop(e: { stopPropagation: () => void }): void {
  e.stopPropagation();
}

/** Rectangle drawing (drawing mode): drag on the page, release to annotate the area. */
function DrawLayer({ page, viewport, fileHash }: { page: number; viewport: ViewportLike; fileHash: string }): ReactElement {
  const start = useRef<{ x: number; y: number } | null>(null);
  const [rect, setRect] = useState<{ left: number; top: number; width: number; height: number } | null>(null);

  function point(e: PointerEvent<HTMLDivElement>): { x: number; y: number } {
    const box = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  }
  function track(from: { x: number; y: number }, to: { x: number; y: number }): void {
    setRect({ left: Math.min(from.x, to.x), top: Math.min(from.y, to.y), width: Math.abs(to.x - from.x), height: Math.abs(to.y - from.y) });
  }

  return (
    <div
      className="annotation-draw-layer"
      data-testid="annotation-draw-layer"
      title={STRINGS.annotations.drawHint}
      onClick={stop}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        start.current = point(e);
        setRect(null);
      }}
      onPointerMove={(e) => {
        if (start.current) track(start.current, point(e));
      }}
      onPointerUp={(e) => {
        const from = start.current;
        start.current = null;
        setRect(null);
        if (!from) return;
        const to = point(e);
        if (Math.abs(to.x - from.x) < MIN_DRAG || Math.abs(to.y - from.y) < MIN_DRAG) return;
        // The rectangle is kept in PDF user space, so it stays on the printed area at any zoom.
        const [ax, ay] = screenToPdf(viewport, from.x, from.y);
        const [bx, by] = screenToPdf(viewport, to.x, to.y);
        const bbox: BBox = [Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)];
        useAnnotations.getState().startDraft({ fileHash, target: { kind: 'page-rect', page, bbox } });
      }}
    >
      {rect ? <div className="annotation-draw-rect" style={rect} /> : null}
    </div>
  );
}

/**
 * Over the source page: a marker for every annotation with a place on it (click to open), drawn
 * rectangles, the open annotation's place highlighted, and the drawing layer in drawing mode.
 */
export function AnnotationPageLayer({ page, viewport }: { page: number; viewport: ViewportLike }): ReactElement | null {
  const doc = useWorkspace((s) => s.doc);
  const all = useAnnotations((s) => s.all);
  const openId = useAnnotations((s) => s.openId);
  const drawing = useAnnotations((s) => s.drawing);
  const draft = useAnnotations((s) => s.draft);
  const hash = doc?.source.sha256 ?? null;

  const markers = useMemo((): Marker[] => {
    if (!doc) return [];
    const out: Marker[] = [];
    for (const annotation of all) {
      if (annotation.fileHash !== hash) continue;
      const boxes = targetBoxes(doc, annotation.target).filter((b) => b.page === page);
      if (boxes.length === 0) continue;
      const r = bboxToScreen(viewport, annotation.target.kind === 'narrative' ? boxes[0]!.bbox : union(boxes));
      out.push({ annotation, x: r.left + r.width, y: r.top, rect: annotation.target.kind === 'page-rect' ? r : null });
    }
    return out;
  }, [doc, all, hash, page, viewport]);

  const highlighted = useMemo(() => {
    const open = all.find((a) => a.id === openId);
    const target = draft?.target ?? open?.target;
    if (!doc || !target || (open && open.fileHash !== hash && !draft)) return [];
    return targetBoxes(doc, target)
      .filter((b) => b.page === page)
      .map((b) => bboxToScreen(viewport, b.bbox));
  }, [doc, all, openId, draft, hash, page, viewport]);

  // Text selected in the page's text layer is offered for an annotation.
  useEffect(() => {
    if (!doc) return;
    const onMouseUp = (): void => {
      const pageElement = document.querySelector('[data-testid="pdf-page"]');
      const textLayer = pageElement?.querySelector('.textLayer');
      if (!pageElement || !textLayer || useAnnotations.getState().drawing) return;
      const selected = pageSelection(doc, page, viewport, textLayer, pageElement);
      if (selected) useAnnotations.getState().setOffer({ fileHash: doc.source.sha256, ...selected });
    };
    document.addEventListener('mouseup', onMouseUp);
    return () => document.removeEventListener('mouseup', onMouseUp);
  }, [doc, page, viewport]);

  if (!doc || !hash) return null;
  return (
    <>
      {highlighted.map((r, i) => (
        <div key={`h${i}`} className="annotation-highlight" data-testid="annotation-highlight" style={r} />
      ))}
      {markers.map(({ annotation, x, y, rect }) => (
        <div key={annotation.id}>
          {rect ? <div className={`annotation-rect status-${annotation.status}`} data-testid="annotation-rect" data-annotation-id={annotation.id} style={rect} /> : null}
          <button
            type="button"
            className={`annotation-marker status-${annotation.status}${annotation.id === openId ? ' active' : ''}`}
            data-testid="annotation-marker"
            data-annotation-id={annotation.id}
            style={{ left: x, top: y }}
            title={STRINGS.annotations.markerTitle(annotation.text)}
            onClick={(e) => {
              e.stopPropagation();
              void goToAnnotation(annotation);
            }}
          />
        </div>
      ))}
      {drawing ? <DrawLayer page={page} viewport={viewport} fileHash={hash} /> : null}
    </>
  );
}
