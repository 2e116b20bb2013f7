/**
 * `extract <file> [--json out.json]`: prints a per-table summary and optionally writes the
 * versioned JSON (docs/extraction-schema.md).
 */
import { writeFile } from 'node:fs/promises';
import { isDocumentError } from '../../core/errors';
import type { ExtractedDocument, Table } from '../../core/model';
import { pageRanges } from '../../core/text/page-ranges';
import { extractFile } from '../../node/extract-file';
import { parseArgs } from '../args';
import { OCR_USAGE, takeOcrArgs } from '../ocr-args';

function summarizeTable(t: Table): string {
  const cells = t.rows.reduce((n, r) => n + r.filter((c) => c && c.text).length, 0);
  const doubtful = [...t.header, ...t.rows].reduce((n, r) => n + r.filter((c) => c && c.confidence !== 'ok').length, 0);
  const pages = t.pages[0] === t.pages[1] ? `p${t.pages[0]}` : `p${t.pages[0]}–${t.pages[1]}`;
  const attrs = [t.code, t.unit && `单位：${t.unit}`].filter(Boolean).join(' ');
  return `  ${t.id.padEnd(4)} ${pages.padEnd(8)} ${t.title ?? '（无标题）'}${attrs ? `  [${attrs}]` : ''}\n` +
    `       ${t.columnCount} 列 × ${t.header.length} 表头行 + ${t.rows.length} 行，${cells} 个非空单元格` +
    (doubtful ? `，${doubtful} 个待核对` : '') +
    (t.notes.length ? `，注 ${t.notes.length} 条` : '');
}

export function summarize(doc: ExtractedDocument): string {
  const unread = doc.source.imageOnlyPages ?? [];
  const ocr = doc.source.ocr;
  const flagged = doc.tables.reduce(
    (n, t) => n + [...t.header, ...t.rows].reduce((m, r) => m + r.filter((c) => c?.source?.kind === 'ocr' && c.source.flagged).length, 0),
    0,
  );
  return [
    `${doc.source.path}`,
    `  ${doc.source.pages} 页，${doc.tables.length} 张表，${doc.narrative.length} 段正文  sha256 ${doc.source.sha256.slice(0, 12)}…`,
    ...(ocr && ocr.pages.length > 0 ? [`  第 ${pageRanges(ocr.pages)} 页由 OCR 识别（${ocr.dpi} dpi），${flagged} 个单元格置信度低、请核对 / pages read by OCR, ${flagged} low-confidence cells flagged`] : []),
    ...(ocr?.problems ?? []).map((p) => `  注意：${p.messageZh} / ${p.message}`),
    ...(unread.length > 0 ? [`  注意：第 ${pageRanges(unread)} 页只有图片、没有文字层（可能是扫描件），未能提取 / pages with images only, not extracted`] : []),
    ...doc.tables.map(summarizeTable),
  ].join('\n');
}

export async function runExtract(args: string[]): Promise<number> {
  // OCR of pages without a usable text layer is on in the CLI; --no-ocr lists them instead
  const { rest, ocr } = takeOcrArgs(args);
  const { positional, options } = parseArgs(rest, ['json']);
  const file = positional[0];
  if (!file) {
    console.error(`用法 / usage: extract <file> [--json out.json] ${OCR_USAGE}`);
    return 2;
  }
  try {
    const doc = await extractFile(file, { ocr });
    console.log(summarize(doc));
    if (options.json) {
      await writeFile(options.json, JSON.stringify(doc, null, 1));
      console.log(`已写入 / written: ${options.json}`);
    }
    return 0;
  } catch (e) {
    if (isDocumentError(e)) {
      console.error(`无法处理 ${file}：${e.messageZh}\n${e.message}`);
      return 1;
    }
    throw e;
  }
}
