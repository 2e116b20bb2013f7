import { AllCommunityModule, ModuleRegistry, themeQuartz, type CellFocusedEvent, type GridApi, type GridReadyEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, type ReactElement } from 'react';
import type { Table } from '../../../../core/model';
import { STRINGS } from '../../strings';
import { useReview } from '../../stores/review';
import { useWorkspace } from '../../stores/workspace';
import { withAnnotationMarks } from '../annotations/grid-marks';
import { useGridAnnotations } from '../annotations/use-grid-annotations';
import { withTints } from '../findings/tints';
import { useTableTints } from '../findings/use-table-tints';
import { columnDefs, columnId, columnIndex } from './column-defs';
import { gridRows, printedRows, type GridRowView } from './grid-rows';

ModuleRegistry.registerModules([AllCommunityModule]);

const theme = themeQuartz.withParams({
  fontFamily: ['Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'sans-serif'],
  fontSize: 13,
  headerFontSize: 13,
  rowHeight: 28,
  spacing: 5,
  headerBackgroundColor: '#f3f5f8',
  wrapperBorderRadius: 0,
});

function rowId(p: { data: GridRowView }): string {
  return p.data.id;
}

/** The extracted table as a spreadsheet: arrows, Enter/F2, Tab, Esc; edits go to the review store. */
export function TableGrid({ table }: { table: Table }): ReactElement {
  const apiRef = useRef<GridApi<GridRowView> | null>(null);
  const changes = useReview((s) => s.changes);
  const pending = useReview((s) => s.pending);
  const selection = useWorkspace((s) => s.selection);
  const selectionOrigin = useWorkspace((s) => s.selectionOrigin);

  const printed = useMemo(() => printedRows(table), [table]);
  const tints = useTableTints(table.id);
  const { marks, onCellClicked } = useGridAnnotations(table.id);
  const rows = useMemo(
    () => withAnnotationMarks(withTints(gridRows(printed, table.id, changes, pending), tints), marks),
    [printed, table.id, changes, pending, tints, marks],
  );
  const columns = useMemo(
    () => columnDefs(table, { onEdit: (row, col, text) => void useReview.getState().setCell({ tableId: table.id, row, col }, text) }),
    [table],
  );

  const onGridReady = useCallback(
    (e: GridReadyEvent<GridRowView>) => {
      apiRef.current = e.api;
      // A cell chosen elsewhere in another table (a finding, the page) is focused once this grid exists.
      const { selection, selectionOrigin } = useWorkspace.getState();
      if (selection && selection.tableId === table.id && selectionOrigin !== 'grid') {
        e.api.ensureIndexVisible(selection.row, 'middle');
        e.api.ensureColumnVisible(columnId(selection.col), 'auto');
        e.api.setFocusedCell(selection.row, columnId(selection.col));
      }
    },
    [table.id],
  );

  const onCellFocused = useCallback(
    (e: CellFocusedEvent<GridRowView>) => {
      if (e.rowIndex === null || !e.column || typeof e.column === 'string') return;
      const data = e.api.getDisplayedRowAtIndex(e.rowIndex)?.data;
      const col = columnIndex(e.column.getColId());
      if (!data || col === null) return;
      // A position covered by a span selects the cell the span starts at.
      const row = data.spanStart[col] ?? data.index;
      const originCol = data.spanCol[col] ?? col;
      useWorkspace.getState().selectCell({ tableId: table.id, row, col: originCol }, 'grid');
    },
    [table.id],
  );

  // A cell chosen elsewhere (a click on the page) is scrolled to and focused here.
  useEffect(() => {
    const api = apiRef.current;
    if (!api || !selection || selection.tableId !== table.id || selectionOrigin === 'grid') return;
    const colKey = columnId(selection.col);
    api.ensureIndexVisible(selection.row, 'middle');
    api.ensureColumnVisible(colKey, 'auto');
    api.setFocusedCell(selection.row, colKey);
  }, [selection, selectionOrigin, table.id]);

  return (
    <div className="table-grid" data-table-id={table.id}>
      <AgGridReact<GridRowView>
        theme={theme}
        rowData={rows}
        columnDefs={columns}
        getRowId={rowId}
        onGridReady={onGridReady}
        onCellFocused={onCellFocused}
        onCellClicked={onCellClicked}
        enableCellSpan
        enterNavigatesVerticallyAfterEdit
        stopEditingWhenCellsLoseFocus
        tooltipShowDelay={250}
        animateRows={false}
        overlayNoRowsTemplate={`<span>${STRINGS.grid.noRows}</span>`}
      />
    </div>
  );
}
