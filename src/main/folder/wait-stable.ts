/**
 * Waits until a file has stopped changing (size and mtime unchanged for `stableMs`), so a file
 * still being copied or downloaded is not parsed half-written. A file whose mtime is already older
 * than `stableMs` is taken as settled at once (the common case at start-up).
 */
import type { Stats } from 'node:fs';
import { lstat, stat } from 'node:fs/promises';

export interface StableOptions {
  stableMs: number;
  pollMs: number;
  /** stop waiting (e.g. the file changed again and a newer wait took over) */
  isCurrent: () => boolean;
  /** injectable for tests */
  now?: () => number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function statOrNull(path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch {
    // a dangling or looping symlink still exists as an entry: report the link itself
    return lstat(path).catch(() => null);
  }
}

/** The settled stats, or null if the file vanished or the wait was superseded. */
export async function waitUntilStable(path: string, options: StableOptions): Promise<Stats | null> {
  const now = options.now ?? Date.now;
  let previous = await statOrNull(path);
  if (!previous) return null;
  if (now() - previous.mtimeMs >= options.stableMs) return previous;
  let unchangedSince = now();
  for (;;) {
    await sleep(options.pollMs);
    if (!options.isCurrent()) return null;
    const current = await statOrNull(path);
    if (!current) return null;
    if (current.size !== previous.size || current.mtimeMs !== previous.mtimeMs) {
      unchangedSince = now();
      previous = current;
      continue;
    }
    // Only our own clock counts: a network drive's mtimes may be ahead of it.
    if (now() - unchangedSince >= options.stableMs) return current;
  }
}
