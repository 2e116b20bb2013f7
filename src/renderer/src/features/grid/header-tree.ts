/**
 * The printed multi-row header as a tree of column groups: a header cell that spans several
 * columns and has header rows below it becomes a group; a cell reaching the last header row is a
 * leaf column. A cell spanning columns down to the last row becomes a group of unnamed leaves.
 */
import type { Table } from '../../../../core/model';
import { spanOrigins } from '../../../../core/review/anchors';

export type HeaderNode = { kind: 'leaf'; col: number; name: string } | { kind: 'group'; name: string; children: HeaderNode[] };

export function headerTree(table: Pick<Table, 'header' | 'columnCount'>): HeaderNode[] {
  const { header, columnCount } = table;
  const height = header.length;
  const origins = spanOrigins(header, columnCount);

  function build(r: number, c0: number, c1: number): HeaderNode[] {
    const nodes: HeaderNode[] = [];
    let c = c0;
    while (c < c1) {
      const origin = r < height ? origins[r]?.[c] : null;
      if (!origin) {
        // Below the header or a hole in it: this column alone, looked at further down.
        if (r >= height - 1) nodes.push({ kind: 'leaf', col: c, name: '' });
        else nodes.push(...build(r + 1, c, c + 1));
        c++;
        continue;
      }
      const cell = header[origin.row]![origin.col]!;
      const name = cell.text.replace(/\s+/g, ' ').trim();
      const end = Math.min(c1, origin.col + Math.max(1, cell.colSpan));
      const below = origin.row + Math.max(1, cell.rowSpan);
      if (below < height) {
        nodes.push({ kind: 'group', name, children: build(below, c, end) });
      } else if (end - c === 1) {
        nodes.push({ kind: 'leaf', col: c, name });
      } else {
        const children: HeaderNode[] = [];
        for (let k = c; k < end; k++) children.push({ kind: 'leaf', col: k, name: '' });
        nodes.push({ kind: 'group', name, children });
      }
      c = end;
    }
    return nodes;
  }

  return build(0, 0, columnCount);
}

/** Leaf columns in order (for tests and for checking the tree covers every column once). */
export function leafColumns(nodes: readonly HeaderNode[]): number[] {
  return nodes.flatMap((n) => (n.kind === 'leaf' ? [n.col] : leafColumns(n.children)));
}
