/**
 * Renderer build settings shared by the Electron build (electron.vite.config.ts) and the
 * browser-mode build used by the end-to-end tests (vite.browser.config.ts).
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, normalize, resolve, sep } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';

const require = createRequire(import.meta.url);
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));
/**
 * pdf.js data files the renderer needs offline: CJK cMaps (non-embedded Chinese fonts), standard
 * fonts, and the WebAssembly image decoders (JPEG 2000, JBIG2, ICC colour; `wasmUrl`).
 */
const PDFJS_ASSET_DIRS = ['cmaps', 'standard_fonts', 'wasm'];
const PUBLIC_PREFIX = 'pdfjs';

/** Serves (dev) and emits (build) pdf.js's cmaps/, standard_fonts/ and wasm/ under pdfjs/ next to index.html. */
export function pdfjsAssets(): Plugin {
  return {
    name: 'proofreader:pdfjs-assets',
    configureServer(server) {
      server.middlewares.use(`/${PUBLIC_PREFIX}/`, (req, res, next) => {
        const path = normalize(decodeURIComponent((req.url ?? '').split('?')[0] ?? '')).replace(/^[/\\]+/, '');
        const [folder] = path.split(/[/\\]/);
        const file = resolve(PDFJS_DIR, path);
        if (!folder || !PDFJS_ASSET_DIRS.includes(folder) || !file.startsWith(PDFJS_DIR + sep)) return next();
        stat(file).then(
          (s) => {
            if (!s.isFile()) return next();
            res.setHeader('Content-Type', 'application/octet-stream');
            createReadStream(file).pipe(res);
          },
          () => next(),
        );
      });
    },
    async generateBundle() {
      for (const folder of PDFJS_ASSET_DIRS) {
        for (const name of await readdir(join(PDFJS_DIR, folder))) {
          this.emitFile({ type: 'asset', fileName: `${PUBLIC_PREFIX}/${folder}/${name}`, source: await readFile(join(PDFJS_DIR, folder, name)) });
        }
      }
    },
  };
}

export const RENDERER_ROOT = resolve(import.meta.dirname, 'src/renderer');

/** Options both renderer builds share. */
export function rendererConfig(): UserConfig {
  return {
    root: RENDERER_ROOT,
    // Relative asset URLs: the Electron window loads index.html from disk.
    base: './',
    plugins: [react(), pdfjsAssets()],
    // Module workers (pdf.js and the browser bridge's parse worker) can share chunks.
    worker: { format: 'es' },
    build: {
      target: 'chrome130',
      chunkSizeWarningLimit: 4096,
      rolldownOptions: {
        input: { index: resolve(RENDERER_ROOT, 'index.html') },
      },
    },
  };
}
