/** Messages between the main process and a parse worker (structured-cloned). */
import type { SerializedDocumentError } from '../../core/errors';
import type { ExtractedDocument } from '../../core/model';

export type ToWorker = { type: 'parse'; jobId: number; path: string } | { type: 'cancel'; jobId: number };

export type FromWorker =
  | { type: 'progress'; jobId: number; done: number; total: number }
  /** heartbeat with this worker's heap + ArrayBuffer usage, so main can enforce the memory limit */
  | { type: 'memory'; bytes: number }
  | { type: 'result'; jobId: number; document: ExtractedDocument }
  | { type: 'failure'; jobId: number; error: SerializedDocumentError };
