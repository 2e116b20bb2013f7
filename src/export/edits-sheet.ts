/** 修改记录: the edit log in time order, each entry linked to its cell. */
import type { Workbook } from 'exceljs';
import { columnHeader, locate, rowLabel, type ExportContext } from './context';
import { OP_LABELS } from './labels';
import { writeList, type ListColumn, type ListValue } from './list-sheet';
import { formatTime } from './time';

export const EDITS_SHEET = '修改记录';

const COLUMNS: ListColumn[] = [
  { header: '序号', width: 6 },
  { header: '修改时间', width: 17 },
  { header: '表格', width: 28 },
  { header: '单元格', width: 22 },
  { header: '行', width: 28 },
  { header: '列', width: 24 },
  { header: '修改前', width: 14 },
  { header: '修改后', width: 14 },
  { header: '修改人', width: 10 },
  { header: '操作', width: 8 },
];

export function writeEditsSheet(wb: Workbook, ctx: ExportContext): void {
  // Same order as the log fold: by time, then by position in the log.
  const log = ctx.review.edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.at - b.e.at || a.i - b.i);
  const rows: ListValue[][] = log.map(({ e }, k) => {
    const loc = locate(ctx, e.cell.tableId, e.cell.row, e.cell.col);
    const table = ctx.document.tables.find((t) => t.id === e.cell.tableId);
    return [
      k + 1,
      formatTime(e.at),
      table ? (table.title ?? table.code ?? table.id) : e.anchor.tableTitle,
      loc ? { text: `${loc.sheet}!${loc.address}`, link: loc.link } : '（未找到该单元格）',
      table && loc ? rowLabel(table, e.cell.row, e.cell.col) : e.anchor.rowLabel,
      table && loc ? columnHeader(table, e.cell.col) : e.anchor.columnHeader,
      e.before,
      e.after,
      e.reviewer,
      OP_LABELS[e.op],
    ];
  });
  writeList(wb, EDITS_SHEET, COLUMNS, rows);
}
