/**
 * Table structure from a page image, with no help from a text layer: the page is cleaned (red
 * stamps dropped, speckles removed), straightened (skew measured on its long dark runs), its ruling
 * lines found as long dark runs, and its text lines cut out by projection — inside each table cell
 * separately, so one recognised line never spans two cells. The result is what the PDF layout
 * analysis reads from a text layer (src/core/pdf/page-content.ts): rulings and text runs in
 * reading-space points, so the same grid, header and table assembly code builds the tables.
 *
 * Pure TypeScript over grayscale/RGBA buffers; no I/O, no OCR model (src/node/ocr-pages.ts runs
 * the recogniser on the line boxes this module cuts out).
 */
import { buildLatticeGrid, cellBox } from '../core/pdf/grid';
import { findRegions } from '../core/pdf/regions';
import type { Ruling } from '../core/pdf/rulings';

/** 8-bit grayscale image, row-major, 0 = black. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** A box in image pixels: x0 ≤ x < x1, y0 ≤ y < y1. */
export interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A detected ruling in image pixels (same shape as the PDF extractor's Ruling). */
export interface PixelRuling {
  orientation: 'h' | 'v';
  /** y for horizontal rulings, x for vertical ones (line centre) */
  pos: number;
  start: number;
  end: number;
  /** thickness in pixels */
  thickness: number;
}

/** Pixels darker than this are ink at most (the page's own threshold may be lower: inkThreshold). */
export const INK_THRESHOLD = 215;
/** In a seal's fringe, the scaled red channel darker than this is print under the seal. */
const FRINGE_PRINT = 200;
/** Ink for the page's structure (skew, ruling lines): dark cores only, so strokes do not bleed together. */
export const STRUCTURE_THRESHOLD = 165;

/**
 * RGBA (or RGB) → grayscale, ignoring red ink: where red clearly dominates green and blue (a seal,
 * a red signature) the red channel is used, in which the seal is paper and black print under it
 * stays dark. Elsewhere: luminance.
 */
export function toGrayIgnoringRed(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, channels = 4): GrayImage {
  const data = new Uint8Array(width * height);
  const red: number[] = [];
  const reds: number[] = [];
  for (let i = 0, p = 0; p < data.length; i += channels, p++) {
    const r = rgba[i]!;
    const g = rgba[i + 1]!;
    const b = rgba[i + 2]!;
    data[p] = (r * 54 + g * 183 + b * 19) >> 8;
    if (r - Math.max(g, b) > 40 && r > 60) {
      red.push(p);
      if (reds.length < 200_000) reds.push(r);
    }
  }
  if (red.length) {
    // the red channel hardly sees a red seal, but sees black print under it: for the seal's
    // pixels the red channel, scaled so the seal's own red level is paper, replaces the luminance
    reds.sort((a, b) => a - b);
    const sealRed = Math.max(120, reds[Math.floor(reds.length * 0.5)]!);
    for (const p of red) {
      data[p] = Math.min(255, Math.round((rgba[p * channels]! / sealRed) * 255));
    }
    // the seal's fringe, where JPEG washed its colour out: light pixels next to red ones are paper
    const isRed = new Uint8Array(width * height);
    for (const p of red) isRed[p] = 1;
    for (const p of red) {
      const x = p % width;
      const y = (p - x) / width;
      for (let dy = -2; dy <= 2; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -2; dx <= 2; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const q = yy * width + xx;
          if (isRed[q] || data[q]! <= 120) continue;
          // a tinted pixel is the seal's washed-out colour, maybe over print: the red channel
          // (scaled as for the seal) sees only the print; a gray one (r ≈ g ≈ b) is print itself
          const r = rgba[q * channels]!;
          if (r - Math.max(rgba[q * channels + 1]!, rgba[q * channels + 2]!) > 8) {
            // …and only what it shows clearly dark is kept: the seal's faint remnants are paper
            const v = Math.round((r / sealRed) * 255);
            data[q] = v < FRINGE_PRINT ? v : 255;
          }
        }
      }
    }
  }
  return { width, height, data };
}

/** The red channel alone: the view in which red ink disappears. */
export function redChannel(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, channels = 4): GrayImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, p = 0; p < data.length; i += channels, p++) data[p] = rgba[i]!;
  return { width, height, data };
}

