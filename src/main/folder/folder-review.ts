/**
 * The whole-folder review in the app (docs/folder-review.md): the parsed documents of the watched
 * folder (from the parse cache, with their modification times) go through the pure core
 * `reviewFolder`; the result is kept until a file or the clerk's relation overrides change. The
 * overrides are kept per folder in one JSON file beside the settings, validated when read and when
 * set (every file must be a file of the folder).
 */
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { RelationOverrides } from '../../core/folder/relations';
import type { ExtractedDocument } from '../../core/model';
import type { DocumentEntry, FolderReviewResult, FolderState } from '../../shared/ipc-contract';
import { writeFileAtomic } from '../fs/atomic-write';
import { IpcError } from '../ipc/ipc-error';
import { relationOverridesArgs } from '../ipc/validators';
import { InProcessReview, type FolderReviewRunner } from './review-runner';
import type { ReviewedFile } from './review-worker-protocol';

export const FOLDER_RELATIONS_FILE = 'folder-relations.json';
const FORMAT_VERSION = 1;

/** What the review needs of the workspace. */
export interface ReviewedWorkspace {
  state(): FolderState;
  extraction(relativePath: string): Promise<ExtractedDocument>;
}

export interface FolderReviewOptions {
  workspace: ReviewedWorkspace;
  /** where folder-relations.json lives (the settings directory); null keeps overrides in memory */
  storeDir: string | null;
  log?: (message: string, error?: unknown) => void;
  /**
   * Runs the review off the main thread (the app: a worker reading the parse cache); absent, it
   * runs here on extractions from the workspace (tests).
   */
  runner?: FolderReviewRunner;
}

export interface ReviewTiming {
  /** reading the extractions of files not seen before */
  loadMs: number;
  /** the core reviewFolder call */
  reviewMs: number;
  documents: number;
}

/** The stored file: `{version: 1, folders: {"<absolute folder>": {pairs, unpairs}}}`; a damaged folder entry is dropped. */
export function parseStoredRelations(text: string): Map<string, RelationOverrides> | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as { version?: unknown; folders?: unknown };
  if (v.version !== FORMAT_VERSION || typeof v.folders !== 'object' || v.folders === null || Array.isArray(v.folders)) return null;
  const out = new Map<string, RelationOverrides>();
  for (const [folder, overrides] of Object.entries(v.folders as Record<string, unknown>)) {
    try {
      out.set(folder, relationOverridesArgs(overrides));
    } catch {
      // one damaged entry does not cost the other folders theirs
    }
  }
  return out;
}

/** The overrides reduced to the files the folder lists now (a deleted file's pair is kept on disk, not applied). */
function applicable(overrides: RelationOverrides, files: ReadonlySet<string>): RelationOverrides {
  const present = (p: { files: [string, string] }): boolean => files.has(p.files[0]) && files.has(p.files[1]);
  return { pairs: (overrides.pairs ?? []).filter(present), unpairs: (overrides.unpairs ?? []).filter(present) };
}

function isPending(entry: DocumentEntry): boolean {
  return entry.status === 'queued' || entry.status === 'parsing';
}

export class FolderReviewService {
  private readonly path: string | null;
  private stored = new Map<string, RelationOverrides>();
  private writes: Promise<void> = Promise.resolve();
  private readonly runner: FolderReviewRunner;
  private last: { key: string; result: FolderReviewResult } | null = null;
  private running: { key: string; result: Promise<FolderReviewResult> } | null = null;
  /** how long the last review took */
  timing: ReviewTiming | null = null;
  /** reviews run (not served from the kept result) */
  runs = 0;

  private constructor(private readonly options: FolderReviewOptions) {
    this.path = options.storeDir ? join(options.storeDir, FOLDER_RELATIONS_FILE) : null;
    // a file re-parsed meanwhile is left out and reviewed once it is parsed again
    this.runner = options.runner ?? new InProcessReview((relativePath) => options.workspace.extraction(relativePath).catch(() => null));
  }

  static async open(options: FolderReviewOptions): Promise<FolderReviewService> {
    const service = new FolderReviewService(options);
    await service.load();
    return service;
  }

