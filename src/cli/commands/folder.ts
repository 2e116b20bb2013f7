/**
 * Whole-folder review from the CLI: `check <DIR> [--json out.json]` checks every disclosure file of
 * DIR and the relations between them (docs/folder-review.md); `export <DIR> --out x.xlsx` writes
 * one workbook of all findings across the folder. A file that cannot be read is listed with its
 * reason, the others are checked, and each relation it takes part in says it could not run.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { CheckOptions, Finding } from '../../core/checks';
import { runChecks } from '../../core/checks';
import { isDocumentError } from '../../core/errors';
import { folderDocument, reviewFolder } from '../../core/folder/cross-checks';
import { describeIdentity } from '../../core/folder/identity';
import type { DocIdentity } from '../../core/folder/identity';
import type { CrossFinding, FolderDocument, RelationResult } from '../../core/folder/model';
import type { RelationOverrides } from '../../core/folder/relations';
import { relationTitle } from '../../core/folder/relations';
import type { ExtractedDocument } from '../../core/model';
import { extractFile } from '../../node/extract-file';
import type { OcrOptions } from '../../node/ocr-engine';

const EXTENSIONS = new Set(['.pdf', '.docx', '.docm', '.xlsx', '.xlsm', '.xls', '.doc', '.et', '.wps']);

export interface FolderFileResult {
  file: string;
  identity: DocIdentity;
  /** null when the file could not be read */
  error: string | null;
  pages: number | null;
  tables: number | null;
  findings: Finding[];
}

export interface FolderCheckResult {
  folder: string;
  documents: FolderFileResult[];
  relations: RelationResult[];
  findings: CrossFinding[];
  /** the extracted documents by file name (for the export), not serialised */
  extracted: Map<string, ExtractedDocument>;
}

/**
 * The clerk's relation overrides, a JSON file `{pairs:[{kind, files:[a,b]}], unpairs:[{kind?, files:[a,b]}]}`
 * (file names as in the folder); a Chinese message when it cannot be used.
 */
export async function readOverrides(path: string): Promise<RelationOverrides | string> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    return `无法读取文件关系设置 ${path}：${e instanceof Error ? e.message : String(e)}`;
  }
  const kinds = new Set(['versions', 'department-unit', 'year-over-year']);
  const isFiles = (x: unknown): x is [string, string] => Array.isArray(x) && x.length === 2 && x.every((f) => typeof f === 'string');
  const obj = (data ?? {}) as { pairs?: unknown; unpairs?: unknown };
  const pairs = Array.isArray(obj.pairs) ? obj.pairs : [];
  const unpairs = Array.isArray(obj.unpairs) ? obj.unpairs : [];
  const out: RelationOverrides = { pairs: [], unpairs: [] };
  for (const p of pairs as { kind?: unknown; files?: unknown }[]) {
    if (typeof p?.kind !== 'string' || !kinds.has(p.kind) || !isFiles(p.files)) return `${path}：pairs 的每一项应为 {kind: versions|department-unit|year-over-year, files: [a, b]}`;
    out.pairs!.push({ kind: p.kind as 'versions', files: p.files });
  }
  for (const p of unpairs as { kind?: unknown; files?: unknown }[]) {
    if ((p?.kind !== undefined && (typeof p.kind !== 'string' || !kinds.has(p.kind))) || !isFiles(p?.files)) return `${path}：unpairs 的每一项应为 {kind?, files: [a, b]}`;
    out.unpairs!.push({ ...(p.kind ? { kind: p.kind as 'versions' } : {}), files: p.files });
  }
  return out;
}

export async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}

/** Disclosure files of the folder (not recursive), sorted by name. */
export async function folderFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.') && !e.name.startsWith('~$') && EXTENSIONS.has(extname(e.name).toLowerCase()))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

export interface CheckFolderOptions {
  check?: CheckOptions;
  overrides?: RelationOverrides;
  /** OCR of pages without a usable text layer (off unless given) */
  ocr?: OcrOptions | false;
  onFile?: (file: string, i: number, n: number) => void;
}

