import { AnnotationMode, RenderingCancelledException } from 'pdfjs-dist';
import { pageCanvasCache, releaseCanvas } from './canvas-cache';
import { canvasOutputScale } from './canvas-size';
import { DocumentSession, TEXT_CONTENT_PARAMS, textItemsOf } from './document-session';
import type { PageLayout } from './page-layout';
import { PDF_TO_CSS_UNITS, totalRotation, type PageSize } from './page-geometry';
import { PageRenderQueue, type RenderJob } from './page-render-queue';
import { PageTextLayer } from './page-text-layer';
import { thumbnailStore } from './thumbnail-store';

/** The DOM a mounted page gives the painter: where its canvas and its text layer go. */
export interface PageSlot {
  canvasHost: HTMLDivElement;
  textLayer: HTMLDivElement;
}

/** What the painter needs from the pane that owns it. */
export interface PainterHost {
  readonly owner: string;
  session(): DocumentSession | null;
  layout(): PageLayout | null;
  /** The real size of a page became known; returns true if the pages moved (the job is then dropped). */
  sizeLearned(page: number, size: PageSize): boolean;
  painted(page: number, painted: boolean): void;
  failed(page: number): void;
  textless(page: number, textless: boolean): void;
  textLayerReady(page: number): void;
}

export interface PaintRequest {
  /** Pages on screen, most visible first. */
  visible: readonly number[];
  /** Pages about to come on screen (in scroll direction first). */
  prefetch: readonly number[];
  thumbnails: readonly number[];
  /** While a zoom gesture is under way, canvases are stretched rather than redrawn at every step. */
  holdCanvases: boolean;
}

export const THUMBNAIL_WIDTH = 112;

/**
 * Draws a pane's pages: a canvas for each page on screen (highest priority first, from the shared
 * canvas cache when it holds one), a text layer for each visible page only, thumbnails when nothing
 * else waits. Canvases are drawn off-document and swapped in whole, so a page never flashes half drawn
 * and the old zoom's canvas stays (stretched) until the new one is ready.
 */
export class PagePainter {
  readonly #host: PainterHost;
  readonly #canvasQueue = new PageRenderQueue(1);
  readonly #textQueue = new PageRenderQueue(1);
  readonly #slots = new Map<number, PageSlot>();
  /** Variant of the canvas each mounted page shows. */
  readonly #shown = new Map<number, string>();
  readonly #textLayers = new Map<number, PageTextLayer>();
  readonly #failed = new Set<number>();
  #destroyed = false;

  constructor(host: PainterHost) {
    this.#host = host;
  }

