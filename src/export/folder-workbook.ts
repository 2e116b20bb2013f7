/**
 * The whole-folder workbook: 文件 (each file with its identity, status and counts), 文件关系 (the
 * relations and whether they ran) and 全部问题 (every finding of every file and every
 * cross-document finding, one list a clerk can sort and filter). Data in, bytes out; no file I/O.
 */
import ExcelJS from 'exceljs';
import type { Finding, Severity } from '../core/checks/model';
import type { DocIdentity } from '../core/folder/identity';
import type { CrossFinding, RelationResult } from '../core/folder/model';
import { relationTitle } from '../core/folder/relations';
import type { ExtractedDocument } from '../core/model';
import { amountValue } from './issues-sheet';
import { KIND_LABELS, SEVERITY_LABELS } from './labels';
import { writeList, type ListValue } from './list-sheet';

export interface FolderWorkbookInput {
  folder: string;
  documents: { file: string; identity: DocIdentity; error: string | null; findings: Finding[]; doc: ExtractedDocument | null }[];
  relations: RelationResult[];
  findings: CrossFinding[];
  exportedAt: Date;
}

export const FOLDER_FILES_SHEET = '文件';
export const FOLDER_RELATIONS_SHEET = '文件关系';
export const FOLDER_FINDINGS_SHEET = '全部问题';

const ORDER: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

function docLocation(doc: ExtractedDocument | null, f: Finding): string {
  if (!doc) return '';
  const parts: string[] = [];
  for (const c of f.cells.slice(0, 3)) {
    const t = doc.tables.find((x) => x.id === c.table);
    const page = t?.rows[c.row]?.[c.col]?.page ?? t?.pages[0];
    parts.push(`${t?.title ?? c.table}${page ? ` 第${page}页` : ''}`);
  }
  for (const n of f.narrative.slice(0, 2)) parts.push(`正文第${doc.narrative[n.block]?.page ?? '?'}页`);
  return [...new Set(parts)].join('；');
}

function crossLocation(f: CrossFinding): string {
  const parts = f.cells.map((c) => `${c.file}：${c.tableTitle}${c.page ? ` 第${c.page}页` : ''}`);
  for (const n of f.narrative) parts.push(`${n.file}：正文${n.page ? `第${n.page}页` : ''}`);
  return [...new Set(parts)].slice(0, 6).join('；');
}

export async function buildFolderWorkbook(input: FolderWorkbookInput): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'budget-proofreader';
  wb.created = input.exportedAt;
  const count = (list: readonly { severity: Severity }[], s: Severity): number => list.filter((f) => f.severity === s).length;
  writeList(
    wb,
    FOLDER_FILES_SHEET,
    [
      { header: '文件', width: 40 },
      { header: '部门', width: 28 },
      { header: '单位', width: 24 },
      { header: '年度', width: 7 },
      { header: '类型', width: 10 },
      { header: '状态', width: 30 },
      { header: '错误', width: 7 },
      { header: '警告', width: 7 },
      { header: '提示', width: 7 },
    ],
    input.documents.map((d) => [
      d.file,
      d.identity.department ?? '',
      d.identity.unit ?? '',
      d.identity.year ?? '',
      `${d.identity.scope ?? ''}${d.identity.kind ?? ''}`,
      d.error ?? '已检查',
      count(d.findings, 'error'),
      count(d.findings, 'warning'),
      count(d.findings, 'note'),
    ]),
  );
  writeList(
    wb,
    FOLDER_RELATIONS_SHEET,
    [
      { header: '关系', width: 18 },
      { header: '文件一', width: 40 },
      { header: '文件二', width: 40 },
      { header: '来源', width: 8 },
      { header: '状态', width: 8 },
      { header: '比对处数', width: 9 },
      { header: '说明', width: 50 },
    ],
    input.relations.map((r) => [relationTitle(r.kind), r.files[0], r.files[1], r.source === 'manual' ? '手动' : '自动', r.status === 'checked' ? '已比对' : '未运行', r.checked, r.reason ?? '']),
  );
  const rows: { severity: Severity; row: ListValue[] }[] = [];
  for (const f of input.findings) {
    rows.push({ severity: f.severity, row: [f.documents.join(' ↔ '), '跨文件', relationTitle(f.rule.replace(/^folder\./, '') as RelationResult['kind']), SEVERITY_LABELS[f.severity], f.message, crossLocation(f), amountValue(f.expected), amountValue(f.actual), amountValue(f.difference), f.rule] });
  }
  for (const d of input.documents) {
    for (const f of d.findings) rows.push({ severity: f.severity, row: [d.file, '单文件', KIND_LABELS[f.kind] ?? f.kind, SEVERITY_LABELS[f.severity], f.message, docLocation(d.doc, f), amountValue(f.expected), amountValue(f.actual), amountValue(f.difference), f.rule] });
  }
  rows.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  writeList(
    wb,
    FOLDER_FINDINGS_SHEET,
    [
      { header: '序号', width: 6 },
      { header: '文件', width: 36 },
      { header: '范围', width: 8 },
      { header: '类别', width: 14 },
      { header: '严重程度', width: 9 },
      { header: '问题说明', width: 60 },
      { header: '位置', width: 40 },
      { header: '应为', width: 14 },
      { header: '实为', width: 14 },
      { header: '差额', width: 12 },
      { header: '规则', width: 24 },
    ],
    rows.map((r, i) => [i + 1, ...r.row]),
  );
  const buffer = await wb.xlsx.writeBuffer();
  return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
}