  /** Overrides kept for the session only (no store directory). */
  static inMemory(options: Omit<FolderReviewOptions, 'storeDir'> & { storeDir: null }): FolderReviewService {
    return new FolderReviewService(options);
  }

  private async load(): Promise<void> {
    if (!this.path) return;
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch {
      return; // none stored yet
    }
    const parsed = parseStoredRelations(text);
    if (parsed) {
      this.stored = parsed;
      return;
    }
    this.options.log?.(`${FOLDER_RELATIONS_FILE} is damaged; kept aside`);
    await rename(this.path, `${this.path}.damaged-${Date.now()}`).catch(() => undefined);
  }

  /** The clerk's overrides for `folder` as stored. */
  overridesOf(folder: string): RelationOverrides {
    const o = this.stored.get(folder);
    return o ? { pairs: [...(o.pairs ?? [])], unpairs: [...(o.unpairs ?? [])] } : { pairs: [], unpairs: [] };
  }

  /** The review of the workspace's folder as it is now. */
  async review(): Promise<FolderReviewResult> {
    const state = this.options.workspace.state();
    if (!state.folder) throw new IpcError('no-folder');
    const overrides = this.overridesOf(state.folder);
    const key = JSON.stringify([state.folder, state.documents.map((d) => [d.relativePath, d.status, d.sha256, d.mtimeMs, d.error?.code ?? null]), overrides]);
    if (this.last?.key === key) return this.last.result;
    if (this.running?.key === key) return this.running.result;
    const result = this.run(state, overrides);
    this.running = { key, result };
    try {
      const value = await result;
      this.last = { key, result: value };
      return value;
    } finally {
      if (this.running?.key === key) this.running = null;
    }
  }

  /** Replaces the folder's overrides (durably), then reviews. */
  async setOverrides(overrides: RelationOverrides): Promise<FolderReviewResult> {
    const state = this.options.workspace.state();
    if (!state.folder) throw new IpcError('no-folder');
    const files = new Set(state.documents.map((d) => d.relativePath));
    for (const p of [...(overrides.pairs ?? []), ...(overrides.unpairs ?? [])]) {
      for (const f of p.files) if (!files.has(f)) throw new IpcError('invalid-argument', `文件不在所选文件夹中：${f.slice(0, 120)}`);
    }
    const clean: RelationOverrides = { pairs: overrides.pairs ?? [], unpairs: overrides.unpairs ?? [] };
    if (clean.pairs!.length === 0 && clean.unpairs!.length === 0) this.stored.delete(state.folder);
    else this.stored.set(state.folder, clean);
    await this.persist();
    return this.review();
  }

  private async persist(): Promise<void> {
    if (!this.path) return;
    const path = this.path;
    const text = JSON.stringify({ version: FORMAT_VERSION, folders: Object.fromEntries(this.stored) }, null, 2);
    const write = this.writes.then(() => writeFileAtomic(path, text));
    this.writes = write.catch(() => undefined);
    await write;
  }

  private async run(state: FolderState, overrides: RelationOverrides): Promise<FolderReviewResult> {
    const files: ReviewedFile[] = state.documents
      .filter((d) => !isPending(d))
      .map((d) => (d.status === 'error' || !d.sha256 ? { file: d.relativePath, sha256: null, error: d.error?.messageZh ?? '无法读取', modifiedAt: d.mtimeMs } : { file: d.relativePath, sha256: d.sha256, modifiedAt: d.mtimeMs }));
    const out = await this.runner.review(files, applicable(overrides, new Set(files.map((f) => f.file))));
    this.timing = { loadMs: out.loadMs, reviewMs: out.reviewMs, documents: out.documents };
    this.runs++;
    const { identities, relations, findings } = out.review;
    return { identities, relations, findings, overrides: { pairs: overrides.pairs ?? [], unpairs: overrides.unpairs ?? [] } };
  }
}

const attached = new WeakMap<object, FolderReviewService>();

/** Ties the review to its workspace, so the IPC handlers find it from the workspace they are given. */
export function attachFolderReview(workspace: object, service: FolderReviewService): void {
  attached.set(workspace, service);
}

export function folderReviewOf(workspace: object): FolderReviewService | null {
  return attached.get(workspace) ?? null;
}
