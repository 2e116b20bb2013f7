import { mkdir, mkdtemp, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PARSER_VERSION, SCHEMA_VERSION } from '../../core/model';
import { extractFile } from '../../node/extract-file';
import type { DocumentEntry, FolderState } from '../../shared/ipc-contract';
import { buildMinimalPdf } from '../../../tests/faults/helpers/minimal-pdf';
import { waitFor } from '../../../tests/faults/helpers/wait';
import { ParseCache } from '../cache/parse-cache';
import type { ParseOutcome } from '../parse/parse-pool';
import { IpcError } from '../ipc/ipc-error';
import type { Parser } from './workspace';
import { Workspace } from './workspace';

/** Parses in-process and records every file it was asked to parse. */
class CountingParser implements Parser {
  readonly parsed: string[] = [];
  private next = 1;
  constructor(private readonly delayMs = 0) {}
  parse(path: string, onProgress?: (fraction: number) => void): { jobId: number; result: Promise<ParseOutcome> } {
    this.parsed.push(path);
    const delay = new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const result = delay.then(() => extractFile(path, { onProgress: (d, t) => onProgress?.(d / t) })).then(
      (document): ParseOutcome => ({ kind: 'document', document }),
      (e: { toJSON?: () => never }): ParseOutcome => ({ kind: 'error', error: e.toJSON ? e.toJSON() : { code: 'unreadable', messageZh: '无法读取文件。', message: String(e) } }),
    );
    return { jobId: this.next++, result };
  }
  cancel(_jobId: number): void {}
}

let base: string;
let folder: string;
let cacheDir: string;
const open: Workspace[] = [];

async function startWorkspace(parser: Parser = new CountingParser()): Promise<Workspace> {
  const cache = await ParseCache.open(cacheDir, { schemaVersion: SCHEMA_VERSION, parserVersion: PARSER_VERSION });
  const ws = new Workspace({ cache, parser, stableMs: 150, stablePollMs: 30, availabilityPollMs: 100, notifyIntervalMs: 10 });
  open.push(ws);
  await ws.setFolder(folder);
  return ws;
}

const doc = (state: FolderState, relativePath: string): DocumentEntry | undefined => state.documents.find((d) => d.relativePath === relativePath);
const settled = (ws: Workspace, n: number) => () => {
  const s = ws.state();
  return s.documents.length === n && s.documents.every((d) => d.status === 'parsed' || d.status === 'error') ? s : null;
};

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'workspace-'));
  folder = join(base, '公开文件');
  cacheDir = join(base, 'cache');
  await mkdir(join(folder, '2025'), { recursive: true });
  await writeFile(join(folder, '预算.pdf'), buildMinimalPdf({ pages: 2 }));
  await writeFile(join(folder, '2025', '决算.pdf'), buildMinimalPdf({ pages: 4 }));
  await writeFile(join(folder, '~$草稿.docx'), 'lock');
  await writeFile(join(folder, '说明.txt'), 'text');
  await writeFile(join(folder, '下载中.pdf.crdownload'), '%PDF-');
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((ws) => ws.close()));
  await rm(base, { recursive: true, force: true });
});

