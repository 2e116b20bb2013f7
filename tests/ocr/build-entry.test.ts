/**
 * The built app starts the OCR worker from out/main/ocr-worker.js: the main build must have it as
 * an entry (electron.vite.config.ts), and ocr-engine must find the entry it is run with.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import config from '../../electron.vite.config';
import { ocrWorkerUrl } from '../../src/node/ocr-engine';

describe('OCR worker entry', () => {
  it('is an entry of the main build, next to the parse worker', () => {
    const main = (config as { main?: { build?: { rolldownOptions?: { input?: Record<string, string> } } } }).main;
    const input = main?.build?.rolldownOptions?.input ?? {};
    expect(input['ocr-worker']).toMatch(/src\/node\/ocr-worker\.ts$/);
    expect(existsSync(input['ocr-worker']!)).toBe(true);
    expect(input['parse-worker']).toBeDefined();
  });

  it('is found from the source tree (dev, tests)', () => {
    const url = ocrWorkerUrl();
    expect(url.pathname.endsWith('/src/node/ocr-worker.ts')).toBe(true);
    expect(existsSync(fileURLToPath(url))).toBe(true);
  });
});
