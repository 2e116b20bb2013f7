/**
 * This year vs last year (same department, kind and scope, consecutive years):
 * - the 上年预算数 / 上年决算数 columns of this year's tables equal last year's own figures (本年)
 *   of the same table, row (by code, else name) and column meaning;
 * - narrative sentences "X 万元，比上年（2024年预算）增加/减少 Z 万元（增长 Y%）" agree with the
 *   figure last year's publication gives under the same name (its narrative, else its 三公 table).
 * 上年执行数 is not last year's published figure and is never compared.
 */
import { compareFigures, formatFen } from '../checks/amount';
import type { RecognizedTable } from '../checks/recognize';
import { semanticOf } from '../checks/recognize/columns';
import { squash } from '../checks/text';
import { formatAmount } from '../money';
import type { AlignedTable } from './align';
import { cellRef, pairTables } from './align';
import type { CrossFinding, DocNarrativeRef } from './model';
import type { Prepared } from './prepared';

const PRIOR = /上年(预算|决算)数?|上年度(预算|决算)/;
const NOT_OWN = /上年|增减|增长|减少|变动|比较|差额|%|％|率|执行/;

interface Result {
  findings: CrossFinding[];
  checked: number;
  reasons: string[];
}

/** Last year's own column meaning `sem` in the block on the same side. */
function ownColumn(t: RecognizedTable, side: string | null, sem: string): number | null {
  const cands: number[] = [];
  t.blocks.forEach((b) => {
    if (t.blocks.length > 1 && (b.side ?? null) !== side) return;
    for (const c of b.amountCols) {
      const info = t.columns[c]!;
      if (info.path.some((l) => NOT_OWN.test(l))) continue;
      const s = semanticOf(info.path.filter((l) => !/^本年(预算|决算)?数?$/.test(l))) ?? 'total';
      if (s === sem) cands.push(c);
    }
  });
  return cands.length === 1 ? cands[0]! : null;
}

function priorColumns(last: Prepared, current: Prepared, result: Result): void {
  const { pairs } = pairTables(current.aligned, last.aligned);
  let any = false;
  for (const [tc, tl] of pairs) {
    for (const block of tc.t.blocks) {
      for (const c of block.amountCols) {
        const info = tc.t.columns[c]!;
        const at = info.path.findIndex((l) => PRIOR.test(l));
        if (at < 0 || info.path.some((l) => /执行/.test(l))) continue;
        if (!/决算/.test(info.path[at]!) !== (last.identity.kind === '预算')) continue;
        any = true;
        const sem = semanticOf(info.path.slice(at + 1)) ?? 'total';
        const lc = ownColumn(tl.t, block.side ?? null, sem === 'quantity' ? '' : sem);
        if (lc === null) {
          result.reasons.push(`上年文件「${tl.t.name}」中找不到与「${info.header}」对应的本年列`);
          continue;
        }
        compareColumn(last, current, tc, tl, c, lc, result);
      }
    }
  }
  if (!any) result.reasons.push('本年文件的表中没有上年预算数/上年决算数列');
}

