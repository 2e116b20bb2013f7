/**
 * `check <file> [--json out.json] [--catalogue codes.txt] [--rounding n]`: extracts the file, runs
 * the proofreading checks and prints the findings by severity (in Chinese, with the arithmetic)
 * and the coverage checklist; optionally writes `{findings, coverage}` as JSON. Exits 0 whenever
 * the checks ran, findings or not.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CheckOptions, CheckReport, Finding, Severity } from '../../core/checks';
import { parseCatalogue, recognizeDocument, runChecks } from '../../core/checks';
import { isDocumentError } from '../../core/errors';
import type { ExtractedDocument } from '../../core/model';
import { extractFile } from '../../node/extract-file';
import { parseArgs } from '../args';
import { OCR_USAGE, takeOcrArgs } from '../ocr-args';
import { checkFolder, folderJson, formatFolderReport, isDirectory, readOverrides } from './folder';

const USAGE = `用法 / usage: check <file|folder> [--json out.json] [--catalogue 科目表.txt] [--rounding 1] [--relations pairs.json] ${OCR_USAGE}`;

const SEVERITY_TITLES: Record<Severity, string> = { error: '错误', warning: '警告', note: '提示' };

function cellsText(f: Finding, doc: ExtractedDocument): string {
  if (f.cells.length === 0) return '';
  const first = f.cells[0]!;
  const table = doc.tables.find((t) => t.id === first.table);
  const page = table?.rows[first.row]?.[first.col]?.page ?? table?.pages[0];
  const more = f.cells.length > 1 ? ` 等 ${f.cells.length} 个单元格` : '';
  return `  〔${table?.title ?? first.table}${page ? `，第${page}页` : ''}${more}〕`;
}

export function formatReport(doc: ExtractedDocument, report: CheckReport): string {
  const rd = recognizeDocument(doc);
  const lines: string[] = [];
  lines.push(`${basename(doc.source.path)}：${doc.source.pages} 页，${doc.tables.length} 张表` + (rd.year || rd.kind ? `，识别为 ${rd.year ?? ''}${rd.year ? '年' : ''}${rd.kind ?? ''}公开` : ''));
  if (rd.department) lines.push(`部门：${rd.department}`);
  const bySeverity = (s: Severity): Finding[] => report.findings.filter((f) => f.severity === s);
  for (const severity of ['error', 'warning', 'note'] as Severity[]) {
    const list = bySeverity(severity);
    lines.push('', `${SEVERITY_TITLES[severity]}（${list.length}）`);
    list.forEach((f, i) => lines.push(`  ${i + 1}. ${f.message}${cellsText(f, doc)}`));
  }
  const passed = report.coverage.filter((c) => c.outcome === 'passed').length;
  const failed = report.coverage.filter((c) => c.outcome === 'failed').length;
  const notRun = report.coverage.filter((c) => c.outcome === 'not-run').length;
  lines.push('', `检查清单：通过 ${passed} 项，未通过 ${failed} 项，未运行 ${notRun} 项`);
  for (const c of report.coverage) {
    const mark = c.outcome === 'passed' ? '✓' : c.outcome === 'failed' ? '✗' : '–';
    lines.push(`  ${mark} ${c.title}${c.outcome === 'not-run' ? `：未运行（${c.reason ?? ''}）` : `（比对 ${c.checked} 处）`}`);
  }
  return lines.join('\n');
}

export async function runCheck(args: string[]): Promise<number> {
  const { rest, ocr } = takeOcrArgs(args);
  const { positional, options } = parseArgs(rest, ['json', 'catalogue', 'rounding', 'relations']);
  const file = positional[0];
  if (!file) {
    console.error(USAGE);
    return 2;
  }
  const checkOptions: CheckOptions = {};
  if (options.rounding !== undefined) {
    const n = Number(options.rounding);
    if (!Number.isFinite(n) || n < 0) {
      console.error(`--rounding 应为非负数 / must be a non-negative number: ${options.rounding}`);
      return 2;
    }
    checkOptions.roundingPerTerm = n;
  }
  if (options.catalogue) {
    try {
      checkOptions.catalogue = parseCatalogue(await readFile(options.catalogue, 'utf8'), basename(options.catalogue));
    } catch (e) {
      console.error(`无法读取科目表 ${options.catalogue}：${e instanceof Error ? e.message : String(e)}`);
      return 1;
    }
  }
  if (await isDirectory(file)) {
    const overrides = options.relations ? await readOverrides(options.relations) : undefined;
    if (typeof overrides === 'string') {
      console.error(overrides);
      return 1;
    }
    const result = await checkFolder(file, { check: checkOptions, overrides, ocr, onFile: (f, i, n) => console.error(`[${i + 1}/${n}] ${f}`) });
    console.log(formatFolderReport(result));
    if (options.json) {
      await writeFile(options.json, JSON.stringify(folderJson(result), null, 1));
      console.log(`\n已写入 / written: ${options.json}`);
    }
    return 0;
  }
  let doc: ExtractedDocument;
  try {
    doc = await extractFile(file, { ocr });
  } catch (e) {
    if (isDocumentError(e)) {
      console.error(`无法处理 ${file}：${e.messageZh}\n${e.message}`);
      return 1;
    }
    throw e;
  }
  const report = runChecks(doc, checkOptions);
  console.log(formatReport(doc, report));
  if (options.json) {
    await writeFile(options.json, JSON.stringify({ file: doc.source.path, sha256: doc.source.sha256, findings: report.findings, coverage: report.coverage }, null, 1));
    console.log(`\n已写入 / written: ${options.json}`);
  }
  return 0;
}
