/**
 * OCR options shared by the commands that read files: pages without a usable text layer are read
 * by OCR unless `--no-ocr` is given; `--ocr-dpi=N` sets the render resolution (docs/ocr.md).
 */
import type { OcrOptions } from '../node/ocr-engine';

export const OCR_USAGE = '[--no-ocr] [--ocr-dpi=200]';

/** The arguments without the OCR flags, and the `ocr` option for extractFile. */
export function takeOcrArgs(args: readonly string[]): { rest: string[]; ocr: OcrOptions | false } {
  const noOcr = args.includes('--no-ocr');
  const dpiArg = args.find((a) => a.startsWith('--ocr-dpi='));
  const rest = args.filter((a) => a !== '--no-ocr' && a !== dpiArg);
  if (noOcr) return { rest, ocr: false };
  const dpi = dpiArg ? Number(dpiArg.slice('--ocr-dpi='.length)) : undefined;
  return {
    rest,
    ocr: {
      ...(dpi && dpi >= 72 && dpi <= 600 ? { dpi } : {}),
      onPage: (done, total, page) => process.stderr.write(`OCR 第${page}页 (${done}/${total})\n`),
    },
  };
}
