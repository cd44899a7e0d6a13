import { displaySize, type PageSize, type Rotation } from './page-geometry';
import { PAGE_MARGIN } from './page-layout';

/** How the reader asked the page to be sized: to the width, the whole page, or a fixed scale (1 = real size). */
export type Zoom = { kind: 'fitWidth' } | { kind: 'fitPage' } | { kind: 'scale'; value: number };

export const MIN_SCALE = 0.25;
export const MAX_SCALE = 5;
/** The steps zoom in and out move through (Ctrl+wheel on a trackpad moves smoothly between them). */
export const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4, 5] as const;

export const FIT_WIDTH: Zoom = { kind: 'fitWidth' };

export function clampScale(value: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, value));
}

/** The scale a zoom setting means for this page in a viewport of this size. */
export function resolveScale(zoom: Zoom, page: PageSize, rotation: Rotation, viewport: { width: number; height: number }): number {
  if (zoom.kind === 'scale') return clampScale(zoom.value);
  const atOne = displaySize(page, 1, rotation);
  // A vertical scroll bar may appear: leave it room, and the margins either side.
  const width = Math.max(viewport.width - 2 * PAGE_MARGIN - 4, 50);
  const height = Math.max(viewport.height - 2 * PAGE_MARGIN, 50);
  const fitWidth = width / atOne.width;
  if (zoom.kind === 'fitWidth') return clampScale(fitWidth);
  return clampScale(Math.min(fitWidth, height / atOne.height));
}

export function zoomIn(scale: number): Zoom {
  const next = ZOOM_STEPS.find((step) => step > scale + 0.001) ?? MAX_SCALE;
  return { kind: 'scale', value: next };
}

export function zoomOut(scale: number): Zoom {
  const next = [...ZOOM_STEPS].reverse().find((step) => step < scale - 0.001) ?? MIN_SCALE;
  return { kind: 'scale', value: next };
}

/** The contract's form: 'fitWidth', 'fitPage' or a scale such as '1.25'. */
export function zoomToPosition(zoom: Zoom): string {
  if (zoom.kind !== 'scale') return zoom.kind;
  return String(Math.round(clampScale(zoom.value) * 1000) / 1000);
}

export function zoomFromPosition(value: string): Zoom {
  if (value === 'fitWidth' || value === 'fitPage') return { kind: value };
  const scale = Number(value);
  return Number.isFinite(scale) && scale > 0 ? { kind: 'scale', value: clampScale(scale) } : FIT_WIDTH;
}

export function sameZoom(a: Zoom, b: Zoom): boolean {
  return a.kind === b.kind && (a.kind !== 'scale' || (b.kind === 'scale' && Math.abs(a.value - b.value) < 0.0005));
}
