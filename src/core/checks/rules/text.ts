/**
 * Text checks: unfilled template text (XX局, ××, 某某), doubled words and punctuation
 * (其中：其中：, 。。), outline numbering that skips or repeats (1、 3、 3、), and years that do
 * not match the publication (a 2026 budget comparing itself "比2026年预算", a table titled with
 * another year).
 */
import type { Finding, FindingCell, NarrativeSpan } from '../model';
import { spansOf } from '../narrative/text';
import { outlineOf, squash } from '../text';
import type { OutlineStyle } from '../text';
import type { CheckContext, Rule, RuleResult } from './context';
import { cellOf, makeFinding, tableKey } from './context';
import { parsedNarrative } from './narrative';

const TEMPLATE = /(?<![A-Za-z])(?:[XxＸｘ]{2,}|[×＊]{2,}|某某|〇〇|○○)(?![A-Za-z])/g;

function runTemplate(ctx: CheckContext): RuleResult {
  const findings: Finding[] = [];
  let checked = 0;
  const text = ctx.narrative.text;
  checked += text.length > 0 ? 1 : 0;
  const seen = new Map<string, { spans: NarrativeSpan[]; cells: FindingCell[]; sample: string }>();
  const record = (token: string, context: string): { spans: NarrativeSpan[]; cells: FindingCell[]; sample: string } => {
    const key = squash(context);
    let e = seen.get(key);
    if (!e) {
      e = { spans: [], cells: [], sample: context };
      seen.set(key, e);
    }
    return e;
  };
  TEMPLATE.lastIndex = 0;
  for (let m = TEMPLATE.exec(text); m; m = TEMPLATE.exec(text)) {
    const start = Math.max(0, m.index - 8);
    const end = Math.min(text.length, m.index + m[0].length + 8);
    const context = text.slice(start, end).replace(/\s+/g, '');
    record(m[0], context).spans.push(...spansOf(ctx.narrative, m.index, m.index + m[0].length));
  }
  for (const t of ctx.rd.tables) {
    const heading = [t.table.title ?? '', t.table.department ?? '', ...t.table.notes].join(' ');
    checked++;
    TEMPLATE.lastIndex = 0;
    const hm = TEMPLATE.exec(heading);
    if (hm) record(hm[0], `${t.name}：${heading.slice(Math.max(0, hm.index - 8), hm.index + hm[0].length + 8)}`);
    t.table.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell || !cell.text) return;
        TEMPLATE.lastIndex = 0;
        const m = TEMPLATE.exec(cell.text);
        if (m) record(m[0], cell.text.slice(0, 30)).cells.push(cellOf(t, r, c));
      }),
    );
  }
  for (const [key, e] of seen) {
    findings.push(
      makeFinding({
        rule: 'text.template',
        kind: 'naming',
        severity: 'error',
        message: `疑似未填写的模板文字：“${e.sample}”，请替换为实际内容。`,
        location: ['template', key],
        cells: e.cells,
        narrative: e.spans,
      }),
    );
  }
  return { findings, checked };
}

const DOUBLED_WORD = /([\u4e00-\u9fa5]{2,6}[：:，,、])\1/g;
const DOUBLED_PUNCT = /([。，；：、])\1+/g;

function runDuplicates(ctx: CheckContext): RuleResult {
  const findings: Finding[] = [];
  const text = ctx.narrative.text;
  if (!text.trim()) return { findings, checked: 0, notRun: '文件没有正文' };
  const occurrences = new Map<string, number>();
  for (const re of [DOUBLED_WORD, DOUBLED_PUNCT]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const around = text.slice(Math.max(0, m.index - 10), m.index + m[0].length + 6).replace(/\s+/g, '');
      const n = occurrences.get(m[0]) ?? 0;
      occurrences.set(m[0], n + 1);
      findings.push(
        makeFinding({
          rule: 'text.duplicates',
          kind: 'naming',
          severity: 'note',
          message: `正文“${around}”中“${m[1]}”重复。`,
          location: ['duplicate', m[0], n],
          narrative: spansOf(ctx.narrative, m.index, m.index + m[0].length),
          expected: m[1]!,
          actual: m[0],
        }),
      );
    }
  }
  return { findings, checked: 1 };
}

/**
 * Outline numbering per marker style. A list restarting at 1 nests inside the current item; a
 * number one past an outer level's closes the nested list. Anything else is a skip or repeat.
 */
