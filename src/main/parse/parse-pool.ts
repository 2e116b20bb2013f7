/**
 * Runs parse jobs in worker threads, a few at a time, each with a time limit and a memory limit.
 * A job always settles with a document or a DocumentError: a worker that crashes, runs out of
 * memory or hangs is terminated, its file gets a clear message, and the queue goes on with a
 * fresh worker.
 */
import type { Worker } from 'node:worker_threads';
import { DocumentError } from '../../core/errors';
import type { SerializedDocumentError } from '../../core/errors';
import type { ExtractedDocument } from '../../core/model';
import { spawnWorker } from '../../node/spawn-worker';
import type { FromWorker, ToWorker } from './worker-protocol';

export type ParseOutcome = { kind: 'document'; document: ExtractedDocument } | { kind: 'error'; error: SerializedDocumentError };

export interface ParsePoolOptions {
  /** worker entry: out/main/parse-worker.js when built, src/main/parse/parse-worker.ts in tests */
  workerEntry: URL;
  /** parallel workers (1–2: the machine also runs the UI) */
  concurrency: number;
  /** wall-clock limit per file */
  timeoutMs: number;
  /** V8 old-generation limit of each worker (resourceLimits); exceeding it kills the worker */
  maxHeapMb: number;
  /** heap + ArrayBuffer ceiling checked on the worker's heartbeat (pdf.js buffers live outside the heap) */
  maxMemoryMb: number;
  /**
   * a worker is replaced after this many files, or sooner when it holds more than half the memory
   * ceiling after a file, so leaks and fragmentation cannot accumulate (a restart costs ~1 s)
   */
  recycleAfterJobs?: number;
  /**
   * OCR of pages without a usable text layer (docs/ocr.md), cached in this directory; absent: such
   * pages are only listed as picture-only. OCR runs inside the parse worker.
   */
  ocr?: { cacheDir: string };
}

/** A job that keeps reporting progress (OCR of a long scan) may run this many timeouts in all. */
const MAX_TIMEOUTS_WITH_PROGRESS = 10;

export interface PoolStats {
  started: number;
  documents: number;
  errors: number;
  crashed: number;
  timedOut: number;
  overMemory: number;
  cancelled: number;
}

export interface ParseHandle {
  jobId: number;
  result: Promise<ParseOutcome>;
}

interface Job {
  id: number;
  path: string;
  onProgress: (fraction: number) => void;
  settle: (outcome: ParseOutcome) => void;
}

interface Slot {
  worker: Worker | null;
  job: Job | null;
  served: number;
  timer: NodeJS.Timeout | null;
  /** when the current job started (ms) */
  startedAt: number;
  /** the worker's last reported heap + ArrayBuffer bytes */
  memory: number;
}

const fail = (error: DocumentError): ParseOutcome => ({ kind: 'error', error: error.toJSON() });

