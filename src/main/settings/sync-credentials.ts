/**
 * The team-sync connection (CouchDB database URL, user name, password), kept by main in its own
 * file in userData. The password is stored only encrypted with the OS keychain (Electron
 * safeStorage, injected so this runs in Node tests); where encryption is unavailable it is kept
 * in memory for the session and must be entered again after a restart. The renderer receives the
 * password only through 'sync:connection' for the running session; nothing here is ever part of an
 * exported file.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SyncConnection, SyncSettingsView } from '../../shared/ipc-contract';
import { writeFileAtomic } from '../fs/atomic-write';

export const SYNC_FILE = 'sync.json';
const FORMAT_VERSION = 1;

/** The part of Electron's safeStorage used here. */
export interface SecretCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Uint8Array;
  decryptString(encrypted: Uint8Array): string;
}

interface Stored {
  url: string;
  username: string;
  /** base64 of the safeStorage ciphertext; null when not stored */
  password: string | null;
}

const EMPTY: Stored = { url: '', username: '', password: null };

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

export class SyncCredentialStore {
  private stored: Stored = { ...EMPTY };
  /** the password for this session (decrypted, or entered while encryption is unavailable) */
  private sessionPassword = '';
  private readonly urlListeners = new Set<(before: string, after: string) => void>();

  private constructor(
    private readonly path: string,
    private readonly cipher: SecretCipher | null,
  ) {}

  static async open(dir: string, cipher: SecretCipher | null): Promise<SyncCredentialStore> {
    const store = new SyncCredentialStore(join(dir, SYNC_FILE), cipher);
    await store.load();
    return store;
  }

  private encrypting(): boolean {
    try {
      return this.cipher?.isEncryptionAvailable() === true;
    } catch {
      return false;
    }
  }

  private async load(): Promise<void> {
    try {
      const value = JSON.parse(await readFile(this.path, 'utf8')) as Record<string, unknown>;
      if (value.version !== FORMAT_VERSION || typeof value.url !== 'string' || typeof value.username !== 'string') return;
      const password = typeof value.password === 'string' ? value.password : null;
      this.stored = { url: value.url, username: value.username, password };
      if (password && this.encrypting()) this.sessionPassword = this.cipher!.decryptString(Buffer.from(password, 'base64'));
    } catch {
      // missing or unreadable: not configured (the password cannot be recovered anyway)
    }
  }

  view(): SyncSettingsView {
    const hasPassword = this.sessionPassword !== '';
    return { url: this.stored.url, username: this.stored.username, hasPassword, passwordStored: !hasPassword ? 'none' : this.stored.password ? 'encrypted' : 'session' };
  }

  /** For the renderer's session only; null when no server is configured. */
  connection(): SyncConnection | null {
    if (!this.stored.url) return null;
    return { url: this.stored.url, username: this.stored.username, password: this.sessionPassword };
  }

  /** `password` undefined keeps the current one; '' clears it. An empty url turns sync off. */
  async update(input: { url: string; username: string; password?: string }): Promise<SyncSettingsView> {
    if (input.password !== undefined) this.sessionPassword = input.password;
    if (!input.url) this.sessionPassword = '';
    const password = this.sessionPassword && this.encrypting() ? toBase64(this.cipher!.encryptString(this.sessionPassword)) : null;
    const before = this.stored.url;
    this.stored = { url: input.url, username: input.url ? input.username : '', password };
    await writeFileAtomic(this.path, JSON.stringify({ version: FORMAT_VERSION, ...this.stored }, null, 2));
    if (before !== input.url) for (const listener of this.urlListeners) listener(before, input.url);
    return this.view();
  }

  /** Called after the database URL changed (main reloads the page so its CSP admits the new origin). */
  onUrlChange(listener: (before: string, after: string) => void): () => void {
    this.urlListeners.add(listener);
    return () => this.urlListeners.delete(listener);
  }
}
