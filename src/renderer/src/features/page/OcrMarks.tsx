import type { ReactElement } from 'react';
import { STRINGS } from '../../strings';
import { useWorkspace } from '../../stores/workspace';
import { bboxToScreen, type ViewportLike } from './page-geometry';

/** Over a page read by OCR: every cell whose reading is uncertain, so the clerk sees where to look. */
export function OcrMarks({ page, viewport }: { page: number; viewport: ViewportLike }): ReactElement | null {
  const doc = useWorkspace((s) => s.doc);
  if (!doc?.source.ocr?.pages.includes(page)) return null;
  const marks: { key: string; bbox: [number, number, number, number]; title: string }[] = [];
  for (const t of doc.tables) {
    t.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell?.page === page && cell.source?.kind === 'ocr' && cell.source.flagged) {
          marks.push({ key: `${t.id}:${r}:${c}`, bbox: cell.bbox, title: STRINGS.grid.ocrTooltip(cell.source.confidence, true) });
        }
      }),
    );
  }
  if (marks.length === 0) return null;
  return (
    <>
      {marks.map((m) => {
        const r = bboxToScreen(viewport, m.bbox);
        return <div key={m.key} className="ocr-mark" data-testid="ocr-mark" title={m.title} style={{ left: r.left, top: r.top, width: r.width, height: r.height }} />;
      })}
    </>
  );
}
