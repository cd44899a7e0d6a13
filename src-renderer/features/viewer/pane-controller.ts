import { bridge } from '../../stores/bridge';
import { loadDocumentExtras } from './document-extras';
import { DocumentSession } from './document-session';
import { PAGE_MARGIN, PageLayout } from './page-layout';
import { normaliseRotation, type PageSize, type Rotation } from './page-geometry';
import { PagePainter, type PageSlot } from './page-painter';
import { PaneFind } from './pane-find';
import { createPaneStore, withMember, type PaneStore } from './pane-state';
import { OpenFailed, PaneDocument } from './pane-document';
import { ReadingPositionSaver } from './reading-position-saver';
import { FIT_WIDTH, resolveScale, sameZoom, zoomFromPosition, zoomIn, zoomOut, zoomToPosition, type Zoom } from './zoom';

export interface OpenRequest {
  materialId: string;
  /** Open at this page instead of where the reader last was. */
  page?: number | undefined;
  /** A full-text search hit to show highlighted on that page. */
  highlight?: string | undefined;
}

/** A place in the document that should stay put on screen while the layout changes under it. */
interface Anchor {
  page: number;
  fraction: number;
  /** Where in the viewport that place is (px from its top / left). */
  viewportY: number;
  viewportX: number;
  xFraction: number;
}

/** Pages mounted beyond the visible ones, either side (their canvases are drawn ahead of time). */
const OVERSCAN = 2;
/** Pages either side of the visible ones whose real size is read ahead, so they do not jump later. */
const SIZE_LOOKAHEAD = 4;
/** A zoom gesture counts as finished after this long without a step. */
const ZOOM_SETTLE_MS = 160;

let paneCount = 0;

/**
 * One document in one pane: opens it, lays its pages out in a continuous scroll, follows the scroll to
 * decide what is visible, asks the painter for the right canvases and text layers, and carries zoom,
 * rotation, go-to-page and find. The React parts read its store and hand it their DOM.
 */
