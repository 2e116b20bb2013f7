/**
 * Two versions of one publication (a draft and its corrected copy): every changed figure, table,
 * heading and sentence, old → new. Tables are aligned by title and type, rows by code or name,
 * columns by meaning — never by position — so a row printed elsewhere is a move, not a delete and
 * an add. Changed figures, figures that became 0 or blank, removed rows and a table present in the
 * old version only are warnings; other changes (added rows and tables, moves, names, headings,
 * sentences) are notes. Nothing in the list is wrong by itself: the clerk reviews it.
 */
import { formatFen } from '../checks/amount';
import { squash } from '../checks/text';
import type { AlignedLine, AlignedTable } from './align';
import { cellRef, pairTables } from './align';
import type { CrossFinding, DocNarrativeRef } from './model';
import type { Prepared } from './prepared';

interface Result {
  findings: CrossFinding[];
  checked: number;
  reasons: string[];
}

type Change = NonNullable<CrossFinding['change']>;

function finding(a: Prepared, b: Prepared, key: string, change: Change, severity: CrossFinding['severity'], message: string, extra: Partial<CrossFinding> = {}): CrossFinding {
  return {
    id: `folder.versions|${a.file}|${b.file}|${key}|${change}`,
    rule: 'folder.versions',
    kind: 'cross-document',
    severity,
    message,
    documents: [a.file, b.file],
    cells: [],
    narrative: [],
    expected: null,
    actual: null,
    difference: null,
    change,
    ...extra,
  };
}