function runNumbering(ctx: CheckContext): RuleResult {
  const findings: Finding[] = [];
  const text = ctx.narrative.text;
  if (!text.trim()) return { findings, checked: 0, notRun: '文件没有正文' };
  const stacks = new Map<OutlineStyle, number[]>();
  let checked = 0;
  const seen = new Map<string, number>();
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const lead = line.length - line.trimStart().length;
    const squashed = squash(line.slice(lead, lead + 12));
    const o = outlineOf(squashed);
    // Contents lines (…… page leaders) and table titles are not part of the outline.
    if (o && !/…{2,}|\.{4,}/.test(line) && o.ordinal > 0) {
      checked++;
      const stack = stacks.get(o.style) ?? [];
      stacks.set(o.style, stack);
      const current = stack[stack.length - 1];
      if (current === undefined || o.ordinal === current + 1) {
        if (current === undefined) stack.push(o.ordinal);
        else stack[stack.length - 1] = o.ordinal;
      } else if (o.ordinal === 1) {
        stack.push(1);
      } else {
        // Closing nested lists: an outer level continues.
        let resolved = false;
        for (let depth = stack.length - 2; depth >= 0; depth--) {
          if (o.ordinal === stack[depth]! + 1) {
            stack.length = depth + 1;
            stack[depth] = o.ordinal;
            resolved = true;
            break;
          }
        }
        if (!resolved) {
          const marker = squashed.slice(0, o.length);
          const heading = line.trim().slice(0, 24);
          const key = `${o.style}|${current}|${o.ordinal}`;
          const n = seen.get(key) ?? 0;
          seen.set(key, n + 1);
          findings.push(
            makeFinding({
              rule: 'text.numbering',
              kind: 'naming',
              severity: 'note',
              message:
                o.ordinal === current
                  ? `正文序号重复：“${heading}”与上一条同为第 ${o.ordinal} 条（${marker}）。`
                  : o.ordinal < current
                    ? `正文序号回退：“${heading}”（${marker}）出现在第 ${current} 条之后，可能有重复段落。`
                    : `正文序号不连续：第 ${current} 条之后是“${heading}”（${marker}），缺少中间序号。`,
              location: ['numbering', key, n],
              narrative: spansOf(ctx.narrative, lineStart + lead, Math.min(lineEnd, lineStart + lead + 24)),
              expected: String(current + 1),
              actual: String(o.ordinal),
            }),
          );
          stack[stack.length - 1] = o.ordinal;
        }
      }
    }
    lineStart = lineEnd + 1;
  }
  return checked === 0 ? { findings, checked, notRun: '正文没有编号标题' } : { findings, checked };
}

