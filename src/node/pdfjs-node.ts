/**
 * pdf.js for Node: the legacy build (the modern one needs newer Node), with the CJK cMaps and
 * standard fonts read from the installed package so PDFs with non-embedded Chinese fonts work offline.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PdfSource } from '../core/pdf/pdfjs-types';

let cached: Promise<PdfSource> | undefined;

export function loadPdfjsForNode(): Promise<PdfSource> {
  cached ??= (async () => {
    const require = createRequire(import.meta.url);
    const packageDir = dirname(require.resolve('pdfjs-dist/package.json'));
    const pdfjs = await import(pathToFileURL(join(packageDir, 'legacy/build/pdf.mjs')).href);
    return {
      pdfjs,
      params: {
        cMapUrl: join(packageDir, 'cmaps') + '/',
        cMapPacked: true,
        standardFontDataUrl: join(packageDir, 'standard_fonts') + '/',
        isEvalSupported: false,
        useSystemFonts: false,
        verbosity: 0,
      },
    };
  })();
  return cached;
}
