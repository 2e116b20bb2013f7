/**
 * Recognises the lines printed around a table that describe it rather than belong to it: the
 * title, the table code (预算01表 / 公开03表), 部门名称：…, 单位：万元 above, and footnotes below.
 */

const CODE = /^(?:(?:预算|决算|公开|部门|收支)?\s*[0-9０-９]{1,2}(?:\s*[-－—]\s*[0-9０-９]{1,2})?\s*表|附表\s*[0-9０-９]{1,2}(?:\s*[-－—]\s*[0-9０-９]{1,2})?|表\s*[0-9０-９]{1,2})$/;
const UNIT = /^(?:金额)?单位\s*[:：]\s*(亿元|万元|千元|元)\s*$/;
const DEPARTMENT = /^(?:\d{4}\s*年度?\s*)?(?:部门名称|编制部门|编制单位|单位名称|预算单位|预算部门|主管部门|填报单位|部门|单位)\s*[:：]\s*(.+)$/;
const NOTE_START = /^(?:注|备注|说明)\s*[:：0-9０-９.、]|^(?:注|备注)\s|^\*/;
const EMPTY_NOTE = /本表无数据|无数据|空表|不涉及|没有(?:使用)?.{0,30}(?:支出|收入|数据|经费|资金)|无.{0,12}(?:支出|收入)[，。]/;
const TITLE_WORDS = /表$|预算|决算|经费|情况|目标|明细|汇总|总表/;
/** A year heading like (2025年度) that belongs to the title block. */
const SUBTITLE = /^[(（]\s*\d{4}\s*年度?\s*[)）]$/;
/** A line that is just a page number. */
const PAGE_NUMBER = /^(?:[-—–\s]*[0-9０-９]{1,4}[-—–\s]*|第\s*[0-9０-９]+\s*页(?:\s*[，,]?\s*共\s*[0-9０-９]+\s*页)?|[0-9０-９]+\s*\/\s*[0-9０-９]+)$/;

export function matchCode(text: string): string | null {
  const t = text.replace(/\s+/g, '');
  return CODE.test(t) ? t : null;
}

export function matchUnit(text: string): string | null {
  return UNIT.exec(text.trim())?.[1] ?? null;
}

export function matchDepartment(text: string): string | null {
  const t = text.trim();
  if (UNIT.test(t)) return null;
  const value = DEPARTMENT.exec(t)?.[1]?.trim();
  return value ? value : null;
}

/** An organisation's name printed alone (often after its code): 853保定市莲池区医疗保障局. */
const ORGANISATION = /^(?:\d{3,9}\s*)?[\u4e00-\u9fff（）()]{3,40}?(?:局|委员会|办公室|办事处|中心|政府|委|院|所|站|厅|部|队|馆|会|处|室)(?:本级|机关)?$/;

export function matchOrganisation(text: string): string | null {
  const t = text.replace(/\s+/g, '');
  return ORGANISATION.test(t) && !/表$/.test(t) ? t : null;
}

export function isNoteStart(text: string): boolean {
  const t = text.trim();
  return NOTE_START.test(t) || EMPTY_NOTE.test(t);
}

export function isSubtitle(text: string): boolean {
  return SUBTITLE.test(text.replace(/\s+/g, ''));
}

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

/** How much a line looks like a table title (higher is more). 0: not a title. */
export function titleScore(text: string, fontSize: number, bodyFontSize: number, centred: boolean): number {
  const t = text.replace(/\s+/g, '');
  if (!t || t.length > 50 || /[。；]$/.test(t) || matchCode(t) || matchUnit(t) || matchDepartment(t)) return 0;
  let score = 0;
  if (TITLE_WORDS.test(t)) score += 2;
  if (fontSize > bodyFontSize * 1.12) score += 2;
  if (centred) score += 1;
  if (/^\d{4}年/.test(t)) score += 1;
  return score;
}
