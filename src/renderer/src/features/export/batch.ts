/**
 * Batch export of a folder: one workbook per parsed document, written one after another into the
 * chosen directory. Documents not parsed (still queued or parsing, or failed) are skipped with
 * their reason; a document whose build or write fails is reported and the batch goes on.
 * Pure orchestration: reading, building and writing are passed in, so it is tested without a UI.
 */
import type { ExtractedDocument } from '../../../../core/model';
import type { DocumentReview } from '../../../../core/review/model';
import type { DocumentEntry } from '../../../../shared/ipc-contract';
import { STRINGS } from '../../strings';
import { WorkbookNames } from './names';

export interface BatchDeps {
  extraction: (entry: DocumentEntry) => Promise<ExtractedDocument>;
  review: (entry: DocumentEntry, doc: ExtractedDocument) => Promise<DocumentReview>;
  build: (doc: ExtractedDocument, review: DocumentReview, signal: AbortSignal) => Promise<Uint8Array>;
  /** writes into the chosen directory; resolves to the written file's path */
  write: (name: string, bytes: Uint8Array) => Promise<string>;
  /** turns an error into the message shown to the reviewer */
  message: (error: unknown) => string;
}

export interface BatchProgress {
  /** documents finished (exported or failed) */
  done: number;
  /** parsed documents to export */
  total: number;
  /** the document being exported, null between documents */
  current: string | null;
}

export type BatchOutcome =
  | { relativePath: string; status: 'exported'; workbookName: string; path: string }
  | { relativePath: string; status: 'skipped'; reason: string }
  | { relativePath: string; status: 'failed'; reason: string };

export interface BatchSummary {
  outcomes: BatchOutcome[];
  cancelled: boolean;
  ms: number;
}

/** Why a document is not exported, or null when it can be. */
export function skipReason(entry: DocumentEntry): string | null {
  switch (entry.status) {
    case 'parsed':
      return null;
    case 'error':
      return entry.error?.messageZh ?? STRINGS.export.skippedError;
    case 'queued':
    case 'parsing':
      return STRINGS.export.skippedNotParsed;
    default: {
      const never: never = entry.status;
      return String(never);
    }
  }
}

/** Gives the event loop a turn, so the progress bar paints and clicks (cancel) get through. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export async function runBatchExport(
  documents: readonly DocumentEntry[],
  deps: BatchDeps,
  options: { signal: AbortSignal; onProgress?: (progress: BatchProgress) => void; now?: () => number },
): Promise<BatchSummary> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const outcomes: BatchOutcome[] = [];
  const toExport: DocumentEntry[] = [];
  for (const entry of documents) {
    const reason = skipReason(entry);
    if (reason === null) toExport.push(entry);
    else outcomes.push({ relativePath: entry.relativePath, status: 'skipped', reason });
  }
  const names = new WorkbookNames();
  const total = toExport.length;
  let done = 0;
  let cancelled = false;
  for (const entry of toExport) {
    if (options.signal.aborted) {
      cancelled = true;
      break;
    }
    options.onProgress?.({ done, total, current: entry.relativePath });
    await nextTask();
    try {
      const doc = await deps.extraction(entry);
      const review = await deps.review(entry, doc);
      const bytes = await deps.build(doc, review, options.signal);
      if (options.signal.aborted) {
        cancelled = true;
        break;
      }
      const workbookName = names.claim(entry.name);
      const path = await deps.write(workbookName, bytes);
      outcomes.push({ relativePath: entry.relativePath, status: 'exported', workbookName, path });
    } catch (e) {
      if (options.signal.aborted) {
        cancelled = true;
        break;
      }
      outcomes.push({ relativePath: entry.relativePath, status: 'failed', reason: deps.message(e) });
    }
    done++;
    options.onProgress?.({ done, total, current: null });
  }
  const order = new Map(documents.map((d, i) => [d.relativePath, i]));
  outcomes.sort((a, b) => (order.get(a.relativePath) ?? 0) - (order.get(b.relativePath) ?? 0));
  return { outcomes, cancelled, ms: now() - started };
}
