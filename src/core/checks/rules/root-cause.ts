/**
 * One misprinted cell breaks every sum it takes part in: a wrong 项目支出 on 2040601 makes both
 * its row (合计 ≠ 基本 + 项目) and its code parent (20406 ≠ Σ项) fail. When two or more failed sums
 * of one table are all fixed by the same cell reading the same corrected value, the clerk gets
 * one error on that cell, "X 应为 Y", with each computation that points at it, instead of a
 * list of errors to untangle by hand.
 */
import { formatFen } from '../amount';
import type { Finding } from '../model';
import { cellOf, makeFinding } from './context';
import type { SuspectCell } from './sums';
import { cellTitle, suspectsOf } from './sums';

interface Candidate {
  suspect: SuspectCell;
  findings: Finding[];
}

function candidateKey(s: SuspectCell): string {
  return `${s.key}=${s.value}`;
}

function sameCell(a: { table: string; row: number; col: number }, b: { table: string; row: number; col: number }): boolean {
  return a.table === b.table && a.row === b.row && a.col === b.col;
}

/** Replaces failed sums explained by one cell with a single finding on that cell. */
export function mergeRootCauses(findings: readonly Finding[]): Finding[] {
  const candidates = new Map<string, Candidate>();
  for (const f of findings) {
    for (const s of suspectsOf.get(f) ?? []) {
      const key = candidateKey(s);
      const c = candidates.get(key) ?? { suspect: s, findings: [] };
      if (!c.findings.includes(f)) c.findings.push(f);
      candidates.set(key, c);
    }
  }
  const merged = new Set<Finding>();
  const replacements = new Map<Finding, Finding>();
  const ordered = [...candidates.values()].filter((c) => c.findings.length >= 2).sort((a, b) => b.findings.length - a.findings.length);
  for (const c of ordered) {
    if (c.findings.some((f) => merged.has(f))) continue;
    const { t, row, col, value, printed } = c.suspect;
    const where = cellTitle(t, row, col);
    const computations = c.findings.map((f, i) => `${'①②③④⑤⑥⑦⑧⑨'[i] ?? `(${i + 1})`} ${f.message}`).join(' ');
    const own = cellOf(t, row, col);
    const others = c.findings.flatMap((f) => f.cells).filter((x, i, all) => !sameCell(x, own) && all.findIndex((y) => sameCell(x, y)) === i);
    // The first failed sum's rule and id carry over, so a disposition already recorded on it
    // (accepted / dismissed) still applies and disabling that rule still silences it.
    const first = c.findings[0]!;
    const finding = makeFinding({
      rule: first.rule,
      kind: first.kind,
      severity: 'error',
      message: `${t.name}${where} ${formatFen(printed, t.unit)} 应为 ${formatFen(value, t.unit)}：以下 ${c.findings.length} 处核算都因这一个数不符，改为 ${formatFen(value, t.unit)} 后全部相符。${computations}`,
      location: [c.suspect.key],
      cells: [own, ...others],
      expected: formatFen(value, t.unit),
      actual: formatFen(printed, t.unit),
      difference: formatFen(printed - value, t.unit),
    });
    for (const f of c.findings) merged.add(f);
    replacements.set(first, { ...finding, id: first.id });
  }
  const out: Finding[] = [];
  for (const f of findings) {
    const replacement = replacements.get(f);
    if (replacement) out.push(replacement);
    else if (!merged.has(f)) out.push(f);
  }
  return out;
}
