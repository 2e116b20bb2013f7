/**
 * Entry of the parse worker thread (an extra entry of the main build: out/main/parse-worker.js).
 * Parsing runs here so a slow, huge or hostile file never blocks the main process.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { extractFile } from '../../node/extract-file';
import type { WorkerPort } from './worker-handler';
import { serveParseJobs } from './worker-handler';

if (!parentPort) throw new Error('parse-worker must run in a worker thread');
// OCR (when the pool asks for it) runs in this thread: the parse worker is already off the main one.
const ocrCacheDir = (workerData as { ocrCacheDir?: unknown } | null)?.ocrCacheDir;
const ocr = typeof ocrCacheDir === 'string' ? { inline: true, cacheDir: ocrCacheDir } : undefined;
serveParseJobs(parentPort as unknown as WorkerPort, (path, options) => extractFile(path, { ...options, ...(ocr ? { ocr } : {}) }));
