/** Messages between the browser bridge and its parse worker. */
import type { SerializedDocumentError } from '../../../core/errors';
import type { ExtractedDocument } from '../../../core/model';

export interface ParseRequest {
  type: 'parse';
  id: number;
  path: string;
  sha256: string;
  data: Uint8Array;
  /** absolute URL of the folder holding pdf.js's cmaps/ and standard_fonts/ */
  pdfjsAssetsUrl: string;
}

export type ParseReply =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'done'; id: number; doc: ExtractedDocument }
  | { type: 'error'; id: number; error: SerializedDocumentError };
