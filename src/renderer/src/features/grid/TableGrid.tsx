import { AllCommunityModule, ModuleRegistry, createGrid, themeQuartz, type CellClickedEvent, type CellFocusedEvent, type GridApi } from 'ag-grid-community';
import { useEffect, useMemo, useRef, type ReactElement } from 'react';
import type { Table } from '../../../../core/model';
import { STRINGS } from '../../strings';
import { useReview } from '../../stores/review';
import { useWorkspace } from '../../stores/workspace';
import { withAnnotationMarks } from '../annotations/grid-marks';
import { useGridAnnotations } from '../annotations/use-grid-annotations';
import { withTints } from '../findings/tints';
import { useTableTints } from '../findings/use-table-tints';
import { columnDefs, columnId, columnIndex, columnsWithRowSpans, pinnedColumnIds } from './column-defs';
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
    () => columnDefs(table, { onEdit: (row, col, text) => void useReview.getState().setCell({ tableId: table.id, row, col }, text), canEdit: () => !useReview.getState().readOnly }),
    [table],
  );

  const hasRowSpans = useMemo(() => columnsWithRowSpans(table).size > 0, [table]);

  const hostRef = useRef<HTMLDivElement>(null);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const onCellClickedRef = useRef(onCellClicked);
  onCellClickedRef.current = onCellClicked;

  // The grid is AG Grid's own DOM renderer, not ag-grid-react: React would re-render every row
  // container on each scrolled frame, which costs a 2,000-row table its frame rate.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const pinned = pinnedColumnIds(columns);
    const api = createGrid<GridRowView>(host, {
      theme,
      rowData: rowsRef.current,
      columnDefs: columns,
      getRowId: rowId,
      enableCellSpan: hasRowSpans,
      enterNavigatesVerticallyAfterEdit: true,
      stopEditingWhenCellsLoseFocus: true,
      tooltipShowDelay: 250,
      animateRows: false,
      overlayNoRowsTemplate: `<span>${STRINGS.grid.noRows}</span>`,
      onCellFocused: (e: CellFocusedEvent<GridRowView>) => {
        if (e.rowIndex === null || !e.column || typeof e.column === 'string') return;
        const data = e.api.getDisplayedRowAtIndex(e.rowIndex)?.data;
        const col = columnIndex(e.column.getColId());
        if (!data || col === null) return;
        // A position covered by a span selects the cell the span starts at.
        const row = data.spanStart[col] ?? data.index;
        const originCol = data.spanCol[col] ?? col;
        useWorkspace.getState().selectCell({ tableId: table.id, row, col: originCol }, 'grid');
      },
      onCellClicked: (e: CellClickedEvent<GridRowView>) => onCellClickedRef.current(e),
      onGridSizeChanged: (e) => keepPinnedNarrow(e.api, pinned, e.clientWidth),
    });
    apiRef.current = api;
    // A cell chosen elsewhere in another table (a finding, the page) is focused once this grid exists.
    const { selection, selectionOrigin } = useWorkspace.getState();
    if (selection && selection.tableId === table.id && selectionOrigin !== 'grid') focusCell(api, selection.row, selection.col);
    return () => {
      apiRef.current = null;
      api.destroy();
    };
  }, [table.id, columns, hasRowSpans]);

  useEffect(() => {
    apiRef.current?.setGridOption('rowData', rows);
  }, [rows]);

  // A cell chosen elsewhere (a click on the page) is scrolled to and focused here.
  useEffect(() => {
    const api = apiRef.current;
    if (!api || !selection || selection.tableId !== table.id || selectionOrigin === 'grid') return;
    focusCell(api, selection.row, selection.col);
  }, [selection, selectionOrigin, table.id]);

  return <div className="table-grid" data-table-id={table.id} ref={hostRef} />;
}

/** The room pinned code and name columns must leave for the figures (about three amount columns). */
const MIN_FIGURES_WIDTH = 280;

/** Pins the code and name columns while they leave the figures room, and unpins them otherwise. */
function keepPinnedNarrow(api: GridApi<GridRowView>, ids: readonly string[], gridWidth: number): void {
  const columns = ids.map((id) => api.getColumn(id)).filter((c) => c !== null);
  if (columns.length === 0 || gridWidth <= 0) return;
  const width = columns.reduce((sum, c) => sum + c.getActualWidth(), 0);
  const pin = width <= gridWidth - MIN_FIGURES_WIDTH;
  if (columns.some((c) => c.isPinnedLeft() !== pin)) api.setColumnsPinned(columns, pin ? 'left' : null);
}

function focusCell(api: GridApi<GridRowView>, row: number, col: number): void {
  const colKey = columnId(col);
  api.ensureIndexVisible(row, 'middle');
  api.ensureColumnVisible(colKey, 'auto');
  api.setFocusedCell(row, colKey);
}
