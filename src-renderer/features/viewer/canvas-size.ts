/**
 * The most pixels one page canvas may have: 2^24 (16.8 million, 64 MiB of memory). A page zoomed in
 * further, or a huge page (a plan on A0), is drawn at a lower resolution and stretched, rather than
 * asking for a canvas the browser cannot give (Chromium refuses sides over 32,767 px or areas over
 * 268 million pixels, and a few such canvases would exhaust the machine).
 */
export const MAX_CANVAS_PIXELS = 2 ** 24;
export const MAX_CANVAS_SIDE = 16_384;

/**
 * Device pixels per CSS pixel to draw a page of this CSS size at: the screen's pixel ratio, reduced
 * until the canvas fits the pixel cap. Never below 0.25 (at that point the page is unreadable anyway).
 */
export function canvasOutputScale(cssWidth: number, cssHeight: number, devicePixelRatio: number, maxPixels = MAX_CANVAS_PIXELS): number {
  let scale = Math.max(devicePixelRatio, 0.25);
  const area = cssWidth * cssHeight;
  if (area * scale * scale > maxPixels) scale = Math.sqrt(maxPixels / area);
  const longest = Math.max(cssWidth, cssHeight);
  if (longest * scale > MAX_CANVAS_SIDE) scale = MAX_CANVAS_SIDE / longest;
  return Math.max(scale, 0.25);
}

/** Bytes of memory a canvas's backing store takes (RGBA). */
export function canvasBytes(canvas: { width: number; height: number }): number {
  return canvas.width * canvas.height * 4;
}
