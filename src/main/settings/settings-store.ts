/**
 * The user's settings (watched folder, reviewer name), one JSON file in userData. Written
 * atomically and serially; a missing or damaged file falls back to defaults (the damaged file is
 * kept aside for diagnosis) instead of stopping the app.
 */
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Settings } from '../../shared/ipc-contract';
import { writeFileAtomic } from '../fs/atomic-write';

export const SETTINGS_FILE = 'settings.json';
const FORMAT_VERSION = 1;
export const MAX_REVIEWER_NAME_LENGTH = 64;

export interface StoredSettings extends Settings {
  /** absolute path of the watched folder; null = not chosen yet (first run uses the samples) */
  folder: string | null;
}

const DEFAULTS: StoredSettings = { folder: null, reviewerName: '' };

/** Accepts only the exact shape we write; anything else is treated as damaged. */
export function parseStoredSettings(text: string): StoredSettings | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (record.version !== FORMAT_VERSION) return null;
  const { folder, reviewerName } = record;
  if (folder !== null && (typeof folder !== 'string' || folder.length === 0 || folder.includes('\0'))) return null;
  if (typeof reviewerName !== 'string' || reviewerName.length > MAX_REVIEWER_NAME_LENGTH) return null;
  return { folder, reviewerName };
}

export class SettingsStore {
  private current: StoredSettings = { ...DEFAULTS };
  private writes: Promise<void> = Promise.resolve();

  private constructor(private readonly path: string) {}

  /** Loads settings from `dir`; never throws for a missing or damaged file. */
  static async open(dir: string): Promise<SettingsStore> {
    const store = new SettingsStore(join(dir, SETTINGS_FILE));
    await store.load();
    return store;
  }

  private async load(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch {
      return; // first run
    }
    const parsed = parseStoredSettings(text);
    if (parsed) {
      this.current = parsed;
      return;
    }
    // Keep the damaged file for diagnosis rather than silently overwriting it later.
    await rename(this.path, `${this.path}.damaged-${Date.now()}`).catch(() => undefined);
  }

  get(): StoredSettings {
    return { ...this.current };
  }

  /** Applies the change and resolves once it is durable on disk. */
  async update(change: Partial<StoredSettings>): Promise<StoredSettings> {
    this.current = { ...this.current, ...change };
    const text = JSON.stringify({ version: FORMAT_VERSION, ...this.current }, null, 2);
    const write = this.writes.then(() => writeFileAtomic(this.path, text));
    // A failed write must not poison later ones; the caller still sees this one's failure.
    this.writes = write.catch(() => undefined);
    await write;
    return this.get();
  }
}
