import { useEffect, useState, type ReactElement } from 'react';
import { STRINGS } from '../../strings';
import { DrawRectButton } from '../annotations/AnnotationButtons';
import { useWorkspace } from '../../stores/workspace';

export type Zoom = 'fit' | number;

const STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

function step(scale: number, direction: 1 | -1): number {
  const next = direction > 0 ? STEPS.find((s) => s > scale + 0.01) : [...STEPS].reverse().find((s) => s < scale - 0.01);
  return next ?? scale;
}

/** Page navigation and zoom for the source view. */
export function PageToolbar({ zoom, scale, onZoom }: { zoom: Zoom; scale: number | null; onZoom: (z: Zoom) => void }): ReactElement {
  const page = useWorkspace((s) => s.page);
  const pages = useWorkspace((s) => s.doc?.source.pages ?? 0);
  const setPage = useWorkspace((s) => s.setPage);
  const [typed, setTyped] = useState(String(page));
  useEffect(() => setTyped(String(page)), [page]);
  const current = scale ?? 1;

  return (
    <div className="toolbar page-toolbar" role="toolbar" aria-label={STRINGS.page.toolbar}>
      <button type="button" onClick={() => setPage(page - 1)} disabled={page <= 1} title={STRINGS.page.previous}>
        ‹
      </button>
      <label className="page-number">
        <input
          aria-label={STRINGS.page.pageNumber}
          value={typed}
          inputMode="numeric"
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') setPage(Number(typed) || page);
          }}
          onBlur={() => setTyped(String(page))}
        />
        <span>{STRINGS.page.ofPages(pages)}</span>
      </label>
      <button type="button" onClick={() => setPage(page + 1)} disabled={page >= pages} title={STRINGS.page.next}>
        ›
      </button>
      <span className="toolbar-gap" />
      <DrawRectButton />
      <button type="button" onClick={() => onZoom(step(current, -1))} title={STRINGS.page.zoomOut}>
        −
      </button>
      <span className="zoom-level">{Math.round(current * 100)}%</span>
      <button type="button" onClick={() => onZoom(step(current, 1))} title={STRINGS.page.zoomIn}>
        +
      </button>
      <button type="button" className={zoom === 'fit' ? 'active' : ''} onClick={() => onZoom('fit')}>
        {STRINGS.page.fitWidth}
      </button>
    </div>
  );
}
