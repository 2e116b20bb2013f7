/**
 * Fault-injection suite (npm run test:faults; also part of npm test): the real folder watcher,
 * parse queue, worker threads, cache and settings against temp folders full of bad, hostile,
 * growing, vanishing and numerous files. Prints one summary line; every count but "files tried"
 * must be 0. States are polled with generous deadlines, never assumed after a sleep.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PARSER_VERSION, SCHEMA_VERSION } from '../../src/core/model';
import { ParseCache } from '../../src/main/cache/parse-cache';
import type { Services, ServicesOptions } from '../../src/main/services';
import { startServices } from '../../src/main/services';
import { SettingsStore } from '../../src/main/settings/settings-store';
import type { DocumentEntry, FolderState } from '../../src/shared/ipc-contract';
import { durabilityDocument } from './helpers/durability-child';
import { buildMinimalPdf } from './helpers/minimal-pdf';
import { sleep, waitFor } from './helpers/wait';

const REAL_WORKER = new URL('../../src/main/parse/parse-worker.ts', import.meta.url);
const HOSTILE_WORKER = new URL('../../src/main/parse/test-support/hostile-worker.ts', import.meta.url);
const BAD_FIXTURES = new URL('../fixtures/bad/', import.meta.url);
const SETTLE_TIMEOUT = 120_000;
const HAS_CJK = /[\u4e00-\u9fff]/;

const summary = { filesTried: 0, crashes: 0, hangs: 0, editsLost: 0, workerFailuresContained: 0 };
const onCrash = (): void => {
  summary.crashes++;
};

let base: string;
const running: Services[] = [];

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'faults-'));
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
  await rm(base, { recursive: true, force: true });
  console.log(
    `fault-injection summary: files tried ${summary.filesTried}, crashes ${summary.crashes}, hangs ${summary.hangs}, edits lost ${summary.editsLost} (worker crashes/OOM/timeouts contained: ${summary.workerFailuresContained})`,
  );
});

let scenario = 0;
async function newScenario(): Promise<{ folder: string; userData: string }> {
  scenario++;
  const folder = join(base, `folder-${scenario}`);
  const userData = join(base, `userdata-${scenario}`);
  await mkdir(folder, { recursive: true });
  await mkdir(userData, { recursive: true });
  return { folder, userData };
}

/** Starts the app's services the way the Electron shell does, on `folder` (saved in settings first). */
async function openApp(folder: string, userData: string, overrides: Partial<ServicesOptions> = {}): Promise<Services> {
  const settings = await SettingsStore.open(userData);
  await settings.update({ folder });
  const services = await startServices({
    userData,
    samplesFolder: null,
    workerEntry: REAL_WORKER,
    // concurrency: the default (one core stays with the UI)
    pool: { timeoutMs: 90_000, maxHeapMb: 512, maxMemoryMb: 1024 },
    workspace: { stableMs: 1000, stablePollMs: 100, availabilityPollMs: 200, notifyIntervalMs: 20 },
    ...overrides,
  });
  running.push(services);
  return services;
}

const terminal = (d: DocumentEntry): boolean => d.status === 'parsed' || d.status === 'error';
const entry = (s: FolderState, relativePath: string): DocumentEntry | undefined => s.documents.find((d) => d.relativePath === relativePath);

/** Waits until exactly `count` documents are listed and all are parsed or failed; a timeout is a hang. */
async function settle(services: Services, count: number, what: string): Promise<FolderState> {
  try {
    return await waitFor(() => {
      const s = services.workspace.state();
      return s.documents.length === count && s.documents.every(terminal) ? s : null;
    }, what, SETTLE_TIMEOUT);
  } catch (e) {
    summary.hangs++;
    throw e;
  }
}

function expectClearError(d: DocumentEntry | undefined, code?: string): void {
  const what = `${d?.relativePath}: ${JSON.stringify(d?.error)}`;
  expect(d?.status, what).toBe('error');
  expect(d?.error?.messageZh, what).toMatch(HAS_CJK);
  if (code) expect(d?.error?.code, what).toBe(code);
}

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');
const pagesPdf = (pages: number, tag: string): Uint8Array => buildMinimalPdf({ pages, lines: (p) => [`${tag} page ${p + 1}`, 'Item  Amount', `Total  ${p},006.90`] });
const hugePdf = (tag: string): Uint8Array =>
  buildMinimalPdf({ pages: 500, lines: (p) => Array.from({ length: 30 }, (_, i) => `${tag} ${p}-${i}   Item ${i}   ${(p * 100 + i).toLocaleString('en')}.00   ${(i * 7).toFixed(2)}`) });