/**
 * The ink threshold of a page: below the paper's level by four times the paper's grain (at least
 * 35 levels), read from the histogram — light, thin strokes of a 150 dpi scan (一 at ~180) stay ink
 * while grain does not.
 */
export function inkThreshold(img: GrayImage): number {
  const hist = new Float64Array(256);
  for (let p = 0; p < img.data.length; p += 3) hist[img.data[p]!]!++;
  let paper = 255;
  for (let v = 255; v >= 0; v--) if (hist[v]! > hist[paper]!) paper = v;
  // grain: spread of the paper peak's upper half (values above the peak mirror the lower half)
  let n = 0;
  let sum = 0;
  for (let v = paper; v < 256; v++) {
    n += hist[v]!;
    sum += hist[v]! * (v - paper) ** 2;
  }
  let sigma = n > 0 ? Math.sqrt(sum / n) : 0;
  if (paper >= 250) {
    // the peak is clipped at white: measure the grain below it instead, over the paper's shoulder
    let m = 0;
    let s2 = 0;
    for (let v = paper; v >= Math.max(0, paper - 40); v--) {
      m += hist[v]!;
      s2 += hist[v]! * (v - paper) ** 2;
    }
    sigma = m > 0 ? Math.sqrt(s2 / m) : 0;
  }
  return Math.max(120, Math.min(INK_THRESHOLD, paper - Math.max(35, 4 * sigma)));
}

/** Light 3×3 smoothing (1-2-1 kernel): grain averages out, strokes keep their darkness. */
export function smooth(img: GrayImage): GrayImage {
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const ym = y > 0 ? y - 1 : y;
    const yp = y + 1 < h ? y + 1 : y;
    for (let x = 0; x < w; x++) {
      const xm = x > 0 ? x - 1 : x;
      const xp = x + 1 < w ? x + 1 : x;
      const v =
        data[ym * w + xm]! + 2 * data[ym * w + x]! + data[ym * w + xp]! +
        2 * data[y * w + xm]! + 4 * data[y * w + x]! + 2 * data[y * w + xp]! +
        data[yp * w + xm]! + 2 * data[yp * w + x]! + data[yp * w + xp]!;
      out[y * w + x] = v >> 4;
    }
  }
  return { width: w, height: h, data: out };
}

/**
 * Binary ink mask (1 = ink) of a page: smoothed, thresholded below the paper's level, isolated
 * specks removed (an ink pixel needs ≥ 2 inked neighbours).
 */
export function inkMask(img: GrayImage, threshold?: number): Uint8Array {
  const soft = smooth(img);
  const t = threshold ?? inkThreshold(soft);
  const { width: w, height: h, data } = soft;
  const raw = new Uint8Array(w * h);
  for (let p = 0; p < raw.length; p++) raw[p] = data[p]! < t ? 1 : 0;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      if (!raw[p]) continue;
      let n = 0;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if ((dx || dy) && xx >= 0 && xx < w && raw[yy * w + xx]) n++;
        }
      }
      if (n >= 2) out[p] = 1;
    }
  }
  return out;
}

/**
 * Skew angle in degrees (positive: content turned clockwise, lines fall to the right), found as the
 * shear that makes the ink's row profile sharpest. Searches ±maxDeg in 0.05° steps, coarse to fine.
 */
export function estimateSkew(mask: Uint8Array, width: number, height: number, maxDeg = 2): number {
  // sample ink pixels (every other column is plenty)
  const xs: number[] = [];
  const ys: number[] = [];
  const step = width > 1500 ? 2 : 1;
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) {
      if (mask[y * width + x]) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  if (xs.length < 50) return 0;
  const bins = new Float64Array(height + 2 * width);
  const score = (deg: number): number => {
    const t = Math.tan((deg * Math.PI) / 180);
    bins.fill(0);
    const off = width;
    for (let i = 0; i < xs.length; i++) {
      const b = Math.round(ys[i]! - xs[i]! * t) + off;
      if (b >= 0 && b < bins.length) bins[b]!++;
    }
    let s = 0;
    for (let i = 0; i < bins.length; i++) s += bins[i]! * bins[i]!;
    return s;
  };
  let best = 0;
  let bestScore = score(0);
  for (let d = -maxDeg; d <= maxDeg + 1e-9; d += 0.25) {
    const s = score(d);
    if (s > bestScore) {
      bestScore = s;
      best = d;
    }
  }
  const centre = best;
  for (let d = centre - 0.25; d <= centre + 0.25 + 1e-9; d += 0.05) {
    const s = score(d);
    if (s > bestScore) {
      bestScore = s;
      best = d;
    }
  }
  return Math.round(best * 100) / 100;
}

