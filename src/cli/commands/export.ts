/**
 * `export <file> --out x.xlsx [--review package.json]`: parses the file afresh, applies the review
 * package's review of that file (matched by content hash), runs the checks on the corrected
 * document and writes the corrected workbook. Bad input gets a message in Chinese and English and
 * a non-zero exit.
 */
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { runChecks } from '../../core/checks';
import { isDocumentError } from '../../core/errors';
import type { ExtractedDocument } from '../../core/model';
import { applyEdits } from '../../core/review/edits';
import type { DocumentReview } from '../../core/review/model';
import { parseReviewPackage, type ReviewPackage } from '../../core/review/package';
import { buildWorkbook, emptyReview } from '../../export/workbook';
import { extractFile } from '../../node/extract-file';
import { buildFolderWorkbook } from '../../export/folder-workbook';
import { parseArgs } from '../args';
import { OCR_USAGE, takeOcrArgs } from '../ocr-args';
import type { OcrOptions } from '../../node/ocr-engine';
import { checkFolder, isDirectory, readOverrides } from './folder';

const USAGE = `用法 / usage: export <file> --out x.xlsx [--review package.json] | export <folder> --out x.xlsx [--relations pairs.json] ${OCR_USAGE}`;
const OPTIONS = ['out', 'review', 'relations'];

function fail(zh: string, en: string): number {
  console.error(`${zh}\n${en}`);
  return 1;
}

async function toolVersion(): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

async function readPackage(path: string): Promise<ReviewPackage | number> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return fail(`无法读取校对包 ${path}（${code}）。`, `Cannot read the review package ${path} (${code}).`);
  }
  const result = parseReviewPackage(text);
  if (!result.ok) return fail(`${path}：${result.error.messageZh}`, `${path}: ${result.error.message}`);
  return result.package;
}

function orphanEdits(doc: ExtractedDocument, review: DocumentReview): number {
  const tables = new Map(doc.tables.map((t) => [t.id, t]));
  return review.edits.filter((e) => !tables.get(e.cell.tableId)?.rows[e.cell.row]?.[e.cell.col]).length;
}

async function writeAtomically(out: string, bytes: Uint8Array): Promise<number | null> {
  const temp = `${out}.${process.pid}.tmp`;
  try {
    await writeFile(temp, bytes);
    await rename(temp, out);
    return null;
  } catch (e) {
    await rm(temp, { force: true });
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return fail(`无法写入 ${out}（${code}）。`, `Cannot write ${out} (${code}).`);
  }
}

/** `export <DIR> --out x.xlsx`: one workbook with every file's findings and the cross-document ones. */
async function exportFolder(dir: string, out: string, relations: string | undefined, ocr: OcrOptions | false): Promise<number> {
  const started = performance.now();
  const overrides = relations ? await readOverrides(relations) : undefined;
  if (typeof overrides === 'string') return fail(overrides, `Cannot use the relations file ${relations}.`);
  const result = await checkFolder(dir, { overrides, ocr, onFile: (f, i, n) => console.error(`[${i + 1}/${n}] ${f}`) });
  const bytes = await buildFolderWorkbook({
    folder: dir,
    documents: result.documents.map((d) => ({ ...d, doc: result.extracted.get(d.file) ?? null })),
    relations: result.relations,
    findings: result.findings,
    exportedAt: new Date(),
  });
  const failed = await writeAtomically(out, bytes);
  if (failed !== null) return failed;
  const single = result.documents.reduce((a, d) => a + d.findings.length, 0);
  console.log(
    `已写入 / written: ${out}\n  ${result.documents.length} 个文件，${result.relations.length} 个文件关系，${single} 个单文件问题，${result.findings.length} 个跨文件问题（${Math.round(performance.now() - started)} ms）`,
  );
  return 0;
}

export async function runExport(args: string[]): Promise<number> {
  const { rest, ocr } = takeOcrArgs(args);
  const { positional, options } = parseArgs(rest, OPTIONS);
  const unknown = Object.keys(options).filter((k) => !OPTIONS.includes(k));
  const [file, ...extra] = positional;
  if (!file || extra.length > 0 || unknown.length > 0 || !options.out) {
    if (unknown.length > 0) console.error(`未知选项 / unknown option: ${unknown.map((k) => `--${k}`).join(' ')}`);
    console.error(USAGE);
    return 2;
  }
  const out = options.out;
  if (!/\.xlsx$/i.test(out)) return fail(`输出文件应以 .xlsx 结尾：${out}`, `The output file must end in .xlsx: ${out}`);
  if ('review' in options && !options.review) {
    console.error(USAGE);
    return 2;
  }

  const folder = dirname(resolve(out));
  if (!(await stat(folder).then((s) => s.isDirectory(), () => false))) {
    return fail(`无法写入 ${out}：文件夹 ${folder} 不存在。`, `Cannot write ${out}: the folder ${folder} does not exist.`);
  }
  if (await isDirectory(file)) return exportFolder(file, out, options.relations, ocr);
  // Validate the package before the (slower) parse: a bad package is refused at once.
  const pkg = options.review ? await readPackage(options.review) : null;
  if (typeof pkg === 'number') return pkg;

  const started = performance.now();
  let document: ExtractedDocument;
  try {
    document = await extractFile(file, { ocr });
  } catch (e) {
    if (isDocumentError(e)) return fail(`无法处理 ${file}：${e.messageZh}`, `Cannot process ${file}: ${e.message}`);
    throw e;
  }

  let review = emptyReview(document);
  if (pkg) {
    const entry = pkg.documents.find((d) => d.fileHash === document.source.sha256);
    if (!entry) {
      const names = pkg.documents.map((d) => d.fileName || d.fileHash.slice(0, 12)).join('、') || '（无）';
      return fail(
        `校对包 ${options.review} 中没有该文件的校对记录（按内容 SHA-256 ${document.source.sha256.slice(0, 12)}… 匹配；包内文件：${names}）。文件内容可能已改变。`,
        `The review package ${options.review} has no review of this file (matched by content SHA-256 ${document.source.sha256.slice(0, 12)}…); the file may have changed.`,
      );
    }
    // the workbook names the file as given on the command line (it may have been renamed)
    review = { ...entry, fileName: basename(file) };
  }

  const orphans = orphanEdits(document, review);
  if (orphans > 0) {
    console.warn(`注意：${orphans} 条修改在本次解析中找不到对应单元格，仅列入“修改记录”。\nNote: ${orphans} edit(s) match no cell in this parse; they are listed in 修改记录 only.`);
  }
  // 问题清单 reports what is still wrong after the corrections
  const { findings } = runChecks(applyEdits(document, review.edits));

  const bytes = await buildWorkbook({ document, review, findings, toolVersion: await toolVersion(), exportedAt: new Date() });
  // Write beside the target and rename, so a failed write never leaves half a workbook.
  const temp = `${out}.${process.pid}.tmp`;
  try {
    await writeFile(temp, bytes);
    await rename(temp, out);
  } catch (e) {
    await rm(temp, { force: true });
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return fail(`无法写入 ${out}（${code}）。`, `Cannot write ${out} (${code}).`);
  }
  const ms = Math.round(performance.now() - started);
  console.log(
    `已写入 / written: ${out}\n  ${document.tables.length} 张表，${review.edits.length} 条修改记录，${review.annotations.length} 条批注，${findings.length} 个检查问题（${ms} ms）`,
  );
  return 0;
}
