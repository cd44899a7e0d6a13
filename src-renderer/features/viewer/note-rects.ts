import type { Rotation } from './page-geometry';

/** A box as a fraction (0–1) of the page as the file stores it (before any rotation), from its top left. */
export interface FractionRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface BoxLike {
  left: number;
  top: number;
  width: number;
  height: number;
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));

/**
 * Turns a box on screen into fractions of the unrotated page, so a highlight lands on the same words at
 * any zoom and any rotation. `pageBox` is the page as drawn; `rotation` the total rotation it is drawn
 * at (its own /Rotate plus the reader's), the same one pdf.js turns the text layer by.
 */
export function toPageFractions(rect: BoxLike, pageBox: BoxLike, rotation: Rotation): FractionRect {
  const u1 = clamp((rect.left - pageBox.left) / pageBox.width);
  const v1 = clamp((rect.top - pageBox.top) / pageBox.height);
  const u2 = clamp((rect.left + rect.width - pageBox.left) / pageBox.width);
  const v2 = clamp((rect.top + rect.height - pageBox.top) / pageBox.height);
  const [xa, ya] = unrotate(u1, v1, rotation);
  const [xb, yb] = unrotate(u2, v2, rotation);
  return { x: Math.min(xa, xb), y: Math.min(ya, yb), w: Math.abs(xb - xa), h: Math.abs(yb - ya) };
}

/** From a point of the drawn page (fractions) to the same point of the unrotated page. */
function unrotate(u: number, v: number, rotation: Rotation): [number, number] {
  switch (rotation) {
    case 0:
      return [u, v];
    case 90:
      return [v, 1 - u];
    case 180:
      return [1 - u, 1 - v];
    case 270:
      return [1 - v, u];
  }
}

/**
 * The browser gives one box per text span; a highlight wants one per line. Boxes that share most of
 * their height and touch (or nearly) are merged; tiny slivers are dropped; at most `limit` remain.
 */
export function mergeLineRects(rects: readonly FractionRect[], limit = 200): FractionRect[] {
  const usable = rects.filter((rect) => rect.w > 0.001 && rect.h > 0.001).sort((a, b) => a.y - b.y || a.x - b.x);
  const merged: FractionRect[] = [];
  for (const rect of usable) {
    const last = merged[merged.length - 1];
    if (last && sameLine(last, rect) && rect.x <= last.x + last.w + 0.01) {
      const right = Math.max(last.x + last.w, rect.x + rect.w);
      const top = Math.min(last.y, rect.y);
      const bottom = Math.max(last.y + last.h, rect.y + rect.h);
      last.x = Math.min(last.x, rect.x);
      last.w = right - last.x;
      last.y = top;
      last.h = bottom - top;
    } else merged.push({ ...rect });
  }
  return merged.slice(0, limit).map((rect) => ({ x: round(rect.x), y: round(rect.y), w: round(rect.w), h: round(rect.h) }));
}

function sameLine(a: FractionRect, b: FractionRect): boolean {
  const overlap = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return overlap > 0.5 * Math.min(a.h, b.h);
}

function round(value: number): number {
  return Math.round(clamp(value) * 100_000) / 100_000;
}