/** Rotates a grayscale image by -deg about its centre (undoing a skew of `deg`), bilinear, white fill. */
export function deskew(img: GrayImage, deg: number): GrayImage {
  if (Math.abs(deg) < 0.05) return img;
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(w * h).fill(255);
  const a = (deg * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = w / 2;
  const cy = h / 2;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // output (x, y) samples the skewed source at the point rotated by +deg
      const dx = x - cx;
      const dy = y - cy;
      const sx = cx + dx * cos - dy * sin;
      const sy = cy + dx * sin + dy * cos;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= h) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const p = y0 * w + x0;
      const v = (data[p]! * (1 - fx) + data[p + 1]! * fx) * (1 - fy) + (data[p + w]! * (1 - fx) + data[p + w + 1]! * fx) * fy;
      out[y * w + x] = v;
    }
  }
  return { width: w, height: h, data: out };
}

interface Run {
  line: number;
  start: number;
  end: number;
}

/** Dark runs of at least minLen along each row (h) or column (v), bridging gaps of up to `gap` pixels. */
function longRuns(mask: Uint8Array, width: number, height: number, orientation: 'h' | 'v', minLen: number, gap: number): Run[] {
  const runs: Run[] = [];
  const lines = orientation === 'h' ? height : width;
  const len = orientation === 'h' ? width : height;
  for (let l = 0; l < lines; l++) {
    let start = -1;
    let lastInk = -1;
    for (let i = 0; i <= len; i++) {
      const ink = i < len && (orientation === 'h' ? mask[l * width + i] : mask[i * width + l]);
      if (ink) {
        if (start < 0) start = i;
        lastInk = i;
      } else if (start >= 0 && (i - lastInk > gap || i === len)) {
        // (a run reaching the image's edge — a table printed to the page border — ends there)
        if (lastInk + 1 - start >= minLen) runs.push({ line: l, start, end: lastInk + 1 });
        start = -1;
      }
    }
  }
  return runs;
}

/** Groups runs on adjacent lines that overlap into one ruling (a line 1–4 px thick, slightly wavy). */
function runsToRulings(runs: Run[], orientation: 'h' | 'v', maxThickness: number): PixelRuling[] {
  runs.sort((a, b) => a.line - b.line || a.start - b.start);
  interface Group {
    lines: number[];
    start: number;
    end: number;
    lastLine: number;
    weight: number;
    sum: number;
  }
  const open: Group[] = [];
  const done: Group[] = [];
  for (const r of runs) {
    // close groups that ended more than one line ago
    for (let i = open.length - 1; i >= 0; i--) {
      if (r.line - open[i]!.lastLine > 1) done.push(...open.splice(i, 1));
    }
    const overlap = (g: Group): number => Math.min(g.end, r.end) - Math.max(g.start, r.start);
    const g = open.find((o) => o.lastLine !== r.line && overlap(o) > 0.5 * Math.min(o.end - o.start, r.end - r.start));
    const w = r.end - r.start;
    if (g) {
      g.start = Math.min(g.start, r.start);
      g.end = Math.max(g.end, r.end);
      g.lastLine = r.line;
      g.lines.push(r.line);
      g.weight += w;
      g.sum += r.line * w;
    } else {
      open.push({ lines: [r.line], start: r.start, end: r.end, lastLine: r.line, weight: w, sum: r.line * w });
    }
  }
  done.push(...open);
  return done
    .filter((g) => g.lines.length <= maxThickness)
    .map((g) => ({ orientation, pos: g.sum / g.weight + 0.5, start: g.start, end: g.end, thickness: g.lines.length }));
}

