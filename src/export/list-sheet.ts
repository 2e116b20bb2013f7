/** A plain list worksheet: a header row, frozen and filterable, then one row per item. */
import type { Workbook, Worksheet } from 'exceljs';
import { heightFor, lines } from './layout';
import { clipText } from './limits';
import { STYLES } from './styles';

export interface ListColumn {
  header: string;
  width: number;
}

/** A cell of a list: text, a number, an amount with its number format, or a text linking to a cell of the workbook. */
export type ListValue = string | number | { text: string; link: string } | { amount: number; numFmt: string };

function displayText(v: ListValue): string {
  if (typeof v !== 'object') return String(v);
  return 'text' in v ? v.text : String(v.amount);
}

export function writeList(wb: Workbook, name: string, columns: readonly ListColumn[], rows: readonly ListValue[][]): Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  columns.forEach((col, c) => {
    ws.getColumn(c + 1).width = col.width;
    const cell = ws.getCell(1, c + 1);
    cell.value = col.header;
    cell.style = STYLES.listHeader;
  });
  ws.getRow(1).height = 20;
  rows.forEach((row, r) => {
    const needed = Math.max(1, ...columns.map((col, c) => {
      const v = row[c] ?? '';
      return lines(displayText(v), col.width);
    }));
    if (needed > 1) ws.getRow(r + 2).height = heightFor(needed);
    columns.forEach((_, c) => {
      const cell = ws.getCell(r + 2, c + 1);
      const v = row[c] ?? '';
      if (typeof v === 'object' && 'link' in v) {
        cell.value = { text: clipText(v.text), hyperlink: v.link };
        cell.style = STYLES.listLink;
      } else if (typeof v === 'object') {
        cell.value = v.amount;
        cell.style = { ...STYLES.listText, alignment: { ...STYLES.listText.alignment, horizontal: 'right' }, numFmt: v.numFmt };
      } else {
        if (v !== '') cell.value = typeof v === 'string' ? clipText(v) : v;
        cell.style = STYLES.listText;
      }
    });
  });
  if (rows.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: columns.length } };
  return ws;
}
