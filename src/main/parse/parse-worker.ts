/**
 * Entry of the parse worker thread (an extra entry of the main build: out/main/parse-worker.js).
 * Parsing runs here so a slow, huge or hostile file never blocks the main process.
 */
import { parentPort } from 'node:worker_threads';
import { extractFile } from '../../node/extract-file';
import type { WorkerPort } from './worker-handler';
import { serveParseJobs } from './worker-handler';

if (!parentPort) throw new Error('parse-worker must run in a worker thread');
serveParseJobs(parentPort as unknown as WorkerPort, extractFile);
