/**
 * Relations between the documents of a folder, found from their identities and overridable by the
 * clerk: `pairs` add a relation the identities do not show (a renamed unit, a file with no cover),
 * `unpairs` remove one that is wrong (two departments with one name).
 *
 * - versions: the same publication twice (same department, year, kind and scope; for 单位 the
 *   same unit) — a draft and its corrected copy, or a republished file;
 * - department-unit: a department's 部门 publication and a 单位 publication of the same year and
 *   kind whose unit belongs to it (same department, or the unit named in the department's text);
 * - year-over-year: the same department, kind and scope (and unit) in consecutive years.
 */
import type { DocIdentity } from './identity';

export type RelationKind = 'versions' | 'department-unit' | 'year-over-year';

export interface FolderRelation {
  kind: RelationKind;
  /**
   * versions: [older, newer] by the file names' draft/corrected words, then modification time,
   * then name; department-unit: [部门, 单位];
   * year-over-year: [last year, this year].
   */
  files: [string, string];
  /** found from the identities, or given by the clerk */
  source: 'auto' | 'manual';
}

export interface RelationOverrides {
  pairs?: { kind: RelationKind; files: [string, string] }[];
  unpairs?: { kind?: RelationKind; files: [string, string] }[];
}

export interface IdentifiedFile {
  file: string;
  identity: DocIdentity;
  /** the department publication's text, to find the units it names (squashed) */
  text?: string;
  /** the file's modification time (ms), to tell the older of two versions */
  modifiedAt?: number;
}

// words in a file name that say which version it is: a draft comes before its corrected copy
const EARLIER = /草稿|初稿|征求意见稿|送审稿|原稿|原版|修改前|draft|old|旧/i;
const LATER = /修改稿|修订|修改后|更正|定稿|终稿|正式|final|corrected|revised|new|新版/i;

function versionRank(name: string): number {
  const stem = name.replace(/\.[^.]+$/, '');
  if (LATER.test(stem)) return 1;
  if (EARLIER.test(stem)) return -1;
  return 0;
}

/** The two versions of one publication, older first. */
export function orderVersions(a: IdentifiedFile, b: IdentifiedFile): [IdentifiedFile, IdentifiedFile] {
  const byName = versionRank(a.file) - versionRank(b.file);
  if (byName !== 0) return byName < 0 ? [a, b] : [b, a];
  if (a.modifiedAt !== undefined && b.modifiedAt !== undefined && a.modifiedAt !== b.modifiedAt) return a.modifiedAt < b.modifiedAt ? [a, b] : [b, a];
  return [a, b];
}

const RELATION_TITLES: Record<RelationKind, string> = {
  versions: '同一公开文件的两个版本',
  'department-unit': '部门预算与单位预算',
  'year-over-year': '本年与上年',
};

export function relationTitle(kind: RelationKind): string {
  return RELATION_TITLES[kind];
}

function samePublisher(a: DocIdentity, b: DocIdentity): boolean {
  if (!a.department || a.department !== b.department) return false;
  if (a.scope === '单位' || b.scope === '单位') return a.scope === b.scope && (a.unit ?? a.department) === (b.unit ?? b.department);
  return a.scope === b.scope;
}

function unitOf(dept: IdentifiedFile, unit: IdentifiedFile): boolean {
  const d = dept.identity;
  const u = unit.identity;
  if (d.scope !== '部门' || u.scope !== '单位') return false;
  if (d.year === null || d.year !== u.year || d.kind !== u.kind) return false;
  if (d.department && u.department === d.department) return true;
  const name = u.unit;
  return !!name && !!dept.text && name.length >= 4 && dept.text.includes(name);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return (a[0] === b[0] && a[1] === b[1]) || (a[0] === b[1] && a[1] === b[0]);
}

/** The relations between the files, automatic ones first, then the clerk's pairs; unpairs removed. */
export function findRelations(files: readonly IdentifiedFile[], overrides: RelationOverrides = {}): FolderRelation[] {
  const out: FolderRelation[] = [];
  for (let i = 0; i < files.length; i++) {
    for (let j = i + 1; j < files.length; j++) {
      const a = files[i]!;
      const b = files[j]!;
      const ia = a.identity;
      const ib = b.identity;
      if (ia.kind && ia.kind === ib.kind && samePublisher(ia, ib) && ia.year !== null && ib.year !== null) {
        if (ia.year === ib.year) {
          const [older, newer] = orderVersions(a, b);
          out.push({ kind: 'versions', files: [older.file, newer.file], source: 'auto' });
        }
        else if (Math.abs(ia.year - ib.year) === 1) {
          const [last, current] = ia.year < ib.year ? [a, b] : [b, a];
          out.push({ kind: 'year-over-year', files: [last.file, current.file], source: 'auto' });
        }
      }
      if (unitOf(a, b)) out.push({ kind: 'department-unit', files: [a.file, b.file], source: 'auto' });
      else if (unitOf(b, a)) out.push({ kind: 'department-unit', files: [b.file, a.file], source: 'auto' });
    }
  }
  for (const p of overrides.pairs ?? []) {
    if (!out.some((r) => r.kind === p.kind && sameSet(r.files, p.files))) out.push({ kind: p.kind, files: [p.files[0], p.files[1]], source: 'manual' });
  }
  return out.filter((r) => !(overrides.unpairs ?? []).some((u) => (!u.kind || u.kind === r.kind) && sameSet(u.files, r.files)));
}
