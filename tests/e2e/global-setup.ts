/**
 * Builds the renderer once in browser mode (vite.browser.config.ts) into a temporary folder that
 * every end-to-end test serves.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    rendererDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = await mkdtemp(join(tmpdir(), 'proofreader-e2e-renderer-'));
  const started = Date.now();
  // vitest runs with NODE_ENV=test, which would give a development build (React's dev runtime):
  // the tests must drive, and the bars measure, the production build a clerk gets.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: resolve(import.meta.dirname, '../../vite.browser.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  console.log(`[e2e] renderer built in browser mode in ${Date.now() - started} ms`);
  project.provide('rendererDir', outDir);
  return () => rm(outDir, { recursive: true, force: true });
}
