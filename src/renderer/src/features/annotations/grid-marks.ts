/**
 * Annotation marks on the grid: which cells carry an annotation (a corner marker, the text on
 * hover) and which cells the Shift+click range covers. Rows without marks keep their identity, so
 * the grid re-renders only the rows that change.
 */
import type { Annotation } from '../../../../core/review/model';
import type { GridRowView } from '../grid/grid-rows';
import type { GridRange } from './store';

export interface AnnotationMarks {
  /** "row:col" → the annotations marked on that cell (a range is marked on its first cell) */
  cells: Map<string, Annotation[]>;
  range: GridRange | null;
}

export function annotationMarks(annotations: readonly Annotation[], fileHash: string | null, tableId: string, range: GridRange | null): AnnotationMarks {
  const cells = new Map<string, Annotation[]>();
  for (const a of annotations) {
    if (a.fileHash !== fileHash) continue;
    const t = a.target;
    const at = t.kind === 'cell' && t.cell.tableId === tableId ? `${t.cell.row}:${t.cell.col}` : t.kind === 'range' && t.tableId === tableId ? `${t.rows[0]}:${t.cols[0]}` : null;
    if (at === null) continue;
    const list = cells.get(at);
    if (list) list.push(a);
    else cells.set(at, [a]);
  }
  return { cells, range: range?.tableId === tableId ? range : null };
}

export function withAnnotationMarks(rows: GridRowView[], marks: AnnotationMarks): GridRowView[] {
  const { cells, range } = marks;
  if (cells.size === 0 && !range) return rows;
  return rows.map((row) => {
    const inRangeRow = !!range && row.index >= range.rows[0] && row.index <= range.rows[1];
    let marked = inRangeRow;
    if (!marked) for (let c = 0; c < row.cells.length && !marked; c++) marked = cells.has(`${row.index}:${c}`);
    if (!marked) return row;
    return {
      ...row,
      cells: row.cells.map((cell, col) => {
        if (!cell) return null;
        const here = cells.get(`${row.index}:${col}`);
        const inRange = inRangeRow && col >= range!.cols[0] && col <= range!.cols[1];
        if (!here && !inRange) return cell;
        return { ...cell, ...(here ? { annotations: here.map((a) => a.text) } : {}), ...(inRange ? { inRange } : {}) };
      }),
    };
  });
}

/** The annotations marked on a grid position, for a click on the cell. */
export function annotationsAt(marks: AnnotationMarks, row: number, col: number): Annotation[] {
  return marks.cells.get(`${row}:${col}`) ?? [];
}
