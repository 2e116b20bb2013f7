/** 说明: where the workbook came from, what it counts, the colour legend and a table index. */
import type { Workbook } from 'exceljs';
import type { Severity } from '../core/checks/model';
import type { AnnotationStatus } from '../core/review/model';
import type { ExportContext } from './context';
import { SEVERITY_LABELS, STATUS_LABELS } from './labels';
import { internalLink } from './sheet-names';
import { ANNOTATED_FILL, BORDER, CORRECTED_FILL, STYLES } from './styles';
import { formatTime } from './time';

export const INFO_SHEET = '说明';

export interface InfoMeta {
  fileName: string;
  toolVersion: string;
  exportedAt: Date;
}

function countBy<T extends string>(items: readonly T[], keys: readonly T[]): Record<T, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<T, number>;
  for (const item of items) out[item]++;
  return out;
}

export function writeInfoSheet(wb: Workbook, ctx: ExportContext, meta: InfoMeta): void {
  const ws = wb.addWorksheet(INFO_SHEET, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.getColumn(1).width = 18;
  ws.getColumn(2).width = 70;
  for (let c = 3; c <= 10; c++) ws.getColumn(c).width = 12;

  const severities = countBy(ctx.findings.map((f) => f.severity), ['error', 'warning', 'note'] as Severity[]);
  const statuses = countBy(ctx.review.annotations.map((a) => a.status), ['open', 'resolved', 'wont-fix'] as AnnotationStatus[]);
  const decided = ctx.findings.map((f) => ctx.decisions.get(f.id)?.decision ?? 'pending');
  const decisions = countBy(decided, ['pending', 'confirmed', 'dismissed'] as const);
  const reviewed = new Set(ctx.review.reviewedTables);
  const { source } = ctx.document;

  const pairs: [string, string | number][] = [
    ['源文件', meta.fileName],
    ['SHA-256', source.sha256],
    ['页数', source.pages],
    ['表格数', ctx.document.tables.length],
    ['导出时间', `${formatTime(meta.exportedAt.getTime())}（北京时间）`],
    ['工具版本', meta.toolVersion],
    ['更正单元格', ctx.corrected.size],
    ['修改记录', `${ctx.review.edits.length} 条`],
    [
      '批注',
      `${ctx.review.annotations.length} 条（${(Object.keys(statuses) as AnnotationStatus[]).map((s) => `${STATUS_LABELS[s]} ${statuses[s]}`).join('，')}）`,
    ],
    [
      '自动检查问题',
      `${ctx.findings.length} 条（${(Object.keys(severities) as Severity[]).map((s) => `${SEVERITY_LABELS[s]} ${severities[s]}`).join('，')}）`,
    ],
    ['问题处理', `已确认 ${decisions.confirmed}，已忽略 ${decisions.dismissed}，待处理 ${decisions.pending}`],
    ['已复核表格', `${ctx.document.tables.filter((t) => reviewed.has(t.id)).length} / ${ctx.document.tables.length}`],
  ];
  const title = ws.getCell(1, 1);
  title.value = '校对导出说明';
  title.style = STYLES.title;
  ws.getRow(1).height = 26;
  let r = 3;
  for (const [label, value] of pairs) {
    ws.getCell(r, 1).value = label;
    ws.getCell(r, 1).style = STYLES.label;
    ws.getCell(r, 2).value = value;
    ws.getCell(r, 2).style = STYLES.value;
    r++;
  }

  r++;
  ws.getCell(r, 1).value = '颜色说明';
  ws.getCell(r, 1).style = STYLES.label;
  r++;
  const legend: [typeof CORRECTED_FILL, string][] = [
    [CORRECTED_FILL, '已更正的单元格：数值为更正后的值，单元格批注中有原印刷值、修改人和修改时间'],
    [ANNOTATED_FILL, '有审核批注的单元格：批注内容见单元格批注及“问题清单”表'],
  ];
  for (const [fill, text] of legend) {
    ws.getCell(r, 1).style = { fill, border: BORDER };
    ws.getCell(r, 2).value = text;
    ws.getCell(r, 2).style = STYLES.value;
    r++;
  }
  ws.getCell(r, 2).value = '金额均为数值（非公式），单位以各表“单位”为准；时间均为北京时间。';
  ws.getCell(r, 2).style = STYLES.value;
  r += 2;

  ws.getCell(r, 1).value = '表格目录';
  ws.getCell(r, 1).style = STYLES.label;
  r++;
  const headers = ['序号', '表名', '表号', '页码', '行数', '已复核', '更正', '批注', '问题'];
  headers.forEach((h, c) => {
    const cell = ws.getCell(r, c + 1);
    cell.value = h;
    cell.style = STYLES.listHeader;
  });
  r++;
  ctx.document.tables.forEach((t, i) => {
    const layout = ctx.layouts.get(t.id);
    const keys = (k: string): boolean => k.startsWith(`${t.id}:`);
    const corrected = [...ctx.corrected].filter(keys).length;
    const annotations = ctx.review.annotations.filter((a) => (a.target.kind === 'cell' ? a.target.cell.tableId : a.target.kind === 'range' ? a.target.tableId : null) === t.id).length;
    const findings = ctx.findings.filter((f) => f.cells.some((c) => c.table === t.id)).length;
    const values: (string | number)[] = [
      i + 1,
      t.title ?? t.code ?? t.id,
      t.code ?? '',
      t.pages[0] === t.pages[1] ? `${t.pages[0]}` : `${t.pages[0]}–${t.pages[1]}`,
      t.rows.length,
      reviewed.has(t.id) ? '是' : '否',
      corrected,
      annotations,
      findings,
    ];
    values.forEach((v, c) => {
      const cell = ws.getCell(r, c + 1);
      if (c === 1 && layout) {
        cell.value = { text: String(v), hyperlink: internalLink(layout.sheet, 'A1') };
        cell.style = STYLES.listLink;
      } else {
        cell.value = v;
        cell.style = STYLES.listText;
      }
    });
    r++;
  });
}
