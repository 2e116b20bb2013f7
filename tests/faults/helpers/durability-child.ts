/**
 * Child process for the durability test: writes settings and cache entries as fast as it can and
 * prints an acknowledgement line after each write has resolved (what the UI would show as saved).
 * The parent kills it with SIGKILL at an arbitrary moment and checks every acknowledged write.
 * Usage: node --import tsx durability-child.ts <userDataDir>
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { PARSER_VERSION, SCHEMA_VERSION } from '../../../src/core/model';
import type { ExtractedDocument } from '../../../src/core/model';
import { ParseCache } from '../../../src/main/cache/parse-cache';
import { SettingsStore } from '../../../src/main/settings/settings-store';

export function durabilityDocument(i: number): { sha256: string; document: ExtractedDocument } {
  const sha256 = createHash('sha256').update(`document ${i}`).digest('hex');
  const cell = (text: string, value: number | null) => ({ text, value, rowSpan: 1, colSpan: 1, page: 1, bbox: [0, 0, 10, 10] as [number, number, number, number], confidence: 'ok' as const });
  const rows = Array.from({ length: 200 }, (_, r) => [cell(`项目${r}`, null), cell(`${i}.${r}`, i * 100 + r)]);
  return {
    sha256,
    document: {
      schemaVersion: SCHEMA_VERSION,
      source: { path: `/docs/${i}.pdf`, sha256, pages: 1 },
      narrative: [],
      tables: [{ id: 't1', title: `表${i}`, code: null, unit: '万元', department: null, pages: [1, 1], notes: [], columnCount: 2, header: [], rows }],
    },
  };
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: durability-child <dir>');
  const settings = await SettingsStore.open(dir);
  const cache = await ParseCache.open(join(dir, 'parse-cache'), { schemaVersion: SCHEMA_VERSION, parserVersion: PARSER_VERSION });
  const previous = /^审核人(\d+)$/.exec(settings.get().reviewerName);
  let i = previous ? Number(previous[1]) + 1 : 0;
  for (;;) {
    await settings.update({ reviewerName: `审核人${i}` });
    process.stdout.write(`S ${i}\n`);
    const { sha256, document } = durabilityDocument(i);
    await cache.put(sha256, { kind: 'document', document });
    process.stdout.write(`C ${i}\n`);
    i++;
  }
}

if (process.argv[1]?.endsWith('durability-child.ts')) void main();
