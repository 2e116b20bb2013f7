/**
 * One page's layout: its ruled (or partly ruled) tables, filled with their text, and the lines
 * of free text around them (titles, notes, narrative).
 */
import type { Box } from './geometry';
import type { Grid } from './grid';
import { buildLatticeGrid, columnCount, rowCount } from './grid';
import { fillGrid } from './fill';
import type { TextLine } from './lines';
import { groupLines } from './lines';
import type { PageContent } from './page-content';
import { findRegions } from './regions';
import { buildStreamGrid } from './stream';
import type { TableBody } from './structure';
import { buildTableBody } from './structure';
import type { RunPiece, TextRun } from './text-runs';
import { wholePiece } from './text-runs';

export interface PageLayout {
  pageNumber: number;
  width: number;
  height: number;
  tables: TableBody[];
  lines: TextLine[];
  toUser: PageContent['toUser'];
}

function intersects(run: TextRun, box: Box, slack: number): boolean {
  return run.box.x1 > box.x0 - slack && run.box.x0 < box.x1 + slack && run.box.y1 > box.y0 - slack && run.box.y0 < box.y1 + slack;
}

/** A ruled box holding one paragraph, or a single rule pair, is not a table. */
function looksLikeTable(grid: Grid, texts: readonly string[]): boolean {
  if (rowCount(grid) < 2 && columnCount(grid) < 2) return false;
  if (grid.cells.length < 2) return false;
  return texts.filter(Boolean).length >= 2;
}

export function layoutPage(content: PageContent): PageLayout {
  let free: TextRun[] = content.runs;
  const leftovers: RunPiece[] = [];
  const tables: TableBody[] = [];
  for (const region of findRegions(content.rulings)) {
    const inside = free.filter((r) => intersects(r, region.box, 1));
    if (inside.length === 0) continue;
    const grid = region.horizontalOnly
      ? buildStreamGrid(region.box, region.h, inside)
      : buildLatticeGrid(region.box, region.h, region.v);
    if (!grid) continue;
    const filled = fillGrid(grid, inside);
    if (!looksLikeTable(grid, filled.texts)) continue;
    tables.push(buildTableBody(grid, filled.texts, filled.confidence, content.pageNumber, content.toUser));
    const insideSet = new Set(inside);
    free = free.filter((r) => !insideSet.has(r));
    leftovers.push(...filled.leftovers);
  }
  const lines = groupLines([...free.map(wholePiece), ...leftovers]);
  return {
    pageNumber: content.pageNumber,
    width: content.width,
    height: content.height,
    tables: tables.sort((a, b) => a.box.y0 - b.box.y0),
    lines,
    toUser: content.toUser,
  };
}
