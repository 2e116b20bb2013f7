import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.renderer.config';

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          // the parse worker thread (new URL('./parse-worker.js', import.meta.url) in index.ts)
          'parse-worker': resolve(import.meta.dirname, 'src/main/parse/parse-worker.ts'),
          // the OCR worker thread (new URL('./ocr-worker.js', import.meta.url) in src/node/ocr-engine.ts)
          'ocr-worker': resolve(import.meta.dirname, 'src/node/ocr-worker.ts'),
          // the folder-review worker thread (new URL('./folder-review-worker.js', import.meta.url) in index.ts)
          'folder-review-worker': resolve(import.meta.dirname, 'src/main/folder/review-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  // Shared with the browser-mode build used by the end-to-end tests (vite.browser.config.ts).
  renderer: rendererConfig(),
});
