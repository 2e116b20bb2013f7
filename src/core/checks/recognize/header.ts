/**
 * The header grid as a tree: each printed header cell is a node covering a column range; a node's
 * parent is the cell printed above it. Column numbers rows (栏次 1 2 3) are dropped.
 */
import type { GridRow } from '../../model';
import { squash } from '../text';

export interface HeaderNode {
  id: number;
  /** squashed printed text */
  label: string;
  row: number;
  col0: number;
  /** exclusive */
  col1: number;
  parent: HeaderNode | null;
  children: HeaderNode[];
}

export interface HeaderTree {
  roots: HeaderNode[];
  /** per grid column: the nodes from top to bottom (labelled nodes only) */
  paths: HeaderNode[][];
}

/** A row of column numbers or 栏次/行次 markers carries no labels. */
export function isColumnNumbersRow(row: GridRow): boolean {
  const texts = row.filter((c) => c !== null).map((c) => squash(c!.text)).filter((t) => t !== '');
  if (texts.length === 0) return true;
  return texts.every((t) => /^(栏次|行次|\d{1,2})$/.test(t)) && texts.some((t) => /^\d{1,2}$/.test(t));
}

/**
 * Builds the tree. Positions covered by a span are null in the grid; a covered position belongs to
 * the nearest cell up or left whose span reaches it.
 */
export function buildHeaderTree(header: readonly GridRow[], columnCount: number): HeaderTree {
  const rows = header.filter((r) => !isColumnNumbersRow(r));
  const at: (HeaderNode | null)[][] = rows.map(() => new Array<HeaderNode | null>(columnCount).fill(null));
  const roots: HeaderNode[] = [];
  let nextId = 0;
  rows.forEach((row, r) => {
    for (let c = 0; c < columnCount; c++) {
      const cell = row[c];
      if (!cell) continue;
      const node: HeaderNode = {
        id: nextId++,
        label: squash(cell.text),
        row: r,
        col0: c,
        col1: Math.min(columnCount, c + Math.max(1, cell.colSpan)),
        parent: null,
        children: [],
      };
      const rowEnd = Math.min(rows.length, r + Math.max(1, cell.rowSpan));
      for (let rr = r; rr < rowEnd; rr++) for (let cc = node.col0; cc < node.col1; cc++) at[rr]![cc] = node;
    }
  });
  // Parent links: the labelled node above the node's first column.
  const seen = new Set<number>();
  for (let r = 0; r < rows.length; r++) {
    for (let c = 0; c < columnCount; c++) {
      const node = at[r]![c];
      if (!node || seen.has(node.id)) continue;
      seen.add(node.id);
      let parent: HeaderNode | null = null;
      for (let rr = node.row - 1; rr >= 0 && !parent; rr--) {
        const above: HeaderNode | null = at[rr]![node.col0] ?? null;
        if (above && above !== node && above.label !== '' && above.col0 <= node.col0 && above.col1 >= node.col1) parent = above;
      }
      if (node.label === '') continue;
      node.parent = parent;
      if (parent) parent.children.push(node);
      else roots.push(node);
    }
  }
  const paths: HeaderNode[][] = [];
  for (let c = 0; c < columnCount; c++) {
    const path: HeaderNode[] = [];
    for (let r = 0; r < rows.length; r++) {
      const node = at[r]![c];
      if (node && node.label !== '' && path[path.length - 1] !== node) path.push(node);
    }
    paths.push(path);
  }
  return { roots, paths };
}
