/**
 * Recognises the lines printed around a disclosure table — its code (预算01表), department
 * (部门名称：…), unit (单位：万元), year (预算年度：2025), title, and footnotes (注：…) — whether
 * they are paragraphs above a Word table or rows above a spreadsheet's header. Codes, units,
 * departments and note starts are matched exactly as the PDF extractor matches them.
 */
import { isNoteStart, matchCode, matchDepartment, matchUnit } from './heading';

export interface TableAttributes {
  title?: string;
  code?: string;
  department?: string;
  unit?: string;
  /** 预算年度：2025, 截止时间：2025-12-31 — printed with the heading; recognised, not in the model */
  meta?: string[];
}

/** Labelled heading fields that are neither department nor unit. */
const META = /^(?:预算年度|决算年度|年度|截止时间|截至时间|截止日期|截至日期|统计时间|编制时间|填报时间)\s*[:：]\s*\S/;
const YEAR_ONLY = /^[（(]?\s*\d{4}\s*年度?\s*[）)]?$/;
/** "（单位：万元）" and "单位:万元" as some producers print them */
const UNIT_LOOSE = /^[（(]\s*(?:金额)?单位\s*[:：]\s*(亿元|万元|千元|元)\s*[）)]$/;
/** Organisation names end like this (保定市莲池区医疗保障局, …办公室, …委员会, …局本级). */
const ORG_NAME = /(?:局|委员会|委|办公室|办事处|中心|院|所|站|队|处|厅|部|会|馆|校|学|公司|政府|团|社|室|署|库|场)(?:本级|[（(]本级[）)])?$/;
/** A note continued on its own line: "2. 按照…", "（2）…" */
const NOTE_CONTINUATION = /^(?:[0-9０-９]{1,2}\s*[.、．]|[（(][0-9０-９]{1,2}[）)])/;
const CONTINUATION = /^[（(]?\s*续表?\s*[\d一二三四五六七八九十]*\s*[）)]?$/;

/** Splits a printed line where the author spaced fields apart ("部门名称：XX局      单位：万元"). */
export function splitFields(text: string): string[] {
  return text
    .split(/\t|\u3000+|\s{2,}/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Remarks about the table itself ("本表仅含当年财政拨款安排的支出。"), besides the PDF note starts. */
const TABLE_REMARK = /^[（(]?\s*(?:本表|此表|该表)/;

export function isNoteText(text: string): boolean {
  return isNoteStart(text) || TABLE_REMARK.test(text.trim());
}

export function isNoteContinuation(text: string): boolean {
  return NOTE_CONTINUATION.test(text.trim());
}

export function isContinuationMarker(text: string): boolean {
  return CONTINUATION.test(text.trim());
}

export function isTableCode(text: string): boolean {
  return matchCode(text) !== null;
}

/** One field's meaning, or undefined when the field is not a table attribute. */
export function classifyField(field: string, allowBareOrg: boolean): TableAttributes | undefined {
  const text = field.trim();
  if (!text) return {};
  const code = matchCode(text);
  if (code) return { code };
  const unit = matchUnit(text) ?? UNIT_LOOSE.exec(text)?.[1];
  if (unit) return { unit };
  if (META.test(text) || YEAR_ONLY.test(text)) return { meta: [text] };
  const department = matchDepartment(text);
  if (department) return { department };
  if (allowBareOrg && ORG_NAME.test(text) && text.length <= 40 && !/[：:]/.test(text)) return { department: text };
  return undefined;
}

/** Merges attributes, keeping the first value seen for each field (meta lines accumulate). */
export function mergeAttributes(into: TableAttributes, from: TableAttributes): void {
  for (const k of ['title', 'code', 'department', 'unit'] as const) {
    const v = from[k];
    if (into[k] === undefined && v !== undefined) into[k] = v;
  }
  if (from.meta?.length) into.meta = [...(into.meta ?? []), ...from.meta];
}

/**
 * Reads fields as attributes. Returns undefined unless every field is an attribute; a bare
 * organisation name counts only beside another attribute field
 * ("853保定市莲池区医疗保障局 | 预算年度：2025 | 单位：万元").
 */
export function parseAttributeFields(fields: readonly string[]): TableAttributes | undefined {
  const nonEmpty = fields.map((f) => f.trim()).filter(Boolean);
  if (nonEmpty.length === 0) return undefined;
  const strict = nonEmpty.map((f) => classifyField(f, false));
  const anyAttribute = strict.some((a) => a !== undefined);
  const out: TableAttributes = {};
  for (let i = 0; i < nonEmpty.length; i++) {
    const attrs = strict[i] ?? (anyAttribute ? classifyField(nonEmpty[i]!, true) : undefined);
    if (!attrs) return undefined;
    mergeAttributes(out, attrs);
  }
  return out;
}

export function parseAttributeLine(text: string): TableAttributes | undefined {
  // Fields are usually spaced apart; some producers separate them by a single space.
  return parseAttributeFields(splitFields(text)) ?? parseAttributeFields(text.split(/\s+/));
}

/**
 * A table title: a short line that is not a sentence, a note or a number
 * ("2025年部门收支预算表", "部门机构设置情况", "1、城乡医疗救助绩效目标表").
 */
export function looksLikeTitle(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 60) return false;
  if (!/[\u4e00-\u9fa5]/.test(t)) return false;
  if (/[。；;：:，,]$/.test(t)) return false;
  if (isNoteText(t) || isContinuationMarker(t)) return false;
  return true;
}

/**
 * A title line that may carry attribute fields beside the title
 * ("预算01表    2025年部门收支预算表"): the title and the attributes, or undefined.
 */
export function parseTitleLine(text: string): { title: string; attributes: TableAttributes } | undefined {
  const attributes: TableAttributes = {};
  const rest: string[] = [];
  for (const field of splitFields(text)) {
    const attrs = classifyField(field, false);
    if (attrs && Object.keys(attrs).length) mergeAttributes(attributes, attrs);
    else rest.push(field);
  }
  const title = rest.join(' ');
  return rest.length && looksLikeTitle(title) ? { title, attributes } : undefined;
}
