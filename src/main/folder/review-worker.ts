/**
 * Entry of the folder-review worker thread (out/main/folder-review-worker.js): reads the folder's
 * extractions from the parse cache and runs the core reviewFolder here, so the first review of a
 * large folder (seconds for hundreds of files) never blocks the main process. Extractions and the
 * relation results are kept between requests: after one file changes only its relations re-run.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ExtractedDocument } from '../../core/model';
import { ParseCache } from '../cache/parse-cache';
import { FolderReviewer } from './folder-reviewer';
import type { FromReviewWorker, ReviewWorkerData, ToReviewWorker } from './review-worker-protocol';

if (!parentPort) throw new Error('review-worker must run in a worker thread');
const port = parentPort;
const data = workerData as ReviewWorkerData;
const cache = ParseCache.reader(data.cacheRoot, data.versions);
const reviewer = new FolderReviewer(async ({ sha256 }): Promise<ExtractedDocument | null> => {
  const entry = await cache.get(sha256);
  return entry?.kind === 'document' ? entry.document : null;
});

// one request at a time, in order: each review sees the cache the previous one left
let queue: Promise<void> = Promise.resolve();
port.on('message', (message: ToReviewWorker) => {
  queue = queue.then(async () => {
    try {
      const out = await reviewer.review(message.files, message.overrides);
      port.postMessage({ type: 'result', id: message.id, ...out } satisfies FromReviewWorker);
    } catch (e) {
      port.postMessage({ type: 'failure', id: message.id, message: e instanceof Error ? e.message : String(e) } satisfies FromReviewWorker);
    }
  });
});
