/**
 * The body of a parse worker: receives jobs, runs the extractor with an AbortSignal, streams
 * progress and a memory heartbeat, replies with the document or a classified error. Separate from
 * the entry file so tests can run it with a hostile extractor (crash, OOM, hang).
 */
import v8 from 'node:v8';
import type { ExtractedDocument } from '../../core/model';
import type { ExtractFileOptions } from '../../node/extract-file';
import { classifyFailure } from './classify-failure';
import type { FromWorker, ToWorker } from './worker-protocol';

export type Extract = (path: string, options: ExtractFileOptions) => Promise<ExtractedDocument>;

export interface WorkerPort {
  postMessage(message: FromWorker): void;
  on(event: 'message', listener: (message: ToWorker) => void): void;
}

const HEARTBEAT_MS = 200;

function memoryInUse(): number {
  const heap = v8.getHeapStatistics();
  return heap.used_heap_size + process.memoryUsage().arrayBuffers;
}

export function serveParseJobs(port: WorkerPort, extract: Extract): void {
  const running = new Map<number, AbortController>();
  const heartbeat = setInterval(() => port.postMessage({ type: 'memory', bytes: memoryInUse() }), HEARTBEAT_MS);
  heartbeat.unref();

  port.on('message', (message) => {
    if (message.type === 'cancel') {
      running.get(message.jobId)?.abort();
      return;
    }
    const { jobId, path } = message;
    const controller = new AbortController();
    running.set(jobId, controller);
    const onProgress = (done: number, total: number): void => {
      port.postMessage({ type: 'progress', jobId, done, total });
      port.postMessage({ type: 'memory', bytes: memoryInUse() });
    };
    extract(path, { signal: controller.signal, onProgress })
      .then((document) => port.postMessage({ type: 'result', jobId, document }))
      .catch(async (e: unknown) => port.postMessage({ type: 'failure', jobId, error: await classifyFailure(e, path) }))
      .finally(() => running.delete(jobId));
  });
}
