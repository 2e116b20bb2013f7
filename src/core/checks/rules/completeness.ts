/**
 * Completeness: the tables a publication must disclose are present (预算: the nine national
 * tables; 决算: 公开01–09表), an empty table says why, and a note claiming the table is empty is
 * not printed under figures.
 */
import type { Finding } from '../model';
import type { RecognizedTable } from '../recognize';
import type { TableType } from '../recognize/table-type';
import { TABLE_TYPE_TITLES } from '../recognize/table-type';
import { pageRanges } from '../../text/page-ranges';
import { squash } from '../text';
import type { CheckContext, Rule, RuleResult } from './context';
import { cellOf, makeFinding, tableKey } from './context';

const MANDATORY: Record<'预算' | '决算', readonly TableType[]> = {
  预算: ['summary', 'income', 'expense', 'fiscal-summary', 'general-expense', 'general-basic', 'three-public', 'gov-fund', 'state-capital'],
  决算: ['summary', 'income', 'expense', 'fiscal-summary', 'general-expense', 'general-basic', 'gov-fund', 'state-capital', 'three-public'],
};

/** Tables whose figures may legitimately all be zero, with the words that name their topic. */
const TOPIC: Partial<Record<TableType, RegExp>> = {
  'gov-fund': /政府性基金/,
  'state-capital': /国有资本经营/,
  'three-public': /三公/,
  procurement: /政府采购/,
  project: /项目支出|项目/,
  assets: /资产/,
  'admin-cost': /机关(\(机构\))?运行经费/,
};

const EXPLAINS_EMPTY = /无|没有|未安排|不涉及|空表|为空|无数据|未发生|不存在|未使用/;
const CLAIMS_EMPTY = /空表|本表无数据|故本表为空|本表为空|无数据|空表列示/;

function standardTables(tables: readonly RecognizedTable[]): RecognizedTable[] {
  return tables.filter((t) => t.type !== 'other' && t.type !== 'performance');
}

function runMandatory(ctx: CheckContext): RuleResult {
  const kind = ctx.rd.kind;
  if (!kind) return { findings: [], checked: 0, notRun: '无法判断是预算还是决算公开' };
  const findings: Finding[] = [];
  let checked = 0;
  for (const group of ctx.rd.groups) {
    const tables = standardTables(ctx.rd.tables.filter((t) => t.group === group));
    if (tables.length < 3) continue;
    for (const type of MANDATORY[kind]) {
      checked++;
      if (tables.some((t) => t.type === type)) continue;
      findings.push(
        makeFinding({
          rule: 'completeness.mandatory',
          kind: 'completeness',
          severity: 'warning',
          message: `${group === 'doc' ? '' : `「${group.replace('·', '').replace('|', ' ')}」`}未找到${TABLE_TYPE_TITLES[type]}：${kind}公开应包含此表（若已公开，可能是标题未能识别）。`,
          location: ['mandatory', group, type],
        }),
      );
    }
  }
  return checked === 0 ? { findings, checked, notRun: '未识别到成套的公开表格' } : { findings, checked };
}

function runEmpty(ctx: CheckContext): RuleResult {
  const findings: Finding[] = [];
  let checked = 0;
  const narrative = ctx.narrative.text;
  for (const t of ctx.rd.tables) {
    if (t.type === 'other' || t.type === 'performance' || t.blocks.length === 0) continue;
    const notes = squash(t.table.notes.join(''));
    const cellsText = squash(
      t.table.rows
        .flat()
        .map((c) => c?.text ?? '')
        .join(''),
    );
    checked++;
    if (t.empty) {
      const topic = TOPIC[t.type];
      const noted = EXPLAINS_EMPTY.test(notes) || /^无$|本表无/.test(cellsText) || /无数据|空表/.test(cellsText);
      const narrated =
        topic !== undefined &&
        narrative.split(/[。\n]/).some((s) => topic.test(s) && /没有|无|未安排|不涉及|为0|为零|0万元/.test(s));
      if (!noted && !narrated) {
        findings.push(
          makeFinding({
            rule: 'completeness.empty-tables',
            kind: 'completeness',
            severity: 'warning',
            message: `${t.name}没有数字，表下和正文均未说明原因（应注明“本部门无…，故本表无数据”等）。`,
            location: [tableKey(t), 'empty-unexplained'],
            cells: t.table.rows[0]?.[0] ? [cellOf(t, 0, 0)] : [],
          }),
        );
      }
    } else if (CLAIMS_EMPTY.test(notes)) {
      const note = t.table.notes.find((n) => CLAIMS_EMPTY.test(squash(n))) ?? '';
      const filled = t.blocks.flatMap((b) => b.rows).find((r) => [...r.values.values()].some((v) => v !== null && v !== 0));
      findings.push(
        makeFinding({
          rule: 'completeness.empty-tables',
          kind: 'completeness',
          severity: 'warning',
          message: `${t.name}的表注写“${note.trim()}”，但表中有数字，表注与内容矛盾（可能是模板残留）。`,
          location: [tableKey(t), 'claims-empty'],
          cells: filled ? [...filled.values.entries()].filter(([, v]) => v !== null && v !== 0).slice(0, 3).map(([c]) => cellOf(t, filled.row, c)) : [],
          expected: '删除“空表”说明或核对表中数字',
          actual: note.trim(),
        }),
      );
    }
  }
  return checked === 0 ? { findings, checked, notRun: '没有可检查的表格' } : { findings, checked };
}

