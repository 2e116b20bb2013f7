/**
 * Rule-less table detection must not turn narrative into tables: on every fixture, no table is
 * found on a page where the truth has none, and the number of tables is the truth's.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/node/extract-file';
import { FIXTURES_DIR, loadFixtures } from '../fixtures/truth';

const fixtures = loadFixtures().filter((f) => f.narrative.length > 0);

describe.each(fixtures.map((f) => [f.id, f] as const))('%s', (_id, fixture) => {
  it('finds no table on narrative-only pages', async () => {
    const doc = await extractFile(join(FIXTURES_DIR, fixture.pdf));
    const tablePages = new Set<number>();
    for (const t of fixture.tables) {
      const [a, b] = t.pages ?? [1, fixture.pages];
      for (let p = a; p <= b; p++) tablePages.add(p);
    }
    const stray = doc.tables.filter((t) => !tablePages.has(t.pages[0])).map((t) => `${t.title ?? '(untitled)'} p.${t.pages[0]}`);
    expect(stray).toEqual([]);
    expect(doc.tables.length).toBe(fixture.tables.length);
  });
});
