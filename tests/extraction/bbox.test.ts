/**
 * Every cell's bbox must enclose the cell's printed text in PDF user space, also on pages turned by
 * /Rotate: checked against pdf.js's own text positions, independently of the extractor's geometry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/core/model';
import { extractFile } from '../../src/node/extract-file';
import { loadPdfjsForNode } from '../../src/node/pdfjs-node';
import { FIXTURES_DIR } from '../fixtures/truth';

const FILES = ['pdf/edge-two-tables-one-page.pdf', 'pdf/rotated-two-tables.pdf', 'pdf/rotated-upright-two-tables.pdf', 'pdf/edge-landscape.pdf'];

/** Where pdf.js draws each text item of a page: its text and the centre of its glyph box. */
async function itemCentres(file: string, pageNumber: number): Promise<{ str: string; x: number; y: number }[]> {
  const { pdfjs, params } = await loadPdfjsForNode();
  const doc = await pdfjs.getDocument({ ...params, data: new Uint8Array(readFileSync(file)) }).promise;
  try {
    const content = await (await doc.getPage(pageNumber)).getTextContent();
    return content.items.flatMap((item) => {
      if (!('str' in item) || !item.str.trim()) return [];
      const [a, b, c, d, e, f] = item.transform as number[];
      const size = Math.hypot(c!, d!);
      // the run's direction and its "up" vector in user space
      const dx = a! / Math.hypot(a!, b!);
      const dy = b! / Math.hypot(a!, b!);
      return [{ str: item.str, x: e! + (dx * item.width) / 2 - (dy * size) / 3, y: f! + (dy * item.width) / 2 + (dx * size) / 3 }];
    });
  } finally {
    await doc.destroy();
  }
}

describe.each(FILES)('%s', (name) => {
  it('each amount cell’s bbox encloses the text pdf.js prints for it', async () => {
    const path = join(FIXTURES_DIR, name);
    const doc = await extractFile(path);
    const cells = doc.tables.flatMap((t) => t.rows.flat()).filter((c): c is Cell => c !== null && c.value !== null && c.text.length >= 4);
    expect(cells.length).toBeGreaterThan(3);
    const byPage = new Map<number, Awaited<ReturnType<typeof itemCentres>>>();
    for (const cell of cells) {
      if (!byPage.has(cell.page)) byPage.set(cell.page, await itemCentres(path, cell.page));
      const [x0, y0, x1, y1] = cell.bbox;
      const inside = byPage.get(cell.page)!.filter((i) => i.str.includes(cell.text) && i.x >= x0 && i.x <= x1 && i.y >= y0 && i.y <= y1);
      expect(inside.length, `${cell.text} in [${cell.bbox.join(', ')}] on page ${cell.page}`).toBeGreaterThan(0);
    }
  });
});
