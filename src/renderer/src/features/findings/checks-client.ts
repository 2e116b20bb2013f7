/**
 * The renderer's handle on the checks worker. The open document is posted once and kept there;
 * later checks send only the edit log. Where no Worker exists (unit tests in Node) the checks run
 * in place.
 */
import { runChecks } from '../../../../core/checks';
import type { CheckReport } from '../../../../core/checks/model';
import type { ExtractedDocument } from '../../../../core/model';
import { applyEdits } from '../../../../core/review/edits';
import type { CellEdit } from '../../../../core/review/model';
import type { CheckReply, CheckRequest, ChecksRequest } from './checks-protocol';

export interface CheckResult {
  report: CheckReport;
  /** time the engine took (applyEdits + runChecks) */
  ms: number;
}

interface Pending {
  resolve: (r: CheckResult) => void;
  reject: (e: unknown) => void;
  request: CheckRequest;
  doc: ExtractedDocument;
}

let worker: Worker | null = null;
/** set when a worker cannot be started at all */
let unavailable = false;
let nextId = 1;
let nextKey = 1;
const keys = new WeakMap<ExtractedDocument, string>();
/** documents the current worker holds */
const loaded = new Set<string>();
const pending = new Map<number, Pending>();

function keyOf(doc: ExtractedDocument): string {
  let key = keys.get(doc);
  if (!key) keys.set(doc, (key = `d${nextKey++}`));
  return key;
}

function post(message: ChecksRequest): void {
  start().postMessage(message);
}

function start(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./checks-worker.ts', import.meta.url), { type: 'module' });
  w.addEventListener('message', (event: MessageEvent<CheckReply>) => {
    const reply = event.data;
    const p = pending.get(reply.id);
    if (!p) return;
    if (reply.type === 'done') {
      pending.delete(reply.id);
      p.resolve({ report: reply.report, ms: reply.ms });
    } else if (reply.missing && !p.request.doc) {
      // The worker no longer holds the document: send it again with the same request.
      p.request = { ...p.request, doc: p.doc };
      post(p.request);
    } else {
      pending.delete(reply.id);
      p.reject(new Error(reply.message));
    }
  });
  w.addEventListener('error', (event) => {
    // A crashed worker fails what it had; the next check starts another and resends documents.
    for (const p of pending.values()) p.reject(new Error(event.message || 'checks worker failed'));
    pending.clear();
    loaded.clear();
    if (worker === w) worker = null;
    w.terminate();
  });
  worker = w;
  return w;
}

function inPlace(doc: ExtractedDocument, edits: readonly CellEdit[]): Promise<CheckResult> {
  return Promise.resolve().then(() => {
    const started = performance.now();
    const report = runChecks(applyEdits(doc, edits));
    return { report, ms: performance.now() - started };
  });
}

/**
 * Checks the document with the edits applied. `keep` leaves the document in the worker, so the
 * next check of the same document object sends only the edits.
 */
export function checkDocument(doc: ExtractedDocument, edits: readonly CellEdit[], keep: boolean): Promise<CheckResult> {
  if (typeof Worker === 'undefined' || unavailable) return inPlace(doc, edits);
  try {
    start();
  } catch (e) {
    // No worker here (refused by a policy, say): the checks still run, on this thread.
    console.warn('checks worker unavailable, checking on the main thread', e);
    unavailable = true;
    return inPlace(doc, edits);
  }
  const key = keyOf(doc);
  const send = !keep || !loaded.has(key);
  const request: CheckRequest = { type: 'check', id: nextId++, key, keep, edits, ...(send ? { doc } : {}) };
  if (keep) loaded.add(key);
  return new Promise<CheckResult>((resolve, reject) => {
    pending.set(request.id, { resolve, reject, request, doc });
    post(request);
  });
}

/** Lets the worker drop every document but `keep` (the one now open). */
export function releaseDocuments(keep: ExtractedDocument | null): void {
  if (typeof Worker === 'undefined' || !worker) return;
  const key = keep ? keyOf(keep) : null;
  for (const k of [...loaded]) if (k !== key) loaded.delete(k);
  post({ type: 'release', keep: key });
}

/** Starts the worker (and loads the engine) before the first document is opened. */
export function warmUpChecks(): void {
  if (typeof Worker !== 'undefined') start();
}
