import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseStoredSettings, SETTINGS_FILE, SettingsStore } from './settings-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('SettingsStore', () => {
  it('starts with defaults on first run', async () => {
    const store = await SettingsStore.open(dir);
    expect(store.get()).toEqual({ folder: null, reviewerName: '' });
  });

  it('keeps the folder and reviewer across a restart', async () => {
    const first = await SettingsStore.open(dir);
    await first.update({ folder: '/data/预算', reviewerName: '张三' });
    const second = await SettingsStore.open(dir);
    expect(second.get()).toEqual({ folder: '/data/预算', reviewerName: '张三' });
  });

  it('applies concurrent updates in order and leaves no temp files', async () => {
    const store = await SettingsStore.open(dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.update({ reviewerName: `审核人${i}` })));
    const reopened = await SettingsStore.open(dir);
    expect(reopened.get().reviewerName).toBe('审核人19');
    expect(await readdir(dir)).toEqual([SETTINGS_FILE]);
  });

  it('falls back to defaults on a damaged file and keeps the damaged copy', async () => {
    await writeFile(join(dir, SETTINGS_FILE), '{"version":1,"folder":"/x","reviewerNa');
    const store = await SettingsStore.open(dir);
    expect(store.get()).toEqual({ folder: null, reviewerName: '' });
    const names = await readdir(dir);
    expect(names.some((n) => n.startsWith(`${SETTINGS_FILE}.damaged-`))).toBe(true);
    await store.update({ reviewerName: '李四' });
    expect(JSON.parse(await readFile(join(dir, SETTINGS_FILE), 'utf8'))).toMatchObject({ reviewerName: '李四' });
  });
});

describe('parseStoredSettings', () => {
  it.each([
    ['not json', 'nope'],
    ['wrong version', '{"version":2,"folder":null,"reviewerName":""}'],
    ['folder a number', '{"version":1,"folder":3,"reviewerName":""}'],
    ['folder with NUL', '{"version":1,"folder":"/a\\u0000b","reviewerName":""}'],
    ['name missing', '{"version":1,"folder":null}'],
    ['name too long', `{"version":1,"folder":null,"reviewerName":"${'x'.repeat(65)}"}`],
    ['array', '[]'],
    ['null', 'null'],
  ])('rejects %s', (_label, text) => {
    expect(parseStoredSettings(text)).toBeNull();
  });

  it('accepts the written shape', () => {
    expect(parseStoredSettings('{"version":1,"folder":"/a","reviewerName":"王"}')).toEqual({ folder: '/a', reviewerName: '王' });
  });
});
