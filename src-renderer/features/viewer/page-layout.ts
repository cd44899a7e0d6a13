import { displaySize, type PageSize, type Rotation } from './page-geometry';

/** Space between pages and around them, in CSS pixels. */
export const PAGE_GAP = 12;
export const PAGE_MARGIN = 16;

export interface PageBox {
  top: number;
  left: number;
  width: number;
  height: number;
}

/**
 * Where every page sits in the continuous scroll, for any number of pages, knowing the real size of only
 * the pages read so far. Pages not yet read are assumed to be the size of the first page (as pdf.js's own
 * viewer assumes), so a 2,000-page bundle lays out at once without asking the worker for 2,000 pages; a
 * page's real size replaces the guess when it comes near the screen, and the caller keeps the reader's
 * place across the change (see `anchorAt` / `scrollTopFor`).
 */
export class PageLayout {
  readonly pageCount: number;
  #sizes: (PageSize | undefined)[];
  #fallback: PageSize;
  #scale = 1;
  #rotation: Rotation = 0;
  #tops: Float64Array;
  #heights: Float64Array;
  #widths: Float64Array;
  #contentWidth = 0;
  #contentHeight = 0;
  #viewportWidth = 0;
  #dirty = true;

  constructor(pageCount: number, fallback: PageSize) {
    this.pageCount = pageCount;
    this.#sizes = new Array<PageSize | undefined>(pageCount);
    this.#fallback = fallback;
    this.#tops = new Float64Array(pageCount);
    this.#heights = new Float64Array(pageCount);
    this.#widths = new Float64Array(pageCount);
  }

  /** Returns true when the size differs from what the layout assumed (the layout must then move). */
  setSize(page: number, size: PageSize): boolean {
    const index = page - 1;
    if (index < 0 || index >= this.pageCount) return false;
    const before = this.sizeOf(page);
    this.#sizes[index] = size;
    const changed = before.width !== size.width || before.height !== size.height || before.rotate !== size.rotate;
    if (changed) this.#dirty = true;
    return changed;
  }

  hasSize(page: number): boolean {
    return this.#sizes[page - 1] !== undefined;
  }

  sizeOf(page: number): PageSize {
    return this.#sizes[page - 1] ?? this.#fallback;
  }

  setView(scale: number, rotation: Rotation, viewportWidth: number): void {
    if (scale !== this.#scale || rotation !== this.#rotation || viewportWidth !== this.#viewportWidth) this.#dirty = true;
    this.#scale = scale;
    this.#rotation = rotation;
    this.#viewportWidth = viewportWidth;
  }

  get scale(): number {
    return this.#scale;
  }

  get rotation(): Rotation {
    return this.#rotation;
  }

  get contentWidth(): number {
    this.#compute();
    return this.#contentWidth;
  }

  get contentHeight(): number {
    this.#compute();
    return this.#contentHeight;
  }

  box(page: number): PageBox {
    this.#compute();
    const index = Math.min(Math.max(page - 1, 0), this.pageCount - 1);
    const width = this.#widths[index] ?? 0;
    return {
      top: this.#tops[index] ?? 0,
      left: Math.max(PAGE_MARGIN, (this.#contentWidth - width) / 2),
      width,
      height: this.#heights[index] ?? 0,
    };
  }

  /** The page under a vertical position in the content (the one whose box or following gap holds it). */
  pageAt(y: number): number {
    this.#compute();
    let low = 0;
    let high = this.pageCount - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.#tops[middle] ?? 0) <= y) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }

  /** Pages any part of which is inside [top, top + height), each with how much of it shows. */
  visiblePages(top: number, height: number): Array<{ page: number; visibleHeight: number }> {
    if (this.pageCount === 0) return [];
    const bottom = top + height;
    const result: Array<{ page: number; visibleHeight: number }> = [];
    for (let page = this.pageAt(top); page <= this.pageCount; page++) {
      const box = this.box(page);
      if (box.top >= bottom) break;
      const visibleHeight = Math.min(bottom, box.top + box.height) - Math.max(top, box.top);
      if (visibleHeight > 0) result.push({ page, visibleHeight });
    }
    return result;
  }

  /** A place in the document that survives re-layout: a page and how far down it, as a fraction. */
  anchorAt(y: number): { page: number; fraction: number } {
    const page = this.pageAt(y);
    const box = this.box(page);
    return { page, fraction: box.height > 0 ? Math.min(Math.max((y - box.top) / box.height, 0), 1.05) : 0 };
  }

  positionOf(anchor: { page: number; fraction: number }): number {
    const box = this.box(anchor.page);
    return box.top + anchor.fraction * box.height;
  }

  #compute(): void {
    if (!this.#dirty) return;
    this.#dirty = false;
    let y = PAGE_MARGIN;
    let widest = 0;
    for (let index = 0; index < this.pageCount; index++) {
      const { width, height } = displaySize(this.#sizes[index] ?? this.#fallback, this.#scale, this.#rotation);
      this.#tops[index] = y;
      this.#heights[index] = height;
      this.#widths[index] = width;
      if (width > widest) widest = width;
      y += height + PAGE_GAP;
    }
    this.#contentHeight = y - PAGE_GAP + PAGE_MARGIN;
    this.#contentWidth = Math.max(this.#viewportWidth, widest + 2 * PAGE_MARGIN);
  }
}
