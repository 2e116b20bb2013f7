/**
 * Review packages: a JSON file carrying the edits, annotations and finding decisions of one or
 * more documents (keyed by file hash), so a second clerk or a supervisor can merge another's
 * review. See docs/review-package.md. Import is two-phase: `parseReviewPackage` validates the
 * whole file first; only a valid package reaches `mergeReview`/`mergePackage`.
 */
import type { DocumentReview } from './model';
import { InvalidField, array, documentReview, string } from './package-validate';

export { mergeReview, mergePackage, resolveConflict } from './package-merge';
export type { ConflictChoice, DecisionConflict, EditConflict, MergeResult, MergeSummary, PackageMergeResult, ResolveOptions, ReviewConflict } from './package-merge';

export const REVIEW_PACKAGE_FORMAT = 'budget-proof-review';
export const REVIEW_PACKAGE_VERSION = 1;

export interface ReviewPackage {
  format: typeof REVIEW_PACKAGE_FORMAT;
  version: typeof REVIEW_PACKAGE_VERSION;
  /** ISO 8601 */
  exportedAt: string;
  exportedBy: string;
  documents: DocumentReview[];
}

export type ReviewPackageErrorCode =
  | 'malformed-json'
  | 'foreign-format'
  | 'unsupported-version'
  | 'invalid-field'
  | 'hash-mismatch'
  | 'duplicate-id'
  | 'duplicate-document';

export interface ReviewPackageError {
  code: ReviewPackageErrorCode;
  /** zh-CN, shown to the user */
  messageZh: string;
  message: string;
  /** where in the file, e.g. "documents[0].edits[3].at"; null for whole-file problems */
  path: string | null;
}

export type ReviewPackageResult = { ok: true; package: ReviewPackage } | { ok: false; error: ReviewPackageError };

export function createReviewPackage(reviews: readonly DocumentReview[], meta: { exportedBy: string; exportedAt: Date }): ReviewPackage {
  return {
    format: REVIEW_PACKAGE_FORMAT,
    version: REVIEW_PACKAGE_VERSION,
    exportedAt: meta.exportedAt.toISOString(),
    exportedBy: meta.exportedBy,
    documents: reviews.map((r) => ({ ...r })),
  };
}

export function serializeReviewPackage(pkg: ReviewPackage): string {
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

function failure(code: ReviewPackageErrorCode, zh: string, en: string, path: string | null = null): ReviewPackageResult {
  return { ok: false, error: { code, messageZh: `无法导入校对包：${zh}`, message: `Cannot import the review package: ${en}`, path } };
}

/** Parses the text of a package file (a UTF-8 BOM from Windows editors is tolerated). */
export function parseReviewPackage(text: string): ReviewPackageResult {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return failure('malformed-json', `文件不是有效的 JSON（${detail}）。`, `the file is not valid JSON (${detail}).`);
  }
  return validateReviewPackage(value);
}

/** Validates a parsed value completely; the package returned holds known fields only. */
export function validateReviewPackage(value: unknown): ReviewPackageResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || (value as { format?: unknown }).format !== REVIEW_PACKAGE_FORMAT) {
    return failure(
      'foreign-format',
      `该文件不是本工具导出的校对包（format 应为 "${REVIEW_PACKAGE_FORMAT}"）。`,
      `the file is not a review package of this tool (format must be "${REVIEW_PACKAGE_FORMAT}").`,
    );
  }
  const v = value as Record<string, unknown>;
  if (typeof v.version !== 'number' || !Number.isInteger(v.version) || v.version < 1) {
    return failure('invalid-field', 'version 应为正整数。', 'version must be a positive integer.', 'version');
  }
  if (v.version > REVIEW_PACKAGE_VERSION) {
    return failure(
      'unsupported-version',
      `校对包格式版本为 ${v.version}，本工具只支持版本 ${REVIEW_PACKAGE_VERSION}，请升级本工具后再导入。`,
      `the package has format version ${v.version}; this tool reads version ${REVIEW_PACKAGE_VERSION} only. Upgrade the tool and import again.`,
      'version',
    );
  }
  try {
    const exportedAt = string(v.exportedAt, 'exportedAt', true);
    if (Number.isNaN(Date.parse(exportedAt))) throw new InvalidField('exportedAt', { zh: '应为 ISO 8601 时间', en: 'expected an ISO 8601 time' });
    const exportedBy = string(v.exportedBy, 'exportedBy');
    const documents = array(v.documents, 'documents').map((d, i) => documentReview(d, `documents[${i}]`));
    const seen = new Map<string, number>();
    documents.forEach((d, i) => {
      const first = seen.get(d.fileHash);
      if (first !== undefined) {
        throw new InvalidField(`documents[${i}].fileHash`, { zh: `与 documents[${first}] 是同一个文件`, en: `is the same file as documents[${first}]` }, 'duplicate-document');
      }
      seen.set(d.fileHash, i);
    });
    return { ok: true, package: { format: REVIEW_PACKAGE_FORMAT, version: REVIEW_PACKAGE_VERSION, exportedAt, exportedBy, documents } };
  } catch (e) {
    if (!(e instanceof InvalidField)) throw e;
    const what = e.kind === 'hash-mismatch' ? '内容不一致' : e.kind === 'invalid-field' ? '字段无效' : '内容重复';
    return failure(e.kind, `${what}：${e.path} ${e.expected.zh}。未导入任何内容。`, `${e.path} ${e.expected.en}. Nothing was imported.`, e.path);
  }
}
