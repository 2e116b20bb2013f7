/**
 * AG Grid column definitions for one extracted table: grouped headers from the printed header,
 * cells showing the printed (or corrected) text, amounts right-aligned, spans reproduced.
 */
import type { CellClassParams, ColDef, ColGroupDef, EditableCallbackParams, SpanRowsParams, TooltipCallbackParams, ValueGetterParams, ValueSetterParams } from 'ag-grid-community';
import type { Table } from '../../../../core/model';
import { STRINGS } from '../../strings';
import type { GridRowView } from './grid-rows';
import { headerTree, type HeaderNode } from './header-tree';
import { pinnedColumnCount } from './pinned-columns';

export const COLUMN_ID_PREFIX = 'c';

export function columnId(col: number): string {
  return `${COLUMN_ID_PREFIX}${col}`;
}

export function columnIndex(colId: string): number | null {
  const n = Number(colId.slice(COLUMN_ID_PREFIX.length));
  return colId.startsWith(COLUMN_ID_PREFIX) && Number.isInteger(n) ? n : null;
}

/** Width from the longest text in the column (CJK glyphs are about twice a digit's width). */
function columnWidth(table: Table, col: number, name: string): number {
  let widest = name.length * 14;
  for (const row of table.rows) {
    const text = row[col]?.text ?? '';
    let w = 0;
    for (const ch of text) w += ch.charCodeAt(0) > 0x2e80 ? 14 : 8;
    if (w > widest) widest = w;
  }
  return Math.min(320, Math.max(48, widest + 24));
}

export interface ColumnCallbacks {
  /** a cell's text was changed in the editor */
  onEdit: (row: number, col: number, text: string) => void;
  /** false: the review is read-only (team sync without write rights) */
  canEdit?: () => boolean;
}

export function columnDefs(table: Table, callbacks: ColumnCallbacks): (ColDef<GridRowView> | ColGroupDef<GridRowView>)[] {
  // A table printed without a header row (a form-like 绩效目标表) gets spreadsheet-style names.
  const headerless = table.header.length === 0;
  const rowSpanColumns = columnsWithRowSpans(table);
  function leaf(col: number, printedName: string): ColDef<GridRowView> {
    const name = printedName || (headerless ? STRINGS.grid.columnName(col + 1) : '');
    return {
      colId: columnId(col),
      headerName: name,
      width: columnWidth(table, col, name),
      wrapHeaderText: true,
      autoHeaderHeight: true,
      sortable: false,
      suppressMovable: true,
      valueGetter: (p: ValueGetterParams<GridRowView>) => p.data?.cells[col]?.text ?? '',
      // The grid never stores the edit itself: the review store writes it to IndexedDB, and the
      // new text arrives with the next row data (so "saved" means durable).
      valueSetter: (p: ValueSetterParams<GridRowView>) => {
        if (p.data) callbacks.onEdit(p.data.index, col, typeof p.newValue === 'string' ? p.newValue : String(p.newValue ?? ''));
        return false;
      },
      editable: (p: EditableCallbackParams<GridRowView>) => !!p.data?.cells[col] && (callbacks.canEdit?.() ?? true),
      colSpan: (p) => p.data?.cells[col]?.colSpan ?? 1,
      // Body rowSpans: a position covered from above joins the span of the row it starts in. Only
      // columns that have one get the callback: AG Grid re-evaluates spans while scrolling.
      spanRows: rowSpanColumns.has(col) && (({ nodeA, nodeB }: SpanRowsParams<GridRowView>) => {
        const start = nodeA?.data ? (nodeA.data.spanStart[col] ?? nodeA.data.index) : -1;
        return !!nodeB?.data && nodeB.data.cells[col] === null && nodeB.data.spanStart[col] === start && nodeB.data.spanCol[col] === col;
      }),
      // cellClassRules (not cellClass): classes are removed again when the rule stops holding.
      cellClassRules: {
        'cell-number': (p: CellClassParams<GridRowView>) => !!p.data?.cells[col]?.numeric,
        'cell-edited': (p: CellClassParams<GridRowView>) => !!p.data?.cells[col]?.edited,
        'cell-pending': (p: CellClassParams<GridRowView>) => !!p.data?.cells[col]?.pending,
        'cell-uncertain': (p: CellClassParams<GridRowView>) => (p.data?.cells[col]?.confidence ?? 'ok') !== 'ok',
        'cell-ocr-uncertain': (p: CellClassParams<GridRowView>) => !!p.data?.cells[col]?.ocr?.flagged,
        'cell-finding-error': (p: CellClassParams<GridRowView>) => p.data?.cells[col]?.finding?.severity === 'error',
        'cell-finding-warning': (p: CellClassParams<GridRowView>) => p.data?.cells[col]?.finding?.severity === 'warning',
        'cell-finding-note': (p: CellClassParams<GridRowView>) => p.data?.cells[col]?.finding?.severity === 'note',
        'cell-annotated': (p: CellClassParams<GridRowView>) => (p.data?.cells[col]?.annotations?.length ?? 0) > 0,
        'cell-in-range': (p: CellClassParams<GridRowView>) => !!p.data?.cells[col]?.inRange,
      },
      tooltip: (p: TooltipCallbackParams<GridRowView>) => {
        const cell = p.data?.cells[col];
        const lines = [
          ...(cell?.edited ? [STRINGS.grid.originalTooltip(cell.original)] : []),
          ...(cell?.ocr ? [STRINGS.grid.ocrTooltip(cell.ocr.confidence, cell.ocr.flagged)] : []),
          ...(cell?.finding?.messages ?? []),
          ...(cell?.annotations ?? []).map((text) => STRINGS.annotations.markerTitle(text)),
        ];
        return lines.length > 0 ? lines.join('\n') : undefined;
      },
    };
  }

  function toDef(node: HeaderNode, path: string): ColDef<GridRowView> | ColGroupDef<GridRowView> {
    if (node.kind === 'leaf') return leaf(node.col, node.name);
    return {
      groupId: `g${path}`,
      headerName: node.name,
      marryChildren: true,
      wrapHeaderText: true,
      autoHeaderHeight: true,
      children: node.children.map((child, i) => toDef(child, `${path}.${i}`)),
    };
  }

  const tree = headerTree(table);
  const pinned = pinnedColumnCount(table, tree);
  return tree.map((node, i) => {
    const def = toDef(node, String(i));
    const first = node.kind === 'leaf' ? node.col : firstLeaf(node);
    return first < pinned ? pin(def) : def;
  });
}

/** Columns where a body cell spans several rows. */
export function columnsWithRowSpans(table: Table): Set<number> {
  const cols = new Set<number>();
  for (const row of table.rows) row.forEach((cell, c) => cell && cell.rowSpan > 1 && cols.add(c));
  return cols;
}

/** Ids of the leaf columns pinned to the left edge. */
export function pinnedColumnIds(defs: readonly (ColDef<GridRowView> | ColGroupDef<GridRowView>)[]): string[] {
  return defs.flatMap((def) => ('children' in def ? pinnedColumnIds(def.children) : def.pinned === 'left' && def.colId ? [def.colId] : []));
}

function firstLeaf(node: HeaderNode): number {
  return node.kind === 'leaf' ? node.col : firstLeaf(node.children[0]!);
}

/** Pins a column, or a header group with all its columns, to the left edge. */
function pin(def: ColDef<GridRowView> | ColGroupDef<GridRowView>): ColDef<GridRowView> | ColGroupDef<GridRowView> {
  if ('children' in def) return { ...def, children: def.children.map((child) => pin(child)) };
  return { ...def, pinned: 'left', lockPinned: true };
}