/** Joins collinear pieces of one ruling broken by noise or by a stamp's black ink gaps. */
function joinCollinear(rulings: PixelRuling[], posTol: number, gapTol: number): PixelRuling[] {
  const sorted = [...rulings].sort((a, b) => a.pos - b.pos || a.start - b.start);
  const out: PixelRuling[] = [];
  for (const r of sorted) {
    const prev = out.find((o) => Math.abs(o.pos - r.pos) <= posTol && r.start <= o.end + gapTol && r.end >= o.start - gapTol);
    if (prev) {
      const lp = prev.end - prev.start;
      const lr = r.end - r.start;
      prev.pos = (prev.pos * lp + r.pos * lr) / (lp + lr);
      prev.start = Math.min(prev.start, r.start);
      prev.end = Math.max(prev.end, r.end);
      prev.thickness = Math.max(prev.thickness, r.thickness);
    } else out.push({ ...r });
  }
  return out;
}

export interface RulingOptions {
  /** pixels per PDF point (dpi / 72) */
  scale: number;
}

/**
 * Horizontal and vertical ruling lines of a (deskewed) page: dark runs far longer than any stroke
 * of a character. A vertical ruling must reach a horizontal one at an end (text strokes never touch
 * the cell borders), which also rejects the long strokes of a large seal or signature.
 */
export function findRulings(mask: Uint8Array, width: number, height: number, { scale }: RulingOptions): PixelRuling[] {
  const gap = Math.max(1, Math.round(scale * 0.7));
  const maxThickness = Math.max(3, Math.round(scale * 2.5));
  const h = joinCollinear(runsToRulings(longRuns(mask, width, height, 'h', Math.round(30 * scale), gap), 'h', maxThickness), 2, Math.round(3 * scale));
  const vAll = joinCollinear(runsToRulings(longRuns(mask, width, height, 'v', Math.round(12 * scale), gap), 'v', maxThickness), 2, Math.round(3 * scale));
  const reach = 3 * scale;
  const touches = (v: PixelRuling, y: number): boolean => h.some((r) => Math.abs(r.pos - y) <= reach && v.pos >= r.start - reach && v.pos <= r.end + reach);
  // a border runs from one horizontal rule to another; an arc of a seal or a stroke does not
  const v = vAll.filter((r) => touches(r, r.start) && touches(r, r.end));
  // a horizontal stroke inside a character never reaches a vertical ruling, but a horizontal-only
  // table has none: keep horizontals that are long (≥ 60 pt) or touch a vertical
  const vTouches = (r: PixelRuling, x: number): boolean => v.some((s) => Math.abs(s.pos - x) <= reach && r.pos >= s.start - reach && r.pos <= s.end + reach);
  const hKept = h.filter((r) => r.end - r.start >= 60 * scale || vTouches(r, r.start) || vTouches(r, r.end));
  return [...hKept, ...v];
}

/** Clears the ink of the rulings (and a pixel either side) so text cut-outs carry no border fragments. */
export function eraseRulings(mask: Uint8Array, width: number, height: number, rulings: readonly PixelRuling[], extra = 1): Uint8Array {
  const out = mask.slice();
  for (const r of rulings) {
    const half = Math.ceil(r.thickness / 2) + extra;
    const p0 = Math.max(0, Math.floor(r.pos - half));
    const p1 = Math.min(r.orientation === 'h' ? height : width, Math.ceil(r.pos + half));
    const s0 = Math.max(0, Math.floor(r.start));
    const s1 = Math.min(r.orientation === 'h' ? width : height, Math.ceil(r.end));
    for (let p = p0; p < p1; p++) {
      for (let s = s0; s < s1; s++) {
        if (r.orientation === 'h') out[p * width + s] = 0;
        else out[s * width + p] = 0;
      }
    }
  }
  return out;
}

/** The same, on the grayscale image the recogniser reads: border pixels become paper. */
export function eraseRulingsGray(img: GrayImage, rulings: readonly PixelRuling[]): GrayImage {
  const { width, height } = img;
  const data = img.data.slice();
  for (const r of rulings) {
    const half = Math.ceil(r.thickness / 2) + 1;
    const p0 = Math.max(0, Math.floor(r.pos - half));
    const p1 = Math.min(r.orientation === 'h' ? height : width, Math.ceil(r.pos + half));
    const s0 = Math.max(0, Math.floor(r.start));
    const s1 = Math.min(r.orientation === 'h' ? width : height, Math.ceil(r.end));
    for (let p = p0; p < p1; p++) {
      for (let s = s0; s < s1; s++) data[r.orientation === 'h' ? p * width + s : s * width + p] = 255;
    }
  }
  return { width, height, data };
}

