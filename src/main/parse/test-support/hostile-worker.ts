/**
 * Test-only parse worker: the real job loop (serveParseJobs) with an extractor that misbehaves on
 * purpose depending on the file name, so the pool's crash, OOM, memory, hang and cancel handling
 * is exercised for real. Files without a marker go to the real extractFile.
 */
import { parentPort } from 'node:worker_threads';
import { extractFile } from '../../../node/extract-file';
import type { ExtractedDocument } from '../../../core/model';
import type { Extract, WorkerPort } from '../worker-handler';
import { serveParseJobs } from '../worker-handler';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const hostile: Extract = async (path, options): Promise<ExtractedDocument> => {
  if (path.includes('crash')) {
    setTimeout(() => {
      throw new Error('simulated parser bug');
    });
    await sleep(60_000);
  }
  if (path.includes('exit')) process.exit(3);
  if (path.includes('oom')) {
    const hoard: number[][] = [];
    for (;;) hoard.push(Array.from({ length: 100_000 }, (_, i) => i * 1.5));
  }
  if (path.includes('buffers')) {
    const hoard: Uint8Array[] = [];
    for (let i = 0; ; i++) {
      hoard.push(new Uint8Array(16 * 1024 * 1024).fill(1));
      options.onProgress?.(i, 1000);
      await sleep(5);
    }
  }
  if (path.includes('hang')) {
    for (;;) {
      // a synchronous loop: no message, no timer can interrupt it, only terminate()
    }
  }
  if (path.includes('slow')) {
    for (let i = 1; i <= 100; i++) {
      await sleep(50);
      options.onProgress?.(i, 100);
    }
  }
  return extractFile(path, options);
};

if (!parentPort) throw new Error('must run in a worker thread');
serveParseJobs(parentPort as unknown as WorkerPort, hostile);
