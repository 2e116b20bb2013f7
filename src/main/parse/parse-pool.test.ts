import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMinimalPdf } from '../../../tests/faults/helpers/minimal-pdf';
import type { ParsePoolOptions } from './parse-pool';
import { ParsePool } from './parse-pool';

const realEntry = new URL('./parse-worker.ts', import.meta.url);
const hostileEntry = new URL('./test-support/hostile-worker.ts', import.meta.url);
const base: ParsePoolOptions = { workerEntry: realEntry, concurrency: 1, timeoutMs: 60_000, maxHeapMb: 256, maxMemoryMb: 512 };

let dir: string;
const file = (name: string): string => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pool-'));
  await writeFile(file('ok.pdf'), buildMinimalPdf({ pages: 3 }));
  await writeFile(file('encrypted.pdf'), buildMinimalPdf({ pages: 1, encrypted: true }));
  await writeFile(file('fake.pdf'), '<html>not found</html>');
  const pdf = buildMinimalPdf({ pages: 2 });
  await writeFile(file('truncated.pdf'), pdf.slice(0, pdf.length >> 1));
  await writeFile(file('empty.pdf'), '');
  for (const marker of ['crash', 'exit', 'oom', 'buffers', 'hang', 'slow']) await writeFile(file(`${marker}.pdf`), pdf);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ParsePool with the real worker', () => {
  it('parses a PDF off the main thread and reports progress up to 1', async () => {
    const pool = new ParsePool(base);
    const progress: number[] = [];
    const outcome = await pool.parse(file('ok.pdf'), (p) => progress.push(p)).result;
    await pool.close();
    expect(outcome.kind).toBe('document');
    if (outcome.kind === 'document') expect(outcome.document.source.pages).toBe(3);
    expect(progress.at(-1)).toBe(1);
  });

  it.each([
    ['encrypted.pdf', 'encrypted', '密码'],
    ['fake.pdf', 'not-pdf', '不是 PDF'],
    ['truncated.pdf', 'truncated', '不完整'],
    ['empty.pdf', 'empty-file', '为空'],
    ['missing.pdf', 'vanished', '已被删除'],
  ])('%s fails as %s with a Chinese message', async (name, code, zh) => {
    const pool = new ParsePool(base);
    const outcome = await pool.parse(file(name)).result;
    await pool.close();
    expect(outcome).toMatchObject({ kind: 'error', error: { code } });
    if (outcome.kind === 'error') expect(outcome.error.messageZh).toContain(zh);
  });
});

describe('ParsePool with OCR', () => {
  it('reads a scanned page in the worker (cells marked as OCR), and a second parse comes from the OCR cache', async () => {
    const scanned = join(import.meta.dirname, '../../../tests/fixtures/scanned/two-tables-300dpi.pdf');
    const cacheDir = join(dir, 'ocr-cache');
    const pool = new ParsePool({ ...base, maxHeapMb: 1024, maxMemoryMb: 2048, ocr: { cacheDir } });
    const progress: number[] = [];
    const first = await pool.parse(scanned, (p) => progress.push(p)).result;
    const t = performance.now();
    const second = await pool.parse(scanned).result;
    const secondMs = performance.now() - t;
    await pool.close();
    expect(first.kind).toBe('document');
    if (first.kind !== 'document' || second.kind !== 'document') return;
    expect(first.document.source.ocr?.pages).toEqual([1]);
    expect(first.document.tables.length).toBe(2);
    const cells = first.document.tables.flatMap((tb) => tb.rows.flat()).filter((c) => c?.text);
    expect(cells.length).toBeGreaterThan(10);
    for (const c of cells) expect(c!.source?.kind).toBe('ocr');
    expect(progress.at(-1)).toBe(1);
    expect(second.document.tables).toEqual(first.document.tables);
    // the cache spares the recognition (seconds); only the page render and layout remain
    expect(secondMs).toBeLessThan(5_000);
  }, 120_000);

  it('without the OCR option the same page is only listed as picture-only', async () => {
    const scanned = join(import.meta.dirname, '../../../tests/fixtures/scanned/two-tables-300dpi.pdf');
    const pool = new ParsePool(base);
    const outcome = await pool.parse(scanned).result;
    await pool.close();
    // a picture-only PDF is refused with its own message
    expect(outcome).toMatchObject({ kind: 'error', error: { code: 'no-text-layer' } });
  });
});

describe('ParsePool with a hostile extractor', () => {
  const hostile = (overrides: Partial<ParsePoolOptions> = {}): ParsePool => new ParsePool({ ...base, workerEntry: hostileEntry, ...overrides });

  it.each([
    ['crash.pdf', 'parser-crashed', 'crashed'],
    ['exit.pdf', 'parser-crashed', 'crashed'],
    ['oom.pdf', 'too-large', 'overMemory'],
    ['buffers.pdf', 'too-large', 'overMemory'],
  ] as const)('%s → %s, and the next file still parses', async (name, code, counter) => {
    const pool = hostile({ maxHeapMb: 192, maxMemoryMb: 400 });
    const bad = pool.parse(file(name));
    const next = pool.parse(file('ok.pdf'));
    const outcome = await bad.result;
    expect(outcome).toMatchObject({ kind: 'error', error: { code } });
    if (outcome.kind === 'error') expect(outcome.error.messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect(await next.result).toMatchObject({ kind: 'document' });
    expect(pool.stats[counter]).toBe(1);
    await pool.close();
  });

  it('stops a hung parse at the time limit and goes on', { timeout: 120_000 }, async () => {
    // generous: the limit also covers starting a fresh worker for the next file on a loaded machine
    const pool = hostile({ timeoutMs: 15_000 });
    const hung = pool.parse(file('hang.pdf'));
    const next = pool.parse(file('ok.pdf'));
    expect(await hung.result).toMatchObject({ kind: 'error', error: { code: 'timeout' } });
    expect((await next.result).kind).toBe('document');
    expect(pool.stats.timedOut).toBe(1);
    await pool.close();
  });

  it('a parse that keeps reporting progress (page after page of OCR) runs past the time limit', { timeout: 120_000 }, async () => {
    // slow.pdf: 100 progress reports 50 ms apart (5 s in all), the limit 3 s
    const pool = hostile({ timeoutMs: 3_000 });
    const outcome = await pool.parse(file('slow.pdf')).result;
    expect(outcome.kind).toBe('document');
    expect(pool.stats.timedOut).toBe(0);
    await pool.close();
  });

  it('cancels a running and a queued job', async () => {
    const pool = hostile();
    let seen = 0;
    const running = pool.parse(file('slow.pdf'), () => seen++);
    const queued = pool.parse(file('ok.pdf'));
    const deadline = Date.now() + 30_000;
    while (seen === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(seen).toBeGreaterThan(0);
    pool.cancel(queued.jobId);
    pool.cancel(running.jobId);
    expect(await running.result).toMatchObject({ kind: 'error', error: { code: 'cancelled' } });
    expect(await queued.result).toMatchObject({ kind: 'error', error: { code: 'cancelled' } });
    // the pool still works after killing its worker
    expect((await pool.parse(file('ok.pdf')).result).kind).toBe('document');
    await pool.close();
  });

  it('settles everything as cancelled on close', async () => {
    const pool = hostile();
    const a = pool.parse(file('slow.pdf'));
    const b = pool.parse(file('ok.pdf'));
    await pool.close();
    expect(await a.result).toMatchObject({ error: { code: 'cancelled' } });
    expect(await b.result).toMatchObject({ error: { code: 'cancelled' } });
  });
});
