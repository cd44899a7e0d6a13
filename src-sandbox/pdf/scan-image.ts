/**
 * Raster "scanned page" images: a greyish sheet with dark, text-like strokes and
 * scanner noise, encoded as JPEG. Pages built from these carry no text layer, like
 * the photocopied statements and exhibits that fill real IDPC bundles, so the app's
 * OCR / "no text on this page" paths get exercised.
 */
import jpeg from 'jpeg-js';
import type { Prng } from '../seed/prng';

export interface ScanImageOptions {
  readonly width: number;
  readonly height: number;
  /** JPEG quality 1..100. */
  readonly quality: number;
  /** Amplitude of per-pixel noise; more noise = bigger JPEG (how the large dataset reaches its size cheaply). */
  readonly noise: number;
}

export function renderScanJpeg(prng: Prng, opts: ScanImageOptions): Buffer {
  const { width, height } = opts;
  const grey = new Uint8Array(width * height);
  const paper = prng.int(214, 236);
  // Paper with noise; a darker band at one edge like a copier shadow.
  const shadowWidth = prng.int(0, Math.round(width * 0.03));
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const shade = x < shadowWidth ? 60 * (1 - x / Math.max(1, shadowWidth)) : 0;
      grey[row + x] = paper - shade + (prng.next() - 0.5) * opts.noise;
    }
  }
  const margin = Math.round(width * 0.09);
  const lineHeight = Math.max(8, Math.round(height / 62));
  const strokeHeight = Math.max(4, Math.round(lineHeight * 0.55));
  const skew = (prng.next() - 0.5) * 0.012; // slight rotation of the sheet on the glass
  let y = margin;
  // Heading: one bold line.
  drawWordLine(grey, width, prng, margin, y, Math.round(width * 0.45), strokeHeight + 3, skew);
  y += lineHeight * 2;
  while (y < height - margin) {
    if (prng.chance(0.12)) {
      y += lineHeight; // paragraph gap
      continue;
    }
    const lineEnd = prng.chance(0.15) ? margin + Math.round((width - 2 * margin) * prng.next()) : width - margin;
    drawWordLine(grey, width, prng, margin, y, lineEnd - margin, strokeHeight, skew);
    y += lineHeight;
  }
  const rgba = Buffer.alloc(width * height * 4);
  for (let i = 0; i < grey.length; i++) {
    const v = grey[i] ?? 0;
    const o = i * 4;
    rgba[o] = v;
    rgba[o + 1] = v;
    rgba[o + 2] = v;
    rgba[o + 3] = 255;
  }
  return jpeg.encode({ width, height, data: rgba }, opts.quality).data;
}

function drawWordLine(
  grey: Uint8Array,
  width: number,
  prng: Prng,
  x0: number,
  y0: number,
  lineWidth: number,
  strokeHeight: number,
  skew: number,
): void {
  const height = grey.length / width;
  let x = x0;
  while (x < x0 + lineWidth) {
    const wordWidth = prng.int(strokeHeight * 2, strokeHeight * 9);
    const end = Math.min(x + wordWidth, x0 + lineWidth);
    for (let px = x; px < end; px++) {
      // Letter-like gaps: every few columns a lighter column.
      if (prng.chance(0.22)) continue;
      const yShift = Math.round(px * skew);
      const top = y0 + yShift + (prng.chance(0.2) ? -prng.int(1, 3) : 0);
      const bottom = y0 + yShift + strokeHeight + (prng.chance(0.15) ? prng.int(1, 3) : 0);
      for (let py = Math.max(0, top); py < Math.min(height, bottom); py++) {
        grey[py * width + px] = 35 + prng.int(0, 50);
      }
    }
    x = end + prng.int(Math.round(strokeHeight * 0.6), strokeHeight * 2);
  }
}
