/**
 * The watched folder as the UI sees it: one DocumentEntry per disclosure file, moved through
 * queued → parsing → parsed | error by the watcher, the stability wait, the content hash, the
 * parse cache and the worker pool. Every step re-checks that its file has not changed, been
 * deleted or been superseded meanwhile (a generation number per file), so a stale result is never
 * shown or cached. Nothing here throws at the UI except through the IPC error types.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DocumentError, serializeError } from '../../core/errors';
import type { SerializedDocumentError } from '../../core/errors';
import type { ExtractedDocument } from '../../core/model';
import type { DocumentEntry, Events, FolderState } from '../../shared/ipc-contract';
import type { CachedResult, ParseCache } from '../cache/parse-cache';
import { CACHEABLE_ERROR_CODES } from '../cache/parse-cache';
import { baseName, sourceFormatOf } from '../folder/file-kinds';
import { FolderWatcher } from '../folder/folder-watcher';
import type { WatchEvent } from '../folder/folder-watcher';
import { hashFile } from '../folder/hash-file';
import { waitUntilStable } from '../folder/wait-stable';
import { IpcError, PayloadError } from '../ipc/ipc-error';
import { isInsideFolder, parseRelativePath, resolveInsideFolder } from '../ipc/path-guard';
import type { ParseHandle, ParseOutcome } from '../parse/parse-pool';
import { Limit } from './limit';

export interface Parser {
  parse(path: string, onProgress?: (fraction: number) => void): ParseHandle;
  cancel(jobId: number): void;
}

export interface WorkspaceOptions {
  cache: ParseCache;
  parser: Parser;
  /** a file must be unchanged this long before it is parsed */
  stableMs?: number;
  stablePollMs?: number;
  availabilityPollMs?: number;
  /** larger files are refused before reading them */
  maxFileBytes?: number;
  hashConcurrency?: number;
  /** folder:changed / document:progress are sent at most this often */
  notifyIntervalMs?: number;
  usePolling?: boolean;
  /** where unexpected internal failures are logged */
  log?: (message: string, error?: unknown) => void;
}

type ProgressEvent = Events['document:progress'];

interface Tracked {
  entry: DocumentEntry;
  absolutePath: string;
  isSymlink: boolean;
  generation: number;
  jobId: number | null;
}

const DEFAULT_MAX_FILE_BYTES = 300 * 1024 * 1024;

export class Workspace {
  private folder: string | null = null;
  private watcher: FolderWatcher | null = null;
  private available = false;
  private readonly tracked = new Map<string, Tracked>();
  private readonly changeListeners = new Set<(state: FolderState) => void>();
  private readonly progressListeners = new Set<(event: ProgressEvent) => void>();
  private notifyTimer: NodeJS.Timeout | null = null;
  private readonly lastProgressAt = new Map<string, number>();
  private readonly parsesBySha = new Map<string, Promise<ParseOutcome>>();
  private readonly hashLimit: Limit;
  private readonly opts: Required<Omit<WorkspaceOptions, 'cache' | 'parser' | 'usePolling' | 'log'>>;

  constructor(private readonly options: WorkspaceOptions) {
    this.opts = {
      stableMs: options.stableMs ?? 1000,
      stablePollMs: options.stablePollMs ?? 200,
      availabilityPollMs: options.availabilityPollMs ?? 2000,
      maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
      hashConcurrency: options.hashConcurrency ?? 2,
      notifyIntervalMs: options.notifyIntervalMs ?? 200,
    };
    this.hashLimit = new Limit(this.opts.hashConcurrency);
  }

  // ── subscriptions ────────────────────────────────────────────────────────