describe('Workspace', () => {
  it('lists the disclosures (not temp or other files) and parses each once', async () => {
    const parser = new CountingParser();
    const ws = await startWorkspace(parser);
    const state = await waitFor(settled(ws, 2), 'two parsed documents');
    expect(state.available).toBe(true);
    expect(state.documents.map((d) => [d.relativePath, d.status, d.pageCount, d.format])).toEqual([
      ['2025/决算.pdf', 'parsed', 4, 'pdf'],
      ['预算.pdf', 'parsed', 2, 'pdf'],
    ]);
    expect(doc(state, '预算.pdf')?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(parser.parsed).toHaveLength(2);
  });

  it('never parses an unchanged file twice, also after a restart, and a renamed file hits the cache', async () => {
    const first = await startWorkspace();
    const before = await waitFor(settled(first, 2), 'first run parsed');
    await first.close();

    await rename(join(folder, '预算.pdf'), join(folder, '预算（改名）.pdf'));
    const parser = new CountingParser();
    const second = await startWorkspace(parser);
    const after = await waitFor(settled(second, 2), 'second run settled');
    expect(parser.parsed).toEqual([]);
    expect(doc(after, '预算（改名）.pdf')).toMatchObject({ status: 'parsed', sha256: doc(before, '预算.pdf')?.sha256 });
    const extracted = await second.extraction('预算（改名）.pdf');
    expect(extracted.source.path).toBe(join(folder, '预算（改名）.pdf'));
  });

  it('follows additions, changes and deletions', async () => {
    const parser = new CountingParser();
    const ws = await startWorkspace(parser);
    await waitFor(settled(ws, 2), 'initial parse');
    await writeFile(join(folder, '新增.pdf'), buildMinimalPdf({ pages: 5 }));
    await waitFor(() => doc(ws.state(), '新增.pdf')?.status === 'parsed', 'added file parsed');
    const oldHash = doc(ws.state(), '预算.pdf')?.sha256;
    await writeFile(join(folder, '预算.pdf'), buildMinimalPdf({ pages: 7 }));
    const changed = await waitFor(() => {
      const d = doc(ws.state(), '预算.pdf');
      return d?.status === 'parsed' && d.pageCount === 7 ? d : null;
    }, 'changed file re-parsed');
    expect(changed.sha256).not.toBe(oldHash);
    await unlink(join(folder, '2025', '决算.pdf'));
    await waitFor(() => !doc(ws.state(), '2025/决算.pdf'), 'deleted file gone');
    expect(parser.parsed.filter((p) => p.endsWith('预算.pdf'))).toHaveLength(2);
  });

  it('serves source bytes and extraction only for listed files inside the folder', async () => {
    await writeFile(join(base, 'secret.pdf'), buildMinimalPdf({ pages: 1 }));
    const ws = await startWorkspace();
    await waitFor(settled(ws, 2), 'parsed');
    expect(Buffer.from(await ws.source('预算.pdf')).equals(await readFile(join(folder, '预算.pdf')))).toBe(true);
    for (const bad of ['../secret.pdf', join(base, 'secret.pdf'), '说明.txt', '2025', '预算.pdf\0.txt']) {
      await expect(ws.source(bad)).rejects.toBeInstanceOf(IpcError);
      await expect(ws.extraction(bad)).rejects.toBeInstanceOf(IpcError);
    }
  });

  it('re-parses when the cached result was damaged after parsing', async () => {
    const parser = new CountingParser();
    const ws = await startWorkspace(parser);
    const state = await waitFor(settled(ws, 2), 'parsed');
    const sha = doc(state, '预算.pdf')!.sha256!;
    const cache = await ParseCache.open(cacheDir, { schemaVersion: SCHEMA_VERSION, parserVersion: PARSER_VERSION });
    await writeFile(cache.entryPath(sha), '{"format":1,"trunc');
    await expect(ws.extraction('预算.pdf')).rejects.toMatchObject({ code: 'not-ready' });
    await waitFor(() => doc(ws.state(), '预算.pdf')?.status === 'parsed', 're-parsed');
    expect((await ws.extraction('预算.pdf')).source.pages).toBe(2);
    expect(parser.parsed.filter((p) => p.endsWith('预算.pdf'))).toHaveLength(2);
  });

  it('stops a parse the reviewer cancels, lists the file as cancelled, and parses it again on request', async () => {
    /** parses only when released; cancel settles the job as the pool does */
    class HeldParser extends CountingParser {
      readonly cancelled: number[] = [];
      private readonly jobs = new Map<number, (o: ParseOutcome) => void>();
      private held = true;
      private nextJob = 100;
      override parse(path: string, onProgress?: (fraction: number) => void): { jobId: number; result: Promise<ParseOutcome> } {
        if (!this.held) return super.parse(path, onProgress);
        this.parsed.push(path);
        const jobId = this.nextJob++;
        return { jobId, result: new Promise<ParseOutcome>((resolve) => this.jobs.set(jobId, resolve)) };
      }
      override cancel(jobId: number): void {
        this.cancelled.push(jobId);
        this.jobs.get(jobId)?.({ kind: 'error', error: { code: 'cancelled', messageZh: '解析已取消。', message: 'Parsing was cancelled.' } });
      }
      release(): void {
        this.held = false;
      }
    }
    const parser = new HeldParser();
    const ws = await startWorkspace(parser);
    await waitFor(() => ws.state().documents.filter((d) => d.status === 'parsing').length === 2, 'both parsing');
    ws.cancel('预算.pdf');
    expect(parser.cancelled).toHaveLength(1);
    const stopped = await waitFor(() => {
      const d = doc(ws.state(), '预算.pdf');
      return d?.status === 'error' ? d : null;
    }, 'cancelled');
    expect(stopped.error).toMatchObject({ code: 'cancelled', messageZh: '解析已取消。' });
    // the other file goes on; a file that is not parsing is left alone
    expect(doc(ws.state(), '2025/决算.pdf')?.status).toBe('parsing');
    ws.cancel('预算.pdf');
    expect(parser.cancelled).toHaveLength(1);
    expect(() => ws.cancel('../预算.pdf')).toThrow(IpcError);

    parser.release();
    await ws.reparse('预算.pdf');
    await waitFor(() => doc(ws.state(), '预算.pdf')?.status === 'parsed', 'parsed again');
    expect(doc(ws.state(), '预算.pdf')?.pageCount).toBe(2);
  });

  it('parses identical copies under different names once', async () => {
    const copy = await readFile(join(folder, '预算.pdf'));
    for (let i = 0; i < 4; i++) await writeFile(join(folder, `副本${i}.pdf`), copy);
    // slow parses: every copy is hashed while the first parse is still running
    const parser = new CountingParser(1000);
    const ws = await startWorkspace(parser);
    const state = await waitFor(settled(ws, 6), 'copies parsed');
    expect(new Set(state.documents.filter((d) => d.relativePath !== '2025/决算.pdf').map((d) => d.sha256)).size).toBe(1);
    expect(parser.parsed.filter((p) => !p.endsWith('决算.pdf'))).toHaveLength(1);
  });

  it('reports its state to subscribers', async () => {
    const ws = await startWorkspace();
    const seen: FolderState[] = [];
    ws.onChange((s) => seen.push(s));
    await waitFor(() => seen.some((s) => s.documents.length === 2 && s.documents.every((d) => d.status === 'parsed')), 'a parsed state event');
  });
});