describe.sequential('fault injection', () => {
  it('gives every bad or hostile file a clear Chinese message and keeps going', async () => {
    const { folder, userData } = await newScenario();
    const good = pagesPdf(3, 'good');
    const files: [string, Uint8Array | string, string | null][] = [
      ['零字节.pdf', '', 'empty-file'],
      ['截断.pdf', good.slice(0, Math.floor(good.length * 0.4)), 'truncated'],
      ['加密.pdf', buildMinimalPdf({ pages: 2, encrypted: true }), 'encrypted'],
      // a picture-only PDF whose images hold nothing OCR can read (blank): its own message
      ['扫描件.pdf', buildMinimalPdf({ pages: 2, scanned: true }), 'ocr-unreadable'],
      ['其实是压缩包.pdf', 'PK\u0003\u0004\u0014\u0000\u0000\u0000 not a pdf', 'not-pdf'],
      ['其实是网页.pdf', '<!DOCTYPE html><html><body>404 Not Found</body></html>', 'not-pdf'],
      ['随机字节.pdf', new Uint8Array(4096).map((_, i) => (i * 7919) % 251), 'not-pdf'],
      ['损坏.docx', 'this is not a zip archive', null],
      ['损坏.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), null],
      ['旧格式.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), null],
      ['<img src=x onerror=alert(1)>.pdf', good, 'parsed'],
      ['正常.pdf', good, 'parsed'],
    ];
    for (const [name, content] of files) await writeFile(join(folder, name), content);
    // Bad inputs produced by the fixture generator, when present.
    const extra: string[] = [];
    if (existsSync(BAD_FIXTURES)) {
      await mkdir(join(folder, 'fixtures-bad'));
      for (const name of await readdir(BAD_FIXTURES)) {
        if (!/\.(pdf|docx|xlsx|xls)$/i.test(name)) continue;
        await copyFile(new URL(encodeURIComponent(name), BAD_FIXTURES), join(folder, 'fixtures-bad', name));
        extra.push(`fixtures-bad/${name}`);
      }
    }
    summary.filesTried += files.length + extra.length;

    const app = await openApp(folder, userData);
    const state = await settle(app, files.length + extra.length, 'bad inputs settled');
    for (const [name, , expected] of files) {
      const d = entry(state, name);
      if (expected === 'parsed') expect(d?.status, name).toBe('parsed');
      else expectClearError(d, expected ?? undefined);
    }
    // the generator's bad files whose failure is known by name; any other must still settle clearly
    const knownBad: Record<string, string> = {
      'empty.pdf': 'empty-file',
      'encrypted.pdf': 'encrypted',
      'png-renamed.pdf': 'not-pdf',
      'text-renamed.pdf': 'not-pdf',
      'truncated.pdf': 'truncated',
    };
    for (const name of extra) {
      const d = entry(state, name);
      expect(d && terminal(d), name).toBe(true);
      const code = knownBad[name.replace('fixtures-bad/', '')];
      if (code) expectClearError(d, code);
      // a real scan of a table: OCR reads it
      else if (name.endsWith('scanned.pdf')) expect(d?.status, name).toBe('parsed');
      else if (d?.status === 'error') expect(d.error?.messageZh, name).toMatch(HAS_CJK);
    }
    // A crafted name is data: listed verbatim, readable only through the folder guard.
    const crafted = '<img src=x onerror=alert(1)>.pdf';
    expect(entry(state, crafted)?.name).toBe(crafted);
    expect(sha256(await app.workspace.source(crafted))).toBe(sha256(good));
  }, 300_000);

  it('waits for a file that is still being copied, then parses it once, whole', async () => {
    const { folder, userData } = await newScenario();
    const app = await openApp(folder, userData);
    await settle(app, 0, 'empty folder');
    const seen: string[] = [];
    app.workspace.onChange((s) => {
      const d = entry(s, '复制中.pdf');
      if (d) seen.push(d.status);
    });
    const full = hugePdf('copy');
    const path = join(folder, '复制中.pdf');
    const chunks = 20;
    const size = Math.ceil(full.length / chunks);
    for (let i = 0; i < chunks; i++) {
      await writeFile(path, full.subarray(i * size, (i + 1) * size), { flag: i === 0 ? 'w' : 'a' });
      await sleep(50); // 20× shorter than the 1 s stability window
    }
    summary.filesTried++;
    const state = await settle(app, 1, 'copied file parsed');
    expect(entry(state, '复制中.pdf')).toMatchObject({ status: 'parsed', pageCount: 500, sha256: sha256(full) });
    expect(seen).not.toContain('error');
    expect(app.pool.stats.started).toBe(1);
  }, 300_000);

  it('parses a 500-page PDF with progress inside the memory limit, and cancels one that is deleted mid-parse', async () => {
    const { folder, userData } = await newScenario();
    const app = await openApp(folder, userData, { pool: { concurrency: 1, timeoutMs: 90_000, maxHeapMb: 512, maxMemoryMb: 1024 } });
    await settle(app, 0, 'empty folder');
    const progress: number[] = [];
    app.workspace.onProgress((e) => {
      if (e.relativePath === '五百页.pdf') progress.push(e.progress);
    });
    const heapBefore = process.memoryUsage().heapUsed;
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 50);
    await writeFile(join(folder, '五百页.pdf'), hugePdf('huge'));
    summary.filesTried++;
    const state = await settle(app, 1, '500-page PDF parsed').finally(() => clearInterval(sampler));
    expect(entry(state, '五百页.pdf'), JSON.stringify(entry(state, '五百页.pdf')?.error)).toMatchObject({ status: 'parsed', pageCount: 500 });
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.some((p) => p > 0 && p < 0.5)).toBe(true);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
    // Bounded: the whole process (worker threads included) stays under the pool's 1024 MB ceiling,
    // and the main thread keeps no more than the finished document.
    const peakGrowthMb = (rssPeak - rssBefore) / 1048576;
    const mainHeapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 1048576;
    console.log(`500-page PDF: peak RSS growth ${peakGrowthMb.toFixed(0)} MB, main-thread heap growth ${mainHeapGrowthMb.toFixed(0)} MB, ${progress.length} progress events`);
    expect(peakGrowthMb).toBeLessThan(1024);
    expect(mainHeapGrowthMb).toBeLessThan(150);

    // Cancel: delete a second huge file while it is being parsed.
    let deleted = false;
    const doomed = join(folder, '删除中.pdf');
    app.workspace.onProgress((e) => {
      if (e.relativePath === '删除中.pdf' && e.progress > 0 && e.progress < 0.5 && !deleted) {
        deleted = true;
        void unlink(doomed);
      }
    });
    await writeFile(doomed, hugePdf('doomed'));
    summary.filesTried++;
    await waitFor(() => deleted, 'deletion during parse', SETTLE_TIMEOUT);
    await waitFor(() => !entry(app.workspace.state(), '删除中.pdf'), 'deleted file removed from the list', SETTLE_TIMEOUT);
    await waitFor(() => app.pool.stats.cancelled === 1 && app.pool.pending === 0, 'parse cancelled', SETTLE_TIMEOUT);
    // still working afterwards
    await writeFile(join(folder, '之后.pdf'), pagesPdf(1, 'after'));
    summary.filesTried++;
    await settle(app, 2, 'file after cancel parsed');
  }, 300_000);

  it('re-parses a file replaced while it was being parsed, and shows only the new content', async () => {
    const { folder, userData } = await newScenario();
    const app = await openApp(folder, userData, { pool: { concurrency: 1, timeoutMs: 90_000, maxHeapMb: 512, maxMemoryMb: 1024 } });
    await settle(app, 0, 'empty folder');
    const path = join(folder, '替换.pdf');
    const replacement = pagesPdf(2, 'replacement');
    let replaced = false;
    app.workspace.onProgress((e) => {
      if (e.relativePath === '替换.pdf' && e.progress > 0 && e.progress < 0.5 && !replaced) {
        replaced = true;
        // what a "save" does: write aside, then rename over
        void writeFile(`${path}.tmp`, replacement).then(() => rename(`${path}.tmp`, path));
      }
    });
    await writeFile(path, hugePdf('original'));
    summary.filesTried += 2;
    await waitFor(() => replaced, 'replacement during parse', SETTLE_TIMEOUT);
    const state = await waitFor(() => {
      const d = entry(app.workspace.state(), '替换.pdf');
      return d?.status === 'parsed' && d.sha256 === sha256(replacement) ? d : null;
    }, 'replacement parsed', SETTLE_TIMEOUT).catch((e: unknown) => {
      summary.hangs++;
      throw e;
    });
    expect(state.pageCount).toBe(2);
    expect((await app.workspace.extraction('替换.pdf')).source.sha256).toBe(sha256(replacement));
    // the original's half-done parse was never cached
    expect(app.cache.stats.writes).toBe(1);
  }, 300_000);

  it('keeps the list while the folder is gone (unplugged drive) and resumes without re-parsing', async () => {
    const { folder, userData } = await newScenario();
    for (let i = 0; i < 5; i++) await writeFile(join(folder, `文件${i}.pdf`), pagesPdf(1, `usb ${i}`));
    summary.filesTried += 6;
    const app = await openApp(folder, userData);
    const before = await settle(app, 5, 'initial parse');
    const parsedBefore = app.pool.stats.started;

    await rename(folder, `${folder}-unplugged`);
    const away = await waitFor(() => {
      const s = app.workspace.state();
      return s.available ? null : s;
    }, 'folder unavailable', SETTLE_TIMEOUT);
    expect(away.documents.map((d) => [d.relativePath, d.status])).toEqual(before.documents.map((d) => [d.relativePath, d.status]));
    await expect(app.workspace.source('文件0.pdf')).rejects.toMatchObject({ code: 'folder-unavailable' });
    // parsed results stay readable from the cache while the drive is away
    expect((await app.workspace.extraction('文件0.pdf')).source.pages).toBe(1);

    await rename(`${folder}-unplugged`, folder);
    await waitFor(() => app.workspace.state().available, 'folder available again', SETTLE_TIMEOUT);
    await settle(app, 5, 'resumed');
    expect(app.pool.stats.started).toBe(parsedBefore);
    await writeFile(join(folder, '回来之后.pdf'), pagesPdf(1, 'back'));
    await settle(app, 6, 'new file after return parsed');
    expect(app.pool.stats.started).toBe(parsedBefore + 1);
  }, 300_000);

  it('survives symlink loops and refuses links that point outside the folder', async () => {
    const { folder, userData } = await newScenario();
    await mkdir(join(folder, '子目录'));
    await writeFile(join(folder, '子目录', '真文件.pdf'), pagesPdf(1, 'real'));
    await symlink('..', join(folder, '子目录', '上一级'));
    await symlink(folder, join(folder, '自己'));
    await symlink('b.pdf', join(folder, 'a.pdf'));
    await symlink('a.pdf', join(folder, 'b.pdf'));
    await writeFile(join(base, '外部机密.pdf'), pagesPdf(1, 'secret'));
    await symlink(join(base, '外部机密.pdf'), join(folder, '指向外部.pdf'));
    await symlink(join('子目录', '真文件.pdf'), join(folder, '内部链接.pdf'));
    summary.filesTried += 5;
    const app = await openApp(folder, userData);
    const state = await settle(app, 3, 'links settled');
    expect(state.documents.map((d) => d.relativePath).sort()).toEqual(['内部链接.pdf', '子目录/真文件.pdf', '指向外部.pdf'].sort());
    expect(entry(state, '子目录/真文件.pdf')?.status).toBe('parsed');
    expect(entry(state, '内部链接.pdf')?.status).toBe('parsed');
    expectClearError(entry(state, '指向外部.pdf'), 'unreadable');
    expect(entry(state, '指向外部.pdf')?.error?.messageZh).toContain('文件夹之外');
    await expect(app.workspace.source('指向外部.pdf')).rejects.toMatchObject({ code: 'path-outside-folder' });
  }, 300_000);

  it('handles a folder of 500 files', async () => {
    const { folder, userData } = await newScenario();
    for (let d = 0; d < 10; d++) {
      await mkdir(join(folder, `单位${d}`));
      for (let i = 0; i < 50; i++) await writeFile(join(folder, `单位${d}`, `${d}-${i}.pdf`), pagesPdf(1, `bulk ${d}-${i}`));
    }
    summary.filesTried += 500;
    const started = Date.now();
    const app = await openApp(folder, userData);
    const state = await settle(app, 500, '500 files parsed');
    const seconds = (Date.now() - started) / 1000;
    expect(state.documents.filter((d) => d.status === 'parsed')).toHaveLength(500);
    expect(app.pool.stats.started).toBe(500);
    console.log(`500 files: listed and parsed in ${seconds.toFixed(1)} s`);
  }, 300_000);

  it('discards a corrupted cache entry on restart and parses the file again', async () => {
    const { folder, userData } = await newScenario();
    const content = pagesPdf(4, 'cached');
    await writeFile(join(folder, '缓存.pdf'), content);
    await writeFile(join(folder, '另一个.pdf'), pagesPdf(2, 'other'));
    summary.filesTried += 2;
    const first = await openApp(folder, userData);
    await settle(first, 2, 'first run');
    const entryPath = first.cache.entryPath(sha256(content));
    await first.close();
    running.splice(running.indexOf(first), 1);

    const text = await readFile(entryPath, 'utf8');
    await writeFile(entryPath, text.replace('"pages":4', '"pages":40')); // a flipped value: digest no longer matches
    const second = await openApp(folder, userData);
    const state = await settle(second, 2, 'second run');
    expect(second.cache.stats.discarded).toBe(1);
    expect(second.pool.stats.started).toBe(1); // only the damaged one
    expect(entry(state, '缓存.pdf')).toMatchObject({ status: 'parsed', pageCount: 4 });
    expect((await second.workspace.extraction('缓存.pdf')).source.pages).toBe(4);
  }, 300_000);

  it('contains worker crashes, out-of-memory and hangs to their own file', async () => {
    const { folder, userData } = await newScenario();
    // distinct bytes per file: identical copies would share one parse (and its fate)
    for (const name of ['crash.pdf', 'oom.pdf', 'hang.pdf', 'exit.pdf', 'ok-1.pdf', 'ok-2.pdf']) await writeFile(join(folder, name), pagesPdf(1, `hostile ${name}`));
    await writeFile(join(folder, 'ok-3.pdf'), pagesPdf(2, 'fine'));
    summary.filesTried += 7;
    const app = await openApp(folder, userData, {
      workerEntry: HOSTILE_WORKER,
      // the time limit leaves room for worker start-up on a loaded 2-core machine
      pool: { concurrency: 2, timeoutMs: 20_000, maxHeapMb: 192, maxMemoryMb: 400 },
    });
    const state = await settle(app, 7, 'hostile folder settled');
    expectClearError(entry(state, 'crash.pdf'), 'parser-crashed');
    expectClearError(entry(state, 'exit.pdf'), 'parser-crashed');
    expectClearError(entry(state, 'oom.pdf'), 'too-large');
    expectClearError(entry(state, 'hang.pdf'), 'timeout');
    for (const ok of ['ok-1.pdf', 'ok-2.pdf', 'ok-3.pdf']) expect(entry(state, ok)?.status, `${ok} ${JSON.stringify(entry(state, ok)?.error)}`).toBe('parsed');
    const { crashed, overMemory, timedOut } = app.pool.stats;
    expect(crashed + overMemory + timedOut).toBe(4);
    summary.workerFailuresContained += crashed + overMemory + timedOut;
  }, 300_000);

  it('loses no acknowledged settings or cache write when the process is killed mid-write', async () => {
    const { userData } = await newScenario();
    const child = new URL('./helpers/durability-child.ts', import.meta.url).pathname;
    const acked = { settings: -1, cache: [] as number[] };
    for (let round = 0; round < 5; round++) {
      const proc = spawn(process.execPath, ['--import', 'tsx', child, userData], { stdio: ['ignore', 'pipe', 'inherit'] });
      let buffer = '';
      let acksThisRound = 0;
      proc.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          const [kind, n] = line.split(' ');
          if (kind === 'S') acked.settings = Number(n);
          if (kind === 'C') acked.cache.push(Number(n));
          acksThisRound++;
        }
      });
      const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
      // kill at an arbitrary point after some writes went through (the check holds for any point)
      const target = 5 + round * 7;
      await waitFor(() => acksThisRound >= target, 'child acknowledgements', SETTLE_TIMEOUT);
      proc.kill('SIGKILL');
      await exited;

      const settings = await SettingsStore.open(userData);
      const name = settings.get().reviewerName;
      const written = /^审核人(\d+)$/.exec(name);
      const value = written ? Number(written[1]) : -1;
      // the last acknowledged value, or the one whose write completed just before the kill
      if (!(value === acked.settings || value === acked.settings + 1)) summary.editsLost++;
      const cache = await ParseCache.open(join(userData, 'parse-cache'), { schemaVersion: SCHEMA_VERSION, parserVersion: PARSER_VERSION });
      for (const i of acked.cache) {
        const { sha256: key, document } = durabilityDocument(i);
        const got = await cache.get(key);
        if (!(got?.kind === 'document' && JSON.stringify(got.document) === JSON.stringify(document))) summary.editsLost++;
      }
      if (cache.stats.discarded !== 0) summary.editsLost++;
      expect((await readdir(userData)).filter((n) => n.includes('.damaged-'))).toEqual([]);
    }
    expect(acked.cache.length).toBeGreaterThan(20);
    expect(summary.editsLost).toBe(0);
  }, 300_000);

  it('ends with no crash, hang or lost write', () => {
    expect(summary).toMatchObject({ crashes: 0, hangs: 0, editsLost: 0 });
  });
});
