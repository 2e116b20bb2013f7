/** Messages between main and the folder-review worker thread (review-worker.ts). */
import type { FolderReview } from '../../core/folder/model';
import type { RelationOverrides } from '../../core/folder/relations';
import type { CacheVersions } from '../cache/parse-cache';

/** A file of the folder as main knows it: the worker reads its extraction from the parse cache. */
export interface ReviewedFile {
  file: string;
  /** the parsed content's hash (its cache entry), null when the file failed */
  sha256: string | null;
  /** zh-CN reason when the file could not be read */
  error?: string;
  modifiedAt?: number;
}

export interface ReviewWorkerData {
  cacheRoot: string;
  versions: CacheVersions;
}

export type ToReviewWorker = { type: 'review'; id: number; files: ReviewedFile[]; overrides: RelationOverrides };

export type FromReviewWorker =
  | { type: 'result'; id: number; review: FolderReview; loadMs: number; reviewMs: number; documents: number }
  | { type: 'failure'; id: number; message: string };
