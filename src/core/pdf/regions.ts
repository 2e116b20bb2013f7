/**
 * Finds where the ruled tables are: ruling segments that touch or cross form one network; each
 * network with both horizontal and vertical lines is a table region. Stacks of horizontal rules
 * of the same width with no verticals (WPS "three-line" exports) form regions of their own.
 */
import type { Box } from './geometry';
import type { Ruling } from './rulings';

export interface TableRegion {
  box: Box;
  h: Ruling[];
  v: Ruling[];
  /** true when the region has no interior vertical rulings: columns must come from the text */
  horizontalOnly: boolean;
}

/** Joins collinear segments that continue one another (a border drawn per cell, small gaps). */
export function mergeCollinear(rulings: readonly Ruling[], posTol = 1, gapTol = 2): Ruling[] {
  const out: Ruling[] = [];
  for (const orientation of ['h', 'v'] as const) {
    const list = rulings.filter((r) => r.orientation === orientation).sort((a, b) => a.pos - b.pos || a.start - b.start);
    // group by position first, then merge along the line
    let group: Ruling[] = [];
    const flush = (): void => {
      group.sort((a, b) => a.start - b.start);
      let cur: Ruling | null = null;
      for (const r of group) {
        if (cur && r.start <= cur.end + gapTol) {
          const len = cur.end - cur.start;
          const rlen = r.end - r.start;
          cur.pos = (cur.pos * len + r.pos * rlen) / (len + rlen || 1);
          cur.end = Math.max(cur.end, r.end);
        } else {
          if (cur) out.push(cur);
          cur = { ...r };
        }
      }
      if (cur) out.push(cur);
      group = [];
    };
    for (const r of list) {
      if (group.length && r.pos - group[0]!.pos > posTol) flush();
      group.push(r);
    }
    flush();
  }
  return out;
}

class UnionFind {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[ra] = rb;
  }
}

function crosses(h: Ruling, v: Ruling, tol: number): boolean {
  return v.pos >= h.start - tol && v.pos <= h.end + tol && h.pos >= v.start - tol && h.pos <= v.end + tol;
}

function parallelTouch(a: Ruling, b: Ruling, tol: number): boolean {
  return Math.abs(a.pos - b.pos) <= tol && a.start <= b.end + tol && b.start <= a.end + tol;
}

/** Interior verticals must cover this share of the region's height for columns to come from lines. */
const MIN_VERTICAL_COVERAGE = 0.35;

export function findRegions(rulings: readonly Ruling[], tol = 3): TableRegion[] {
  const lines = mergeCollinear(rulings);
  const uf = new UnionFind(lines.length);
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const a = lines[i]!;
      const b = lines[j]!;
      const linked =
        a.orientation === b.orientation
          ? parallelTouch(a, b, tol)
          : a.orientation === 'h'
            ? crosses(a, b, tol)
            : crosses(b, a, tol);
      if (linked) uf.union(i, j);
    }
  }
  const groups = new Map<number, Ruling[]>();
  lines.forEach((r, i) => {
    const root = uf.find(i);
    const g = groups.get(root);
    if (g) g.push(r);
    else groups.set(root, [r]);
  });

  const regions: TableRegion[] = [];
  const loneHorizontals: Ruling[] = [];
  const loneVerticals: Ruling[][] = [];
  for (const g of groups.values()) {
    const h = g.filter((r) => r.orientation === 'h');
    const v = g.filter((r) => r.orientation === 'v');
    const hPositions = distinct(h.map((r) => r.pos), tol);
    const vPositions = distinct(v.map((r) => r.pos), tol);
    if (hPositions >= 2 && vPositions >= 2) {
      const box = boundsOf(g);
      const interior = v.filter((r) => r.pos > box.x0 + tol && r.pos < box.x1 - tol);
      const coverage = interior.reduce((s, r) => s + (r.end - r.start), 0) / Math.max(1, box.y1 - box.y0);
      regions.push({ box, h, v, horizontalOnly: hPositions >= 3 && coverage < MIN_VERTICAL_COVERAGE });
    } else if (v.length === 0) {
      loneHorizontals.push(...h);
    } else {
      loneVerticals.push(g);
    }
  }
  for (const g of loneVerticals) attachBorders(regions, g, tol);
  regions.push(...stackHorizontalRules(loneHorizontals, tol));
  return regions.sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
}

/**
 * Verticals that touch no horizontal rule but run exactly the height of a table beside them are
 * its borders: the columns of a merged cell cut by a page break have no top or bottom line.
 */
function attachBorders(regions: TableRegion[], group: readonly Ruling[], tol: number): void {
  const v = group.filter((r) => r.orientation === 'v');
  const region = regions.find((reg) => v.every((r) => Math.abs(r.start - reg.box.y0) <= tol && Math.abs(r.end - reg.box.y1) <= tol));
  if (!region) return;
  region.v.push(...v);
  region.h.push(...group.filter((r) => r.orientation === 'h'));
  region.box = {
    x0: Math.min(region.box.x0, ...v.map((r) => r.pos)),
    x1: Math.max(region.box.x1, ...v.map((r) => r.pos)),
    y0: region.box.y0,
    y1: region.box.y1,
  };
}

/** Horizontal rules of the same extent stacked closely: a table ruled only between rows. */
function stackHorizontalRules(hs: readonly Ruling[], tol: number, maxGap = 90): TableRegion[] {
  const sorted = [...hs].filter((r) => r.end - r.start > 100).sort((a, b) => a.pos - b.pos || b.end - b.start - (a.end - a.start));
  const regions: TableRegion[] = [];
  const used = new Set<Ruling>();
  for (const first of sorted) {
    if (used.has(first)) continue;
    const stack = [first];
    for (const r of sorted) {
      const last = stack[stack.length - 1]!;
      if (used.has(r) || r === first || r.pos <= last.pos + tol) continue;
      if (r.pos - last.pos > maxGap) break;
      const sameExtent = Math.abs(r.start - first.start) <= 6 && Math.abs(r.end - first.end) <= 6;
      if (sameExtent) stack.push(r);
    }
    if (stack.length >= 3) {
      stack.forEach((r) => used.add(r));
      const box = boundsOf(stack);
      // shorter rules inside the stack underline merged header cells (功能分类科目 over 科目编码/科目名称)
      const partial = hs.filter((r) => !used.has(r) && r.pos > box.y0 + tol && r.pos < box.y1 - tol && r.start >= box.x0 - tol && r.end <= box.x1 + tol);
      partial.forEach((r) => used.add(r));
      regions.push({ box, h: [...stack, ...partial], v: [], horizontalOnly: true });
    }
  }
  return regions;
}

function distinct(values: number[], tol: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  let n = 0;
  let last = -Infinity;
  for (const v of sorted) {
    if (v - last > tol) n++;
    last = v;
  }
  return n;
}

function boundsOf(rulings: readonly Ruling[]): Box {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const r of rulings) {
    if (r.orientation === 'h') {
      x0 = Math.min(x0, r.start);
      x1 = Math.max(x1, r.end);
      y0 = Math.min(y0, r.pos);
      y1 = Math.max(y1, r.pos);
    } else {
      y0 = Math.min(y0, r.start);
      y1 = Math.max(y1, r.end);
      x0 = Math.min(x0, r.pos);
      x1 = Math.max(x1, r.pos);
    }
  }
  return { x0, y0, x1, y1 };
}
