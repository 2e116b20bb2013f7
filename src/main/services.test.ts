import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../tests/faults/helpers/wait';
import { samplesFolder } from './app-paths';
import { initialFolder, startServices } from './services';

describe('samplesFolder', () => {
  it('is resources/samples of the project in dev and an extra resource when packaged', () => {
    expect(samplesFolder({ isPackaged: false, resourcesPath: '/opt/electron/resources', appPath: '/src/app' })).toBe(join('/src/app', 'resources', 'samples'));
    expect(samplesFolder({ isPackaged: true, resourcesPath: '/opt/预算校对/resources', appPath: '/opt/预算校对/resources/app.asar' })).toBe(join('/opt/预算校对/resources', 'samples'));
  });
});

describe('initialFolder', () => {
  let samples: string;
  beforeAll(async () => {
    samples = await mkdtemp(join(tmpdir(), 'samples-'));
  });
  afterAll(async () => {
    await rm(samples, { recursive: true, force: true });
  });

  it.each([
    ['the chosen folder wins', '/data/预算', 'SAMPLES', '/data/预算'],
    ['a chosen folder that is missing now (unplugged) is kept', '/media/usb/不存在', 'SAMPLES', '/media/usb/不存在'],
    ['first run opens the samples', null, 'SAMPLES', 'SAMPLES'],
    ['first run without bundled samples opens nothing', null, '/nonexistent/samples', null],
    ['no samples configured', null, null, null],
  ])('%s', async (_label, chosen, samplesArg, expected) => {
    const resolve = (v: string | null): string | null => (v === 'SAMPLES' ? samples : v);
    expect(await initialFolder(chosen, resolve(samplesArg))).toBe(resolve(expected));
  });

  it('the repository ships the sample folder the first run opens', async () => {
    const path = samplesFolder({ isPackaged: false, resourcesPath: '', appPath: join(import.meta.dirname, '../..') });
    expect(await initialFolder(null, path)).toBe(path);
  });
});

describe('startServices on first run', () => {
  it('opens and parses the bundled samples in the worker, and remembers nothing it was not told', async () => {
    const userData = await mkdtemp(join(tmpdir(), 'first-run-'));
    const samples = samplesFolder({ isPackaged: false, resourcesPath: '', appPath: join(import.meta.dirname, '../..') });
    const services = await startServices({ userData, samplesFolder: samples, workerEntry: new URL('./parse/parse-worker.ts', import.meta.url), pool: { concurrency: 1 } });
    try {
      const state = await waitFor(() => {
        const s = services.workspace.state();
        return s.documents.length > 0 && s.documents.every((d) => d.status === 'parsed' || d.status === 'error') ? s : null;
      }, 'samples parsed', 120_000);
      expect(state.folder).toBe(samples);
      for (const d of state.documents) expect(d, d.relativePath).toMatchObject({ status: 'parsed' });
      expect(state.documents.every((d) => (d.pageCount ?? 0) > 0)).toBe(true);
      // the samples are a default, not a choice: a later packaged build may move them
      expect(services.settings.get().folder).toBeNull();
    } finally {
      await services.close();
      await rm(userData, { recursive: true, force: true });
    }
  }, 180_000);
});
