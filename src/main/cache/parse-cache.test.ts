import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocumentError } from '../../core/errors';
import type { ExtractedDocument } from '../../core/model';
import { ParseCache } from './parse-cache';

const versions = { schemaVersion: 1, parserVersion: 1 };
const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

function sampleDocument(hash: string): ExtractedDocument {
  const cell = (text: string, value: number | null) => ({ text, value, rowSpan: 1, colSpan: 1, page: 2, bbox: [10, 20, 30, 40] as [number, number, number, number], confidence: 'ok' as const });
  return {
    schemaVersion: 1,
    source: { path: '/x/预算.pdf', sha256: hash, pages: 3 },
    narrative: [{ page: 1, bbox: [0, 0, 100, 20], text: '第一部分 部门概况' }],
    tables: [
      {
        id: 't1',
        title: '2025年部门收支预算表',
        code: '预算01表',
        unit: '万元',
        department: null,
        pages: [2, 2],
        notes: [],
        columnCount: 2,
        header: [[{ ...cell('项目', null), colSpan: 2 }, null]],
        rows: [[cell('一般公共预算', null), cell('2,006.90', 200690)]],
      },
    ],
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ParseCache', () => {
  it('returns what was stored, also from a fresh instance (restart)', async () => {
    const hash = sha('a');
    const document = sampleDocument(hash);
    await (await ParseCache.open(dir, versions)).put(hash, { kind: 'document', document });
    const reopened = await ParseCache.open(dir, versions);
    expect(await reopened.get(hash)).toEqual({ kind: 'document', document });
    expect(reopened.stats.hits).toBe(1);
  });

  it('misses for an unknown hash and for another parser version', async () => {
    const hash = sha('a');
    await (await ParseCache.open(dir, versions)).put(hash, { kind: 'document', document: sampleDocument(hash) });
    const newer = await ParseCache.open(dir, { schemaVersion: 1, parserVersion: 2 });
    expect(await newer.get(hash)).toBeNull();
    expect(await newer.get(sha('b'))).toBeNull();
    // the older version's entries are pruned on open
    expect(await readdir(dir)).toEqual([]);
  });

  it('caches content errors but not machine-dependent ones', async () => {
    const cache = await ParseCache.open(dir, versions);
    await cache.put(sha('enc'), { kind: 'error', error: new DocumentError('encrypted').toJSON() });
    await cache.put(sha('slow'), { kind: 'error', error: new DocumentError('timeout').toJSON() });
    expect(await cache.get(sha('enc'))).toMatchObject({ kind: 'error', error: { code: 'encrypted' } });
    expect(await cache.get(sha('slow'))).toBeNull();
  });

  const corruptions: [string, (text: string) => string][] = [
    ['truncated', (t) => t.slice(0, Math.floor(t.length / 2))],
    ['empty', () => ''],
    ['a changed amount (digest mismatch)', (t) => t.replace('200690', '200691')],
    ['garbage', () => '\u0000\u0001binary'],
    ['valid JSON of another shape', () => '{"format":1}'],
    ['entry of another file', (t) => t.replaceAll(sha('a'), sha('z'))],
  ];
  it.each(corruptions)('discards a %s entry and deletes it', async (_label, corrupt) => {
    const hash = sha('a');
    const cache = await ParseCache.open(dir, versions);
    await cache.put(hash, { kind: 'document', document: sampleDocument(hash) });
    const path = cache.entryPath(hash);
    await writeFile(path, corrupt(await readFile(path, 'utf8')));
    expect(await cache.get(hash)).toBeNull();
    expect(cache.stats.discarded).toBe(1);
    await expect(readFile(path)).rejects.toThrow();
  });

  it('rejects a consistent envelope whose document has the wrong shape', async () => {
    const hash = sha('a');
    const cache = await ParseCache.open(dir, versions);
    const bad = sampleDocument(hash);
    // a grid row shorter than columnCount: the UI would index past it
    (bad.tables[0]!.rows[0] as unknown[]).pop();
    await cache.put(hash, { kind: 'document', document: bad });
    expect(await cache.get(hash)).toBeNull();
  });

  it('refuses keys that are not sha256 hex (no path injection)', async () => {
    const cache = await ParseCache.open(dir, versions);
    expect(() => cache.entryPath('../../etc/passwd')).toThrow();
  });
});
