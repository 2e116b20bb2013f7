/**
 * Names and codes: the department's name printed the same everywhere (a near-variant such as
 * 中山区 for 中站区 is a slip); a code has one name throughout the document and, where the
 * catalogue knows the code, its standard name; one function class per row in 收支总表.
 */
import { functionClassByName, sameCodeName } from '../dictionary/catalogue';
import type { Finding, FindingCell, NarrativeSpan } from '../model';
import { spansOf } from '../narrative/text';
import { parsedNarrative } from './narrative';
import type { RecognizedTable } from '../recognize';
import { squash } from '../text';
import type { CheckContext, Rule, RuleResult } from './context';
import { cellOf, makeFinding, tableKey } from './context';

const ORG_SUFFIX = /(局|委员会|委|办公室|办事处|中心|院|站|所|队|馆|学校|医院|政府)$/;

interface Occurrence {
  cells: FindingCell[];
  spans: NarrativeSpan[];
  /** tables whose 部门名称 line prints the variant */
  headings: string[];
}

function departmentName(ctx: CheckContext): string | null {
  if (ctx.rd.department) return ctx.rd.department.replace(/本级$/, '');
  const m = /(预算主管部门|部门名称|单位名称|编制部门|编制单位)[:：]\s*([^\s，。]{4,30})/.exec(ctx.narrative.text);
  return m ? squash(m[2]!) : null;
}

/** Same-length strings differing in one character that is not an ordinal, a digit or a direction. */
function isNearVariant(candidate: string, canonical: string): boolean {
  if (candidate.length !== canonical.length || candidate === canonical) return false;
  let diffs = 0;
  for (let i = 0; i < canonical.length; i++) {
    if (candidate[i] === canonical[i]) continue;
    if (/[\d一二三四五六七八九十东西南北上下前后]/.test(candidate[i]!) && /[\d一二三四五六七八九十东西南北上下前后]/.test(canonical[i]!)) return false;
    diffs++;
  }
  if (diffs !== 1) return false;
  // The organisation type and the first characters (province/city) must agree.
  return candidate.slice(0, 2) === canonical.slice(0, 2) && candidate.slice(-2) === canonical.slice(-2);
}

function runDepartment(ctx: CheckContext): RuleResult {
  const canonical = departmentName(ctx);
  if (!canonical || canonical.length < 4) return { findings: [], checked: 0, notRun: '未识别到部门名称' };
  const variants = new Map<string, Occurrence>();
  let checked = 0;
  const note = (name: string): Occurrence => {
    let o = variants.get(name);
    if (!o) {
      o = { cells: [], spans: [], headings: [] };
      variants.set(name, o);
    }
    return o;
  };
  // Table cells (项目单位, unit rows, 部门名称 lines).
  for (const t of ctx.rd.tables) {
    const dept = t.table.department ? squash(t.table.department).replace(/^\d{3,9}/, '').replace(/本级$/, '') : '';
    if (dept) {
      checked++;
      if (isNearVariant(dept, canonical)) note(dept).headings.push(t.name);
    }
    t.table.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (!cell) return;
        const text = squash(cell.text).replace(/^\d{3,9}/, '').replace(/(本级|本部|机关)$/, '');
        if (text.length < 4 || text.length > 40 || !ORG_SUFFIX.test(text)) return;
        checked++;
        if (isNearVariant(text, canonical)) note(text).cells.push(cellOf(t, r, c));
      });
    });
  }
  // Narrative: every same-length window ending in the department's suffix.
  const text = ctx.narrative.text;
  const suffix = canonical.slice(-2);
  for (let i = text.indexOf(suffix); i >= 0; i = text.indexOf(suffix, i + 1)) {
    const start = i + suffix.length - canonical.length;
    if (start < 0) continue;
    const window = text.slice(start, i + suffix.length);
    if (window.includes('\n')) continue;
    checked++;
    if (isNearVariant(window, canonical)) note(window).spans.push(...spansOf(ctx.narrative, start, i + suffix.length));
  }
  const findings: Finding[] = [];
  for (const [name, o] of variants) {
    const count = o.cells.length + o.spans.length + o.headings.length;
    const where = o.headings.length > 0 ? `（含${o.headings.map((h) => `「${h}」`).join('、')}的部门名称行）` : '';
    findings.push(
      makeFinding({
        rule: 'naming.department',
        kind: 'naming',
        severity: 'warning',
        message: `单位名称不一致：有 ${count} 处写作“${name}”${where}，全文其余处为“${canonical}”，请核对是否笔误。`,
        location: ['department-variant', name],
        cells: o.cells,
        narrative: o.spans,
        expected: canonical,
        actual: name,
      }),
    );
  }
  return { findings, checked };
}

/** Names compared after squashing; a truncated or wrapped name (prefix) counts as the same. */
function sameOrTruncated(a: string, b: string): boolean {
  if (sameCodeName(a, b)) return true;
  const x = squash(a);
  const y = squash(b);
  return (x.length >= 4 && y.startsWith(x)) || (y.length >= 4 && x.startsWith(y));
}

