import type { ReactElement } from 'react';
import type { BBox } from '../../../../core/model';
import { useFindings } from '../../stores/findings';
import { useWorkspace } from '../../stores/workspace';
import { bboxToScreen, type ViewportLike } from '../page/page-geometry';
import { spanLineBoxes } from './narrative-marks';

interface Box {
  key: string;
  kind: 'cell' | 'line';
  bbox: BBox;
}

/** Over the page: every cell of the selected finding printed on this page, and the lines of its sentences. */
export function FindingBoxes({ page, viewport }: { page: number; viewport: ViewportLike }): ReactElement | null {
  const doc = useWorkspace((s) => s.doc);
  const finding = useFindings((s) => (s.selectedId ? (s.report?.findings.find((f) => f.id === s.selectedId) ?? null) : null));
  if (!doc || !finding) return null;
  const boxes: Box[] = [];
  for (const c of finding.cells) {
    const cell = doc.tables.find((t) => t.id === c.table)?.rows[c.row]?.[c.col];
    if (cell && cell.page === page) boxes.push({ key: `c:${c.table}:${c.row}:${c.col}`, kind: 'cell', bbox: cell.bbox });
  }
  spanLineBoxes(doc.narrative, finding.narrative).forEach((line, i) => {
    if (line.page === page) boxes.push({ key: `l:${i}`, kind: 'line', bbox: line.bbox });
  });
  if (boxes.length === 0) return null;
  return (
    <>
      {boxes.map((box) => {
        const r = bboxToScreen(viewport, box.bbox);
        return (
          <div
            key={box.key}
            className={`finding-box finding-box-${box.kind} finding-box-${finding.severity}`}
            data-testid="finding-box"
            data-kind={box.kind}
            style={{ left: r.left, top: r.top, width: r.width, height: r.height }}
          />
        );
      })}
    </>
  );
}