/** A printed line of text found by projection: its ink box in pixels. */
export interface LineBox extends PixelBox {
  /** the cell (index into the cell boxes given) this line lies in, or -1 outside every table */
  cell: number;
  /** the cell's interior: a crop around the line never reaches past it (into a border or the next cell) */
  clip?: PixelBox;
}

function rowProfile(mask: Uint8Array, width: number, box: PixelBox): Int32Array {
  const prof = new Int32Array(box.y1 - box.y0);
  for (let y = box.y0; y < box.y1; y++) {
    let n = 0;
    const row = y * width;
    for (let x = box.x0; x < box.x1; x++) n += mask[row + x]!;
    prof[y - box.y0] = n;
  }
  return prof;
}

function colProfile(mask: Uint8Array, width: number, box: PixelBox): Int32Array {
  const prof = new Int32Array(box.x1 - box.x0);
  for (let y = box.y0; y < box.y1; y++) {
    const row = y * width;
    for (let x = box.x0; x < box.x1; x++) prof[x - box.x0]! += mask[row + x]!;
  }
  return prof;
}

/** Runs of non-zero profile entries [start, end) with at least `minInk` ink in total. */
function bands(prof: Int32Array, minInk: number, bridge = 0): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  let last = -1;
  let ink = 0;
  for (let i = 0; i <= prof.length; i++) {
    const v = i < prof.length ? prof[i]! : 0;
    if (v > 0) {
      if (start < 0) {
        start = i;
        ink = 0;
      }
      last = i;
      ink += v;
    } else if (start >= 0 && i - last > bridge) {
      if (ink >= minInk) out.push([start, last + 1]);
      start = -1;
    }
  }
  return out;
}

/**
 * Text lines inside a box: row bands of ink (bands thinner than a line — 二, 一, the dots of ：—
 * are joined with their neighbours while the result stays one line tall), each trimmed to its ink
 * horizontally and, outside tables, split where the gap is wider than `splitGap` line heights.
 */
export function linesInBox(mask: Uint8Array, width: number, box: PixelBox, lineHeight: number, splitGap: number | null): PixelBox[] {
  if (box.x1 - box.x0 < 2 || box.y1 - box.y0 < 2) return [];
  const raw = bands(rowProfile(mask, width, box), 3);
  // merge bands while the merged one is still one line tall
  const merged: [number, number][] = [];
  for (const b of raw) {
    const prev = merged[merged.length - 1];
    if (prev && b[1] - prev[0] <= 1.3 * lineHeight && b[0] - prev[1] < 0.45 * lineHeight) prev[1] = b[1];
    else merged.push([b[0], b[1]]);
  }
  const out: PixelBox[] = [];
  for (const [a, b] of merged) {
    if (b - a < Math.max(2, 0.12 * lineHeight)) {
      // a lone thin mark: keep only if it is wide enough to be a dash or 一
      const band = { x0: box.x0, y0: box.y0 + a, x1: box.x1, y1: box.y0 + b };
      const cols = bands(colProfile(mask, width, band), 2);
      if (!cols.length || cols[cols.length - 1]![1] - cols[0]![0] < 0.3 * lineHeight) continue;
    }
    const band = { x0: box.x0, y0: box.y0 + a, x1: box.x1, y1: box.y0 + b };
    const cols = bands(colProfile(mask, width, band), 2);
    if (!cols.length) continue;
    const h = b - a;
    const groups: [number, number][] = [];
    for (const c of cols) {
      const prev = groups[groups.length - 1];
      if (prev && (splitGap === null || c[0] - prev[1] < splitGap * Math.max(h, 0.8 * lineHeight))) prev[1] = c[1];
      else groups.push([c[0], c[1]]);
    }
    for (const [c0, c1] of groups) {
      // a speck (a seal's or the grain's remnant) is smaller than any character, 、 and . included
      if (Math.max(c1 - c0, b - a) < 0.25 * lineHeight) continue;
      out.push({ x0: box.x0 + c0, y0: box.y0 + a, x1: box.x0 + c1, y1: box.y0 + b });
    }
  }
  return out;
}

