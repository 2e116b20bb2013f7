import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SYNC_FILE, SyncCredentialStore, type SecretCipher } from './sync-credentials';

const dirs: string[] = [];
async function dir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'sync-cred-'));
  dirs.push(d);
  return d;
}
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

/** a stand-in for safeStorage: reversible, and never the plain text */
const cipher: SecretCipher = {
  isEncryptionAvailable: () => true,
  encryptString: (s) => new Uint8Array(Buffer.from(s, 'utf8').map((b) => b ^ 0x5a)),
  decryptString: (b) => Buffer.from(Buffer.from(b).map((x) => x ^ 0x5a)).toString('utf8'),
};

describe('team sync credentials', () => {
  it('keeps the password encrypted on disk and gives it back after a restart', async () => {
    const d = await dir();
    const store = await SyncCredentialStore.open(d, cipher);
    expect(store.connection()).toBeNull();
    const view = await store.update({ url: 'https://couch.example/dept-01', username: 'zhang', password: 's3cret口令' });
    expect(view).toEqual({ url: 'https://couch.example/dept-01', username: 'zhang', hasPassword: true, passwordStored: 'encrypted' });
    expect(await readFile(join(d, SYNC_FILE), 'utf8')).not.toContain('s3cret');
    const again = await SyncCredentialStore.open(d, cipher);
    expect(again.connection()).toEqual({ url: 'https://couch.example/dept-01', username: 'zhang', password: 's3cret口令' });
    // omitting the password keeps it; an empty url turns sync off and forgets it
    await again.update({ url: 'https://couch.example/dept-02', username: 'zhang' });
    expect(again.connection()?.password).toBe('s3cret口令');
    await again.update({ url: '', username: '' });
    expect(again.connection()).toBeNull();
    expect((await SyncCredentialStore.open(d, cipher)).view().hasPassword).toBe(false);
  });

  it('without a keychain keeps the password for the session only', async () => {
    const d = await dir();
    const store = await SyncCredentialStore.open(d, null);
    expect((await store.update({ url: 'http://127.0.0.1:5984/team', username: 'li', password: 'pw' })).passwordStored).toBe('session');
    expect(store.connection()?.password).toBe('pw');
    expect(await readFile(join(d, SYNC_FILE), 'utf8')).not.toContain('pw"');
    expect((await SyncCredentialStore.open(d, null)).connection()).toEqual({ url: 'http://127.0.0.1:5984/team', username: 'li', password: '' });
  });
});