/** Longest increasing subsequence (indexes into `xs`), for telling moved rows from kept ones. */
function lis(xs: readonly number[]): Set<number> {
  const tails: number[] = [];
  const prev = new Array<number>(xs.length).fill(-1);
  for (let i = 0; i < xs.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[tails[mid]!]! < xs[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) keep.add(i);
  return keep;
}

function figure(line: AlignedLine, col: string, t: AlignedTable): string {
  const v = line.values.get(col);
  if (!v || v.blank) return '空白';
  return formatFen(v.fen, t.t.unit);
}

function diffTables(a: Prepared, b: Prepared, ta: AlignedTable, tb: AlignedTable, result: Result): void {
  const name = tb.t.name;
  if (squash(ta.t.table.title ?? '') !== squash(tb.t.table.title ?? '')) {
    result.findings.push(finding(a, b, `${ta.key}|title`, 'changed', 'note', `表名「${ta.t.table.title ?? ''}」改为「${tb.t.table.title ?? ''}」。`, { actual: tb.t.table.title, expected: ta.t.table.title }));
  }
  const where = (l: AlignedLine): string => `「${name}」「${l.label}」行`;
  const common: { la: AlignedLine; lb: AlignedLine }[] = [];
  for (const [key, la] of ta.lines) {
    const lb = tb.lines.get(key);
    if (!lb) {
      const figures = [...la.values.entries()].filter(([, v]) => !v.blank).map(([c, v]) => `${ta.columns.get(c) ?? c} ${formatFen(v.fen, ta.t.unit)}`);
      result.findings.push(finding(a, b, `${ta.key}|${key}`, 'removed', 'warning', `${where(la)}在新版中被删除（旧版：${figures.join('，') || '无金额'}）。`, { cells: [cellRef(a.file, ta.t, la.row.row, la.row.labelCol)] }));
      continue;
    }
    common.push({ la, lb });
    result.checked++;
    if (squash(la.row.label) !== squash(lb.row.label) && la.row.code) {
      result.findings.push(finding(a, b, `${ta.key}|${key}|label`, 'changed', 'note', `「${name}」${la.row.code} 行名称「${la.row.label.trim()}」改为「${lb.row.label.trim()}」。`, { cells: [cellRef(a.file, ta.t, la.row.row, la.row.labelCol), cellRef(b.file, tb.t, lb.row.row, lb.row.labelCol)] }));
    }
    for (const [col, va] of la.values) {
      const vb = lb.values.get(col);
      if (!vb) continue;
      result.checked++;
      if (va.fen === vb.fen && va.blank === vb.blank) continue;
      if (va.fen === vb.fen && (va.blank || vb.blank) && va.fen === 0) continue; // 0.00 ↔ blank: both nothing
      const zeroed = va.fen !== 0 && vb.fen === 0;
      const header = ta.columns.get(col) ?? col;
      const oldText = figure(la, col, ta);
      const newText = figure(lb, col, tb);
      const cells = [cellRef(a.file, ta.t, la.row.row, va.col), cellRef(b.file, tb.t, lb.row.row, vb.col)];
      result.findings.push(
        finding(a, b, `${ta.key}|${key}|${col}`, zeroed ? 'zeroed' : 'changed', 'warning', `${where(lb)}「${header}」${oldText} → ${newText}${zeroed ? `（变为${vb.blank ? '空白' : '0'}）` : `，${vb.fen > va.fen ? '增加' : '减少'} ${formatFen(Math.abs(vb.fen - va.fen), tb.t.unit)}`}。`, {
          cells,
          expected: oldText,
          actual: newText,
          difference: formatFen(vb.fen - va.fen, tb.t.unit),
        }),
      );
    }
  }
  for (const [key, lb] of tb.lines) {
    if (ta.lines.has(key)) continue;
    const figures = [...lb.values.entries()].filter(([, v]) => !v.blank).map(([c, v]) => `${tb.columns.get(c) ?? c} ${formatFen(v.fen, tb.t.unit)}`);
    result.findings.push(finding(a, b, `${tb.key}|${key}`, 'added', 'note', `${where(lb)}为新版新增（${figures.join('，') || '无金额'}）。`, { cells: [cellRef(b.file, tb.t, lb.row.row, lb.row.labelCol)] }));
  }
  // Moves: common lines whose order changed (outside the longest run kept in order).
  const kept = lis(common.map((x) => x.lb.order));
  common.forEach((x, i) => {
    if (kept.has(i)) return;
    result.findings.push(
      finding(a, b, `${ta.key}|${x.la.key}`, 'moved', 'note', `${where(x.lb)}位置移动：旧版第 ${x.la.row.row + 1} 行，新版第 ${x.lb.row.row + 1} 行（金额${[...x.la.values].some(([c, v]) => x.lb.values.get(c)?.fen !== v.fen) ? '另有变化，见上' : '未变'}）。`, {
        cells: [cellRef(a.file, ta.t, x.la.row.row, x.la.row.labelCol), cellRef(b.file, tb.t, x.lb.row.row, x.lb.row.labelCol)],
      }),
    );
  });
}

// ---- narrative ----

interface Sentence {
  text: string;
  key: string;
  heading: boolean;
  ref: DocNarrativeRef;
}

function sentences(p: Prepared): Sentence[] {
  const out: Sentence[] = [];
  p.doc.narrative.forEach((b, block) => {
    const text = b.text;
    const trimmed = text.trim();
    const heading = trimmed.length <= 40 && !/[。；;]$/.test(trimmed);
    const re = /[^。；;！？!?]+[。；;！？!?]?/g;
    for (const m of text.matchAll(re)) {
      const key = squash(m[0]);
      if (!key || /^[.…·\d]+$/.test(key)) continue;
      out.push({ text: m[0].trim(), key, heading, ref: { file: p.file, block, start: m.index, end: m.index + m[0].length, page: b.page } });
    }
  });
  return out;
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
  return m;
}

function similarity(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0;
  const x = bigrams(a);
  const y = bigrams(b);
  let both = 0;
  for (const [k, n] of x) both += Math.min(n, y.get(k) ?? 0);
  return (2 * both) / (a.length - 1 + (b.length - 1));
}

/** LCS matching of two sentence lists; returns matched index pairs in order. */
function lcs(a: readonly Sentence[], b: readonly Sentence[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const dp = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i * (m + 1) + j] = a[i]!.key === b[j]!.key ? dp[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(dp[(i + 1) * (m + 1) + j]!, dp[i * (m + 1) + j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i]!.key === b[j]!.key) {
      pairs.push([i++, j++]);
    } else if (dp[(i + 1) * (m + 1) + j]! >= dp[i * (m + 1) + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

function diffNarrative(a: Prepared, b: Prepared, result: Result): void {
  const sa = sentences(a);
  const sb = sentences(b);
  const matched = lcs(sa, sb);
  result.checked += matched.length;
  const gaps: { ra: Sentence[]; rb: Sentence[] }[] = [];
  let pi = 0;
  let pj = 0;
  for (const [i, j] of [...matched, [sa.length, sb.length] as [number, number]]) {
    if (i > pi || j > pj) gaps.push({ ra: sa.slice(pi, i), rb: sb.slice(pj, j) });
    pi = i + 1;
    pj = j + 1;
  }
  const removed: Sentence[] = [];
  const added: Sentence[] = [];
  for (const { ra, rb } of gaps) {
    const usedB = new Set<number>();
    for (const s of ra) {
      let best = -1;
      let score = 0.5;
      rb.forEach((t, k) => {
        if (usedB.has(k)) return;
        const sim = similarity(s.key, t.key);
        if (sim > score) {
          score = sim;
          best = k;
        }
      });
      if (best < 0) {
        removed.push(s);
        continue;
      }
      usedB.add(best);
      const t = rb[best]!;
      const what = s.heading && t.heading ? '标题' : '句子';
      result.findings.push(finding(a, b, `narrative|${s.key}`, 'changed', 'note', `${what}改动：「${s.text}」→「${t.text}」。`, { narrative: [s.ref, t.ref], expected: s.text, actual: t.text }));
    }
    rb.forEach((t, k) => {
      if (!usedB.has(k)) added.push(t);
    });
  }
  for (const s of removed) {
    const moved = added.findIndex((t) => t.key === s.key);
    if (moved >= 0) {
      const t = added.splice(moved, 1)[0]!;
      result.findings.push(finding(a, b, `narrative|${s.key}`, 'moved', 'note', `${s.heading ? '标题' : '句子'}「${s.text}」位置移动（旧版第 ${s.ref.page ?? '?'} 页，新版第 ${t.ref.page ?? '?'} 页）。`, { narrative: [s.ref, t.ref] }));
      continue;
    }
    result.findings.push(finding(a, b, `narrative|${s.key}`, 'removed', 'note', `${s.heading ? '标题' : '句子'}「${s.text}」在新版中被删除。`, { narrative: [s.ref] }));
  }
  for (const t of added) result.findings.push(finding(a, b, `narrative|${t.key}`, 'added', 'note', `${t.heading ? '标题' : '句子'}「${t.text}」为新版新增。`, { narrative: [t.ref] }));
}

export function checkVersions(a: Prepared, b: Prepared): Result {
  const result: Result = { findings: [], checked: 0, reasons: [] };
  const { pairs, onlyA, onlyB } = pairTables(a.aligned, b.aligned);
  for (const t of onlyA) result.findings.push(finding(a, b, t.key, 'removed', 'warning', `表「${t.t.name}」（旧版第 ${t.t.table.pages[0]} 页）在新版中没有。`, { cells: t.t.table.rows.length ? [cellRef(a.file, t.t, 0, 0)] : [] }));
  for (const t of onlyB) result.findings.push(finding(a, b, t.key, 'added', 'note', `表「${t.t.name}」（新版第 ${t.t.table.pages[0]} 页）为新版新增。`, { cells: t.t.table.rows.length ? [cellRef(b.file, t.t, 0, 0)] : [] }));
  for (const [ta, tb] of pairs) diffTables(a, b, ta, tb, result);
  diffNarrative(a, b, result);
  return result;
}
