/**
 * Whole-folder review: identifies every document, finds the relations between them (or takes the
 * clerk's), and runs the cross-document checks of each relation. Pure: documents in, findings out.
 * A document that could not be read keeps its relations (found from its file name), listed as
 * not run with the reason, so the clerk knows what was not compared.
 */
import { checkDepartmentUnits } from './department-unit';
import { identityFromFileName } from './identity';
import type { ExtractedDocument } from '../model';
import type { CrossFinding, FolderDocument, FolderReview, RelationResult } from './model';
import type { Prepared } from './prepared';
import { prepare } from './prepared';
import type { FolderRelation, RelationOverrides } from './relations';
import { findRelations, relationTitle } from './relations';
import { checkVersions } from './versions';
import { checkYearOverYear } from './year-over-year';

export interface FolderOptions {
  overrides?: RelationOverrides;
  /**
   * Kept between runs over the same folder: documents are prepared once per content (file name +
   * sha256) and a relation re-runs only when one of its files changed, so re-checking a folder
   * after one file changes costs that file and its relations.
   */
  cache?: FolderReviewCache;
}

interface RelationOutcome {
  findings: CrossFinding[];
  checked: number;
  reasons: string[];
}

/** What reviewFolder may reuse from an earlier run (see FolderOptions.cache). */
export class FolderReviewCache {
  private prepared = new Map<string, Prepared>();
  private outcomes = new Map<string, { outcome: RelationOutcome; depends: string[] }>();
  /** relation comparisons actually run (not reused) in the last reviewFolder call */
  ranLastTime = 0;

  preparedFor(file: string, doc: ExtractedDocument): Prepared {
    const key = `${file}|${doc.source.sha256}`;
    let p = this.prepared.get(key);
    if (!p) {
      p = prepare(file, doc);
      this.prepared.set(key, p);
    }
    return p;
  }

  /** The outcome of comparing `docs` (cached under `kind` + their contents + `extra`). */
  outcome(kind: string, docs: readonly Prepared[], extra: string, run: () => RelationOutcome): RelationOutcome {
    const depends = docs.map(contentKey);
    const key = [kind, ...depends, extra].join('§');
    const hit = this.outcomes.get(key);
    if (hit) return hit.outcome;
    const outcome = run();
    this.ranLastTime++;
    this.outcomes.set(key, { outcome, depends });
    return outcome;
  }

  /** Drops what no longer belongs to the folder (files changed or removed). */
  retain(prepared: ReadonlyMap<string, Prepared>): void {
    const live = new Set([...prepared.values()].map(contentKey));
    for (const k of this.prepared.keys()) if (!live.has(k)) this.prepared.delete(k);
    for (const [k, o] of this.outcomes) if (!o.depends.every((d) => live.has(d))) this.outcomes.delete(k);
  }
}

function contentKey(p: Prepared): string {
  return `${p.file}|${p.doc.source.sha256}`;
}

/** Why a parsed file takes no part: nothing on it could be read (a scan OCR did not read either). */
export const PICTURE_ONLY_REASON = '文件中没有可读取的文字或表格（可能是扫描件）';

/** A document of the folder: parsed (a picture-only one with its reason), or unread with why. */
export function folderDocument(file: string, doc: ExtractedDocument | null, options: { error?: string; modifiedAt?: number } = {}): FolderDocument {
  if (!doc) return { file, doc: null, error: options.error ?? '无法读取', modifiedAt: options.modifiedAt };
  const pictureOnly = doc.tables.length === 0 && doc.narrative.length === 0;
  return { file, doc, modifiedAt: options.modifiedAt, ...(pictureOnly ? { error: PICTURE_ONLY_REASON } : {}) };
}

function unreadable(d: FolderDocument): boolean {
  return d.doc === null || d.doc.tables.length === 0;
}

