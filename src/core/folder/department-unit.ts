/**
 * 部门 vs 单位: each figure of a department's publication equals the sum of its units' figures of
 * the same table, row and column (one unit: equal line by line). A unit figure larger than the
 * department's is an error. A department figure larger than its units' sum is an error only when
 * every unit the department declares (本部以及下属N家预算单位) is in the folder; otherwise the
 * difference may belong to a unit that is missing, and one note per table says so.
 */
import { compareSum, formatFen } from '../checks/amount';
import type { AlignedLine, AlignedTable, AlignedValue } from './align';
import { cellRef, pairTables } from './align';
import type { CrossFinding } from './model';
import type { Prepared } from './prepared';

const SKIPPED_TYPES = new Set(['performance', 'other']);

/** Units the department's text says it consists of (本部 + 下属N家, minus those 不单列预算); null when it does not say. */
export function declaredUnitCount(text: string): number | null {
  const m = /本部(?:以及|及|和)?下属\s*(\d+)\s*家/.exec(text);
  if (!m) return null;
  const merged = (text.match(/不单列预算/g) ?? []).length;
  return Math.max(1, 1 + Number(m[1]) - merged);
}

interface UnitSide {
  p: Prepared;
  table: AlignedTable | null;
}

function fmt(fen: number, t: AlignedTable): string {
  return formatFen(fen, t.t.unit);
}

function where(t: AlignedTable, line: AlignedLine, colKey: string): string {
  return `「${t.t.name}」「${line.label}」行「${t.columns.get(colKey) ?? colKey}」`;
}

