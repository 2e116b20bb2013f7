/**
 * Watches the chosen folder (recursively) for disclosure files and tells whether the folder is
 * reachable. chokidar does not survive its root disappearing, and reports every file as deleted
 * when it does; so a root that vanishes (unplugged USB drive, unmounted share) is reported as
 * "unavailable" instead of as deletions, and watching restarts when it comes back. Symlinks are
 * reported, never followed (no loops); the consumer decides whether a link's target may be read.
 */
import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { watch } from 'chokidar';
import type { FSWatcher } from 'chokidar';
import { baseName, sourceFormatOf } from './file-kinds';

export type WatchEvent =
  | { type: 'add' | 'change'; relativePath: string; absolutePath: string; stats: Stats }
  | { type: 'unlink'; relativePath: string; absolutePath: string }
  /** end of a full scan (start, or the folder came back): every supported file now present */
  | { type: 'ready'; relativePaths: ReadonlySet<string> }
  | { type: 'availability'; available: boolean };

export interface FolderWatcherOptions {
  /** how often the root's existence is checked */
  availabilityPollMs?: number;
  /** directory depth limit (defence against pathological trees) */
  depth?: number;
  /** polling mode for network shares where native events do not arrive */
  usePolling?: boolean;
}

/** Directories that hold no disclosures and are expensive or forbidden to walk. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '$RECYCLE.BIN', 'System Volume Information', '__MACOSX']);

function ignoredPath(root: string) {
  return (path: string, stats?: Stats): boolean => {
    if (path === root) return false;
    const name = baseName(path);
    if (name.startsWith('.') || SKIPPED_DIRECTORIES.has(name)) return true; // .git, .Trash, lock files
    if (stats?.isFile()) return sourceFormatOf(name) === null;
    return false;
  };
}

export class FolderWatcher {
  private watcher: FSWatcher | null = null;
  private available = false;
  private closed = false;
  private poll: NodeJS.Timeout | null = null;
  private checking = false;

  constructor(
    readonly root: string,
    private readonly emit: (event: WatchEvent) => void,
    private readonly options: FolderWatcherOptions = {},
  ) {}

  async start(): Promise<void> {
    await this.checkAvailability();
    this.poll = setInterval(() => void this.checkAvailability(), this.options.availabilityPollMs ?? 2000);
  }

  isAvailable(): boolean {
    return this.available;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.poll) clearInterval(this.poll);
    await this.stopWatching();
  }

  private async rootExists(): Promise<boolean> {
    try {
      return (await stat(this.root)).isDirectory();
    } catch {
      return false;
    }
  }

  private async checkAvailability(): Promise<void> {
    if (this.checking || this.closed) return;
    this.checking = true;
    try {
      const exists = await this.rootExists();
      if (this.closed) return;
      if (exists && !this.available) {
        this.available = true;
        this.emit({ type: 'availability', available: true });
        this.startWatching();
      } else if (!exists && this.available) {
        await this.markUnavailable();
      }
    } finally {
      this.checking = false;
    }
  }

  private async markUnavailable(): Promise<void> {
    if (!this.available) return;
    this.available = false;
    await this.stopWatching();
    if (!this.closed) this.emit({ type: 'availability', available: false });
  }

  private relativeOf(path: string): string {
    return relative(this.root, path).split(sep).join('/');
  }

  private startWatching(): void {
    const seen = new Set<string>();
    let ready = false;
    const watcher = watch(this.root, {
      followSymlinks: false,
      ignoreInitial: false,
      alwaysStat: true,
      atomic: true,
      ignorePermissionErrors: true,
      depth: this.options.depth ?? 16,
      usePolling: this.options.usePolling ?? false,
      ignored: ignoredPath(this.root),
    });
    this.watcher = watcher;
    const current = (): boolean => this.watcher === watcher && !this.closed;

    const onAddOrChange = (type: 'add' | 'change') => (path: string, stats?: Stats) => {
      if (!current() || !stats || sourceFormatOf(path) === null) return;
      if (!stats.isFile() && !stats.isSymbolicLink()) return;
      const relativePath = this.relativeOf(path);
      if (!ready) seen.add(relativePath);
      this.emit({ type, relativePath, absolutePath: path, stats });
    };
    watcher.on('add', onAddOrChange('add'));
    watcher.on('change', onAddOrChange('change'));
    watcher.on('unlink', (path: string) => {
      if (!current() || sourceFormatOf(path) === null) return;
      // A vanished root makes chokidar report every file as deleted: check before believing it.
      void this.rootExists().then(async (exists) => {
        if (!current()) return;
        if (exists) this.emit({ type: 'unlink', relativePath: this.relativeOf(path), absolutePath: path });
        else await this.markUnavailable();
      });
    });
    watcher.on('unlinkDir', (path: string) => {
      if (current() && path === this.root) void this.markUnavailable();
    });
    watcher.on('ready', () => {
      if (!current()) return;
      ready = true;
      this.emit({ type: 'ready', relativePaths: seen });
    });
    watcher.on('error', () => {
      // Permission errors on single entries are skipped; a lost root is caught by the poll.
      void this.checkAvailability();
    });
  }

  private async stopWatching(): Promise<void> {
    const watcher = this.watcher;
    this.watcher = null;
    await watcher?.close();
  }
}
