/**
 * What the table grid needs from annotations: the marks of its table, and a click handler —
 * Shift+click selects a range from the last clicked cell, a click on an annotated cell opens its
 * annotation.
 */
import type { CellClickedEvent } from 'ag-grid-community';
import { useCallback, useMemo, useRef } from 'react';
import type { GridRowView } from '../grid/grid-rows';
import { useWorkspace } from '../../stores/workspace';
import { columnIndex } from '../grid/column-defs';
import { annotationMarks, annotationsAt, type AnnotationMarks } from './grid-marks';
import { useAnnotations } from './store';

export function useGridAnnotations(tableId: string): { marks: AnnotationMarks; onCellClicked: (e: CellClickedEvent<GridRowView>) => void } {
  const all = useAnnotations((s) => s.all);
  const range = useAnnotations((s) => s.range);
  const hash = useWorkspace((s) => s.doc?.source.sha256 ?? null);
  const marks = useMemo(() => annotationMarks(all, hash, tableId, range), [all, hash, tableId, range]);
  const marksRef = useRef(marks);
  marksRef.current = marks;

  const onCellClicked = useCallback(
    (e: CellClickedEvent<GridRowView>) => {
      const col = columnIndex(e.column.getColId());
      const row = e.data?.index;
      if (col === null || row === undefined) return;
      const store = useAnnotations.getState();
      const clicked = { tableId, row, col };
      const mouse = e.event as MouseEvent | null | undefined;
      if (mouse?.shiftKey && store.rangeStart && store.rangeStart.tableId === tableId) {
        const from = store.rangeStart;
        store.setRange({ tableId, rows: [Math.min(from.row, row), Math.max(from.row, row)], cols: [Math.min(from.col, col), Math.max(from.col, col)] }, from);
        return;
      }
      store.setRange(null, clicked);
      const here = annotationsAt(marksRef.current, row, col);
      // the cell is selected already (grid and page follow it): show its annotation in the pane
      if (here.length > 0 && !here.some((a) => a.id === store.openId)) store.open(here[0]!.id);
    },
    [tableId],
  );
  return { marks, onCellClicked };
}