function runCodeNames(ctx: CheckContext): RuleResult {
  const findings: Finding[] = [];
  let checked = 0;
  const names = new Map<string, { name: string; cells: FindingCell[]; spans: NarrativeSpan[] }[]>();
  const add = (code: string, name: string, cell: FindingCell | null, span: NarrativeSpan[] = []): void => {
    const list = names.get(code) ?? [];
    let entry = list.find((e) => sameOrTruncated(e.name, name));
    if (!entry) {
      entry = { name, cells: [], spans: [] };
      list.push(entry);
    }
    if (cell) entry.cells.push(cell);
    entry.spans.push(...span);
    names.set(code, list);
  };
  const catalogue = ctx.catalogue;
  const mismatches = new Map<string, { code: string; name: string; cells: FindingCell[] }>();
  const addCode = (t: RecognizedTable, code: string, name: string, row: number, col: number): void => {
    const label = name.replace(/\s+/g, '');
    if (!label || /^\d+$/.test(label)) return;
    checked++;
    add(code, label, cellOf(t, row, col));
    const standard = catalogue.entries.get(code);
    if (standard && !sameCodeName(standard, label)) {
      const key = `${code}|${squash(label)}`;
      const m = mismatches.get(key) ?? { code, name: label, cells: [] };
      m.cells.push(cellOf(t, row, col));
      mismatches.set(key, m);
    }
  };
  for (const t of ctx.rd.tables) {
    for (const b of t.blocks) {
      for (const r of b.rows) {
        if (r.kind !== 'code' || !r.code) continue;
        addCode(t, r.code, r.label, r.row, r.labelCol);
      }
    }
  }
  // Codes printed with names in the narrative: "医疗卫生与计划生育支出（210类）".
  const parsed = parsedNarrative(ctx);
  const seenSubjects = new Set<number>();
  for (const a of parsed.amounts) {
    const s = a.subject;
    if (!s || !s.code || seenSubjects.has(s.start)) continue;
    seenSubjects.add(s.start);
    const levels = [s.code.slice(0, 3), s.code.slice(0, 5), s.code.slice(0, 7)].slice(0, s.names.length);
    levels.forEach((code, i) => {
      const name = s.names[i];
      if (!name || code.length < 3 + 2 * i) return;
      const list = names.get(code);
      if (!list) return;
      checked++;
      add(code, name, null, spansOf(ctx.narrative, s.start, s.end));
    });
  }
  for (const [code, list] of names) {
    if (list.length < 2) continue;
    const total = list.reduce((a, e) => a + e.cells.length + e.spans.length, 0);
    findings.push(
      makeFinding({
        rule: 'naming.code-names',
        kind: 'naming',
        severity: 'warning',
        message: `科目编码 ${code} 在文中名称不一：${list.map((e) => `“${e.name}”（${e.cells.length + e.spans.length}处）`).join('、')}，共 ${total} 处。`,
        location: ['code-names', code],
        cells: list.flatMap((e) => e.cells),
        narrative: list.flatMap((e) => e.spans),
        expected: list[0]!.name,
        actual: list.slice(1).map((e) => e.name).join('、'),
      }),
    );
  }
  for (const m of mismatches.values()) {
    const standard = catalogue.entries.get(m.code)!;
    findings.push(
      makeFinding({
        rule: 'naming.code-names',
        kind: 'naming',
        severity: catalogue.official ? 'warning' : 'note',
        message: `科目编码 ${m.code} 印为“${m.name}”，${catalogue.source}中的名称为“${standard}”。`,
        location: ['code-standard-name', m.code, squash(m.name)],
        cells: m.cells,
        expected: standard,
        actual: m.name,
      }),
    );
  }
  // 收支总表 rows: one line per function class (a former class name beside the current one).
  for (const t of ctx.rd.tables) {
    if (t.type !== 'summary' && t.type !== 'fiscal-summary') continue;
    for (const b of t.blocks) {
      const byClass = new Map<string, { label: string; row: number; col: number }[]>();
      for (const r of b.rows) {
        if (r.kind !== 'item') continue;
        const cls = functionClassByName(r.core, catalogue);
        if (!cls) continue;
        checked++;
        const list = byClass.get(cls) ?? [];
        list.push({ label: r.label.replace(/\s+/g, ''), row: r.row, col: r.labelCol });
        byClass.set(cls, list);
      }
      for (const [cls, list] of byClass) {
        if (list.length < 2) continue;
        findings.push(
          makeFinding({
            rule: 'naming.code-names',
            kind: 'naming',
            severity: 'warning',
            message: `${t.name}中同一功能分类（${cls} ${catalogue.entries.get(cls) ?? ''}）出现 ${list.length} 行：${list.map((x) => `“${x.label}”`).join('、')}，其中可能含已停用的旧科目名称，请核对。`,
            location: [tableKey(t), 'duplicate-class', cls],
            cells: list.map((x) => cellOf(t, x.row, x.col)),
            expected: catalogue.entries.get(cls) ?? null,
            actual: list.map((x) => x.label).join('、'),
          }),
        );
      }
    }
  }
  return checked === 0 ? { findings, checked, notRun: '文中没有科目编码' } : { findings, checked };
}

export const departmentNameRule: Rule = {
  id: 'naming.department',
  title: '部门（单位）名称前后一致',
  kind: 'naming',
  run: runDepartment,
};

export const codeNamesRule: Rule = {
  id: 'naming.code-names',
  title: '同一科目编码名称一致，且与科目表相符',
  kind: 'naming',
  run: runCodeNames,
};