export async function checkFolder(dir: string, options: CheckFolderOptions = {}): Promise<FolderCheckResult> {
  const files = await folderFiles(dir);
  const docs: FolderDocument[] = [];
  const perFile = new Map<string, { findings: Finding[]; doc: ExtractedDocument | null; error: string | null }>();
  for (const [i, file] of files.entries()) {
    options.onFile?.(file, i, files.length);
    const modifiedAt = await stat(join(dir, file)).then((s) => s.mtimeMs, () => undefined);
    try {
      const doc = await extractFile(join(dir, file), options.ocr ? { ocr: options.ocr } : {});
      const findings = runChecks(doc, options.check).findings;
      const entry = folderDocument(file, doc, { modifiedAt });
      docs.push(entry);
      perFile.set(file, { findings, doc, error: entry.error ?? null });
    } catch (e) {
      if (!isDocumentError(e)) throw e;
      docs.push(folderDocument(file, null, { error: e.messageZh, modifiedAt }));
      perFile.set(file, { findings: [], doc: null, error: e.messageZh });
    }
  }
  const review = reviewFolder(docs, { overrides: options.overrides });
  const extracted = new Map<string, ExtractedDocument>();
  const documents = files.map((file) => {
    const r = perFile.get(file)!;
    if (r.doc) extracted.set(file, r.doc);
    return {
      file,
      identity: review.identities.find((x) => x.file === file)!.identity,
      error: r.error,
      pages: r.doc?.source.pages ?? null,
      tables: r.doc?.tables.length ?? null,
      findings: r.findings,
    };
  });
  return { folder: dir, documents, relations: review.relations, findings: review.findings, extracted };
}

/** The JSON written by `check DIR --json`: {documents:[{file, findings}], relations:[{kind, files}], findings}. */
export function folderJson(result: FolderCheckResult): unknown {
  return {
    folder: result.folder,
    documents: result.documents.map((d) => ({ file: d.file, identity: d.identity, error: d.error, pages: d.pages, tables: d.tables, findings: d.findings })),
    relations: result.relations,
    findings: result.findings,
  };
}

const SEVERITY_TITLES = { error: '错误', warning: '警告', note: '提示' } as const;

function counts(findings: readonly { severity: keyof typeof SEVERITY_TITLES }[]): string {
  return (['error', 'warning', 'note'] as const).map((s) => `${SEVERITY_TITLES[s]} ${findings.filter((f) => f.severity === s).length}`).join('，');
}

export function formatFolderReport(result: FolderCheckResult): string {
  const lines: string[] = [`文件夹 ${result.folder}：${result.documents.length} 个文件`];
  for (const d of result.documents) {
    lines.push(`  ${d.error && d.pages === null ? '✗' : '✓'} ${d.file}（${describeIdentity(d.identity)}）${d.error ? `：${d.error}` : `：${d.pages} 页，${d.tables} 张表；${counts(d.findings)}`}`);
  }
  lines.push('', `文件关系（${result.relations.length}）`);
  for (const r of result.relations) {
    lines.push(`  ${r.status === 'checked' ? '✓' : '–'} ${relationTitle(r.kind)}：${r.files.join(' ↔ ')}${r.source === 'manual' ? '（手动配对）' : ''}${r.status === 'checked' ? `（比对 ${r.checked} 处）` : '：未运行'}${r.reason ? `：${r.reason}` : ''}`);
  }
  lines.push('', `跨文件问题（${counts(result.findings)}）`);
  for (const severity of ['error', 'warning', 'note'] as const) {
    const list = result.findings.filter((f) => f.severity === severity);
    if (list.length === 0) continue;
    lines.push(`  ${SEVERITY_TITLES[severity]}（${list.length}）`);
    list.forEach((f, i) => {
      const cells = f.cells.filter((c) => c.page !== null).map((c) => `${c.file} 第${c.page}页`);
      const where = [...new Set(cells)].slice(0, 4).join('；');
      lines.push(`    ${i + 1}. ${f.message}${where ? `  〔${where}〕` : ''}`);
    });
  }
  return lines.join('\n');
}
