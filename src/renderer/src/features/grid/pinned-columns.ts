/**
 * How many leading columns stay in view while a wide table scrolls sideways: the code columns and
 * the first column of names (科目编码 / 类款项 … 科目名称), so a clerk always sees which row a figure
 * belongs to. Only where nothing spans across that boundary (AG Grid cannot span a pinned edge).
 */
import type { Table } from '../../../../core/model';
import type { HeaderNode } from './header-tree';

const MIN_COLUMNS = 7;

function isLabelColumn(table: Table, col: number): boolean {
  let text = 0;
  let numbers = 0;
  for (const row of table.rows) {
    const cell = row[col];
    if (!cell || !cell.text) continue;
    if (cell.value !== null || /^\d+$/.test(cell.text)) numbers++;
    else text++;
  }
  return text > 0 && text >= numbers;
}

function leaves(node: HeaderNode): number[] {
  return node.kind === 'leaf' ? [node.col] : node.children.flatMap(leaves);
}

/** Number of leading columns to pin (0: none). */
export function pinnedColumnCount(table: Table, tree: readonly HeaderNode[]): number {
  if (table.columnCount < MIN_COLUMNS || table.rows.length === 0) return 0;
  let label = -1;
  for (let c = 0; c < Math.min(6, table.columnCount - 2); c++) {
    if (isLabelColumn(table, c)) {
      label = c;
      break;
    }
  }
  if (label < 0) return 0;
  const boundary = label + 1;
  const crosses = [...table.header, ...table.rows].some((row) => row.some((cell, c) => cell !== null && c < boundary && c + cell.colSpan > boundary));
  if (crosses) return 0;
  // top-level header groups must lie wholly on one side
  for (const node of tree) {
    const cols = leaves(node);
    if (Math.min(...cols) < boundary && Math.max(...cols) >= boundary) return 0;
  }
  return boundary;
}
