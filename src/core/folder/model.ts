/** Cross-document findings: a relation between two files of a folder that does not hold. */
import type { Severity } from '../checks/model';
import type { ExtractedDocument } from '../model';
import type { DocCellRef } from './align';
import type { DocIdentity } from './identity';
import type { RelationKind } from './relations';

export type { DocCellRef } from './align';

/** Characters [start, end) of narrative block `block` of `file`. */
export interface DocNarrativeRef {
  file: string;
  block: number;
  start: number;
  end: number;
  page: number | null;
}

export interface CrossFinding {
  /** rule + files + semantic location (table key, row key, column key): stable across re-parses */
  id: string;
  /** folder.department-unit, folder.year-over-year, folder.versions */
  rule: string;
  kind: 'cross-document';
  severity: Severity;
  /** zh-CN, with the computation */
  message: string;
  /** file names: [部门, 单位…] / [上年, 本年] / [旧版, 新版] */
  documents: string[];
  /** the printed cells on both sides */
  cells: DocCellRef[];
  narrative: DocNarrativeRef[];
  expected: string | null;
  actual: string | null;
  difference: string | null;
  /** versions: what kind of change */
  change?: 'added' | 'removed' | 'changed' | 'moved' | 'zeroed';
}

/** A document of the folder: extracted, or why it could not be (a corrupt or picture-only file). */
export interface FolderDocument {
  file: string;
  doc: ExtractedDocument | null;
  /** zh-CN reason when doc is null, or when nothing on it could be read */
  error?: string;
  /** modification time (ms): the older of two versions is compared as the old one */
  modifiedAt?: number;
}

export interface RelationResult {
  kind: RelationKind;
  files: [string, string];
  source: 'auto' | 'manual';
  status: 'checked' | 'not-run';
  /** comparisons made */
  checked: number;
  /** zh-CN: why it did not run, or what part of it could not be checked */
  reason?: string;
}

export interface FolderReview {
  identities: { file: string; identity: DocIdentity }[];
  relations: RelationResult[];
  findings: CrossFinding[];
}