export class ParsePool {
  readonly stats: PoolStats = { started: 0, documents: 0, errors: 0, crashed: 0, timedOut: 0, overMemory: 0, cancelled: 0 };
  private readonly queue: Job[] = [];
  private readonly slots: Slot[];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: ParsePoolOptions) {
    this.slots = Array.from({ length: Math.max(1, options.concurrency) }, () => ({ worker: null, job: null, served: 0, timer: null, startedAt: 0, memory: 0 }));
  }

  /** Queues a file; the returned promise never rejects. */
  parse(path: string, onProgress: (fraction: number) => void = () => undefined): ParseHandle {
    const id = this.nextId++;
    let settle!: (outcome: ParseOutcome) => void;
    const result = new Promise<ParseOutcome>((resolve) => {
      settle = resolve;
    });
    if (this.closed) {
      settle(fail(new DocumentError('cancelled')));
      return { jobId: id, result };
    }
    this.queue.push({ id, path, onProgress, settle });
    this.pump();
    return { jobId: id, result };
  }

  /** Stops a queued or running job (a running one by terminating its worker); it settles as 'cancelled'. */
  cancel(jobId: number): void {
    const queued = this.queue.findIndex((job) => job.id === jobId);
    if (queued >= 0) {
      const [job] = this.queue.splice(queued, 1);
      this.stats.cancelled++;
      job?.settle(fail(new DocumentError('cancelled')));
      return;
    }
    const slot = this.slots.find((s) => s.job?.id === jobId);
    if (slot) {
      this.stats.cancelled++;
      this.finish(slot, fail(new DocumentError('cancelled')), true);
    }
  }

  get pending(): number {
    return this.queue.length + this.slots.filter((s) => s.job).length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.settle(fail(new DocumentError('cancelled')));
    await Promise.all(
      this.slots.map(async (slot) => {
        if (slot.job) this.finish(slot, fail(new DocumentError('cancelled')), false);
        const worker = slot.worker;
        slot.worker = null;
        await worker?.terminate();
      }),
    );
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.closed || this.queue.length === 0) return;
      if (slot.job) continue;
      const job = this.queue.shift();
      if (job) this.start(slot, job);
    }
  }

  private start(slot: Slot, job: Job): void {
    this.stats.started++;
    slot.job = job;
    slot.served++;
    const worker = slot.worker ?? this.createWorker(slot);
    slot.startedAt = Date.now();
    this.armTimeout(slot);
    worker.postMessage({ type: 'parse', jobId: job.id, path: job.path } satisfies ToWorker);
  }

  /**
   * The time limit counts from the start or the last progress report: a file still advancing (page
   * after page of OCR) is not hung, up to MAX_TIMEOUTS_WITH_PROGRESS limits in all.
   */
  private armTimeout(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    const hardStop = slot.startedAt + MAX_TIMEOUTS_WITH_PROGRESS * this.options.timeoutMs;
    const wait = Math.max(0, Math.min(this.options.timeoutMs, hardStop - Date.now()));
    slot.timer = setTimeout(() => {
      this.stats.timedOut++;
      this.finish(slot, fail(new DocumentError('timeout', `${Math.round((Date.now() - slot.startedAt) / 1000)} 秒`)), true);
    }, wait);
  }

  private createWorker(slot: Slot): Worker {
    const worker = spawnWorker(this.options.workerEntry, {
      ...(this.options.ocr ? { workerData: { ocrCacheDir: this.options.ocr.cacheDir } } : {}),
      resourceLimits: {
        maxOldGenerationSizeMb: this.options.maxHeapMb,
        maxYoungGenerationSizeMb: Math.min(64, Math.max(8, Math.floor(this.options.maxHeapMb / 8))),
      },
    });
    slot.worker = worker;
    // Events of a replaced worker are ignored: `slot.worker === worker` guards every handler.
    worker.on('message', (message: FromWorker) => {
      if (slot.worker === worker) this.onMessage(slot, message);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (slot.worker !== worker) return;
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        this.stats.overMemory++;
        this.finish(slot, fail(new DocumentError('too-large', `解析所需内存超过 ${this.options.maxHeapMb} MB`)), true);
      } else {
        this.stats.crashed++;
        this.finish(slot, fail(new DocumentError('parser-crashed', error.message)), true);
      }
    });
    worker.on('exit', (code) => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      if (slot.job) {
        this.stats.crashed++;
        this.finish(slot, fail(new DocumentError('parser-crashed', `exit ${code}`)), false);
      }
    });
    return worker;
  }

  private onMessage(slot: Slot, message: FromWorker): void {
    const job = slot.job;
    switch (message.type) {
      case 'memory':
        slot.memory = message.bytes;
        if (job && message.bytes > this.options.maxMemoryMb * 1024 * 1024) {
          this.stats.overMemory++;
          this.finish(slot, fail(new DocumentError('too-large', `解析所需内存超过 ${this.options.maxMemoryMb} MB`)), true);
        }
        return;
      case 'progress':
        if (job?.id === message.jobId && message.total > 0) {
          job.onProgress(Math.min(1, message.done / message.total));
          this.armTimeout(slot);
        }
        return;
      case 'result':
        if (job?.id === message.jobId) this.finish(slot, { kind: 'document', document: message.document }, false);
        return;
      case 'failure':
        if (job?.id === message.jobId) this.finish(slot, { kind: 'error', error: message.error }, false);
        return;
      default: {
        const unexpected: never = message;
        throw new Error(`unexpected worker message ${JSON.stringify(unexpected)}`);
      }
    }
  }

  /** Settles the slot's job once; `kill` terminates its worker (hung, over limit, cancelled). */
  private finish(slot: Slot, outcome: ParseOutcome, kill: boolean): void {
    const job = slot.job;
    if (!job) return;
    slot.job = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    if (outcome.kind === 'document') this.stats.documents++;
    else this.stats.errors++;
    const recycle =
      (this.options.recycleAfterJobs !== undefined && slot.served >= this.options.recycleAfterJobs) || slot.memory > (this.options.maxMemoryMb * 1024 * 1024) / 2;
    if ((kill || recycle) && slot.worker) {
      const worker = slot.worker;
      slot.worker = null;
      slot.served = 0;
      slot.memory = 0;
      void worker.terminate();
    }
    job.settle(outcome);
    queueMicrotask(() => this.pump());
  }
}
