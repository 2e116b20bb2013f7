import type { Matrix } from './geometry';
import { apply, IDENTITY, multiply } from './geometry';

/** A horizontal or vertical line segment drawn on the page (a border, in page user space). */
export interface Ruling {
  orientation: 'h' | 'v';
  /** y for horizontal rulings, x for vertical ones */
  pos: number;
  start: number;
  end: number;
}

/** Path operator codes inside pdf.js `constructPath` data (not exported by pdf.js). */
const PATH_MOVE = 0;
const PATH_LINE = 1;
const PATH_CURVE = 2;
const PATH_QUAD = 3;
const PATH_CLOSE = 4;

/** Filled rectangles thinner than this are drawn borders, not shading (Camelot uses 1.5). */
const MAX_RULE_THICKNESS = 2.5;
/** Slope tolerance for "axis-aligned", in points over the segment. */
const AXIS_TOLERANCE = 0.6;

export interface OpsTable {
  [name: string]: number;
}

interface GraphicsState {
  ctm: Matrix;
  lineWidth: number;
  strokeVisible: boolean;
  fillVisible: boolean;
}

/** A colour the eye cannot tell from white paper is not a border. */
export function isVisibleColor(hex: unknown): boolean {
  if (typeof hex !== 'string' || !/^#[0-9a-f]{6}$/i.test(hex)) return true;
  const r = parseInt(hex.slice(1, 3), 16);
  const g = parseInt(hex.slice(3, 5), 16);
  const b = parseInt(hex.slice(5, 7), 16);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 235;
}

type Point = [number, number];

/** Decodes pdf.js path data into subpaths of transformed points. Curves become their end points. */
export function decodePath(data: ArrayLike<number>, ctm: Matrix): { points: Point[]; closed: boolean }[] {
  const subpaths: { points: Point[]; closed: boolean }[] = [];
  let current: { points: Point[]; closed: boolean } | null = null;
  let i = 0;
  while (i < data.length) {
    const op = data[i++];
    if (op === PATH_MOVE) {
      current = { points: [apply(ctm, data[i]!, data[i + 1]!)], closed: false };
      subpaths.push(current);
      i += 2;
    } else if (op === PATH_LINE) {
      const p = apply(ctm, data[i]!, data[i + 1]!);
      if (!current) subpaths.push((current = { points: [], closed: false }));
      current.points.push(p);
      i += 2;
    } else if (op === PATH_CURVE) {
      // A curve is never a table border; keep its end point so the subpath stays connected.
      current?.points.push(apply(ctm, data[i + 4]!, data[i + 5]!));
      if (current) current.closed = false;
      i += 6;
    } else if (op === PATH_QUAD) {
      current?.points.push(apply(ctm, data[i + 2]!, data[i + 3]!));
      i += 4;
    } else if (op === PATH_CLOSE) {
      if (current) current.closed = true;
    } else {
      break; // unknown code: stop rather than misread the rest
    }
  }
  return subpaths;
}

function segmentRuling(a: Point, b: Point): Ruling | null {
  const dx = Math.abs(a[0] - b[0]);
  const dy = Math.abs(a[1] - b[1]);
  if (dy <= AXIS_TOLERANCE && dx > dy) {
    return { orientation: 'h', pos: (a[1] + b[1]) / 2, start: Math.min(a[0], b[0]), end: Math.max(a[0], b[0]) };
  }
  if (dx <= AXIS_TOLERANCE && dy > dx) {
    return { orientation: 'v', pos: (a[0] + b[0]) / 2, start: Math.min(a[1], b[1]), end: Math.max(a[1], b[1]) };
  }
  return null;
}

/** An axis-aligned rectangle subpath, as [x0, y0, x1, y1], or null. */
function asRectangle(points: Point[]): [number, number, number, number] | null {
  const pts = points.length === 5 && near(points[0]!, points[4]!) ? points.slice(0, 4) : points;
  if (pts.length !== 4) return null;
  for (let k = 0; k < 4; k++) {
    if (!segmentRuling(pts[k]!, pts[(k + 1) % 4]!)) return null;
  }
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function near(a: Point, b: Point): boolean {
  return Math.abs(a[0] - b[0]) < 0.01 && Math.abs(a[1] - b[1]) < 0.01;
}

function strokeRulings(subpaths: { points: Point[]; closed: boolean }[], out: Ruling[]): void {
  for (const sp of subpaths) {
    const pts = sp.points;
    for (let k = 1; k < pts.length; k++) pushRuling(out, segmentRuling(pts[k - 1]!, pts[k]!));
    if (sp.closed && pts.length > 2) pushRuling(out, segmentRuling(pts[pts.length - 1]!, pts[0]!));
  }
}

function fillRulings(subpaths: { points: Point[]; closed: boolean }[], out: Ruling[]): void {
  for (const sp of subpaths) {
    const rect = asRectangle(sp.points);
    if (!rect) continue;
    const [x0, y0, x1, y1] = rect;
    const w = x1 - x0;
    const h = y1 - y0;
    if (h <= MAX_RULE_THICKNESS && w > h) pushRuling(out, { orientation: 'h', pos: (y0 + y1) / 2, start: x0, end: x1 });
    else if (w <= MAX_RULE_THICKNESS && h > w) pushRuling(out, { orientation: 'v', pos: (x0 + x1) / 2, start: y0, end: y1 });
  }
}

function pushRuling(out: Ruling[], r: Ruling | null): void {
  if (r && r.end - r.start > 0.5) out.push(r);
}

/**
 * Collects the visible horizontal and vertical line segments of a page from its operator list:
 * stroked segments and rectangle edges, and filled rectangles thin enough to be drawn lines.
 * Coordinates come out in the space `base` maps to (reading space when given the viewport).
 */
export function extractRulings(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  OPS: OpsTable,
  /** the page's base transform: user space → reading space (pdf.js viewport at scale 1) */
  base: Matrix = IDENTITY,
): Ruling[] {
  const out: Ruling[] = [];
  const stack: GraphicsState[] = [];
  let gs: GraphicsState = { ctm: base, lineWidth: 1, strokeVisible: true, fillVisible: true };
  const strokeOps = new Set([OPS.stroke, OPS.closeStroke]);
  const fillOps = new Set([OPS.fill, OPS.eoFill]);
  const bothOps = new Set([OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        stack.push({ ...gs });
        break;
      case OPS.restore:
        gs = stack.pop() ?? gs;
        break;
      case OPS.transform:
        gs.ctm = multiply(args as unknown as Matrix, gs.ctm);
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push({ ...gs });
        const m = args?.[0] as Matrix | null | undefined;
        if (Array.isArray(m) || ArrayBuffer.isView(m)) gs.ctm = multiply(Array.from(m as ArrayLike<number>) as Matrix, gs.ctm);
        break;
      }
      case OPS.paintFormXObjectEnd:
        gs = stack.pop() ?? gs;
        break;
      case OPS.setLineWidth:
        gs.lineWidth = Number(args?.[0] ?? 1);
        break;
      case OPS.setStrokeRGBColor:
        gs.strokeVisible = isVisibleColor(args?.[0]);
        break;
      case OPS.setFillRGBColor:
        gs.fillVisible = isVisibleColor(args?.[0]);
        break;
      case OPS.constructPath: {
        const paintOp = args?.[0] as number;
        const data = (args?.[1] as ArrayLike<number>[] | undefined)?.[0];
        if (!data) break;
        const stroke = strokeOps.has(paintOp) || bothOps.has(paintOp);
        const fill = fillOps.has(paintOp) || bothOps.has(paintOp);
        if (!(stroke && gs.strokeVisible) && !(fill && gs.fillVisible)) break;
        const subpaths = decodePath(data, gs.ctm);
        if (stroke && gs.strokeVisible) strokeRulings(subpaths, out);
        if (fill && gs.fillVisible) fillRulings(subpaths, out);
        break;
      }
      default:
        break;
    }
  }
  return out;
}
