import { describe, expect, it } from 'vitest';
import { A4, PDF_TO_CSS_UNITS, displaySize } from '../../../src-renderer/features/viewer/page-geometry';
import { PAGE_GAP, PAGE_MARGIN, PageLayout } from '../../../src-renderer/features/viewer/page-layout';
import { canvasOutputScale, MAX_CANVAS_PIXELS } from '../../../src-renderer/features/viewer/canvas-size';
import { resolveScale, zoomFromPosition, zoomIn, zoomOut, zoomToPosition } from '../../../src-renderer/features/viewer/zoom';

describe('PageLayout', () => {
  it('lays out 2,000 pages at once from the first page’s size, and moves only what a real size changes', () => {
    const layout = new PageLayout(2000, A4);
    layout.setView(1, 0, 1000);
    const height = A4.height * PDF_TO_CSS_UNITS;
    expect(layout.box(1).top).toBe(PAGE_MARGIN);
    expect(layout.box(2000).top).toBeCloseTo(PAGE_MARGIN + 1999 * (height + PAGE_GAP));
    expect(layout.pageAt(layout.box(1234).top + 5)).toBe(1234);
    expect(layout.pageAt(0)).toBe(1);

    const anchor = layout.anchorAt(layout.box(1500).top + height / 2);
    expect(anchor.page).toBe(1500);
    expect(anchor.fraction).toBeCloseTo(0.5);
    // A landscape page before the anchor: everything after it moves, the anchor's page and fraction hold.
    expect(layout.setSize(10, { width: A4.height, height: A4.width, rotate: 0 })).toBe(true);
    expect(layout.setSize(10, { width: A4.height, height: A4.width, rotate: 0 })).toBe(false);
    expect(layout.box(1500).top).toBeLessThan(PAGE_MARGIN + 1499 * (height + PAGE_GAP));
    const again = layout.anchorAt(layout.positionOf(anchor));
    expect(again.page).toBe(1500);
    expect(again.fraction).toBeCloseTo(0.5);
    expect(layout.contentWidth).toBeCloseTo(A4.height * PDF_TO_CSS_UNITS + 2 * PAGE_MARGIN);
  });

  it('swaps width and height for a quarter turn, the page’s own /Rotate included', () => {
    const sideways = { ...A4, rotate: 90 as const };
    expect(displaySize(sideways, 1, 0).width).toBeCloseTo(A4.height * PDF_TO_CSS_UNITS);
    expect(displaySize(sideways, 1, 90).width).toBeCloseTo(A4.width * PDF_TO_CSS_UNITS);
    expect(displaySize(A4, 2, 270).height).toBeCloseTo(A4.width * 2 * PDF_TO_CSS_UNITS);
  });

  it('lists the pages in view with how much of each shows', () => {
    const layout = new PageLayout(10, A4);
    layout.setView(0.5, 0, 800);
    const box = layout.box(3);
    const visible = layout.visiblePages(box.top + box.height / 2, box.height);
    expect(visible.map((entry) => entry.page)).toEqual([3, 4]);
    expect(visible[0]?.visibleHeight).toBeCloseTo(box.height / 2);
  });
});

describe('zoom and the pixel cap', () => {
  it('fits the width or the whole page, and steps through the zoom levels', () => {
    const viewport = { width: 1000, height: 700 };
    const fitWidth = resolveScale({ kind: 'fitWidth' }, A4, 0, viewport);
    const fitPage = resolveScale({ kind: 'fitPage' }, A4, 0, viewport);
    expect(displaySize(A4, fitWidth, 0).width).toBeLessThanOrEqual(viewport.width - 2 * PAGE_MARGIN);
    expect(displaySize(A4, fitPage, 0).height).toBeLessThanOrEqual(viewport.height);
    expect(fitPage).toBeLessThan(fitWidth);
    expect(zoomIn(1)).toEqual({ kind: 'scale', value: 1.1 });
    expect(zoomOut(1)).toEqual({ kind: 'scale', value: 0.9 });
    expect(zoomOut(0.25)).toEqual({ kind: 'scale', value: 0.25 });
    expect(zoomToPosition({ kind: 'scale', value: 1.25 })).toBe('1.25');
    expect(zoomFromPosition('fitPage')).toEqual({ kind: 'fitPage' });
    expect(zoomFromPosition('9.5')).toEqual({ kind: 'scale', value: 5 });
  });

  it('draws huge pages at a lower resolution instead of asking for an impossible canvas', () => {
    expect(canvasOutputScale(800, 1100, 2)).toBe(2);
    const a0AtFourTimes = canvasOutputScale(2384 * 4 * PDF_TO_CSS_UNITS, 3370 * 4 * PDF_TO_CSS_UNITS, 2);
    expect((2384 * 4 * PDF_TO_CSS_UNITS * a0AtFourTimes) * (3370 * 4 * PDF_TO_CSS_UNITS * a0AtFourTimes)).toBeLessThanOrEqual(MAX_CANVAS_PIXELS * 1.0001);
    expect(canvasOutputScale(30_000, 400, 1) * 30_000).toBeLessThanOrEqual(16_384);
  });
});
