import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type MouseEvent, type ReactElement } from 'react';
import type { PageViewport } from 'pdfjs-dist';
import { pdfjs } from '../../pdf/pdfjs';
import { STRINGS } from '../../strings';
import { useWorkspace } from '../../stores/workspace';
import { AnnotationPageLayer } from '../annotations/AnnotationPageLayer';
import { FindingBoxes } from '../findings/FindingBoxes';
import { cellAtPoint } from './hit-test';
import { OcrMarks } from './OcrMarks';
import { bboxToScreen, screenToPdf } from './page-geometry';
import { PageToolbar, type Zoom } from './PageToolbar';

interface Rendered {
  page: number;
  viewport: PageViewport;
}

const PAGE_MARGIN = 16;

/** The source page (pdf.js canvas + selectable text layer) with the selected cell outlined. */
export function PdfPageView(): ReactElement {
  const pdf = useWorkspace((s) => s.pdf);
  const page = useWorkspace((s) => s.page);
  const imageOnly = useWorkspace((s) => s.doc?.source.imageOnlyPages?.includes(s.page) ?? false);
  const focus = useWorkspace((s) => s.focus);
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [width, setWidth] = useState(0);
  const [rendered, setRendered] = useState<Rendered | null>(null);
  const [failed, setFailed] = useState(false);
  const scrollRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const highlightRef = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    setWidth(el.clientWidth);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    const textLayerDiv = textRef.current;
    if (!pdf || !canvas || !textLayerDiv || width === 0) return;
    let cancelled = false;
    let cancel = (): void => undefined;
    void (async () => {
      try {
        const pdfPage = await pdf.getPage(page);
        if (cancelled) return;
        const natural = pdfPage.getViewport({ scale: 1 });
        const scale = zoom === 'fit' ? Math.max(0.2, (width - 2 * PAGE_MARGIN) / natural.width) : zoom;
        const viewport = pdfPage.getViewport({ scale });
        const ratio = window.devicePixelRatio || 1;
        // Draw into a fresh canvas and swap it in, so the old page stays until the new one is ready.
        const next = document.createElement('canvas');
        next.width = Math.floor(viewport.width * ratio);
        next.height = Math.floor(viewport.height * ratio);
        const task = pdfPage.render({ canvas: next, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
        cancel = () => task.cancel();
        await task.promise;
        if (cancelled) return;
        const context = canvas.getContext('2d');
        canvas.width = next.width;
        canvas.height = next.height;
        canvas.style.width = `${viewport.width}px`;
        canvas.style.height = `${viewport.height}px`;
        context?.drawImage(next, 0, 0);
        setRendered({ page, viewport });
        setFailed(false);
        textLayerDiv.replaceChildren();
        const textLayer = new pdfjs.TextLayer({ textContentSource: pdfPage.streamTextContent(), container: textLayerDiv, viewport });
        cancel = () => textLayer.cancel();
        await textLayer.render();
      } catch (e) {
        if (!cancelled && !(e instanceof Error && /cancel/i.test(e.name + e.message))) {
          console.error(e);
          setFailed(true);
        }
      }
    })();
    return () => {
      cancelled = true;
      cancel();
    };
  }, [pdf, page, zoom, width]);

  const viewport = rendered?.page === page ? rendered.viewport : null;
  const highlight = viewport && focus && focus.page === page ? bboxToScreen(viewport, focus.bbox) : null;

  // Bring the outline into view whenever it moves (another cell, page or zoom).
  useEffect(() => {
    highlightRef.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [focus, viewport]);

  function onClick(e: MouseEvent<HTMLDivElement>): void {
    if (!viewport || (window.getSelection()?.toString() ?? '') !== '') return;
    const box = e.currentTarget.getBoundingClientRect();
    const [x, y] = screenToPdf(viewport, e.clientX - box.left, e.clientY - box.top);
    const { doc, tableId, selectCell } = useWorkspace.getState();
    const ref = doc ? cellAtPoint(doc, page, x, y, tableId) : null;
    if (ref) selectCell(ref, 'page');
  }

  const pageStyle = {
    width: viewport?.width,
    height: viewport?.height,
    '--total-scale-factor': viewport?.scale ?? 1,
  } as CSSProperties;

  return (
    <section className="page-view" aria-label={STRINGS.page.region}>
      <PageToolbar zoom={zoom} scale={viewport?.scale ?? null} onZoom={setZoom} />
      <div className="page-scroll" ref={scrollRef}>
        {failed ? <p className="page-error">{STRINGS.page.renderFailed}</p> : null}
        {imageOnly ? (
          <p className="page-notice" role="note" data-testid="image-only-page">
            {STRINGS.page.imageOnly}
          </p>
        ) : null}
        <div className="page" style={pageStyle} onClick={onClick} data-page={viewport ? page : undefined} data-testid="pdf-page">
          <canvas ref={canvasRef} className="page-canvas" />
          <div ref={textRef} className="textLayer" />
          {viewport ? <OcrMarks page={page} viewport={viewport} /> : null}
          {viewport ? <FindingBoxes page={page} viewport={viewport} /> : null}
          {viewport ? <AnnotationPageLayer page={page} viewport={viewport} /> : null}
          {highlight ? (
            <div
              ref={highlightRef}
              className="page-highlight"
              data-testid="page-highlight"
              style={{ left: highlight.left, top: highlight.top, width: highlight.width, height: highlight.height }}
            />
          ) : null}
        </div>
      </div>
    </section>
  );
}
