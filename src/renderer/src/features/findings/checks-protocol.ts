/** Messages between the renderer and the checks worker. */
import type { CheckReport } from '../../../../core/checks/model';
import type { ExtractedDocument } from '../../../../core/model';
import type { CellEdit } from '../../../../core/review/model';

export interface CheckRequest {
  type: 'check';
  id: number;
  /** names the document in the worker's cache */
  key: string;
  /** sent the first time a document is checked (or every time when not kept) */
  doc?: ExtractedDocument;
  /** keep the document for later requests (the open document); background counts do not */
  keep: boolean;
  edits: readonly CellEdit[];
}

/** Forgets cached documents other than `keep`. */
export interface ReleaseRequest {
  type: 'release';
  keep: string | null;
}

export type ChecksRequest = CheckRequest | ReleaseRequest;

export type CheckReply =
  | { type: 'done'; id: number; report: CheckReport; ms: number }
  | { type: 'error'; id: number; message: string; missing?: boolean };
