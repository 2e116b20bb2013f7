/**
 * Main's handle on the folder-review worker thread: one worker, started on first use and again
 * after a crash; requests answered in order. A crash or a failure rejects that request only.
 */
import type { Worker } from 'node:worker_threads';
import type { RelationOverrides } from '../../core/folder/relations';
import type { ExtractedDocument } from '../../core/model';
import { spawnWorker } from '../../node/spawn-worker';
import { FolderReviewer, type ReviewOutcome } from './folder-reviewer';
import type { FromReviewWorker, ReviewedFile, ReviewWorkerData, ToReviewWorker } from './review-worker-protocol';

export interface FolderReviewRunner {
  review(files: ReviewedFile[], overrides: RelationOverrides): Promise<ReviewOutcome>;
  close(): Promise<void>;
}

/** The review in this thread, on extractions `load` gives by file (tests, and no worker build). */
export class InProcessReview implements FolderReviewRunner {
  private readonly reviewer: FolderReviewer;

  constructor(load: (relativePath: string) => Promise<ExtractedDocument | null>) {
    this.reviewer = new FolderReviewer((f) => load(f.file));
  }

  review(files: ReviewedFile[], overrides: RelationOverrides): Promise<ReviewOutcome> {
    return this.reviewer.review(files, overrides);
  }

  async close(): Promise<void> {}
}

export class FolderReviewWorker implements FolderReviewRunner {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: ReviewOutcome) => void; reject: (e: Error) => void }>();

  constructor(
    private readonly entry: URL,
    private readonly data: ReviewWorkerData,
  ) {}

  private start(): Worker {
    const worker = spawnWorker(this.entry, { workerData: this.data });
    worker.on('message', (m: FromReviewWorker) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.type === 'result') p.resolve({ review: m.review, loadMs: m.loadMs, reviewMs: m.reviewMs, documents: m.documents });
      else p.reject(new Error(m.message));
    });
    const fail = (error: Error): void => {
      if (this.worker === worker) this.worker = null;
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`folder review worker exited (${code})`)));
    this.worker = worker;
    return worker;
  }

  review(files: ReviewedFile[], overrides: RelationOverrides): Promise<ReviewOutcome> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ type: 'review', id, files, overrides } satisfies ToReviewWorker);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}