function compareColumn(last: Prepared, current: Prepared, tc: AlignedTable, tl: AlignedTable, c: number, lc: number, result: Result): void {
  const header = tc.t.columns[c]!.header;
  for (const [key, line] of tc.lines) {
    const v = line.row.values.get(c);
    if (v === undefined || v === null) continue;
    const ll = tl.lines.get(key) ?? [...tl.lines.values()].find((x) => !x.row.code && !line.row.code && squash(x.row.label) === squash(line.row.label));
    const id = `folder.year-over-year|${last.file}|${current.file}|${tc.key}|${key}|${header}`;
    const base = { rule: 'folder.year-over-year', kind: 'cross-document' as const, documents: [last.file, current.file], narrative: [] };
    if (!ll) {
      if (v !== 0) {
        result.findings.push({ ...base, id, severity: 'warning', message: `本年「${tc.t.name}」「${line.label}」行「${header}」${formatFen(v, tc.t.unit)}，上年文件「${tl.t.name}」中没有这一行。`, cells: [cellRef(current.file, tc.t, line.row.row, c)], expected: null, actual: formatFen(v, tc.t.unit), difference: null });
      }
      continue;
    }
    result.checked++;
    const lv = ll.row.values.get(lc) ?? 0;
    const cmp = compareFigures(v, lv, tc.t.resolution, tl.t.resolution, 1);
    if (cmp === 'equal') continue;
    const diff = formatFen(v - lv, tc.t.unit);
    result.findings.push({
      ...base,
      id,
      severity: cmp === 'rounding' ? 'note' : 'error',
      message: `本年「${tc.t.name}」「${line.label}」行「${header}」${formatFen(v, tc.t.unit)} ≠ 上年文件「${tl.t.name}」同一行「${tl.t.columns[lc]!.header}」${formatFen(lv, tl.t.unit)}，相差 ${diff}${cmp === 'rounding' ? '，在四舍五入尾差范围内（尾差）' : ''}。`,
      cells: [cellRef(last.file, tl.t, ll.row.row, lc), cellRef(current.file, tc.t, line.row.row, c)],
      expected: formatFen(lv, tc.t.unit),
      actual: formatFen(v, tc.t.unit),
      difference: diff,
    });
  }
}

// ---- narrative ----

const NAME = String.raw`([\u4e00-\u9fa5“”"（）()]{2,40})`;
const AMOUNT = String.raw`([\d,]+(?:\.\d+)?)\s*万元`;
const CHANGE = new RegExp(
  NAME + String.raw`\s*` + AMOUNT + String.raw`\s*[，,。；;]?\s*(?:较|比)\s*(上年|\d{4}\s*年)(度)?(预算数?|决算数?|执行数)?\s*(增加|减少|增长|下降|持平)\s*(?:` + AMOUNT + String.raw`)?(?:\s*[，,]?\s*(?:增长|下降|增幅为?|降幅为?)\s*([\d.]+)\s*[%％])?`,
  'g',
);
const FIGURE = new RegExp(NAME + String.raw`\s*` + AMOUNT, 'g');

function toFen(text: string): { fen: number; resolution: number } {
  const t = text.replace(/,/g, '');
  const decimals = t.includes('.') ? t.split('.')[1]!.length : 0;
  const [whole, frac = ''] = t.split('.');
  const fen = Number(whole) * 1_000_000 + Math.round(Number((frac + '000000').slice(0, 6)));
  return { fen, resolution: 1_000_000 / 10 ** Math.min(decimals, 6) };
}

function labelOf(raw: string, p: Prepared): string {
  let s = squash(raw);
  if (p.identity.department) s = s.split(p.identity.department).pop()!;
  s = s.replace(/^.*(其中|包括)[:：]?/, '').replace(/^年度?/, '').replace(/^\(?[一二三四五六七八九十\d]+\)?[、.]?/, '');
  for (let i = 0; i < 3; i++) s = s.replace(/(预算数为|预算数|预算为|预算安排|预算|数为|为|安排)$/, '');
  return s.replace(/拨款/g, '');
}

const THREE_PUBLIC: Record<string, string> = {
  三公经费: 'main',
  '因公出国(境)费': 'abroad',
  公务接待费: 'reception',
  公务用车购置及运行费: 'car',
  公务用车购置费: 'car-buy',
  公务用车运行费: 'car-run',
  公务用车运行维护费: 'car-run',
  机关运行经费: 'admin',
};

