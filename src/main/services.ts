/**
 * The main process's services without Electron: settings, parse cache, worker pool and the
 * watched-folder workspace, started from a userData directory. The Electron shell (index.ts) and
 * the fault-injection suite both start the app through this.
 */
import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import { PARSER_VERSION, SCHEMA_VERSION } from '../core/model';
import { userDataPaths } from './app-paths';
import { ParseCache } from './cache/parse-cache';
import { FolderReviewService, attachFolderReview } from './folder/folder-review';
import type { ParsePoolOptions } from './parse/parse-pool';
import { ParsePool } from './parse/parse-pool';
import { FolderReviewWorker } from './folder/review-runner';
import { SettingsStore } from './settings/settings-store';
import { SyncCredentialStore, type SecretCipher } from './settings/sync-credentials';
import type { WorkspaceOptions } from './workspace/workspace';
import { Workspace } from './workspace/workspace';
import { removeStaleTempFiles } from './fs/atomic-write';

export interface ServicesOptions {
  userData: string;
  /** opened while the user has not chosen a folder (first run) */
  samplesFolder: string | null;
  workerEntry: URL;
  /** the folder-review worker (out/main/folder-review-worker.js); absent: the review runs in main */
  folderReviewWorkerEntry?: URL;
  pool?: Partial<Omit<ParsePoolOptions, 'workerEntry'>>;
  workspace?: Partial<Omit<WorkspaceOptions, 'cache' | 'parser'>>;
  log?: (message: string, error?: unknown) => void;
  /** Electron's safeStorage (null in Node: sync passwords are then kept for the session only) */
  cipher?: SecretCipher | null;
}

export interface Services {
  settings: SettingsStore;
  sync: SyncCredentialStore;
  cache: ParseCache;
  pool: ParsePool;
  workspace: Workspace;
  /** the whole-folder review of the workspace's folder (relations, cross-document findings) */
  folderReview: FolderReviewService;
  close(): Promise<void>;
}

export const DEFAULT_POOL: Omit<ParsePoolOptions, 'workerEntry'> = {
  // one core stays with the UI
  concurrency: Math.min(2, Math.max(1, availableParallelism() - 1)),
  timeoutMs: 180_000,
  maxHeapMb: 1024,
  maxMemoryMb: 1536,
  recycleAfterJobs: 500,
};

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** The folder to watch: the user's choice, else the samples on first run. */
export async function initialFolder(chosen: string | null, samples: string | null): Promise<string | null> {
  if (chosen) return chosen; // kept even if missing now: it may be an unplugged drive
  if (samples && (await isDirectory(samples))) return samples;
  return null;
}

export async function startServices(options: ServicesOptions): Promise<Services> {
  const paths = userDataPaths(options.userData);
  const settings = await SettingsStore.open(paths.settingsDir);
  await removeStaleTempFiles(paths.settingsDir);
  const sync = await SyncCredentialStore.open(paths.settingsDir, options.cipher ?? null);
  const cache = await ParseCache.open(paths.cacheDir, { schemaVersion: SCHEMA_VERSION, parserVersion: PARSER_VERSION });
  await cache.removeInterruptedWrites();
  const pool = new ParsePool({ ...DEFAULT_POOL, ocr: { cacheDir: paths.ocrCacheDir }, ...options.pool, workerEntry: options.workerEntry });
  const workspace = new Workspace({ ...options.workspace, cache, parser: pool, log: options.log });
  const runner = options.folderReviewWorkerEntry
    ? new FolderReviewWorker(options.folderReviewWorkerEntry, { cacheRoot: paths.cacheDir, versions: { schemaVersion: SCHEMA_VERSION, parserVersion: PARSER_VERSION } })
    : undefined;
  const folderReview = await FolderReviewService.open({ workspace, storeDir: paths.settingsDir, log: options.log, runner });
  attachFolderReview(workspace, folderReview);
  await workspace.setFolder(await initialFolder(settings.get().folder, options.samplesFolder));
  return {
    settings,
    sync,
    cache,
    pool,
    workspace,
    folderReview,
    async close() {
      await workspace.close();
      await pool.close();
      await runner?.close();
    },
  };
}
