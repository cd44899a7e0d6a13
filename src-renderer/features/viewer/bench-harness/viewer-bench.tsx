import './bench-bridge';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../../../i18n';
import '../../../styles.css';
import '../viewer.css';
import './bench.css';
import { pageCanvasCache } from '../canvas-cache';
import { DocumentPane } from '../DocumentPane';
import type { PaneController } from '../pane-controller';
import { thumbnailStore } from '../thumbnail-store';

/**
 * The viewer benchmark's page: the app's own document pane (toolbar, pages, the same controller,
 * painter and caches), alone in the window, driven by test/bench/viewer.bench.ts.
 */
let controller: PaneController | null = null;

async function open(materialId: string): Promise<number> {
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root');
  const started = performance.now();
  createRoot(root).render(
    <DocumentPane
      spec={{ key: 'bench', documentId: 'bench-document', request: { materialId } }}
      caseId="bench-case"
      documentName="Benchmark bundle"
      notes={[]}
      active
      paneLabel={null}
      onActivate={() => undefined}
      onController={(_key, created) => {
        controller = created;
      }}
      onClose={null}
      onNoteSaved={() => undefined}
    />,
  );
  const painted = await new Promise<number>((resolve, reject) => {
    const check = () => {
      const state = controller?.store.getState();
      if (state?.firstPaintAt != null) resolve(state.firstPaintAt);
      else if (state?.phase === 'failed') reject(new Error(`could not open: ${state.failure}`));
      else setTimeout(check, 2);
    };
    check();
  });
  return painted - started;
}

function current(): PaneController {
  if (!controller) throw new Error('not open');
  return controller;
}

/** Scrolls so page `page` is at the top and waits until every wanted page is drawn (or `timeoutMs`). */
async function showPage(page: number, timeoutMs = 5000): Promise<void> {
  const pane = current();
  const viewport = document.querySelector<HTMLElement>('.viewer-viewport');
  const box = pane.layout?.box(page);
  if (viewport && box) viewport.scrollTop = box.top;
  await Promise.race([pane.settled(), new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
}

function memory() {
  let domCanvasBytes = 0;
  let domCanvases = 0;
  for (const canvas of document.querySelectorAll('canvas')) {
    domCanvasBytes += canvas.width * canvas.height * 4;
    domCanvases += 1;
  }
  const cache = pageCanvasCache.stats();
  const heap = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null;
  return {
    cacheBytes: cache.bytes,
    cacheCanvases: cache.canvases,
    evictions: cache.evictions,
    domCanvasBytes,
    domCanvases,
    thumbnails: thumbnailStore.size,
    heapBytes: heap,
    pages: document.querySelectorAll('.viewer-page').length,
    recycles: controller?.recycles ?? 0,
  };
}

/** How a page came out: its box on screen, its canvas's pixels, whether it failed (the awkward pages). */
function pageReport(page: number) {
  const element = document.querySelector<HTMLElement>(`.viewer-page[data-page-number="${page}"]`);
  const canvas = element?.querySelector('canvas');
  const box = element?.getBoundingClientRect();
  return {
    width: box?.width ?? 0,
    height: box?.height ?? 0,
    canvasPixels: canvas ? canvas.width * canvas.height : 0,
    failed: controller?.store.getState().failedPages.has(page) ?? false,
  };
}

declare global {
  interface Window {
    viewerBench?: { open: typeof open; showPage: typeof showPage; memory: typeof memory; pageReport: typeof pageReport; pageCount: () => number; currentPage: () => number };
  }
}

await initI18n('en');
window.viewerBench = {
  open,
  showPage,
  memory,
  pageReport,
  pageCount: () => current().store.getState().pageCount,
  currentPage: () => current().store.getState().currentPage,
};