function lastYearFigure(last: Prepared, label: string): { fen: number; resolution: number; ref: DocNarrativeRef | null; from: string } | null {
  const found = new Map<number, { fen: number; resolution: number; ref: DocNarrativeRef }>();
  last.doc.narrative.forEach((b, block) => {
    for (const m of b.text.matchAll(FIGURE)) {
      if (labelOf(m[1]!, last) !== label) continue;
      const { fen, resolution } = toFen(m[2]!);
      const start = m.index + m[0].indexOf(m[2]!);
      if (!found.has(fen)) found.set(fen, { fen, resolution, ref: { file: last.file, block, start, end: start + m[2]!.length + 2, page: b.page } });
    }
  });
  if (found.size === 1) return { ...[...found.values()][0]!, from: '上年正文' };
  if (found.size > 1) return null;
  const key = THREE_PUBLIC[label.replace(/[“”"]/g, '')];
  const table = key ? last.aligned.find((t) => t.type === 'three-public') : undefined;
  if (!table || table.lines.size !== 1) return null;
  const line = [...table.lines.values()][0]!;
  const v = line.values.get(key!);
  if (!v) return null;
  return { fen: v.fen, resolution: v.resolution, ref: null, from: `上年「${table.t.name}」` };
}

function narrativeChanges(last: Prepared, current: Prepared, result: Result): void {
  let found = 0;
  current.doc.narrative.forEach((b, block) => {
    for (const m of b.text.matchAll(CHANGE)) {
      const [, rawName, amount, yearText, , basis, word, changeText, rateText] = m;
      if (basis && /执行/.test(basis)) continue;
      if (basis && /决算/.test(basis) !== (last.identity.kind === '决算')) continue;
      const year = yearText === '上年' ? (current.identity.year ?? 0) - 1 : Number(yearText!.replace(/\D/g, ''));
      if (year !== last.identity.year) continue;
      const label = labelOf(rawName!, current);
      if (label.length < 2) continue;
      const prior = lastYearFigure(last, label);
      found++;
      if (!prior) continue;
      result.checked++;
      const now = toFen(amount!);
      const sign = word === '增加' || word === '增长' ? 1 : word === '持平' ? 0 : -1;
      const stated = changeText ? toFen(changeText) : { fen: 0, resolution: 10_000 };
      const actual = now.fen - prior.fen;
      const coarse = Math.max(now.resolution, prior.resolution, stated.resolution);
      const diff = Math.abs(actual - sign * stated.fen);
      const narrative: DocNarrativeRef[] = [{ file: current.file, block, start: m.index, end: m.index + m[0].length, page: b.page }, ...(prior.ref ? [prior.ref] : [])];
      const id = `folder.year-over-year|${last.file}|${current.file}|narrative|${label}|${amount}`;
      const w = (f: number): string => formatAmount(Math.round(f / 10_000));
      const computation = `本年 ${w(now.fen)} − 上年 ${w(prior.fen)}（${prior.from}）= ${w(actual)}万元`;
      const quoted = m[0].replace(/\s+/g, '').replace(/^年度?/, '');
      if (sign === 0 && changeText === undefined ? diff * 2 > coarse : diff * 2 > coarse && diff > 20_000) {
        result.findings.push({
          id,
          rule: 'folder.year-over-year',
          kind: 'cross-document',
          severity: 'error',
          message: `本年正文「${quoted}」与上年文件不符：${computation}，正文写${word}${changeText ? ` ${changeText}万元` : ''}。`,
          documents: [last.file, current.file],
          cells: [],
          narrative,
          expected: w(actual),
          actual: w(sign * stated.fen),
          difference: w(sign * stated.fen - actual),
        });
        continue;
      }
      if (rateText && prior.fen !== 0) {
        const rate = (Math.abs(actual) / prior.fen) * 100;
        const decimals = rateText.includes('.') ? rateText.split('.')[1]!.length : 0;
        if (Math.abs(rate - Number(rateText)) > 0.5 * 10 ** -decimals + 0.011) {
          result.findings.push({
            id: `${id}|rate`,
            rule: 'folder.year-over-year',
            kind: 'cross-document',
            severity: 'error',
            message: `本年正文「${quoted}」：${computation}，${w(Math.abs(actual))} ÷ ${w(prior.fen)} = ${rate.toFixed(decimals)}%，正文写 ${rateText}%。`,
            documents: [last.file, current.file],
            cells: [],
            narrative,
            expected: rate.toFixed(decimals),
            actual: rateText,
            difference: null,
          });
        }
      }
    }
  });
  if (found === 0) result.reasons.push('本年正文中没有“比上年增加/减少”的句子');
}

export function checkYearOverYear(last: Prepared, current: Prepared): Result {
  const result: Result = { findings: [], checked: 0, reasons: [] };
  priorColumns(last, current, result);
  narrativeChanges(last, current, result);
  return result;
}
