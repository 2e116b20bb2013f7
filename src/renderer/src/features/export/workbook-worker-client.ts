/**
 * The renderer's handle on the export worker: one worker, started on first use (or ahead of it
 * with warmUp), builds one workbook at a time. Aborting a build ends the worker at once; the next
 * build starts a fresh one.
 */
import { DocumentError } from '../../../../core/errors';
import type { BuildReply, BuildRequest } from './protocol';

export type BuildInput = Omit<BuildRequest, 'type' | 'id'>;

export interface BuiltWorkbook {
  bytes: Uint8Array;
  /** findings listed in 问题清单 */
  findings: number;
  /** time spent in the worker */
  ms: number;
}

interface Pending {
  resolve: (result: BuiltWorkbook) => void;
  reject: (error: unknown) => void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(error: unknown): void {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
}

function start(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module' });
  w.addEventListener('message', (event: MessageEvent<BuildReply>) => {
    const reply = event.data;
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (reply.type === 'done') p.resolve({ bytes: reply.bytes, findings: reply.findings, ms: reply.ms });
    else p.reject(new Error(reply.message));
  });
  w.addEventListener('error', (event) => {
    // A crashed worker fails what it had; the next build starts another.
    failAll(new Error(event.message || 'export worker failed'));
    if (worker === w) worker = null;
    w.terminate();
  });
  worker = w;
  return w;
}

/** Loads the worker (exceljs, the checks) before the reviewer asks for an export. */
export function warmUpExportWorker(): void {
  start();
}

function stop(): void {
  worker?.terminate();
  worker = null;
  failAll(new DocumentError('cancelled'));
}

export function buildInWorker(input: BuildInput, signal?: AbortSignal): Promise<BuiltWorkbook> {
  if (signal?.aborted) return Promise.reject(new DocumentError('cancelled'));
  return new Promise<BuiltWorkbook>((resolve, reject) => {
    const id = nextId++;
    const onAbort = (): void => stop();
    signal?.addEventListener('abort', onAbort, { once: true });
    pending.set(id, {
      resolve: (r) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(r);
      },
      reject: (e) => {
        signal?.removeEventListener('abort', onAbort);
        reject(e);
      },
    });
    const request: BuildRequest = { type: 'build', id, ...input };
    start().postMessage(request);
  });
}
