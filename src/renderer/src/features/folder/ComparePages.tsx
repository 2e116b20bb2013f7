/**
 * Two source pages side by side for one cross-document finding: each file's page rendered by
 * pdf.js with the compared cell outlined (旧版 | 新版, 部门 | 单位, 上年 | 本年), so the clerk sees
 * both printed figures at once without leaving the folder view.
 */
import { useEffect, useLayoutEffect, useRef, useState, type ReactElement } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { CrossFinding, DocCellRef, DocNarrativeRef } from '../../../../core/folder/model';
import { invoke } from '../../api/client';
import { userMessage } from '../../api/errors';
import { openPdf } from '../../pdf/pdfjs';
import { STRINGS } from '../../strings';
import { placesOf } from '../../stores/folder-review';
import { bboxToScreen, type ScreenRect } from '../page/page-geometry';

const S = STRINGS.folder;

interface Side {
  label: string;
  file: string;
  place: DocCellRef | DocNarrativeRef | null;
}

function SidePage({ side, width }: { side: Side; width: number }): ReactElement {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [box, setBox] = useState<ScreenRect | null>(null);
  const [error, setError] = useState<string | null>(null);
  const page = side.place?.page ?? null;
  const isPdf = /\.pdf$/i.test(side.file);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || page === null || !isPdf || width <= 0) return;
    let cancelled = false;
    let pdf: PDFDocumentProxy | null = null;
    void (async () => {
      try {
        pdf = await openPdf(await invoke('document:source', { relativePath: side.file }));
        if (cancelled) return;
        const p = await pdf.getPage(page);
        const natural = p.getViewport({ scale: 1 });
        const viewport = p.getViewport({ scale: Math.max(0.2, width / natural.width) });
        const ratio = window.devicePixelRatio || 1;
        canvas.width = Math.floor(viewport.width * ratio);
        canvas.height = Math.floor(viewport.height * ratio);
        canvas.style.width = `${viewport.width}px`;
        canvas.style.height = `${viewport.height}px`;
        await p.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] }).promise;
        if (cancelled) return;
        const bbox = side.place && 'bbox' in side.place ? side.place.bbox : null;
        setBox(bbox ? bboxToScreen(viewport, bbox) : null);
      } catch (e) {
        if (!cancelled) setError(userMessage(e));
      }
    })();
    return () => {
      cancelled = true;
      void pdf?.destroy();
    };
  }, [side.file, side.place, page, isPdf, width]);

  useEffect(() => {
    if (box) canvasRef.current?.parentElement?.querySelector('.compare-box')?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [box]);

  return (
    <section className="compare-side" data-file={side.file}>
      <h3>
        {side.label}：{side.file}
        {page !== null ? ` ${S.page(page)}` : ''}
      </h3>
      {!isPdf ? <p className="empty">{STRINGS.page.noPreview}</p> : null}
      {error ? <p className="status-error">{error}</p> : null}
      <div className="compare-page">
        <canvas ref={canvasRef} />
        {box ? <div className="compare-box" data-testid="compare-box" style={{ left: box.left, top: box.top, width: box.width, height: box.height }} /> : null}
      </div>
    </section>
  );
}

export function ComparePages({ finding, onClose }: { finding: CrossFinding; onClose: () => void }): ReactElement {
  const bodyRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const labels = S.side[finding.rule.replace(/^folder\./, '')] ?? ['', ''];
  const sides: Side[] = placesOf(finding).map((p, i) => ({ label: labels[i] ?? '', file: p.file, place: p.place }));

  useLayoutEffect(() => {
    const el = bodyRef.current;
    if (!el) return;
    // each page takes half the dialog, less its padding
    const measure = (): void => setWidth(Math.floor(el.clientWidth / 2) - 24);
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    measure();
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="compare-dialog" role="dialog" aria-label={S.compareTitle}>
        <header>
          <p className="compare-message">{finding.message}</p>
          <button type="button" onClick={onClose}>
            {S.compareClose}
          </button>
        </header>
        <div className="compare-body" ref={bodyRef}>
          {sides.map((side) => (
            <SidePage key={side.file} side={side} width={width} />
          ))}
        </div>
      </div>
    </div>
  );
}
