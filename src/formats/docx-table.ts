/**
 * A Word table (w:tbl) as an explicit grid: w:gridSpan → colSpan, w:vMerge restart/continue →
 * rowSpan, legacy w:hMerge → colSpan, w:gridBefore/w:gridAfter → empty positions, w:tblHeader
 * rows → marked header rows. Positions a merged cell covers hold null.
 */
import type { CellSource } from '../core/model';
import { isW, paragraphRawText } from './docx-text';
import { tidyCellText } from './text';
import type { SourceCell, SourceGrid } from './table-build';
import type { XmlElement } from './xml';

/** w:tr / w:tc children, looking through content controls and custom XML wrappers. */
function wChildren(el: XmlElement, local: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (isW(c, local)) out.push(c);
    else if (isW(c, 'sdt')) {
      for (const content of c.children) if (typeof content !== 'string' && isW(content, 'sdtContent')) out.push(...wChildren(content, local));
    } else if (isW(c, 'customXml')) out.push(...wChildren(c, local));
  }
  return out;
}

function prop(parent: XmlElement | undefined, local: string): XmlElement | undefined {
  if (!parent) return undefined;
  for (const c of parent.children) if (typeof c !== 'string' && isW(c, local)) return c;
  return undefined;
}

function intVal(el: XmlElement | undefined, fallback: number): number {
  const n = Number(el?.attrs['val']);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function onOff(el: XmlElement | undefined): boolean {
  if (!el) return false;
  const v = el.attrs['val'];
  return v === undefined || !['0', 'false', 'off'].includes(v);
}

/** Text of a cell: its paragraphs (and nested tables' paragraphs) joined like wrapped lines. */
export function cellText(tc: XmlElement): string {
  const lines: string[] = [];
  const visit = (el: XmlElement): void => {
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      if (isW(c, 'p')) lines.push(...paragraphRawText(c).split('\n'));
      else if (isW(c, 'tcPr')) continue;
      else visit(c);
    }
  };
  visit(tc);
  return tidyCellText(lines);
}

export interface DocxTableInput {
  tbl: XmlElement;
  /** index of this w:tbl among all w:tbl of the document (pre-order) */
  tableIndex: number;
}

interface Placed {
  cell: SourceCell;
  row: number;
  col: number;
}

export function docxTableGrid({ tbl, tableIndex }: DocxTableInput): SourceGrid {
  const gridCols = wChildren(prop(tbl, 'tblGrid') ?? tbl, 'gridCol').length;
  const trs = wChildren(tbl, 'tr');
  const rows: (SourceCell | null)[][] = [];
  /** which placed cell covers each position, to extend vertical/horizontal merges */
  const owner: (Placed | undefined)[][] = [];
  let markedHeaderRows = 0;
  let headerRun = true;

  const makeCell = (r: number, c: number, text: string, cellIndex: number | null): SourceCell => {
    const source: CellSource = { kind: 'docx', table: tableIndex, row: r, col: c, cell: cellIndex };
    return { text, rowSpan: 1, colSpan: 1, bbox: [c, r, c + 1, r + 1], source };
  };

  trs.forEach((tr, r) => {
    const trPr = prop(tr, 'trPr');
    if (headerRun && onOff(prop(trPr, 'tblHeader'))) markedHeaderRows++;
    else headerRun = false;
    const row: (SourceCell | null)[] = [];
    const own: (Placed | undefined)[] = [];
    rows.push(row);
    owner.push(own);
    const place = (placed: Placed, col: number): void => {
      row[col] = placed.row === r && placed.col === col ? placed.cell : null;
      own[col] = placed;
    };
    let col = 0;
    for (let i = 0; i < intVal(prop(trPr, 'gridBefore'), 0); i++) place({ cell: makeCell(r, col, '', null), row: r, col }, col++);
    wChildren(tr, 'tc').forEach((tc, cellIndex) => {
      const tcPr = prop(tc, 'tcPr');
      const span = intVal(prop(tcPr, 'gridSpan'), 1);
      const vMerge = prop(tcPr, 'vMerge');
      const hMerge = prop(tcPr, 'hMerge');
      const above = r > 0 ? owner[r - 1]![col] : undefined;
      if (vMerge && vMerge.attrs['val'] !== 'restart' && above && above.col === col && above.row + above.cell.rowSpan === r) {
        // continue the merge from the row above over the origin's full width
        above.cell.rowSpan++;
        above.cell.bbox[3] = above.row + above.cell.rowSpan;
        for (let k = 0; k < above.cell.colSpan; k++) place(above, col + k);
        col += above.cell.colSpan;
        for (let k = above.cell.colSpan; k < span; k++) place({ cell: makeCell(r, col, '', cellIndex), row: r, col }, col++);
        return;
      }
      const left = col > 0 ? own[col - 1] : undefined;
      if (hMerge && hMerge.attrs['val'] !== 'restart' && left && left.row === r) {
        left.cell.colSpan += span;
        left.cell.bbox[2] = left.col + left.cell.colSpan;
        for (let k = 0; k < span; k++) place(left, col++);
        return;
      }
      const cell = makeCell(r, col, cellText(tc), cellIndex);
      cell.colSpan = span;
      cell.bbox[2] = col + span;
      const placed = { cell, row: r, col };
      for (let k = 0; k < span; k++) place(placed, col + k);
      col += span;
    });
  });

  const columnCount = Math.max(gridCols, ...rows.map((row) => row.length), 0);
  rows.forEach((row, r) => {
    for (let c = 0; c < columnCount; c++) {
      if (row[c] === undefined) row[c] = makeCell(r, c, '', null);
    }
  });
  return { columnCount, rows, markedHeaderRows, page: 1 };
}
