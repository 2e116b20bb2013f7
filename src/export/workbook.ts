/**
 * The corrected workbook of one document: 说明, 问题清单, 修改记录, then one sheet per table.
 * Runs in Node (CLI) and in the renderer, so it takes data and returns bytes; no file I/O.
 */
import ExcelJS from 'exceljs';
import type { Finding } from '../core/checks/model';
import { DocumentError } from '../core/errors';
import type { ExtractedDocument } from '../core/model';
import type { DocumentReview } from '../core/review/model';
import { createContext } from './context';
import { EDITS_SHEET, writeEditsSheet } from './edits-sheet';
import { fixInternalLinks } from './hyperlinks';
import { INFO_SHEET, writeInfoSheet } from './info-sheet';
import { ISSUES_SHEET, writeIssuesSheet } from './issues-sheet';
import { SheetNames, cleanSheetName } from './sheet-names';
import { bodyStartRow, writeTableSheet } from './table-sheet';

export interface WorkbookInput {
  /** the document as parsed, before any edit (the printed values) */
  document: ExtractedDocument;
  /** its review: edits are applied here, so do not pass an already-edited document */
  review: DocumentReview;
  /** findings of the checks, run on the edited document */
  findings: Finding[];
  toolVersion: string;
  exportedAt: Date;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** A review with nothing in it, for exporting a document nobody has reviewed yet. */
export function emptyReview(document: ExtractedDocument): DocumentReview {
  return { fileHash: document.source.sha256, fileName: baseName(document.source.path), edits: [], annotations: [], decisions: [], reviewedTables: [] };
}

/** "2025年部门预算.pdf" → "2025年部门预算_校对.xlsx" */
export function workbookFileName(sourceName: string): string {
  const stem = baseName(sourceName).replace(/\.[^.]+$/, '') || '导出';
  return `${stem}_校对.xlsx`;
}

function toBytes(buffer: ArrayBuffer | Uint8Array): Uint8Array {
  return buffer instanceof Uint8Array ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) : new Uint8Array(buffer);
}

export async function buildWorkbook(input: WorkbookInput): Promise<Uint8Array> {
  const { document, review } = input;
  if (review.fileHash !== document.source.sha256) {
    throw new Error(`buildWorkbook: the review is of another file (${review.fileHash} ≠ ${document.source.sha256})`);
  }
  const ctx = createContext(document, review, input.findings);
  const fileName = review.fileName || baseName(document.source.path);

  // Plan the table sheets first: the lists before them link into them.
  const names = new SheetNames([INFO_SHEET, ISSUES_SHEET, EDITS_SHEET]);
  const planned = document.tables.map((table, i) => {
    const sheet = names.claim(table.title ?? table.code ?? '', `表${i + 1}`);
    ctx.layouts.set(table.id, { table, sheet, bodyStart: bodyStartRow(table) });
    return { table, sheet };
  });

  const wb = new ExcelJS.Workbook();
  wb.creator = `预算公开校对 ${input.toolVersion}`;
  wb.title = cleanSheetName(fileName) || fileName;
  wb.created = input.exportedAt;
  wb.modified = input.exportedAt;

  writeInfoSheet(wb, ctx, { fileName, toolVersion: input.toolVersion, exportedAt: input.exportedAt });
  writeIssuesSheet(wb, ctx);
  writeEditsSheet(wb, ctx);
  for (const { table, sheet } of planned) {
    const start = writeTableSheet(wb, ctx, table, sheet);
    if (start !== ctx.layouts.get(table.id)!.bodyStart) throw new Error(`table sheet layout drifted for ${table.id}`);
  }
  // Stored uncompressed here; fixInternalLinks compresses the final package once.
  const raw = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } });
  return fixInternalLinks(toBytes(raw as ArrayBuffer | Uint8Array));
}

export interface BatchProgress {
  /** workbooks finished so far */
  done: number;
  total: number;
  /** the document being (or just) exported */
  fileName: string;
}

export type BatchItem =
  | { fileName: string; workbookName: string; bytes: Uint8Array }
  | { fileName: string; workbookName: string; error: string };

export interface BatchOptions {
  onProgress?: (progress: BatchProgress) => void;
  /** called with each workbook as soon as it is built (e.g. to write it and drop the bytes) */
  onWorkbook?: (item: BatchItem) => void | Promise<void>;
  signal?: AbortSignal;
}

/**
 * One workbook per document, in order. A document that fails is reported in its item and the
 * batch goes on; workbook names are unique within the batch.
 */
export async function buildWorkbooks(inputs: readonly WorkbookInput[], options: BatchOptions = {}): Promise<BatchItem[]> {
  const items: BatchItem[] = [];
  const taken = new Set<string>();
  const total = inputs.length;
  for (const [i, input] of inputs.entries()) {
    if (options.signal?.aborted) throw new DocumentError('cancelled');
    const fileName = input.review.fileName || baseName(input.document.source.path);
    options.onProgress?.({ done: i, total, fileName });
    let workbookName = workbookFileName(fileName);
    for (let n = 2; taken.has(workbookName.toLowerCase()); n++) workbookName = workbookFileName(fileName).replace(/\.xlsx$/, `(${n}).xlsx`);
    taken.add(workbookName.toLowerCase());
    let item: BatchItem;
    try {
      item = { fileName, workbookName, bytes: await buildWorkbook(input) };
    } catch (e) {
      item = { fileName, workbookName, error: e instanceof Error ? e.message : String(e) };
    }
    items.push(item);
    await options.onWorkbook?.(item);
    options.onProgress?.({ done: i + 1, total, fileName });
    // Let the renderer paint the progress bar between documents.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return items;
}
