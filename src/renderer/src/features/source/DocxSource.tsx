import { useLayoutEffect, useMemo, useRef, useState, type MouseEvent, type ReactElement } from 'react';
import { STRINGS } from '../../strings';
import { useWorkspace } from '../../stores/workspace';
import { renderDocx } from './docx-render';
import { wordCell, wordCellPosition, wordParagraphs } from './docx-dom';
import { bodyCellsBySource, docxCellKey, targetOf } from './source-index';
import { useHighlight } from './use-highlight';

type Zoom = 'fit' | 1;

/** The Word document as rendered by docx-preview, the selected cell or paragraph outlined. */
export function DocxSource({ bytes }: { bytes: Uint8Array }): ReactElement {
  const doc = useWorkspace((s) => s.doc);
  const selection = useWorkspace((s) => s.selection);
  const narrativeIndex = useWorkspace((s) => s.narrativeIndex);
  const scrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const stylesRef = useRef<HTMLDivElement>(null);
  const [rendered, setRendered] = useState<Uint8Array | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [scale, setScale] = useState(1);
  const index = useMemo(() => (doc ? bodyCellsBySource(doc) : new Map()), [doc]);

  useLayoutEffect(() => {
    const body = bodyRef.current;
    const styles = stylesRef.current;
    if (!body || !styles) return;
    let live = true;
    setRendered(null);
    setFailed(null);
    renderDocx(bytes, body, styles).then(
      () => live && setRendered(bytes),
      (e: unknown) => {
        console.error(e);
        if (live) setFailed(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      live = false;
    };
  }, [bytes]);

  // Fit width: scale the rendered pages to the pane (CSS zoom keeps hit-testing and scrolling right).
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    const body = bodyRef.current;
    if (!scroller || !body || !rendered) return;
    const measure = (): void => {
      let next = 1;
      if (zoom === 'fit') {
        body.style.zoom = '1';
        const natural = body.offsetWidth;
        next = natural > 0 ? Math.min(1, (scroller.clientWidth - 4) / natural) : 1;
      }
      // set here, not only through state: an unchanged scale would not re-run an effect
      body.style.zoom = String(next);
      setScale(next);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [rendered, zoom]);

  const target = doc ? targetOf(doc, selection, narrativeIndex) : null;
  useHighlight(
    bodyRef,
    () => {
      const body = bodyRef.current;
      if (!body || !rendered || !target) return null;
      if (target.kind === 'paragraph') return wordParagraphs(body)[target.index] ?? null;
      const m = /^d:(\d+):(\d+):(\d+)$/.exec(target.key);
      return m ? wordCell(body, Number(m[1]), Number(m[2]), Number(m[3])) : null;
    },
    [target?.kind, target?.kind === 'cell' ? target.key : target?.index, rendered, scale],
  );

  function onClick(e: MouseEvent<HTMLDivElement>): void {
    const body = bodyRef.current;
    if (!body || (window.getSelection()?.toString() ?? '') !== '') return;
    // innermost cell first; a nested table's cell belongs to the cell around it
    for (let td = (e.target as Element).closest('td'); td; td = td.parentElement?.closest('td') ?? null) {
      const at = wordCellPosition(body, td);
      const ref = at ? index.get(docxCellKey(at.table, at.row, at.col)) : undefined;
      if (ref) {
        useWorkspace.getState().selectCell(ref, 'page');
        return;
      }
    }
  }

  return (
    <>
      <div className="toolbar source-toolbar">
        <span className="source-kind">{STRINGS.source.docx}</span>
        <span className="toolbar-gap" />
        <button type="button" className={zoom === 1 ? 'active' : ''} onClick={() => setZoom(1)}>
          {STRINGS.source.actualSize}
        </button>
        <button type="button" className={zoom === 'fit' ? 'active' : ''} onClick={() => setZoom('fit')}>
          {STRINGS.page.fitWidth}
        </button>
      </div>
      <div className="source-scroll" ref={scrollRef}>
        {failed ? <p className="page-error">{STRINGS.source.failed(failed)}</p> : null}
        {!rendered && !failed ? <p className="source-loading">{STRINGS.source.loading}</p> : null}
        <div ref={stylesRef} hidden />
        <div ref={bodyRef} className="docx-source" data-testid="docx-source" data-ready={rendered ? 'true' : undefined} onClick={onClick} />
      </div>
    </>
  );
}