  onChange(listener: (state: FolderState) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onProgress(listener: (event: ProgressEvent) => void): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  state(): FolderState {
    const documents = [...this.tracked.values()]
      .map((t) => ({ ...t.entry, error: t.entry.error ? { ...t.entry.error } : null }))
      .sort((a, b) => a.relativePath.localeCompare(b.relativePath, 'zh-Hans-CN', { numeric: true }));
    return { folder: this.folder, available: this.available, documents };
  }

  private notify(): void {
    if (this.notifyTimer) return;
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = null;
      const state = this.state();
      for (const listener of this.changeListeners) listener(state);
    }, this.opts.notifyIntervalMs);
  }

  private emitProgress(t: Tracked, progress: number): void {
    t.entry.progress = progress;
    const now = Date.now();
    const key = t.entry.relativePath;
    if (progress < 1 && now - (this.lastProgressAt.get(key) ?? 0) < this.opts.notifyIntervalMs) return;
    this.lastProgressAt.set(key, now);
    for (const listener of this.progressListeners) listener({ relativePath: key, progress });
  }

  // ── folder lifecycle ─────────────────────────────────────────────────────

  /** Switches to `folder` (null: none); resolves once watching has started. */
  async setFolder(folder: string | null): Promise<void> {
    await this.stopWatching();
    this.folder = folder;
    this.available = false;
    if (folder) {
      const watcher = new FolderWatcher(folder, (event) => this.onWatchEvent(watcher, event), {
        availabilityPollMs: this.opts.availabilityPollMs,
        usePolling: this.options.usePolling,
      });
      this.watcher = watcher;
      await watcher.start();
    }
    this.notify();
  }

  async close(): Promise<void> {
    await this.stopWatching();
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    this.notifyTimer = null;
    this.changeListeners.clear();
    this.progressListeners.clear();
  }

  private async stopWatching(): Promise<void> {
    const watcher = this.watcher;
    this.watcher = null;
    for (const t of this.tracked.values()) this.supersede(t);
    this.tracked.clear();
    await watcher?.close();
  }

  /** Invalidates a file's in-flight work: its steps see a newer generation and stop. */
  private supersede(t: Tracked): void {
    t.generation++;
    if (t.jobId !== null) this.options.parser.cancel(t.jobId);
    t.jobId = null;
  }

  private onWatchEvent(watcher: FolderWatcher, event: WatchEvent): void {
    if (watcher !== this.watcher) return;
    switch (event.type) {
      case 'availability':
        this.available = event.available;
        if (!event.available) {
          // Keep the list (the drive may come back); pause what was in flight.
          for (const t of this.tracked.values()) {
            if (t.entry.status === 'queued' || t.entry.status === 'parsing') {
              this.supersede(t);
              Object.assign(t.entry, { status: 'queued', progress: 0 });
            }
          }
        }
        break;
      case 'add':
      case 'change':
        this.onFile(event.type, event.relativePath, event.absolutePath, event.stats.isSymbolicLink(), event.stats.size, event.stats.mtimeMs);
        break;
      case 'unlink':
        this.forget(event.relativePath);
        break;
      case 'ready':
        for (const path of [...this.tracked.keys()]) if (!event.relativePaths.has(path)) this.forget(path);
        break;
      default: {
        const unexpected: never = event;
        throw new Error(`unexpected watch event ${JSON.stringify(unexpected)}`);
      }
    }
    this.notify();
  }

  private forget(relativePath: string): void {
    const t = this.tracked.get(relativePath);
    if (!t) return;
    this.supersede(t);
    this.tracked.delete(relativePath);
    this.lastProgressAt.delete(relativePath);
  }

  private onFile(kind: 'add' | 'change', relativePath: string, absolutePath: string, isSymlink: boolean, size: number, mtimeMs: number): void {
    const format = sourceFormatOf(relativePath);
    if (!format) return;
    const existing = this.tracked.get(relativePath);
    // Re-scan after the folder came back: an unchanged, finished file keeps its result.
    if (existing && kind === 'add' && existing.entry.size === size && existing.entry.mtimeMs === mtimeMs && isSettled(existing.entry)) return;
    const t: Tracked = existing ?? {
      entry: { relativePath, name: baseName(relativePath), format, size, mtimeMs, sha256: null, status: 'queued', progress: 0, error: null, tableCount: null, pageCount: null },
      absolutePath,
      isSymlink,
      generation: 0,
      jobId: null,
    };
    this.tracked.set(relativePath, t);
    t.isSymlink = isSymlink;
    this.requeue(t, { size, mtimeMs });
  }

  private requeue(t: Tracked, stats?: { size: number; mtimeMs: number }): void {
    this.supersede(t);
    Object.assign(t.entry, { status: 'queued', progress: 0, error: null, sha256: null, tableCount: null, pageCount: null, ...stats });
    void this.process(t, t.generation);
  }

  // ── the per-file pipeline ────────────────────────────────────────────────

  private async process(t: Tracked, generation: number): Promise<void> {
    const current = (): boolean => t.generation === generation && this.tracked.get(t.entry.relativePath) === t && this.available;
    const finish = (result: CachedResult): void => {
      if (!current()) return;
      if (result.kind === 'document') {
        Object.assign(t.entry, { status: 'parsed', progress: 1, error: null, tableCount: result.document.tables.length, pageCount: result.document.source.pages });
      } else {
        Object.assign(t.entry, { status: 'error', progress: 0, error: result.error, tableCount: null, pageCount: null });
      }
      this.notify();
    };
    const failWith = (error: SerializedDocumentError): void => finish({ kind: 'error', error });
    try {
      const settled = await waitUntilStable(t.absolutePath, { stableMs: this.opts.stableMs, pollMs: this.opts.stablePollMs, isCurrent: current });
      if (!current() || !settled) return; // superseded, or deleted (the unlink event removes it)
      Object.assign(t.entry, { size: settled.size, mtimeMs: settled.mtimeMs });

      const refusal = await this.checkReadable(t);
      if (!current()) return;
      if (refusal) return failWith(refusal);
      const info = await stat(t.absolutePath);
      if (info.size > this.opts.maxFileBytes) return failWith(new DocumentError('too-large', `${Math.round(info.size / 1048576)} MB`).toJSON());

      const sha256 = await this.hashLimit.run(() => (current() ? hashFile(t.absolutePath) : Promise.resolve(null)));
      if (!current() || sha256 === null) return;
      t.entry.sha256 = sha256;
      this.notify();

      const cached = await this.options.cache.get(sha256);
      if (!current()) return;
      if (cached) return finish(cached);

      t.entry.status = 'parsing';
      this.notify();
      // Identical copies (same bytes under two names) share one parse.
      const shared = this.parsesBySha.get(sha256);
      let owned: ParseHandle | null = null;
      if (!shared) {
        owned = this.options.parser.parse(t.absolutePath, (progress) => {
          if (current()) this.emitProgress(t, progress);
        });
        t.jobId = owned.jobId;
        const result = owned.result;
        this.parsesBySha.set(sha256, result);
        void result.finally(() => {
          if (this.parsesBySha.get(sha256) === result) this.parsesBySha.delete(sha256);
        });
      }
      const outcome = await (owned?.result ?? shared!);
      if (owned && t.jobId === owned.jobId) t.jobId = null;
      if (!current()) return;
      // The copy we waited for was deleted or changed mid-parse: parse this one itself.
      if (!owned && outcome.kind === 'error' && outcome.error.code === 'cancelled') return this.requeue(t);

      if (outcome.kind === 'document' && outcome.document.source.sha256 !== sha256) {
        // The file changed between hashing and parsing: the result belongs to other bytes.
        return this.requeue(t);
      }
      if (owned && (outcome.kind === 'document' || (CACHEABLE_ERROR_CODES.has(outcome.error.code) && (await this.unchangedSince(t, info.size, info.mtimeMs))))) {
        await this.options.cache.put(sha256, outcome).catch((e: unknown) => this.options.log?.('parse cache write failed', e));
      }
      finish(outcome);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return; // deleted mid-way: the unlink event removes the entry
      this.options.log?.(`processing ${t.entry.relativePath} failed`, e);
      failWith(serializeError(e));
    } finally {
      this.notify();
    }
  }

  /** Symlinks are read only when their real target is a file inside the chosen folder. */
  private async checkReadable(t: Tracked): Promise<SerializedDocumentError | null> {
    if (!t.isSymlink || !this.folder) return null;
    try {
      await realpath(t.absolutePath);
    } catch {
      return new DocumentError('unreadable', '链接无效或形成循环').toJSON();
    }
    if (!(await isInsideFolder(this.folder, t.absolutePath))) return new DocumentError('unreadable', '链接指向所选文件夹之外，已拒绝读取').toJSON();
    return null;
  }

  private async unchangedSince(t: Tracked, size: number, mtimeMs: number): Promise<boolean> {
    const now = await stat(t.absolutePath).catch(() => null);
    return now !== null && now.size === size && now.mtimeMs === mtimeMs;
  }

  // ── queries from the renderer ────────────────────────────────────────────

  private lookup(relativePath: unknown): Tracked {
    if (!this.folder) throw new IpcError('no-folder');
    const key = parseRelativePath(relativePath).join('/');
    const t = this.tracked.get(key);
    if (!t) throw new IpcError('not-found');
    return t;
  }

  /** The parsed document (from the cache, so also while the folder is unplugged). */
  async extraction(relativePath: unknown): Promise<ExtractedDocument> {
    const t = this.lookup(relativePath);
    const { status, sha256, error } = t.entry;
    if (status === 'error' && error) throw new PayloadError(error);
    if (status !== 'parsed' || !sha256) throw new IpcError('not-ready');
    const cached = await this.options.cache.get(sha256);
    if (cached?.kind === 'document') return { ...cached.document, source: { ...cached.document.source, path: t.absolutePath } };
    // The cache entry was damaged or removed since: parse again.
    if (this.available) this.requeue(t);
    this.notify();
    throw new IpcError('not-ready');
  }

  /** The file's bytes for the source view; only listed disclosure files inside the folder. */
  async source(relativePath: unknown): Promise<Uint8Array> {
    const t = this.lookup(relativePath);
    if (!this.folder) throw new IpcError('no-folder');
    if (!this.available) throw new IpcError('folder-unavailable');
    const real = await resolveInsideFolder(this.folder, t.entry.relativePath);
    const info = await stat(real);
    if (info.size > this.opts.maxFileBytes) throw new IpcError('too-large', `${Math.round(info.size / 1048576)} MB`);
    try {
      return new Uint8Array(await readFile(real));
    } catch {
      throw new IpcError('not-found');
    }
  }

  /** Drops the cached result and parses the file again. */
  async reparse(relativePath: unknown): Promise<void> {
    const t = this.lookup(relativePath);
    if (!this.available) throw new IpcError('folder-unavailable');
    if (t.entry.sha256) await this.options.cache.delete(t.entry.sha256);
    this.requeue(t);
    this.notify();
  }

  /**
   * Stops parsing a file the reviewer does not need now (a 500-page annex): its worker is stopped
   * and the file is listed as cancelled until it is parsed again (reparse) or changes on disk.
   */
  cancel(relativePath: unknown): void {
    const t = this.lookup(relativePath);
    if (t.entry.status !== 'queued' && t.entry.status !== 'parsing') return;
    this.supersede(t);
    Object.assign(t.entry, { status: 'error', progress: 0, error: new DocumentError('cancelled').toJSON(), tableCount: null, pageCount: null });
    this.notify();
  }

  /** For tests and the shell: the absolute path behind a listed document. */
  absolutePathOf(relativePath: string): string | null {
    return this.tracked.get(relativePath)?.absolutePath ?? (this.folder ? join(this.folder, relativePath) : null);
  }
}

function isSettled(entry: DocumentEntry): boolean {
  if (entry.status === 'parsed') return true;
  // Machine-dependent failures are retried when the folder is scanned again.
  return entry.status === 'error' && entry.error !== null && CACHEABLE_ERROR_CODES.has(entry.error.code);
}
