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
import { buildStreamGrid, findUnruledTables } from './stream';
import { matchCode, matchDepartment, matchUnit } from '../table/heading';
import type { TableBody } from './structure';
import { buildTableBody } from './structure';
import { cellValue } from '../table/header-rows';
import type { GridRow } from '../model';
import { joinWrappedLines } from '../text/normalize';
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

/** A line describing a table (部门名称：…, 单位：万元, 预算01表) never belongs to one. */
function isHeadingLine(text: string): boolean {
  return text.split(/\s{2,}|\s(?=单位[:：])/).some((t) => matchCode(t) !== null || matchUnit(t) !== null || matchDepartment(t) !== null);
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

/** The cell of `rows` covering (row, col): the anchor of a span reaching there. */
function anchorAt(rows: readonly GridRow[], row: number, col: number): { r: number; c: number } | null {
  for (let r = row; r >= 0; r--) {
    for (let c = col; c >= 0; c--) {
      const cell = rows[r]?.[c];
      if (cell && r + cell.rowSpan > row && c + cell.colSpan > col) return { r, c };
    }
  }
  return null;
}

/**
 * A merged cell cut by a page break may have its text printed outside the part of the table on
 * this page (LibreOffice centres it on the whole cell): text just below an open-bottomed column, or
 * just above an open-topped one, belongs to that cell.
 */
function claimOverflow(body: TableBody, free: TextRun[]): TextRun[] {
  if (!body.openBottom.some(Boolean) && !body.openTop.some(Boolean)) return free;
  const columnOf = (x: number): number => body.xs.findIndex((left, i) => i + 1 < body.xs.length && x >= left && x < body.xs[i + 1]!);
  const keep: TextRun[] = [];
  const claimed = new Map<string, TextRun[]>();
  for (const run of free) {
    const c = columnOf((run.box.x0 + run.box.x1) / 2);
    const reach = 2.5 * run.fontSize;
    const below = run.box.y0 >= body.box.y1 - 1 && run.box.y0 < body.box.y1 + reach && body.openBottom[c];
    const above = run.box.y1 <= body.box.y0 + 1 && run.box.y1 > body.box.y0 - reach && body.openTop[c];
    const rows = body.rows.length ? body.rows : body.header;
    const anchor = c < 0 || !(below || above) ? null : anchorAt(rows, below ? rows.length - 1 : 0, c);
    if (!anchor) {
      keep.push(run);
      continue;
    }
    const key = `${anchor.r}:${anchor.c}`;
    claimed.set(key, [...(claimed.get(key) ?? []), run]);
  }
  const rows = body.rows.length ? body.rows : body.header;
  for (const [key, runs] of claimed) {
    const [r, c] = key.split(':').map(Number) as [number, number];
    const cell = rows[r]![c]!;
    const text = joinWrappedLines([cell.text, ...groupLines(runs.map(wholePiece)).map((l) => l.text)]);
    rows[r]![c] = { ...cell, text, value: cellValue(text, body.identifier[c] ?? false) };
  }
  return keep;
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
    const body = buildTableBody(grid, filled.texts, filled.confidence, content.pageNumber, content.toUser, filled.indents);
    tables.push(body);
    const insideSet = new Set(inside);
    free = free.filter((r) => !insideSet.has(r));
    leftovers.push(...filled.leftovers);
    free = claimOverflow(body, free);
  }
  // then tables printed without rules, found in the text that is left
  for (const box of findUnruledTables(free, isHeadingLine)) {
    const inside = free.filter((r) => {
      const cx = (r.box.x0 + r.box.x1) / 2;
      const cy = (r.box.y0 + r.box.y1) / 2;
      return cx > box.x0 && cx < box.x1 && cy > box.y0 && cy < box.y1;
    });
    const grid = buildStreamGrid(box, [], inside);
    if (!grid) continue;
    const filled = fillGrid(grid, inside);
    if (!looksLikeTable(grid, filled.texts)) continue;
    tables.push(buildTableBody(grid, filled.texts, filled.confidence, content.pageNumber, content.toUser, filled.indents));
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
