/**
 * Extraction accuracy on the fixture corpus (PDFs rendered from hand-transcribed truth by
 * Chromium and LibreOffice, plus hand-made edge cases): every table found with its attributes,
 * header structure exact, at least 99.5% of body cells exactly right. Prints per-fixture figures.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../src/core/model';
import { extractFile } from '../../src/node/extract-file';
import { FIXTURES_DIR, loadFixtures } from '../fixtures/truth';
import { bodyScore, headerDiff } from './compare';

const fixtures = loadFixtures();
const report: string[] = [];

afterAll(() => {
  if (report.length) console.log(['extraction accuracy (body cells exactly equal to the truth):', ...report].join('\n'));
});

function normalizeSpace(s: string): string {
  return s.replace(/\s+/g, '');
}

describe.each(fixtures.map((f) => [f.id, f] as const))('%s', (_id, fixture) => {
  let doc: ExtractedDocument;
  const load = async (): Promise<ExtractedDocument> => (doc ??= await extractFile(join(FIXTURES_DIR, fixture.pdf)));

  it('finds every table with its title, code, unit, department, other heading lines and notes', async () => {
    const d = await load();
    expect(d.source.pages).toBe(fixture.pages);
    expect(d.tables.map((t) => t.title)).toEqual(fixture.tables.map((t) => t.title));
    d.tables.forEach((t, i) => {
      const truth = fixture.tables[i]!;
      expect({ code: t.code, unit: t.unit, department: t.department, meta: t.meta ?? [], notes: t.notes }, truth.title).toEqual({
        code: truth.code,
        unit: truth.unit,
        department: truth.department,
        meta: truth.printed?.meta ?? [],
        notes: truth.notes,
      });
      if (truth.pages) expect(t.pages, truth.title).toEqual(truth.pages);
    });
  });

  it('reproduces every header exactly (text and merged cells)', async () => {
    const d = await load();
    const diffs = d.tables.flatMap((t, i) => {
      const truth = fixture.tables[i];
      return truth ? headerDiff(t, truth).map((diff) => `${truth.title}: ${diff}`) : [];
    });
    expect(diffs).toEqual([]);
  });

  it('gets at least 99.5% of body cells exactly right', async () => {
    const d = await load();
    let cells = 0;
    let correct = 0;
    const mismatches: string[] = [];
    fixture.tables.forEach((truth, i) => {
      const t = d.tables[i];
      if (!t) {
        cells += truth.rows.flat().filter((c) => c !== null).length;
        return;
      }
      const s = bodyScore(t, truth);
      cells += s.cells;
      correct += s.correct;
      mismatches.push(...s.mismatches.map((m) => `${truth.title}: ${m}`));
    });
    const accuracy = cells ? correct / cells : 1;
    report.push(`  ${fixture.id.padEnd(28)} ${fixture.producer.padEnd(11)} ${String(fixture.tables.length).padStart(3)} tables ${String(correct).padStart(5)}/${String(cells).padEnd(5)} = ${(accuracy * 100).toFixed(2)}%`);
    expect(accuracy, `accuracy ${(accuracy * 100).toFixed(2)}%; first mismatches:\n${mismatches.slice(0, 20).join('\n')}`).toBeGreaterThanOrEqual(0.995);
  });

  it.skipIf(fixture.narrative.length === 0)('keeps the narrative paragraphs in reading order', async () => {
    const d = await load();
    const text = normalizeSpace(d.narrative.map((b) => b.text).join('\n'));
    let from = 0;
    const missing: string[] = [];
    for (const para of fixture.narrative) {
      const at = text.indexOf(normalizeSpace(para), from);
      if (at < 0) missing.push(para);
      else from = at;
    }
    expect(missing).toEqual([]);
  });
});