function runYears(ctx: CheckContext): RuleResult {
  const findings: Finding[] = [];
  const year = ctx.rd.year;
  if (year === null) return { findings, checked: 0, notRun: '未识别到文件所属年度' };
  let checked = 0;
  for (const t of ctx.rd.tables) {
    if (!t.table.title) continue;
    const years = [...t.table.title.matchAll(/(20\d{2})年/g)].map((m) => Number(m[1]));
    if (years.length === 0) continue;
    checked++;
    if (years.every((y) => y !== year)) {
      findings.push(
        makeFinding({
          rule: 'text.years',
          kind: 'naming',
          severity: 'warning',
          message: `${t.name} 的标题年度为 ${years[0]} 年，与本文件年度 ${year} 年不一致。`,
          location: [tableKey(t), 'title-year'],
          cells: t.table.rows[0]?.[0] ? [cellOf(t, 0, 0)] : [],
          expected: `${year}年`,
          actual: `${years[0]}年`,
        }),
      );
    }
  }
  // "比2026年预算增加" in the 2026 budget: a figure compared with itself.
  const text = ctx.narrative.text;
  const self = new RegExp(`(比|较|与|同)${year}年(度)?(预算|决算|执行数|预算执行数)`, 'g');
  checked++;
  const spans: NarrativeSpan[] = [];
  const samples: string[] = [];
  for (let m = self.exec(text); m; m = self.exec(text)) {
    if (samples.length < 2) samples.push(text.slice(Math.max(0, m.index - 12), m.index + m[0].length + 10).replace(/\s+/g, ''));
    spans.push(...spansOf(ctx.narrative, m.index, m.index + m[0].length));
  }
  if (samples.length > 0) {
    const count = [...text.matchAll(self)].length;
    findings.push(
      makeFinding({
        rule: 'text.years',
        kind: 'naming',
        severity: 'warning',
        message: `正文有 ${count} 处把 ${year} 年的数与“${year}年”比较（如“${samples[0]}”），应为上年（${year - 1}年）。`,
        location: ['self-comparison'],
        narrative: spans,
        expected: `${year - 1}年`,
        actual: `${year}年`,
      }),
    );
  }
  // Headings of another year ("2023年度部门决算" inside the 2024 决算) and this year's totals
  // printed under last year's number ("2023年收入合计…" where the figure is this year's).
  const kindWord = ctx.rd.kind ?? '(?:预算|决算)';
  const lines = text.split('\n');
  let at = 0;
  let n = 0;
  for (const line of lines) {
    const trimmed = line.trim();
    const heading = new RegExp(`(20\\d{2})年度?(?:部门|单位)?${kindWord}`).exec(trimmed);
    if (heading && trimmed.length <= 40 && !/[，。；]/.test(trimmed)) {
      checked++;
      const y = Number(heading[1]);
      if (y !== year && !/比|较|与|上年|对比/.test(trimmed)) {
        const start = at + line.indexOf(heading[0]);
        findings.push(
          makeFinding({
            rule: 'text.years',
            kind: 'naming',
            severity: 'warning',
            message: `标题“${trimmed}”的年度为 ${y} 年，与本文件年度 ${year} 年不一致。`,
            location: ['heading-year', squash(trimmed), n++],
            narrative: spansOf(ctx.narrative, start, start + heading[0].length),
            expected: `${year}年`,
            actual: `${y}年`,
          }),
        );
      }
    }
    at += line.length + 1;
  }
  const lastYearTotal = new RegExp(`(?<![比较与同和至到])(${year - 1})年度?(?:部门|单位)?(收入|支出|收支)(合计|总计)(?:为|是|共计)?\\s*[\\d,.]+\\s*万元`, 'g');
  for (const m of text.matchAll(lastYearTotal)) {
    checked++;
    const before = text.slice(Math.max(0, m.index! - 6), m.index!);
    if (/比|较|与|上年|对比/.test(before)) continue;
    findings.push(
      makeFinding({
        rule: 'text.years',
        kind: 'naming',
        severity: 'warning',
        message: `正文“${m[0].replace(/\s+/g, '')}”写作 ${year - 1} 年，但本文件是 ${year} 年${ctx.rd.kind ?? ''}，所述${m[2]}${m[3]}应为本年（${year}年）。`,
        location: ['current-year', m[0].replace(/\s+/g, '')],
        narrative: spansOf(ctx.narrative, m.index!, m.index! + m[0].length),
        expected: `${year}年`,
        actual: `${year - 1}年`,
      }),
    );
  }
  // Data dates: a budget for year Y reports assets as of Y−1 (上年末); final accounts of year Y as of Y.
  const kind = ctx.rd.kind;
  if (kind) {
    const dated = /(截至|截止)(时间|日期)?[:：]?\s*(20\d{2})(年|-|\/|\.)(\d{1,2})(?:(月|-|\/|\.)(\d{1,2})日?)?/g;
    /** A finding when the date `m` is not the year-end the publication's figures are as of. */
    const check = (m: RegExpMatchArray, where: string, location: (string | number)[], narrative: NarrativeSpan[] = []): void => {
      checked++;
      const y = Number(m[3]);
      if (!(kind === '预算' ? y >= year : y !== year)) return;
      const quoted = `${where}“${m[0].replace(/\s+/g, '')}”`;
      findings.push(
        makeFinding({
          rule: 'text.years',
          kind: 'naming',
          severity: 'warning',
          message:
            kind === '预算'
              ? `${quoted}：${year}年预算公开的数据时点应在${year - 1}年（上年末），不应为${y}年。`
              : `${quoted}：${year}年度决算的数据时点应为${year}年末，不应为${y}年。`,
          location,
          narrative,
          expected: kind === '预算' ? `${year - 1}年` : `${year}年`,
          actual: `${y}年`,
        }),
      );
    };
    // the date printed in a table's heading (截止时间：2025-12-31 above an asset table)
    for (const t of ctx.rd.tables) {
      for (const line of t.table.meta ?? []) for (const m of line.matchAll(dated)) check(m, `${t.name}表头`, ['data-date', tableKey(t), m[0]]);
    }
    let n = 0;
    for (const m of text.matchAll(dated)) check(m, '', ['data-date', m[0], n++], spansOf(ctx.narrative, m.index!, m.index! + m[0].length));
  }
  return { findings, checked };
}

export const templateRule: Rule = { id: 'text.template', title: '无未填写的模板文字（XX、××、某某）', kind: 'naming', run: runTemplate };
export const duplicatesRule: Rule = { id: 'text.duplicates', title: '无重复字词与标点（其中：其中：、。。）', kind: 'naming', run: runDuplicates };
export const numberingRule: Rule = { id: 'text.numbering', title: '正文标题序号连续', kind: 'naming', run: runNumbering };
export const yearsRule: Rule = { id: 'text.years', title: '年度前后一致', kind: 'naming', run: runYears };

