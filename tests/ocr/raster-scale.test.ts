import { describe, expect, it } from 'vitest';
import { MIN_ANALYSIS_SCALE, analysePage, resizeRgba } from '../../src/ocr/raster-grid';

/** A white RGBA page with a one-pixel-thick ruled box (a 150 dpi scan's rule). */
function ruledBox(width: number, height: number, box: { x0: number; y0: number; x1: number; y1: number }): Uint8Array {
  const rgba = new Uint8Array(width * height * 4).fill(255);
  const ink = (x: number, y: number): void => {
    const i = (y * width + x) * 4;
    rgba[i] = rgba[i + 1] = rgba[i + 2] = 40;
  };
  for (let x = box.x0; x <= box.x1; x++) {
    ink(x, box.y0);
    ink(x, box.y1);
  }
  for (let y = box.y0; y <= box.y1; y++) {
    ink(box.x0, y);
    ink(box.x1, y);
  }
  return rgba;
}

describe('resizeRgba', () => {
  it('keeps a flat colour and the corners', () => {
    const src = new Uint8Array([10, 20, 30, 255, 10, 20, 30, 255, 10, 20, 30, 255, 10, 20, 30, 255]);
    expect(Array.from(resizeRgba(src, 2, 2, 4, 4))).toEqual(Array.from({ length: 16 }, () => [10, 20, 30, 255]).flat());
  });
});

describe('analysePage below 200 dpi', () => {
  it('enlarges the image first: scale and rulings are those of the enlarged page, in the same points', () => {
    const scale = 150 / 72;
    const width = 800;
    const height = 600;
    const raster = analysePage(ruledBox(width, height, { x0: 100, y0: 100, x1: 700, y1: 400 }), width, height, scale);
    expect(raster.scale).toBeCloseTo(MIN_ANALYSIS_SCALE, 2);
    const h = raster.rulings.filter((r) => r.orientation === 'h').map((r) => r.pos / raster.scale);
    const v = raster.rulings.filter((r) => r.orientation === 'v').map((r) => r.pos / raster.scale);
    // the box's rules at 100 and 400 px (150 dpi) → 48 and 192 pt; 100 and 700 px → 48 and 336 pt
    expect(h.sort((a, b) => a - b).map((p) => Math.round(p))).toEqual([48, 192]);
    expect(v.sort((a, b) => a - b).map((p) => Math.round(p))).toEqual([48, 336]);
  });

  it('leaves a 200 dpi image as it is', () => {
    const scale = 200 / 72;
    const raster = analysePage(ruledBox(600, 400, { x0: 50, y0: 50, x1: 550, y1: 350 }), 600, 400, scale);
    expect(raster.scale).toBe(scale);
    expect(raster.width).toBe(600);
  });
});