export class PaneController {
  readonly id = `pane-${++paneCount}`;
  readonly owner: string;
  readonly store: PaneStore;
  readonly request: OpenRequest;
  readonly painter: PagePainter;
  readonly finder: PaneFind;
  readonly #document: PaneDocument;
  #layout: PageLayout | null = null;
  #viewport: HTMLDivElement | null = null;
  #viewportSize = { width: 0, height: 0 };
  #resizeObserver: ResizeObserver | null = null;
  #saver = new ReadingPositionSaver();
  #pendingAnchor: Anchor | null = null;
  #frame: number | null = null;
  #settleTimer: ReturnType<typeof setTimeout> | null = null;
  #lastZoomAt = 0;
  #lastScrollTop = 0;
  #direction: 1 | -1 = 1;
  #sizeReads = new Set<number>();
  #queuedAnchor: Anchor | null = null;
  /** The page size fit width / fit page are worked out from (see setZoom). */
  #fitReference: PageSize | null = null;
  #thumbnails: number[] = [];
  #destroyed = false;
  #startPage = 1;
  #holders = 0;
  #started = false;
  #releaseTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(request: OpenRequest) {
    this.request = request;
    this.owner = `${this.id}:${request.materialId}`;
    this.store = createPaneStore(request.materialId);
    this.#document = new PaneDocument(request.materialId, {
      progress: (loaded, total) => this.store.setState({ progress: { loaded, total } }),
      password: (password) => this.store.setState(password ? { phase: 'password', password } : { phase: 'opening', password: null }),
      swapped: () => {
        // Jobs still drawing from the old copy stop; the next update asks the new one.
        this.painter.restart();
        this.#scheduleUpdate();
      },
    });
    this.painter = new PagePainter({
      owner: this.owner,
      session: () => this.#document.session,
      layout: () => this.#layout,
      sizeLearned: (page, size) => this.#sizeLearned(page, size),
      painted: (page, painted) => this.#painted(page, painted),
      failed: (page) => this.store.setState((state) => ({ failedPages: withMember(state.failedPages, page, true) })),
      textless: (page, textless) => this.#markTextless(page, textless),
      textLayerReady: (page) => this.finder.highlight(page),
    });
    this.finder = new PaneFind({
      store: this.store,
      painter: this.painter,
      viewport: () => this.#viewport,
      visiblePages: () => this.#visiblePages(),
      goToPage: (page) => this.goToPage(page),
    });
  }

  /**
   * A mounted view holds the controller; the document opens with the first holder and closes when the
   * last lets go (a moment later, so React's remount in development does not reopen it).
   */
  retain(): void {
    this.#holders++;
    if (this.#releaseTimer !== null) clearTimeout(this.#releaseTimer);
    this.#releaseTimer = null;
    if (this.#started) return;
    this.#started = true;
    document.addEventListener('visibilitychange', this.#onVisibility);
    void this.#open();
  }

  release(): void {
    this.#holders = Math.max(0, this.#holders - 1);
    if (this.#holders > 0) return;
    this.#releaseTimer = setTimeout(() => void this.destroy(), 0);
  }

  get session(): DocumentSession | null {
    return this.#document.session;
  }

  get layout(): PageLayout | null {
    return this.#layout;
  }

  // ------------------------------------------------------------------------------------------------
  // Opening

  async #open(): Promise<void> {
    const { materialId } = this.request;
    const savedPosition = bridge.call('reading.getPosition', { materialId });
    let session: DocumentSession;
    try {
      session = await this.#document.open();
    } catch (error) {
      if (!this.#destroyed) this.store.setState({ phase: 'failed', failure: error instanceof OpenFailed ? error.failure : 'unknown', password: null });
      return;
    }
    if (this.#destroyed) return;
    const first = DocumentSession.sizeOf(await session.page(1));
    const saved = await savedPosition;
    const position = saved.ok ? saved.value : null;
    if (position) this.#saver.markSaved(position);
    const pageCount = session.pageCount;
    this.#startPage = clampPage(this.request.page ?? position?.page ?? 1, pageCount);
    this.#layout = new PageLayout(pageCount, first);
    this.#layout.setSize(1, first);
    this.#fitReference = first;
    this.finder.attach(() => this.#document.session ?? session);
    this.store.setState({
      phase: 'ready',
      password: null,
      pageCount,
      currentPage: this.#startPage,
      zoom: position ? zoomFromPosition(position.zoom) : FIT_WIDTH,
      rotation: position?.rotation ?? 0,
    });
    this.#relayout({ page: this.#startPage, fraction: 0, viewportY: PAGE_MARGIN / 2, viewportX: 0, xFraction: 0.5 });
    if (this.request.highlight) this.finder.showSearchHit(this.request.highlight, this.#startPage);
    // What the first paint does not need comes after it.
    setTimeout(() => void loadDocumentExtras(session, materialId, this.store, () => this.#destroyed), 300);
  }

  /** How many times the document was reopened to give memory back (benchmarks). */
  get recycles(): number {
    return this.#document.recycles;
  }

  // ------------------------------------------------------------------------------------------------
  // The scroll container and the page slots (called by the React parts)

  attachViewport(element: HTMLDivElement): void {
    this.#viewport = element;
    element.addEventListener('scroll', this.#onScroll, { passive: true });
    element.addEventListener('wheel', this.#onWheel, { passive: false });
    this.#resizeObserver = new ResizeObserver(() => this.#onResize());
    this.#resizeObserver.observe(element);
    this.#onResize();
  }

  detachViewport(element: HTMLDivElement): void {
    element.removeEventListener('scroll', this.#onScroll);
    element.removeEventListener('wheel', this.#onWheel);
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = null;
    if (this.#viewport === element) this.#viewport = null;
  }

  mountPage(page: number, slot: PageSlot): void {
    this.painter.mount(page, slot);
    this.#scheduleUpdate();
  }

  unmountPage(page: number): void {
    this.painter.unmount(page);
  }

  /** React has drawn the pages where the layout now puts them: restore the reader's place. */
  layoutCommitted(): void {
    const viewport = this.#viewport;
    const layout = this.#layout;
    const anchor = this.#pendingAnchor;
    if (!viewport || !layout || !anchor) return;
    this.#pendingAnchor = null;
    viewport.scrollTop = Math.max(0, layout.positionOf(anchor) - anchor.viewportY);
    viewport.scrollLeft = Math.max(0, anchor.xFraction * layout.contentWidth - anchor.viewportX);
    this.#lastScrollTop = viewport.scrollTop;
    this.#update();
  }

  /** Pages whose thumbnails are on screen in the side panel. */
  setThumbnailPages(pages: number[]): void {
    this.#thumbnails = pages;
    this.#scheduleUpdate();
  }

  // ------------------------------------------------------------------------------------------------
  // Navigation, zoom, rotation

  goToPage(page: number): void {
    const layout = this.#layout;
    if (!layout) return;
    const target = clampPage(page, layout.pageCount);
    this.#readSizes(target, target);
    this.#pendingAnchor = { page: target, fraction: 0, viewportY: PAGE_MARGIN / 2, viewportX: this.#viewportSize.width / 2, xFraction: 0.5 };
    this.store.setState({ currentPage: target });
    this.layoutCommitted();
  }

  /** Goes to a bookmark's page, looking it up first if it has not been yet. */
  async goToOutlineEntry(id: string): Promise<void> {
    const page = await this.#document.session?.resolveOutlinePage(id);
    if (typeof page === 'number') this.goToPage(page);
  }

  /** Accepts a page number or, when the PDF has page labels, a label ("iv", "A12"). */
  goToLabel(label: string): boolean {
    const trimmed = label.trim();
    const labels = this.store.getState().pageLabels;
    const byLabel = labels ? labels.findIndex((candidate) => candidate.toLowerCase() === trimmed.toLowerCase()) : -1;
    if (byLabel >= 0) {
      this.goToPage(byLabel + 1);
      return true;
    }
    const number = Number(trimmed);
    if (!Number.isInteger(number) || number < 1 || number > this.store.getState().pageCount) return false;
    this.goToPage(number);
    return true;
  }

  nextPage(): void {
    this.goToPage(this.store.getState().currentPage + 1);
  }

  previousPage(): void {
    this.goToPage(this.store.getState().currentPage - 1);
  }

  setZoom(zoom: Zoom, pointer?: { x: number; y: number }): void {
    if (sameZoom(zoom, this.store.getState().zoom) && zoom.kind !== 'scale') return;
    // Fitting is to the page the reader is on when they ask, and stays so while they scroll on: an A0
    // plan further down must not shrink every page when it comes into view.
    if (zoom.kind !== 'scale' && this.#layout) this.#fitReference = this.#layout.sizeOf(this.store.getState().currentPage);
    this.store.setState({ zoom });
    this.#lastZoomAt = performance.now();
    this.#relayout(this.#captureAnchor(pointer));
  }

  zoomIn(): void {
    this.setZoom(zoomIn(this.store.getState().scale));
  }

  zoomOut(): void {
    this.setZoom(zoomOut(this.store.getState().scale));
  }

  rotate(degrees: 90 | -90): void {
    const rotation: Rotation = normaliseRotation(this.store.getState().rotation + degrees);
    const anchor = this.#captureAnchor();
    this.store.setState({ rotation });
    this.painter.dropTextLayers();
    this.#relayout({ ...anchor, fraction: 0 });
  }

  // ------------------------------------------------------------------------------------------------
  // Find (see PaneFind)

  setFindBarOpen(open: boolean): void {
    this.finder.setBarOpen(open);
  }

  find(query: string): void {
    this.finder.find(query);
  }

  /** Shows a full-text search hit: its page, the words highlighted, the find bar open on them. */
  showSearchHit(query: string, page: number): void {
    this.goToPage(page);
    this.finder.showSearchHit(query, page);
  }

  findNext(): void {
    this.finder.next();
  }

  findPrevious(): void {
    this.finder.previous();
  }

  // ------------------------------------------------------------------------------------------------
  // Layout and the scroll

  #captureAnchor(pointer?: { x: number; y: number }): Anchor {
    const layout = this.#layout;
    const viewport = this.#viewport;
    const viewportY = pointer?.y ?? 0;
    const viewportX = pointer?.x ?? this.#viewportSize.width / 2;
    if (!layout || !viewport) return { page: this.#startPage, fraction: 0, viewportY: 0, viewportX, xFraction: 0.5 };
    const at = layout.anchorAt(viewport.scrollTop + viewportY);
    const xFraction = layout.contentWidth > 0 ? (viewport.scrollLeft + viewportX) / layout.contentWidth : 0.5;
    return { ...at, viewportY, viewportX, xFraction };
  }

  #relayout(anchor: Anchor = this.#captureAnchor()): void {
    const layout = this.#layout;
    if (!layout || this.#viewportSize.width === 0) {
      this.#pendingAnchor = anchor;
      return;
    }
    const { zoom, rotation } = this.store.getState();
    const scale = resolveScale(zoom, this.#fitReference ?? layout.sizeOf(1), rotation, this.#viewportSize);
    layout.setView(scale, rotation, this.#viewportSize.width);
    this.#pendingAnchor = anchor;
    this.store.setState((state) => ({
      scale,
      layoutVersion: state.layoutVersion + 1,
      contentWidth: layout.contentWidth,
      contentHeight: layout.contentHeight,
    }));
  }

  #sizeLearned(page: number, size: PageSize): boolean {
    const layout = this.#layout;
    if (!layout) return false;
    // The place on screen is taken before the size changes what lies under it.
    const anchor = this.#queuedAnchor ?? this.#pendingAnchor ?? this.#captureAnchor();
    if (!layout.setSize(page, size)) return false;
    if (!this.#queuedAnchor) {
      // Several sizes usually arrive together: one re-layout for all of them.
      this.#queuedAnchor = anchor;
      queueMicrotask(() => {
        const queued = this.#queuedAnchor;
        this.#queuedAnchor = null;
        if (queued && !this.#destroyed) this.#relayout(queued);
      });
    }
    return true;
  }

  #readSizes(from: number, to: number): void {
    const session = this.#document.session;
    const layout = this.#layout;
    if (!session || !layout) return;
    for (let page = Math.max(1, from); page <= Math.min(layout.pageCount, to); page++) {
      if (layout.hasSize(page) || this.#sizeReads.has(page)) continue;
      this.#sizeReads.add(page);
      session.page(page).then(
        (pdfPage) => this.#sizeLearned(page, DocumentSession.sizeOf(pdfPage)),
        () => this.#sizeReads.delete(page),
      );
    }
  }

  #visiblePages(): number[] {
    const layout = this.#layout;
    const viewport = this.#viewport;
    if (!layout || !viewport) return [];
    return layout.visiblePages(viewport.scrollTop, this.#viewportSize.height).map((entry) => entry.page);
  }

  #onScroll = () => this.#scheduleUpdate();

  #onWheel = (event: WheelEvent) => {
    if (!event.ctrlKey && !event.metaKey) return;
    event.preventDefault();
    const viewport = this.#viewport;
    if (!viewport) return;
    const unit = event.deltaMode === 1 ? 0.05 : event.deltaMode === 2 ? 0.5 : 0.0025;
    const factor = Math.exp(-event.deltaY * unit);
    const rect = viewport.getBoundingClientRect();
    this.setZoom({ kind: 'scale', value: this.store.getState().scale * factor }, { x: event.clientX - rect.left, y: event.clientY - rect.top });
  };

  #onResize(): void {
    const viewport = this.#viewport;
    if (!viewport) return;
    const size = { width: viewport.clientWidth, height: viewport.clientHeight };
    if (size.width === this.#viewportSize.width && size.height === this.#viewportSize.height) return;
    const anchor = this.#pendingAnchor ?? this.#captureAnchor();
    this.#viewportSize = size;
    this.#relayout(anchor);
  }

  #onVisibility = () => {
    if (document.visibilityState === 'hidden') void this.#saver.flush();
  };

  #scheduleUpdate(): void {
    if (this.#frame !== null || this.#destroyed) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = null;
      this.#update();
    });
  }

  /** Follows the scroll: current page, pages to mount, what to draw next, where to save the place. */
  #update(): void {
    const layout = this.#layout;
    const viewport = this.#viewport;
    if (!layout || !viewport || this.#destroyed) return;
    const top = viewport.scrollTop;
    if (top !== this.#lastScrollTop) this.#direction = top > this.#lastScrollTop ? 1 : -1;
    this.#lastScrollTop = top;
    const visible = layout.visiblePages(top, this.#viewportSize.height);
    if (visible.length === 0) return;
    const firstVisible = visible[0]?.page ?? 1;
    const lastVisible = visible[visible.length - 1]?.page ?? firstVisible;
    let current = visible[0] ?? { page: 1, visibleHeight: 0 };
    for (const entry of visible) if (entry.visibleHeight > current.visibleHeight + 1) current = entry;
    const firstMounted = Math.max(1, firstVisible - OVERSCAN);
    const lastMounted = Math.min(layout.pageCount, lastVisible + OVERSCAN);
    this.#readSizes(firstVisible - SIZE_LOOKAHEAD, lastVisible + SIZE_LOOKAHEAD);

    const state = this.store.getState();
    if (state.currentPage !== current.page || state.firstMounted !== firstMounted || state.lastMounted !== lastMounted) {
      this.store.setState({ currentPage: current.page, firstMounted, lastMounted });
    }
    const byVisibility = [...visible].sort((a, b) => b.visibleHeight - a.visibleHeight).map((entry) => entry.page);
    const ahead = this.#direction > 0 ? [lastVisible + 1, lastVisible + 2, firstVisible - 1] : [firstVisible - 1, firstVisible - 2, lastVisible + 1];
    const zooming = performance.now() - this.#lastZoomAt < ZOOM_SETTLE_MS;
    this.painter.schedule({
      visible: byVisibility,
      prefetch: ahead.filter((page) => page >= firstMounted && page <= lastMounted),
      thumbnails: this.#thumbnails,
      holdCanvases: zooming,
    });
    if (zooming) {
      if (this.#settleTimer !== null) clearTimeout(this.#settleTimer);
      this.#settleTimer = setTimeout(() => this.#scheduleUpdate(), ZOOM_SETTLE_MS);
    }
    const { zoom, rotation } = this.store.getState();
    this.#saver.update({ materialId: this.request.materialId, page: current.page, zoom: zoomToPosition(zoom), rotation });
  }

  #painted(page: number, painted: boolean): void {
    this.store.setState((state) => ({ paintedPages: withMember(state.paintedPages, page, painted) }));
    if (painted && this.store.getState().firstPaintAt === null) {
      requestAnimationFrame(() => {
        if (this.store.getState().firstPaintAt === null) this.store.setState({ firstPaintAt: performance.now() });
      });
    }
  }

  #markTextless(page: number, textless: boolean): void {
    this.store.setState((state) => ({ textlessPages: withMember(state.textlessPages, page, textless) }));
  }

  /** Resolves once the view has caught up with the scroll and every wanted page is drawn (benchmarks, tests). */
  async settled(): Promise<void> {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    await frame();
    await frame();
    for (let round = 0; round < 50; round++) {
      await this.painter.idle();
      await frame();
      if (!this.painter.busy && this.#frame === null && this.#queuedAnchor === null) return;
    }
  }

  async destroy(): Promise<void> {
    if (this.#destroyed) return;
    this.#destroyed = true;
    document.removeEventListener('visibilitychange', this.#onVisibility);
    if (this.#frame !== null) cancelAnimationFrame(this.#frame);
    if (this.#settleTimer !== null) clearTimeout(this.#settleTimer);
    this.finder.stop();
    this.painter.destroy();
    await this.#saver.flush();
    await this.#document.close();
  }
}

function clampPage(page: number, pageCount: number): number {
  return Math.min(Math.max(1, Math.round(page)), Math.max(1, pageCount));
}