export function checkDepartmentUnits(dept: Prepared, units: Prepared[], missingUnits: string[]): { findings: CrossFinding[]; checked: number; reasons: string[] } {
  const findings: CrossFinding[] = [];
  const reasons: string[] = [];
  let checked = 0;
  const declared = declaredUnitCount(dept.text);
  const complete = declared !== null && missingUnits.length === 0 && units.length >= declared;
  const files = [dept.file, ...units.map((u) => u.file)];
  const unitPairs = units.map((u) => pairTables(dept.aligned, u.aligned));
  for (const dt of dept.aligned) {
    if (SKIPPED_TYPES.has(dt.type) || dt.t.empty && dt.lines.size === 0) continue;
    const sides: UnitSide[] = units.map((u, i) => ({ p: u, table: unitPairs[i]!.pairs.find(([a]) => a === dt)?.[1] ?? null }));
    const missing = sides.filter((s) => s.table === null);
    for (const s of missing) {
      reasons.push(`${s.p.file} 缺少「${dt.t.name}」`);
      findings.push({
        id: `folder.department-unit|${dept.file}|${s.p.file}|${dt.key}|missing`,
        rule: 'folder.department-unit',
        kind: 'cross-document',
        severity: 'note',
        message: `部门预算的「${dt.t.name}」在单位预算 ${s.p.file} 中没有对应的表，该表的部门数与单位数未能比对。`,
        documents: [dept.file, s.p.file],
        cells: [],
        narrative: [],
        expected: null,
        actual: null,
        difference: null,
      });
    }
    const present = sides.filter((s): s is { p: Prepared; table: AlignedTable } => s.table !== null);
    if (present.length === 0) continue;
    const tableComplete = complete && missing.length === 0;
    const lineKeys = new Set<string>([...dt.lines.keys()]);
    for (const s of present) for (const k of s.table.lines.keys()) lineKeys.add(k);
    const larger: { line: AlignedLine; col: string; dv: AlignedValue; sum: number; cells: CrossFinding['cells'] }[] = [];
    for (const key of lineKeys) {
      const dl = dt.lines.get(key);
      for (const colKey of dt.columns.keys()) {
        const parts: { s: (typeof present)[number]; line: AlignedLine; v: AlignedValue }[] = [];
        let anyColumn = false;
        for (const s of present) {
          if (!s.table.columns.has(colKey)) continue;
          anyColumn = true;
          const ul = s.table.lines.get(key);
          const v = ul?.values.get(colKey);
          if (ul && v) parts.push({ s, line: ul, v });
        }
        if (!anyColumn) continue;
        const dv = dl?.values.get(colKey);
        const deptFen = dv?.fen ?? 0;
        const sum = parts.reduce((a, p) => a + p.v.fen, 0);
        if (!dv && parts.every((p) => p.v.fen === 0)) continue;
        checked++;
        const resolution = Math.max(dt.t.resolution, ...parts.map((p) => p.s.table.t.resolution));
        const slack = [dv, ...parts.map((p) => p.v)].reduce((a, v) => (v && v.resolution > resolution ? a + v.resolution / 2 : a), 0);
        const cmp = compareSum(deptFen, parts.map((p) => p.v.fen), resolution, 1, slack);
        if (cmp === 'equal') continue;
        const cells = [...(dl && dv ? [cellRef(dept.file, dt.t, dl.row.row, dv.col)] : []), ...parts.map((p) => cellRef(p.s.p.file, p.s.table.t, p.line.row.row, p.v.col))];
        const label = dl ?? parts[0]!.line;
        const sumText = parts.length === 1 ? `单位 ${fmt(sum, parts[0]!.s.table)}` : `单位之和 ${parts.map((p) => fmt(p.v.fen, p.s.table)).join(' + ')} = ${fmt(sum, dt)}`;
        const deptText = dl ? `部门 ${fmt(deptFen, dt)}` : '部门表中没有这一行';
        const diff = fmt(Math.abs(deptFen - sum), dt);
        const base = {
          rule: 'folder.department-unit',
          kind: 'cross-document' as const,
          documents: files,
          cells,
          narrative: [],
          expected: fmt(sum, dt),
          actual: fmt(deptFen, dt),
          difference: fmt(deptFen - sum, dt),
        };
        const id = `folder.department-unit|${dept.file}|${dt.key}|${key}|${colKey}`;
        if (cmp === 'rounding') {
          findings.push({ ...base, id, severity: 'note', message: `部门与单位${where(dt, label, colKey)}：${deptText}，${sumText}，相差 ${diff}，在四舍五入尾差范围内（尾差）。` });
          continue;
        }
        const bigUnit = parts.find((p) => p.v.fen > deptFen && p.v.fen > 0);
        if (bigUnit || sum > deptFen) {
          const what = bigUnit && parts.length > 1 ? `单位 ${bigUnit.s.p.file} 的 ${fmt(bigUnit.v.fen, bigUnit.s.table)} 大于部门数` : '单位数大于部门数';
          findings.push({ ...base, id, severity: 'error', message: `部门与单位${where(dt, label, colKey)}：${deptText}，${sumText}，${what}（部门数应等于其所属单位之和），相差 ${diff}。` });
        } else if (tableComplete) {
          findings.push({ ...base, id, severity: 'error', message: `部门与单位${where(dt, label, colKey)}：${deptText} ≠ ${sumText}，相差 ${diff}（部门预算所列 ${declared} 家单位均在文件夹中）。` });
        } else if (dv) {
          larger.push({ line: label, col: colKey, dv, sum, cells });
        }
      }
    }
    if (larger.length > 0) {
      const first = larger[0]!;
      const why =
        declared !== null
          ? `部门预算包括 ${declared} 家单位，文件夹中有 ${units.length} 家单位的预算${missingUnits.length ? `（${missingUnits.join('、')} 无法读取）` : ''}`
          : `部门预算未说明包括几家单位，文件夹中有 ${units.length} 家单位的预算${missingUnits.length ? `（${missingUnits.join('、')} 无法读取）` : ''}`;
      findings.push({
        id: `folder.department-unit|${dept.file}|${dt.key}|partial`,
        rule: 'folder.department-unit',
        kind: 'cross-document',
        severity: 'note',
        message: `部门与单位「${dt.t.name}」：${larger.length} 处部门数大于单位数之和（如「${first.line.label}」行「${dt.columns.get(first.col) ?? first.col}」部门 ${fmt(first.dv.fen, dt)}，单位 ${fmt(first.sum, dt)}，相差 ${fmt(first.dv.fen - first.sum, dt)}）；${why}，差额可能属于不在文件夹中的单位，未作为错误。`,
        documents: files,
        cells: larger.flatMap((l) => l.cells),
        narrative: [],
        expected: null,
        actual: null,
        difference: null,
      });
    }
  }
  for (const [i, u] of units.entries()) for (const ut of unitPairs[i]!.onlyB) if (!SKIPPED_TYPES.has(ut.type) && !ut.t.empty) reasons.push(`部门预算缺少与 ${u.file}「${ut.t.name}」对应的表`);
  return { findings, checked, reasons };
}
