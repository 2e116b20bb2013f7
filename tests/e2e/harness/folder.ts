/** A fresh temporary folder per test, holding copies of fixture files. */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const FIXTURE_PDF_DIR = resolve(import.meta.dirname, '../../fixtures/pdf');

export interface TempFolder {
  dir: string;
  add: (source: string, name?: string) => Promise<string>;
  remove: () => Promise<void>;
}

export async function tempFolder(): Promise<TempFolder> {
  const dir = await mkdtemp(join(tmpdir(), 'proofreader-e2e-folder-'));
  return {
    dir,
    add: async (source, name) => {
      const target = join(dir, name ?? source.split('/').pop()!);
      await copyFile(source, target);
      return target;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
