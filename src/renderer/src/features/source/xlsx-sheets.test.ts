// Runs in Node (vitest): it reads the fixture workbooks from disk, which the renderer itself never does.
/* eslint-disable no-restricted-imports */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../../core/text/normalize';
import { extractFile } from '../../../../node/extract-file';
import { readSheets, type SheetCell, type SheetView } from './xlsx-sheets';

const OFFICE = join(import.meta.dirname, '../../../../../tests/fixtures/office');
const squash = (s: string): string => normalizeText(s).replace(/\s+/g, '');

function find(sheets: SheetView[], index: number, address: string): SheetCell | undefined {
  return sheets.find((s) => s.index === index)?.rows.flatMap((r) => r.cells).find((c) => c.address === address);
}

describe.each(['seed000.xlsx', 'seed000-libreoffice.xlsx'])('the sheet view of %s', (name) => {
  it('holds every extracted cell at its source address, with the printed text and spans', async () => {
    const path = join(OFFICE, name);
    const [doc, sheets] = await Promise.all([extractFile(path), readSheets(new Uint8Array(readFileSync(path)))]);
    expect(sheets.length).toBe(doc.source.pages);
    let checked = 0;
    for (const table of doc.tables) {
      for (const cell of [...table.header, ...table.rows].flat()) {
        if (!cell || cell.source?.kind !== 'xlsx') continue;
        const shown = find(sheets, cell.source.sheetIndex, cell.source.address);
        expect(shown, `${cell.source.sheet}!${cell.source.address}`).toBeDefined();
        expect(squash(shown!.text)).toBe(squash(cell.text));
        expect([shown!.rowSpan, shown!.colSpan]).toEqual([cell.rowSpan, cell.colSpan]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('prints amounts with their number format and marks the hidden sheet hidden', async () => {
    const sheets = await readSheets(new Uint8Array(readFileSync(join(OFFICE, name))));
    // the fixture's hidden 参数 sheet is listed (positions count it) but marked hidden
    expect(sheets.filter((s) => s.hidden).map((s) => s.name)).toEqual(['参数']);
    const texts = sheets.flatMap((s) => s.rows.flatMap((r) => r.cells.filter((c) => c.numeric).map((c) => c.text)));
    // 2006.9 is stored as a number under #,##0.00
    expect(texts).toContain('2,006.90');
    expect(texts.every((t) => !/^\d+\.\d{3,}$/.test(t))).toBe(true);
  });
});