  mount(page: number, slot: PageSlot): void {
    this.#slots.set(page, slot);
    const layout = this.#host.layout();
    if (!layout) return;
    const variant = this.#variant(layout, page);
    const cached = pageCanvasCache.get({ owner: this.#host.owner, page, variant });
    if (cached) this.#attach(page, variant, cached);
  }

  unmount(page: number): void {
    this.#slots.delete(page);
    const variant = this.#shown.get(page);
    if (variant !== undefined) pageCanvasCache.setPinned({ owner: this.#host.owner, page, variant }, false);
    this.#shown.delete(page);
    this.#textLayers.get(page)?.cancel();
    this.#textLayers.delete(page);
    this.#host.painted(page, false);
    this.#host.session()?.releasePage(page);
  }

  textLayer(page: number): PageTextLayer | undefined {
    return this.#textLayers.get(page);
  }

  get textLayerPages(): number[] {
    return [...this.#textLayers.keys()];
  }

  /** Stops every job (they hold pages of a document copy being replaced); the next schedule starts anew. */
  restart(): void {
    this.#canvasQueue.clear();
    this.#textQueue.clear();
  }

  /** A new rotation: text layers are rebuilt (their spans are laid out for one rotation). */
  dropTextLayers(): void {
    for (const layer of this.#textLayers.values()) layer.cancel();
    this.#textLayers.clear();
  }

  schedule(request: PaintRequest): void {
    const layout = this.#host.layout();
    if (!layout || this.#destroyed) return;
    const canvasJobs: RenderJob[] = [];
    const textJobs: RenderJob[] = [];
    const rank = new Map<number, number>();
    request.visible.forEach((page, index) => rank.set(page, index));
    request.prefetch.forEach((page, index) => rank.has(page) || rank.set(page, 100 + index));
    for (const [page, priority] of rank) {
      if (this.#failed.has(page)) continue;
      const variant = this.#variant(layout, page);
      if (this.#shown.get(page) !== variant && !request.holdCanvases) {
        const cached = pageCanvasCache.get({ owner: this.#host.owner, page, variant });
        if (cached && this.#slots.has(page)) this.#attach(page, variant, cached);
        else canvasJobs.push({ id: `canvas:${page}:${variant}`, priority, run: (signal) => this.#paint(page, variant, signal) });
      }
    }
    for (const page of request.visible) {
      const rotation = totalRotation(layout.sizeOf(page), layout.rotation);
      if (this.#textLayers.get(page)?.rotation !== rotation) {
        textJobs.push({ id: `text:${page}:${rotation}`, priority: rank.get(page) ?? 0, run: (signal) => this.#buildText(page, signal) });
      }
    }
    request.thumbnails.forEach((page, index) => {
      const variant = this.#thumbnailVariant(layout, page);
      if (!thumbnailStore.get(this.#host.owner, page, variant)) {
        canvasJobs.push({ id: `thumb:${page}:${variant}`, priority: 1000 + index, run: (signal) => this.#paintThumbnail(page, variant, signal) });
      }
    });
    this.#canvasQueue.setWanted(canvasJobs);
    this.#textQueue.setWanted(textJobs);
  }

  get busy(): boolean {
    return this.#canvasQueue.busy || this.#textQueue.busy;
  }

  /** Resolves when nothing is being drawn or waiting to be (benchmarks and tests). */
  async idle(): Promise<void> {
    await Promise.all([this.#canvasQueue.idle(), this.#textQueue.idle()]);
  }

  destroy(): void {
    this.#destroyed = true;
    this.#canvasQueue.clear();
    this.#textQueue.clear();
    this.dropTextLayers();
    pageCanvasCache.dropOwner(this.#host.owner);
    thumbnailStore.dropOwner(this.#host.owner);
    this.#slots.clear();
    this.#shown.clear();
  }

  #variant(layout: PageLayout, page: number): string {
    const box = layout.box(page);
    const output = canvasOutputScale(box.width, box.height, window.devicePixelRatio || 1);
    return `${layout.scale.toFixed(4)}@${totalRotation(layout.sizeOf(page), layout.rotation)}x${output.toFixed(3)}`;
  }

  #thumbnailVariant(layout: PageLayout, page: number): string {
    return `t${totalRotation(layout.sizeOf(page), layout.rotation)}`;
  }

  #attach(page: number, variant: string, canvas: HTMLCanvasElement): void {
    const slot = this.#slots.get(page);
    if (!slot) return;
    const previous = this.#shown.get(page);
    if (previous !== undefined && previous !== variant) pageCanvasCache.setPinned({ owner: this.#host.owner, page, variant: previous }, false);
    canvas.className = 'viewer-page-canvas';
    slot.canvasHost.replaceChildren(canvas);
    this.#shown.set(page, variant);
    pageCanvasCache.setPinned({ owner: this.#host.owner, page, variant }, true);
    this.#host.painted(page, true);
  }

  /** Reads the page and, if its real size moved the layout, gives up: the next schedule has the right size. */
  async #readPage(page: number) {
    const session = this.#host.session();
    if (!session) return null;
    const pdfPage = await session.page(page);
    return this.#host.sizeLearned(page, DocumentSession.sizeOf(pdfPage)) ? null : pdfPage;
  }

  async #paint(page: number, variant: string, signal: AbortSignal): Promise<void> {
    let canvas: HTMLCanvasElement | null = null;
    const session = this.#host.session();
    try {
      const pdfPage = await this.#readPage(page);
      const layout = this.#host.layout();
      if (!pdfPage || !layout || signal.aborted || this.#variant(layout, page) !== variant) return;
      const viewport = pdfPage.getViewport({ scale: layout.scale * PDF_TO_CSS_UNITS, rotation: totalRotation(layout.sizeOf(page), layout.rotation) });
      const output = canvasOutputScale(viewport.width, viewport.height, window.devicePixelRatio || 1);
      canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.floor(viewport.width * output));
      canvas.height = Math.max(1, Math.floor(viewport.height * output));
      canvas.setAttribute('role', 'presentation');
      const task = pdfPage.render({
        canvas,
        viewport,
        transform: [canvas.width / viewport.width, 0, 0, canvas.height / viewport.height, 0, 0],
        annotationMode: AnnotationMode.ENABLE,
      });
      const cancel = () => task.cancel();
      signal.addEventListener('abort', cancel);
      try {
        await task.promise;
      } finally {
        signal.removeEventListener('abort', cancel);
      }
      if (this.#destroyed) return;
      const mounted = this.#slots.has(page);
      pageCanvasCache.put({ owner: this.#host.owner, page, variant }, canvas, mounted);
      if (mounted) this.#attach(page, variant, canvas);
      canvas = null;
    } catch (error) {
      // A copy of the document swapped for a fresh one (or closed) is not a damaged page.
      if (!(error instanceof RenderingCancelledException) && !signal.aborted && !this.#destroyed && session === this.#host.session()) {
        this.#failed.add(page);
        this.#host.failed(page);
      }
    } finally {
      if (canvas) releaseCanvas(canvas);
    }
  }

  async #buildText(page: number, signal: AbortSignal): Promise<void> {
    const pdfPage = await this.#readPage(page).catch(() => null);
    if (!pdfPage || signal.aborted) return;
    const content = await pdfPage.getTextContent(TEXT_CONTENT_PARAMS).catch(() => null);
    const session = this.#host.session();
    const layout = this.#host.layout();
    if (!content || !session || !layout || signal.aborted) return;
    const items = textItemsOf(content.items);
    const text = session.rememberText(page, items);
    this.#host.textless(page, text.trim().length === 0);
    const slot = this.#slots.get(page);
    if (!slot) return;
    this.#textLayers.get(page)?.cancel();
    const layer = new PageTextLayer(slot.textLayer, pdfPage, content, items, totalRotation(layout.sizeOf(page), layout.rotation));
    this.#textLayers.set(page, layer);
    const cancel = () => layer.cancel();
    signal.addEventListener('abort', cancel);
    try {
      await layer.render();
    } catch {
      if (this.#textLayers.get(page) === layer) this.#textLayers.delete(page);
      return;
    } finally {
      signal.removeEventListener('abort', cancel);
    }
    if (this.#textLayers.get(page) === layer) this.#host.textLayerReady(page);
  }

  async #paintThumbnail(page: number, variant: string, signal: AbortSignal): Promise<void> {
    const session = this.#host.session();
    const layout = this.#host.layout();
    if (!session || !layout) return;
    const pdfPage = await session.page(page).catch(() => null);
    if (!pdfPage || signal.aborted) return;
    this.#host.sizeLearned(page, DocumentSession.sizeOf(pdfPage));
    const rotation = totalRotation(layout.sizeOf(page), layout.rotation);
    const unit = pdfPage.getViewport({ scale: 1, rotation });
    const output = Math.min(window.devicePixelRatio || 1, 2);
    const viewport = pdfPage.getViewport({ scale: THUMBNAIL_WIDTH / unit.width, rotation });
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.floor(viewport.width * output));
    canvas.height = Math.max(1, Math.floor(viewport.height * output));
    try {
      // The page's own canvas, when showing, is simply scaled down: no second trip through pdf.js.
      const shown = this.#slots.get(page)?.canvasHost.querySelector('canvas');
      const context = canvas.getContext('2d');
      if (shown && shown.width > 0 && context && this.#shown.get(page)?.includes(`@${rotation}x`)) {
        context.drawImage(shown, 0, 0, canvas.width, canvas.height);
      } else {
        const task = pdfPage.render({ canvas, viewport, transform: [output, 0, 0, output, 0, 0], annotationMode: AnnotationMode.ENABLE });
        const cancel = () => task.cancel();
        signal.addEventListener('abort', cancel);
        try {
          await task.promise;
        } finally {
          signal.removeEventListener('abort', cancel);
        }
      }
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.8));
      if (blob && !this.#destroyed) thumbnailStore.set(this.#host.owner, page, variant, URL.createObjectURL(blob));
    } catch {
      // A thumbnail that cannot be drawn stays a numbered placeholder; the page itself reports the problem.
    } finally {
      releaseCanvas(canvas);
    }
  }
}