export function reviewFolder(documents: readonly FolderDocument[], options: FolderOptions = {}): FolderReview {
  const cache = options.cache ?? new FolderReviewCache();
  cache.ranLastTime = 0;
  const prepared = new Map<string, Prepared>();
  for (const d of documents) if (!unreadable(d)) prepared.set(d.file, cache.preparedFor(d.file, d.doc!));
  cache.retain(prepared);
  const identities = documents.map((d) => ({ file: d.file, identity: prepared.get(d.file)?.identity ?? identityFromFileName(d.file) }));
  const relations = findRelations(
    identities.map((x, i) => ({ file: x.file, identity: x.identity, text: prepared.get(x.file)?.text, modifiedAt: documents[i]!.modifiedAt })),
    options.overrides,
  );
  const reasonOf = (file: string): string => {
    const d = documents.find((x) => x.file === file);
    return d?.error ?? (d?.doc && d.doc.tables.length === 0 ? '文件中没有可读取的表格' : '无法读取');
  };
  const results: RelationResult[] = [];
  const findings: CrossFinding[] = [];
  const blocked = (r: FolderRelation): RelationResult | null => {
    const bad = r.files.filter((f) => !prepared.has(f));
    if (bad.length === 0) return null;
    const reason = bad.map((f) => `${f}：${reasonOf(f)}`).join('；');
    findings.push({
      id: `folder.${r.kind}|${r.files.join('|')}|not-run`,
      rule: `folder.${r.kind}`,
      kind: 'cross-document',
      severity: 'warning',
      message: `${relationTitle(r.kind)}（${r.files.join(' 与 ')}）未能比对：${reason}。`,
      documents: [...r.files],
      cells: [],
      narrative: [],
      expected: null,
      actual: null,
      difference: null,
    });
    return { ...r, status: 'not-run', checked: 0, reason };
  };
  // 部门 vs 单位: one comparison per department with all its readable units (their sum).
  const byDept = new Map<string, FolderRelation[]>();
  for (const r of relations) {
    if (r.kind !== 'department-unit') continue;
    const list = byDept.get(r.files[0]) ?? [];
    list.push(r);
    byDept.set(r.files[0], list);
  }
  for (const [deptFile, rels] of byDept) {
    const open: FolderRelation[] = [];
    const missing: string[] = [];
    for (const r of rels) {
      const b = blocked(r);
      if (b) {
        results.push(b);
        if (prepared.has(deptFile)) missing.push(r.files[1]);
      } else open.push(r);
    }
    if (open.length === 0) continue;
    const docs = [prepared.get(deptFile)!, ...open.map((r) => prepared.get(r.files[1])!)];
    const out = cache.outcome('department-unit', docs, missing.join('|'), () => checkDepartmentUnits(docs[0]!, docs.slice(1), missing));
    findings.push(...out.findings);
    for (const r of open) {
      const own = out.reasons.filter((x) => x.includes(r.files[1]));
      results.push({ ...r, status: 'checked', checked: out.checked, ...(own.length ? { reason: `部分未比对：${own.join('；')}` } : {}) });
    }
  }
  for (const r of relations) {
    if (r.kind === 'department-unit') continue;
    const b = blocked(r);
    if (b) {
      results.push(b);
      continue;
    }
    const [a, c] = [prepared.get(r.files[0])!, prepared.get(r.files[1])!];
    const out = cache.outcome(r.kind, [a, c], '', () => (r.kind === 'versions' ? checkVersions(a, c) : checkYearOverYear(a, c)));
    findings.push(...out.findings);
    results.push({ ...r, status: 'checked', checked: out.checked, ...(out.reasons.length ? { reason: out.reasons.join('；') } : {}) });
  }
  const order = relations.map((r) => `${r.kind}|${r.files.join('|')}`);
  results.sort((x, y) => order.indexOf(`${x.kind}|${x.files.join('|')}`) - order.indexOf(`${y.kind}|${y.files.join('|')}`));
  const unique = new Map<string, CrossFinding>();
  for (const f of findings) if (!unique.has(f.id)) unique.set(f.id, f);
  const rank = { error: 0, warning: 1, note: 2 } as const;
  return { identities, relations: results, findings: [...unique.values()].sort((x, y) => rank[x.severity] - rank[y.severity]) };
}
