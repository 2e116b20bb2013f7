import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../../../core/model';
import type { DocumentReview } from '../../../../core/review/model';
import type { DocumentEntry } from '../../../../shared/ipc-contract';
import { runBatchExport, type BatchDeps, type BatchProgress } from './batch';
import { WorkbookNames } from './names';

function entry(relativePath: string, patch: Partial<DocumentEntry> = {}): DocumentEntry {
  return {
    relativePath,
    name: relativePath.split('/').pop()!,
    format: 'pdf',
    size: 1,
    mtimeMs: 1,
    sha256: `hash-${relativePath}`,
    status: 'parsed',
    progress: 1,
    error: null,
    tableCount: 1,
    pageCount: 1,
    ...patch,
  };
}

function doc(path: string): ExtractedDocument {
  return { schemaVersion: 1, source: { path, sha256: `hash-${path}`, pages: 1 }, narrative: [], tables: [] };
}

function deps(overrides: Partial<BatchDeps> = {}): BatchDeps & { written: string[] } {
  const written: string[] = [];
  return {
    written,
    extraction: async (e) => doc(e.relativePath),
    review: async (e, d): Promise<DocumentReview> => ({ fileHash: d.source.sha256, fileName: e.name, edits: [], annotations: [], decisions: [], reviewedTables: [] }),
    build: async () => new Uint8Array([1, 2, 3]),
    write: async (name) => {
      written.push(name);
      return `/out/${name}`;
    },
    message: (e) => (e instanceof Error ? e.message : String(e)),
    ...overrides,
  };
}

describe('batch export', () => {
  it('exports parsed documents and skips the others with their reason, in folder order', async () => {
    const d = deps();
    const progress: BatchProgress[] = [];
    const summary = await runBatchExport(
      [
        entry('a.pdf'),
        entry('bad.pdf', { status: 'error', error: { code: 'empty-file', messageZh: '文件是空的（0 字节）。', message: 'empty' } }),
        entry('sub/b.docx'),
        entry('late.pdf', { status: 'parsing', progress: 0.4 }),
      ],
      d,
      { signal: new AbortController().signal, onProgress: (p) => progress.push(p) },
    );
    expect(summary.cancelled).toBe(false);
    expect(summary.outcomes.map((o) => [o.relativePath, o.status])).toEqual([
      ['a.pdf', 'exported'],
      ['bad.pdf', 'skipped'],
      ['sub/b.docx', 'exported'],
      ['late.pdf', 'skipped'],
    ]);
    expect(summary.outcomes[1]).toMatchObject({ reason: '文件是空的（0 字节）。' });
    expect(summary.outcomes[3]).toMatchObject({ reason: '尚未解析完成' });
    expect(d.written).toEqual(['a_校对.xlsx', 'b_校对.xlsx']);
    // the bar counts the parsed documents only and reaches the end
    expect(progress.at(-1)).toEqual({ done: 2, total: 2, current: null });
    expect(progress.some((p) => p.current === 'sub/b.docx' && p.done === 1)).toBe(true);
  });

  it('reports a failed document and goes on with the next', async () => {
    const d = deps({
      build: async (document) => {
        if (document.source.path === 'b.pdf') throw new Error('磁盘已满');
        return new Uint8Array([1]);
      },
    });
    const summary = await runBatchExport([entry('a.pdf'), entry('b.pdf'), entry('c.pdf')], d, { signal: new AbortController().signal });
    expect(summary.outcomes.map((o) => o.status)).toEqual(['exported', 'failed', 'exported']);
    expect(summary.outcomes[1]).toMatchObject({ reason: '磁盘已满' });
  });

  it('stops when cancelled: nothing is written after the cancel', async () => {
    const abort = new AbortController();
    const d = deps({
      build: async (document) => {
        if (document.source.path === 'b.pdf') abort.abort();
        return new Uint8Array([1]);
      },
    });
    const summary = await runBatchExport([entry('a.pdf'), entry('b.pdf'), entry('c.pdf')], d, { signal: abort.signal });
    expect(summary.cancelled).toBe(true);
    expect(d.written).toEqual(['a_校对.xlsx']);
    expect(summary.outcomes.map((o) => o.relativePath)).toEqual(['a.pdf']);
  });

  it('gives documents of the same name distinct workbook names', () => {
    const names = new WorkbookNames();
    expect(['预算.pdf', '预算.PDF', '预算.docx', '决算.pdf'].map((n) => names.claim(n))).toEqual(['预算_校对.xlsx', '预算_校对(2).xlsx', '预算_校对(3).xlsx', '决算_校对.xlsx']);
  });
});
