import { useEffect, useState, type RefObject } from 'react';
import { mergeLineRects, toPageFractions, type FractionRect } from './note-rects';
import type { PaneController } from './pane-controller';
import { totalRotation } from './page-geometry';

/** Text the reader selected on one page, ready to become a note. */
export interface SelectionSnapshot {
  page: number;
  quote: string;
  rects: FractionRect[];
  /** Where the selection ends, relative to the scroll region (for the "Add note" button). */
  end: { x: number; y: number };
}

const MAX_QUOTE = 4000;

/**
 * Follows the text selection inside a pane's pages. A selection running onto a second page is cut at
 * the end of the page it starts on: a note belongs to one page.
 */
export function useSelectionCapture(viewportRef: RefObject<HTMLDivElement | null>, controller: PaneController | null): SelectionSnapshot | null {
  const [snapshot, setSnapshot] = useState<SelectionSnapshot | null>(null);

  useEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport || !controller) return;
    let frame: number | null = null;
    const read = () => {
      frame = null;
      setSnapshot(captureSelection(viewport, controller));
    };
    const schedule = () => {
      frame ??= requestAnimationFrame(read);
    };
    document.addEventListener('selectionchange', schedule);
    viewport.addEventListener('scroll', schedule, { passive: true });
    return () => {
      document.removeEventListener('selectionchange', schedule);
      viewport.removeEventListener('scroll', schedule);
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [viewportRef, controller]);

  return snapshot;
}

function captureSelection(viewport: HTMLDivElement, controller: PaneController): SelectionSnapshot | null {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const startElement = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const pageElement = startElement?.closest<HTMLElement>('.viewer-page');
  const textLayer = pageElement?.querySelector('.textLayer');
  if (!pageElement || !textLayer || !viewport.contains(pageElement)) return null;
  const page = Number(pageElement.dataset.pageNumber);
  const layout = controller.layout;
  if (!Number.isInteger(page) || !layout) return null;

  const clipped = range.cloneRange();
  if (!pageElement.contains(range.endContainer) && textLayer.lastChild) clipped.setEndAfter(textLayer.lastChild);
  const quote = clipped.toString().replace(/\s+/g, ' ').trim().slice(0, MAX_QUOTE);
  if (!quote) return null;

  const pageBox = pageElement.getBoundingClientRect();
  const rotation = totalRotation(layout.sizeOf(page), controller.store.getState().rotation);
  const rects = mergeLineRects(
    [...clipped.getClientRects()]
      .filter((rect) => rect.width > 0 && rect.height > 0 && rect.bottom > pageBox.top && rect.top < pageBox.bottom)
      .map((rect) => toPageFractions(rect, pageBox, rotation)),
  );
  const last = [...clipped.getClientRects()].filter((rect) => rect.width > 0).at(-1);
  const view = viewport.getBoundingClientRect();
  const end = last ? { x: last.right - view.left, y: last.bottom - view.top } : { x: pageBox.left - view.left, y: pageBox.top - view.top };
  return { page, quote, rects, end };
}
