/**
 * 问题清单: every automatic finding (with the reviewer's decision) and every annotation, each
 * located by a link to the cell it is about.
 */
import type { Workbook } from 'exceljs';
import type { Finding, Severity } from '../core/checks/model';
import type { Annotation } from '../core/review/model';
import { columnLetter, locate, type ExportContext, type Location } from './context';
import { CATEGORY_LABELS, DECISION_LABELS, KIND_LABELS, SEVERITY_LABELS, STATUS_LABELS } from './labels';
import { writeList, type ListColumn, type ListValue } from './list-sheet';
import { formatTime } from './time';

export const ISSUES_SHEET = '问题清单';

const COLUMNS: ListColumn[] = [
  { header: '序号', width: 6 },
  { header: '来源', width: 10 },
  { header: '类别', width: 12 },
  { header: '严重程度', width: 9 },
  { header: '问题说明', width: 50 },
  { header: '位置', width: 40 },
  { header: '涉及单元格', width: 22 },
  { header: '应为', width: 12 },
  { header: '实为', width: 12 },
  { header: '差额', width: 10 },
  { header: '状态', width: 10 },
  { header: '处理人/作者', width: 12 },
  { header: '处理时间', width: 17 },
  { header: '处理说明/回复', width: 40 },
  { header: '规则/关联问题', width: 18 },
];

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

function quote(ctx: ExportContext, block: number, start: number, end: number): string {
  const text = ctx.document.narrative[block]?.text.slice(start, end) ?? '';
  const short = Array.from(text).length > 40 ? `${Array.from(text).slice(0, 40).join('')}…` : text;
  return `正文第 ${block + 1} 段：「${short}」`;
}

function locationValue(loc: Location): ListValue {
  return { text: `${loc.sheet}!${loc.address}${loc.description ? `（${loc.description}）` : ''}`, link: loc.link };
}

/**
 * 应为 / 实为 / 差额 as numbers a clerk can sort and filter, shown like the table sheets
 * (#,##0.00; more decimals when a 元 figure is quoted in 万元).
 */
export function amountValue(decimal: string | null): ListValue {
  if (decimal === null) return '';
  const plain = decimal.replace(/,/g, '');
  const m = /^-?\d+(?:\.(\d+))?$/.exec(plain);
  if (!m) return decimal;
  const decimals = Math.max(2, m[1]?.length ?? 0);
  return { amount: Number(plain), numFmt: `#,##0.${'0'.repeat(decimals)}` };
}

function findingRow(ctx: ExportContext, f: Finding, n: number): ListValue[] {
  const locations = f.cells.map((c) => locate(ctx, c.table, c.row, c.col));
  const first = locations.find((l): l is Location => l !== null);
  let where: ListValue = '';
  if (first) where = locationValue(first);
  else if (f.narrative[0]) where = quote(ctx, f.narrative[0].block, f.narrative[0].start, f.narrative[0].end);
  else if (f.cells[0]) where = `表格 ${f.cells[0].table} 第 ${f.cells[0].row + 1} 行第 ${f.cells[0].col + 1} 列（未导出）`;
  const involved = locations.map((l, i) => (l ? `${l.sheet}!${l.address}` : `${f.cells[i]!.table}:${f.cells[i]!.row + 1}:${f.cells[i]!.col + 1}`));
  const decision = ctx.decisions.get(f.id);
  return [
    n,
    '自动检查',
    KIND_LABELS[f.kind],
    SEVERITY_LABELS[f.severity],
    f.message,
    where,
    involved.join('、'),
    amountValue(f.expected),
    amountValue(f.actual),
    amountValue(f.difference),
    DECISION_LABELS[decision?.decision ?? 'pending'],
    decision?.by ?? '',
    decision ? formatTime(decision.at) : '',
    decision?.reason ?? '',
    f.rule,
  ];
}

function annotationRow(ctx: ExportContext, a: Annotation, n: number): ListValue[] {
  const t = a.target;
  let where: ListValue = '';
  let involved = '';
  switch (t.kind) {
    case 'cell': {
      const loc = locate(ctx, t.cell.tableId, t.cell.row, t.cell.col);
      where = loc ? locationValue(loc) : `${t.anchor.tableTitle} ${t.anchor.rowLabel} ${t.anchor.columnHeader}（未找到该单元格）`.trim();
      involved = loc ? `${loc.sheet}!${loc.address}` : '';
      break;
    }
    case 'range': {
      const loc = locate(ctx, t.tableId, t.rows[0], t.cols[0]);
      const end = loc ? `${columnLetter(t.cols[1] + 1)}${ctx.layouts.get(t.tableId)!.bodyStart + t.rows[1]}` : '';
      where = loc ? locationValue(loc) : `${t.anchor.tableTitle}（未找到该区域）`;
      involved = loc ? `${loc.sheet}!${loc.address}:${end}` : '';
      break;
    }
    case 'narrative':
      where = quote(ctx, t.block, t.start, t.end);
      break;
    case 'page-rect':
      where = `PDF 第 ${t.page} 页（框选区域）`;
      break;
    default: {
      const never: never = t;
      throw new Error(`unhandled target ${String(never)}`);
    }
  }
  const replies = a.replies.map((r) => `${r.author || '（未署名）'}（${formatTime(r.at)}）：${r.text}`).join('\n');
  return [
    n,
    '人工批注',
    CATEGORY_LABELS[a.category],
    '',
    a.text,
    where,
    involved,
    '',
    '',
    '',
    STATUS_LABELS[a.status],
    a.author,
    formatTime(a.updatedAt),
    replies,
    a.findingId ?? '',
  ];
}

export function writeIssuesSheet(wb: Workbook, ctx: ExportContext): void {
  const findings = ctx.findings.map((f, i) => ({ f, i })).sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i);
  const annotations = ctx.review.annotations.slice().sort((a, b) => a.createdAt - b.createdAt);
  const rows: ListValue[][] = [];
  for (const { f } of findings) rows.push(findingRow(ctx, f, rows.length + 1));
  for (const a of annotations) rows.push(annotationRow(ctx, a, rows.length + 1));
  writeList(wb, ISSUES_SHEET, COLUMNS, rows);
}