function runImagePages(ctx: CheckContext): RuleResult {
  const { source, tables, narrative } = ctx.rd.doc;
  if (source.format !== undefined && source.format !== 'pdf') return { findings: [], checked: 0, notRun: '不是 PDF 文件' };
  if (source.pages === 0 || (tables.length === 0 && narrative.length === 0)) return { findings: [], checked: 0, notRun: '文档中没有提取到任何内容' };
  const pages = source.imageOnlyPages ?? [];
  if (pages.length === 0) return { findings: [], checked: source.pages };
  const finding = makeFinding({
    rule: 'completeness.image-pages',
    kind: 'completeness',
    severity: 'warning',
    message: `第 ${pageRanges(pages)} 页只有图片、没有文字层（可能是扫描件，或以图片粘贴的表格）：这些页上的表格和文字未能提取，也未经任何核对，请人工校对。`,
    location: ['image-pages', pages.join(',')],
    actual: `${pages.length} 页`,
  });
  return { findings: [finding], checked: source.pages };
}

const OCR_REASONS: Record<string, string> = {
  'low-probability': '字符置信度低',
  'ambiguous-character': '有易混字符',
  'separator-groups': '千分位分组不对',
  'decimal-places': '小数位数不对',
  'foreign-character': '数字中有非数字字符',
};

/**
 * Cells read by OCR whose characters are uncertain: each one is a warning at the cell, so the
 * next-finding key visits it and a clerk compares it with the page before trusting any sum.
 */
function runOcrUncertain(ctx: CheckContext): RuleResult {
  const { source, tables } = ctx.rd.doc;
  const ocrPages = source.ocr?.pages ?? [];
  if (ocrPages.length === 0) return { findings: [], checked: 0, notRun: '没有由 OCR 识别的页面' };
  const findings: Finding[] = [];
  let checked = 0;
  for (const table of tables) {
    table.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (cell?.source?.kind !== 'ocr' || !cell.text) return;
        checked++;
        if (!cell.source.flagged) return;
        const why = (cell.source.reasons ?? []).map((x) => OCR_REASONS[x] ?? x).join('、') || '识别不确定';
        findings.push(
          makeFinding({
            rule: 'completeness.ocr-uncertain',
            kind: 'completeness',
            severity: 'warning',
            message: `第 ${cell.page} 页「${table.title ?? table.id}」OCR 识别的“${cell.text}”不确定（${why}，置信度 ${cell.source.confidence.toFixed(2)}）：请对照原页核对。`,
            location: ['ocr-uncertain', table.title ?? table.id, cell.page, r, c],
            cells: [{ table: table.id, row: r, col: c }],
            actual: cell.text,
          }),
        );
      });
    });
  }
  return { findings, checked: Math.max(checked, 1) };
}

export const mandatoryTablesRule: Rule = { id: 'completeness.mandatory', title: '必须公开的表格齐全', kind: 'completeness', run: runMandatory };
export const emptyTablesRule: Rule = { id: 'completeness.empty-tables', title: '空表注明原因，表注与内容一致', kind: 'completeness', run: runEmpty };
export const imagePagesRule: Rule = { id: 'completeness.image-pages', title: '每一页都有可读文字（没有只含图片的扫描页）', kind: 'completeness', run: runImagePages };
export const ocrUncertainRule: Rule = { id: 'completeness.ocr-uncertain', title: 'OCR 识别不确定的单元格已逐一核对', kind: 'completeness', run: runOcrUncertain };
