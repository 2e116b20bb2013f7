/** Messages between the renderer and its export worker (export-worker.ts). */
import type { ExtractedDocument } from '../../../../core/model';
import type { DocumentReview } from '../../../../core/review/model';

export interface BuildRequest {
  type: 'build';
  id: number;
  /** the document as parsed (edits are applied in the worker) */
  document: ExtractedDocument;
  review: DocumentReview;
  toolVersion: string;
  /** epoch milliseconds */
  exportedAt: number;
}

export type BuildReply =
  | { type: 'done'; id: number; bytes: Uint8Array; findings: number; ms: number }
  | { type: 'error'; id: number; message: string };