/** Typical text line height of a page (median ink-band height), in pixels. */
export function typicalLineHeight(mask: Uint8Array, width: number, height: number, scale: number): number {
  const heights = bands(rowProfile(mask, width, { x0: 0, y0: 0, x1: width, y1: height }), 3)
    .map(([a, b]) => b - a)
    .filter((h) => h >= 4 * scale && h <= 30 * scale)
    .sort((a, b) => a - b);
  return heights.length ? heights[Math.floor(heights.length / 2)]! : 10 * scale;
}

/**
 * The cells of the ruled tables, in pixels: the rulings go through the same region finding and
 * lattice building as a text-layer PDF (src/core/pdf/regions.ts, grid.ts), so a slot whose border
 * is missing joins its neighbour into one merged cell and a merged cell's text is read once.
 * Regions ruled with horizontal lines only have no cells: their text is read as free lines.
 */
export function tableCells(rulings: readonly PixelRuling[], scale: number): PixelBox[] {
  const points: Ruling[] = rulings.map((r) => ({ orientation: r.orientation, pos: r.pos / scale, start: r.start / scale, end: r.end / scale }));
  const out: PixelBox[] = [];
  for (const region of findRegions(points)) {
    if (region.horizontalOnly) continue;
    const grid = buildLatticeGrid(region.box, region.h, region.v);
    for (const cell of grid.cells) {
      const b = cellBox(grid, cell);
      out.push({ x0: b.x0 * scale, y0: b.y0 * scale, x1: b.x1 * scale, y1: b.y1 * scale });
    }
  }
  return out;
}

/** Everything the recogniser and the layout need from one page image. */
export interface RasterPage {
  width: number;
  height: number;
  /** pixels per point */
  scale: number;
  /** measured skew in degrees (already removed from `image`) */
  skew: number;
  /** the cleaned, deskewed page without its rulings: recognition crops are taken from it */
  image: GrayImage;
  rulings: PixelRuling[];
  /** text lines to recognise, in reading order (top to bottom, left to right) */
  lines: LineBox[];
  /** share of the page covered by ink (0 for a blank page) */
  inkShare: number;
  lineHeight: number;
}

/**
 * Pixels per point below which a page image is enlarged before it is analysed (200 dpi). A rule
 * of a 150 dpi scan is one pixel thick; turned back by the deskew it spreads over two rows at half
 * its darkness and, smoothed, falls above the structure threshold — rules break and columns merge
 * (measured: 51 % of the body cells right rendering a 150 dpi scan at 150 dpi, 100 % at 200).
 * Recognition works on crops scaled to 48 px high anyway, so enlarging costs little.
 */
export const MIN_ANALYSIS_SCALE = 200 / 72;

