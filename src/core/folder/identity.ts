/**
 * Who published a document and what it is: department, unit, year, kind (预算/决算) and scope
 * (部门 = the department's consolidated publication, 单位 = one unit's own). Read from the cover
 * lines of the narrative (预算主管部门：… / 预算单位：…, "区级部门预算"), the tables' titles and 部门名称
 * lines; the file name is the fallback (a file that could not be read still has a name).
 */
import { recognizeDocument } from '../checks/recognize';
import { squash } from '../checks/text';
import type { ExtractedDocument } from '../model';

export type DocKind = '预算' | '决算';
export type DocScope = '部门' | '单位';

export interface DocIdentity {
  /** the department (预算主管部门); for a unit publication the department it reports to, when printed, else its own name */
  department: string | null;
  /** the unit (预算单位) of a 单位 publication */
  unit: string | null;
  year: number | null;
  kind: DocKind | null;
  scope: DocScope | null;
  /** where the identity came from: the document's content or only its file name */
  from: 'content' | 'file-name';
}

/** Organisation name as written, without "名称：" prefixes, codes and spaces. */
export function orgKey(name: string | null | undefined): string | null {
  if (!name) return null;
  const s = squash(name)
    .replace(/^(部门名称|单位名称|编制部门|编制单位|预算单位|预算主管部门|主管部门|部门|单位)[:：]/, '')
    .replace(/^\d{3,9}/, '')
    .replace(/(本级|本部)$/, '')
    .replace(/[（(](部门|单位|本级|汇总)[)）]$/, '');
  return s || null;
}

function yearIn(text: string): number | null {
  const m = /(20\d{2})年/.exec(text);
  return m ? Number(m[1]) : null;
}

/** From a file name such as 上海市普陀区司法局26年单位预算.pdf or 2025年XX局部门决算.pdf. */
export function identityFromFileName(fileName: string): DocIdentity {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const s = squash(base);
  let year: number | null = null;
  let department: string | null = null;
  const long = /(20\d{2})年度?/.exec(s);
  const short = /(?<!\d)(\d{2})年度?/.exec(s);
  const m = long ?? short;
  if (m) {
    year = m[1]!.length === 4 ? Number(m[1]) : 2000 + Number(m[1]);
    const before = s.slice(0, m.index);
    const after = s.slice(m.index + m[0].length);
    const name = before.length >= 2 ? before : after.replace(/(部门|单位)?(预算|决算).*$/, '');
    department = orgKey(name.replace(/(部门|单位)$/, ''));
  }
  const kind: DocKind | null = /决算/.test(s) ? '决算' : /预算/.test(s) ? '预算' : null;
  const scope: DocScope | null = /单位(\d{2,4}年度?)?(预算|决算)|预算单位/.test(s) ? '单位' : kind ? '部门' : null;
  return { department, unit: scope === '单位' ? department : null, year, kind, scope, from: 'file-name' };
}

/** The publication's identity from its content (file name only where the content says nothing). */
export function identifyDocument(doc: ExtractedDocument, fileName?: string): DocIdentity {
  const rd = recognizeDocument(doc);
  const head = doc.narrative.slice(0, 12).map((b) => squash(b.text));
  let department: string | null = null;
  let unit: string | null = null;
  let scope: DocScope | null = null;
  for (const line of head) {
    const dept = /^(预算主管部门|主管部门|部门名称)[:：](.+)$/.exec(line);
    if (dept && !department) department = orgKey(dept[2]!);
    const u = /^(预算单位|单位名称)[:：](.+)$/.exec(line);
    if (u && !unit) unit = orgKey(u[2]!);
    if (!scope && /(区|市|县|省|级)?单位(预算|决算)$/.test(line)) scope = '单位';
    if (!scope && /部门(预算|决算)$/.test(line)) scope = '部门';
  }
  if (!scope) {
    // Table titles: 2025年预算单位财务收支预算总表 / 2025年部门收支预算总表.
    const titles = doc.tables.map((t) => squash(t.title ?? '').replace(/^\d{4}年度?/, ''));
    const unitTitles = titles.filter((t) => /^(预算)?单位/.test(t)).length;
    const deptTitles = titles.filter((t) => /^部门/.test(t)).length;
    if (unitTitles > deptTitles) scope = '单位';
    else if (deptTitles > 0) scope = '部门';
    else if (unit && !department) scope = '单位';
  }
  const fromTables = orgKey(rd.department);
  if (scope === '单位') {
    unit ??= fromTables;
    department ??= unit;
  } else {
    department ??= fromTables;
  }
  const year = rd.year ?? yearIn(head.join(''));
  const kind = rd.kind;
  const byName = fileName ? identityFromFileName(fileName) : null;
  return {
    department: department ?? byName?.department ?? null,
    unit: scope === '单位' ? (unit ?? byName?.unit ?? null) : null,
    year: year ?? byName?.year ?? null,
    kind: kind ?? byName?.kind ?? null,
    scope: scope ?? byName?.scope ?? '部门',
    from: 'content',
  };
}

/** 上海市普陀区司法局 2026年 单位预算（上海市普陀区司法局） */
export function describeIdentity(id: DocIdentity): string {
  const who = id.scope === '单位' && id.unit && id.unit !== id.department ? `${id.unit}（${id.department ?? '主管部门不明'}）` : (id.department ?? '部门不明');
  return `${who} ${id.year ?? '年度不明'}${id.year ? '年' : ''} ${id.scope ?? ''}${id.kind ?? ''}`;
}
