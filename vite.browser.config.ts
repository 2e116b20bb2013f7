/**
 * The renderer in browser mode: the same UI, talking to the browser implementation of the
 * ProofreaderApi (src/renderer/src/bridge) instead of Electron's preload. Used by the end-to-end
 * tests: `vite build --config vite.browser.config.ts` then serve out/browser next to a fixture folder.
 */
import { resolve } from 'node:path';
import { defineConfig, mergeConfig } from 'vite';
import { rendererConfig } from './vite.renderer.config';

export default defineConfig(
  mergeConfig(rendererConfig(), {
    // import.meta.env.MODE === 'browser' switches the API client to the browser bridge.
    mode: 'browser',
    build: { outDir: resolve(import.meta.dirname, 'out/browser'), emptyOutDir: true },
  }),
);