/** Bilinear resize of an RGBA/RGB buffer. */
export function resizeRgba(src: Uint8Array | Uint8ClampedArray, width: number, height: number, w: number, h: number, channels = 4): Uint8Array {
  const out = new Uint8Array(w * h * channels);
  const sx = width / w;
  const sy = height / h;
  const xs0 = new Int32Array(w);
  const xs1 = new Int32Array(w);
  const wxs = new Float32Array(w);
  for (let x = 0; x < w; x++) {
    const fx = Math.min(width - 1, Math.max(0, (x + 0.5) * sx - 0.5));
    xs0[x] = Math.floor(fx);
    xs1[x] = Math.min(width - 1, xs0[x]! + 1);
    wxs[x] = fx - xs0[x]!;
  }
  for (let y = 0; y < h; y++) {
    const fy = Math.min(height - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(height - 1, y0 + 1);
    const wy = fy - y0;
    const r0 = y0 * width;
    const r1 = y1 * width;
    for (let x = 0; x < w; x++) {
      const a = (r0 + xs0[x]!) * channels;
      const b = (r0 + xs1[x]!) * channels;
      const c = (r1 + xs0[x]!) * channels;
      const d = (r1 + xs1[x]!) * channels;
      const wx = wxs[x]!;
      const o = (y * w + x) * channels;
      for (let k = 0; k < channels; k++) {
        out[o + k] = Math.round((src[a + k]! * (1 - wx) + src[b + k]! * wx) * (1 - wy) + (src[c + k]! * (1 - wx) + src[d + k]! * wx) * wy);
      }
    }
  }
  return out;
}

/**
 * Analyses one page image. `rgba` is the rendered page (4 channels unless stated), `scale` its
 * pixels per point. Lines inside a ruled slot stay inside it (one line never crosses a border).
 * An image of less than MIN_ANALYSIS_SCALE is enlarged first: the result's `scale` (and every box
 * in it) is then that of the enlarged image.
 */
export function analysePage(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, scale: number, channels = 4): RasterPage {
  if (scale < MIN_ANALYSIS_SCALE * 0.99) {
    const w = Math.round((width * MIN_ANALYSIS_SCALE) / scale);
    const h = Math.round((height * MIN_ANALYSIS_SCALE) / scale);
    return analysePage(resizeRgba(rgba, width, height, w, h, channels), w, h, (scale * w) / width, channels);
  }
  const gray0 = toGrayIgnoringRed(rgba, width, height, channels);
  // structure (skew, rulings) from the red channel's dark cores: a red seal is paper there while
  // the black rules under it stay dark; text lines from every stroke, light ones too
  const red0 = redChannel(rgba, width, height, channels);
  const skew = estimateSkew(inkMask(red0, STRUCTURE_THRESHOLD), width, height);
  const image = deskew(gray0, skew);
  const strict = inkMask(deskew(red0, skew), STRUCTURE_THRESHOLD);
  const mask = inkMask(image);
  let ink = 0;
  for (let p = 0; p < strict.length; p++) ink += strict[p]!;
  const rulings = findRulings(strict, width, height, { scale });
  const text = eraseRulings(mask, width, height, rulings, 2);
  const lineHeight = typicalLineHeight(text, width, height, scale);
  const slots = tableCells(rulings, scale);
  const inset = 2;
  const lines: LineBox[] = [];
  const covered = new Uint8Array(width * height);
  slots.forEach((s, i) => {
    const box = { x0: Math.round(s.x0) + inset, y0: Math.round(s.y0) + inset, x1: Math.round(s.x1) - inset, y1: Math.round(s.y1) - inset };
    if (box.x1 <= box.x0 || box.y1 <= box.y0) return;
    for (const l of linesInBox(text, width, box, lineHeight, null)) lines.push({ ...l, cell: i, clip: box });
    for (let y = Math.max(0, box.y0 - inset); y < Math.min(height, box.y1 + inset); y++) covered.fill(1, y * width + Math.max(0, box.x0 - inset), y * width + Math.min(width, box.x1 + inset));
  });
  // text outside every slot: titles, heading lines, notes, narrative, unruled tables
  const free = text.slice();
  for (let p = 0; p < free.length; p++) if (covered[p]) free[p] = 0;
  for (const l of linesInBox(free, width, { x0: 0, y0: 0, x1: width, y1: height }, lineHeight, 1.6)) lines.push({ ...l, cell: -1 });
  lines.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  return { width, height, scale, skew, image: eraseRulingsGray(image, rulings), rulings, lines, inkShare: ink / (width * height), lineHeight };
}

/** Crops a box (with padding, clamped) out of a grayscale image. */
export function crop(img: GrayImage, box: PixelBox, pad = 0, clip?: PixelBox): GrayImage {
  const x0 = Math.max(0, Math.floor(box.x0 - pad), clip ? Math.floor(clip.x0) : 0);
  const y0 = Math.max(0, Math.floor(box.y0 - pad), clip ? Math.floor(clip.y0) : 0);
  const x1 = Math.min(img.width, Math.ceil(box.x1 + pad), clip ? Math.ceil(clip.x1) : img.width);
  const y1 = Math.min(img.height, Math.ceil(box.y1 + pad), clip ? Math.ceil(clip.y1) : img.height);
  const w = Math.max(1, x1 - x0);
  const h = Math.max(1, y1 - y0);
  const data = new Uint8Array(w * h).fill(255);
  for (let y = 0; y < h && y0 + y < img.height; y++) data.set(img.data.subarray((y0 + y) * img.width + x0, (y0 + y) * img.width + x0 + Math.min(w, img.width - x0)), y * w);
  return { width: w, height: h, data };
}
