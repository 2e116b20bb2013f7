/**
 * Re-checking a folder after one file changed re-runs only that file's relations, and gives the
 * same findings as a check from scratch.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FolderReviewCache, reviewFolder } from '../../src/core/folder/cross-checks';
import type { FolderDocument } from '../../src/core/folder/model';
import type { ExtractedDocument } from '../../src/core/model';
import { extractFile } from '../../src/node/extract-file';
import { FIXTURES_DIR } from '../fixtures/truth';

let draft: ExtractedDocument;
let corrected: ExtractedDocument;
let other: ExtractedDocument;

beforeAll(async () => {
  [draft, corrected, other] = await Promise.all([
    extractFile(join(FIXTURES_DIR, 'pdf', '002-chromium.pdf')),
    extractFile(join(FIXTURES_DIR, 'folder', '002-chromium-corrected.pdf')),
    extractFile(join(FIXTURES_DIR, 'pdf', '004-chromium.pdf')),
  ]);
}, 120_000);

/** The corrected copy with one more figure changed, as a new file content. */
function editedAgain(doc: ExtractedDocument): ExtractedDocument {
  const copy = structuredClone(doc);
  copy.source.sha256 = `${doc.source.sha256.slice(0, -4)}beef`;
  const table = copy.tables.find((t) => t.title?.includes('收入决算表') && !t.title.includes('总表'))!;
  const cell = table.rows.flat().find((c) => c?.text === '606.61')!;
  cell.text = '660.61';
  cell.value = 66061;
  return copy;
}

function docs(corrections: ExtractedDocument): FolderDocument[] {
  return [
    { file: 'draft.pdf', doc: draft, modifiedAt: 1 },
    { file: 'corrected.pdf', doc: corrections, modifiedAt: 2 },
    { file: 'other.pdf', doc: other, modifiedAt: 3 },
  ];
}

describe('folder review cache', () => {
  it('runs each relation once, reuses it while no file changes, and re-runs only the changed file’s relation', () => {
    const cache = new FolderReviewCache();
    const first = reviewFolder(docs(corrected), { cache });
    const runs = cache.ranLastTime;
    expect(runs).toBeGreaterThan(0);
    expect(first.findings.some((f) => f.message.includes('35.80 → 38.50'))).toBe(true);

    const again = reviewFolder(docs(corrected), { cache });
    expect(cache.ranLastTime).toBe(0);
    expect(again).toEqual(first);

    const changed = docs(editedAgain(corrected));
    const after = reviewFolder(changed, { cache });
    // only the versions relation of the changed file
    expect(cache.ranLastTime).toBe(1);
    expect(after.findings.some((f) => f.message.includes('606.61 → 660.61'))).toBe(true);
    // the same answer as from scratch
    expect(after).toEqual(reviewFolder(changed));
  });
});