/** Topics a publication may declare nil ("无政府采购", "没有使用政府性基金"), with the facts that print them. */
const NIL_TOPICS: { name: string; re: RegExp; facts: { type: string; key: string }[] }[] = [
  { name: '政府采购', re: /政府采购/, facts: [{ type: 'procurement', key: 'procurement.total' }] },
  { name: '政府性基金', re: /政府性基金/, facts: [{ type: 'gov-fund', key: 'total' }] },
  { name: '国有资本经营预算', re: /国有资本经营/, facts: [{ type: 'state-capital', key: 'total' }] },
  { name: '“三公”经费', re: /三公/, facts: [{ type: 'three-public', key: '3p.total' }] },
];

const NIL_WORDS = /(无|没有|未发生|未安排|不涉及)[^，。；]{0,8}$/;

interface Statement {
  text: string;
  spans: NarrativeSpan[];
  cells: FindingCell[];
}

/**
 * A topic declared nil in one place (a note, a form cell, a sentence) and given a positive amount
 * elsewhere ("政府采购支出总额11.97万元" vs "我部门无政府采购行为").
 */
export function nilContradictionRule(factsOf: (type: string, key: string) => { value: number; cell: FindingCell }[]): Rule {
  return {
    id: 'text.nil-contradictions',
    title: '“无/没有”的表述与金额不矛盾',
    kind: 'narrative',
    run: (ctx: CheckContext): RuleResult => {
      const findings: Finding[] = [];
      let checked = 0;
      const text = ctx.narrative.text;
      const parsed = parsedNarrative(ctx);
      const sentences: { start: number; end: number; text: string }[] = [];
      let start = 0;
      for (let i = 0; i <= text.length; i++) {
        if (i === text.length || text[i] === '。' || text[i] === '\n' || text[i] === '；') {
          if (i > start) sentences.push({ start, end: i, text: text.slice(start, i) });
          start = i + 1;
        }
      }
      for (const topic of NIL_TOPICS) {
        const nils: Statement[] = [];
        const positives: Statement[] = [];
        const isNil = (s: string): boolean => {
          const at = s.search(topic.re);
          return at >= 0 && NIL_WORDS.test(s.slice(0, at));
        };
        for (const s of sentences) {
          if (!topic.re.test(s.text)) continue;
          if (isNil(s.text)) {
            nils.push({ text: s.text.trim(), spans: spansOf(ctx.narrative, s.start, s.end), cells: [] });
            continue;
          }
          // A positive amount of this topic: its label names the topic, or the sentence puts it
          // into the topic ("…0.26万元，已按要求列入政府采购预算").
          const claims = parsed.amounts.filter((a) => a.start >= s.start && a.end <= s.end && a.value > 0);
          const intoTopic = new RegExp(`(列入|纳入|用于)${topic.re.source}`).test(s.text);
          if (claims.some((a) => topic.re.test(a.label) || intoTopic)) {
            positives.push({ text: s.text.trim(), spans: spansOf(ctx.narrative, s.start, s.end), cells: [] });
          }
        }
        for (const t of ctx.rd.tables) {
          const own = topic.facts.some((f) => f.type === t.type);
          // A filled table's own "空表" note is the empty-tables rule's finding.
          if (own && !t.empty) continue;
          for (const note of t.table.notes) if (isNil(note)) nils.push({ text: note.trim(), spans: [], cells: [] });
          t.table.rows.forEach((row, r) =>
            row.forEach((cell, c) => {
              if (cell && cell.text.length < 80 && topic.re.test(cell.text) && isNil(cell.text)) nils.push({ text: cell.text.trim(), spans: [], cells: [cellOf(t, r, c)] });
            }),
          );
        }
        for (const f of topic.facts) {
          for (const fact of factsOf(f.type, f.key)) {
            if (fact.value !== 0) positives.push({ text: '', spans: [], cells: [fact.cell] });
          }
        }
        if (nils.length === 0) continue;
        checked++;
        const shown = positives.find((p) => p.text) ?? positives[0];
        if (!shown) continue;
        const nil = nils[0]!;
        findings.push(
          makeFinding({
            rule: 'text.nil-contradictions',
            kind: 'narrative',
            severity: 'warning',
            message: `关于${topic.name}的表述前后矛盾：“${nil.text.slice(0, 40)}”，但${shown.text ? `正文又写“${shown.text.slice(0, 50)}”` : '表中有金额'}。`,
            location: ['nil-contradiction', topic.name],
            cells: [...nil.cells, ...positives.flatMap((p) => p.cells)],
            narrative: [...nil.spans, ...positives.flatMap((p) => p.spans)],
          }),
        );
      }
      return checked === 0 ? { findings, checked, notRun: '文中没有“无/没有…”的表述' } : { findings, checked };
    },
  };
}
