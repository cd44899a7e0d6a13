/**
 * The viewer in Chromium, on a 2,000-page, 220 MB scanned bundle served the way the app serves it
 * (encrypted vault → documentResponse → byte ranges): time from open to the first page painted, beside
 * pdf.js's own PDFViewer opening the same file in the same run (runs alternate, medians compared); then
 * every page scrolled to in turn, with the JS heap (after a forced GC, and as found), the canvas memory
 * and the renderer process's RSS at the start, the middle and the end.
 *
 * Targets (docs/BENCHMARKS.md): first_page_ms < 1000 and first_page_ratio_vs_pdfjs ≤ 1; memory bounded
 * (end ≈ middle, canvases within the cache's bounds).
 *
 * VIEWER_BENCH_RUNS (default 7) sets how many times each viewer opens the file; VIEWER_BENCH_SKIP_SEARCH=1
 * leaves out the search figures (they index ~49,000 pages and take minutes).
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { build } from 'vite';
import { percentile, report, round, type Figures } from './report';
import { ensureViewerFixture, FIXTURE_PAGES } from './viewer-fixture';
import { BENCH_MATERIAL_ID, serveBench, storeInVault } from './viewer-server';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';

const RUNS = Number(process.env.VIEWER_BENCH_RUNS ?? 7);
/** The fixture's awkward pages (viewer-fixture.ts): /Rotate 90, A4 landscape, an A0 sheet. */
const ROTATED_PAGE = 123;
const LANDSCAPE_PAGE = 185;
const A0_PAGE = 990;
const AWKWARD_PAGES = [ROTATED_PAGE, LANDSCAPE_PAGE, A0_PAGE];
const MB = 1024 ** 2;
const root = fileURLToPath(new URL('../../', import.meta.url));
const harness = path.join(root, 'src-renderer/features/viewer/bench-harness');
/** Marks this run's browser so its renderer processes can be found in /proc. */
const MARKER = `--bluebag-viewer-bench=${process.pid}`;
const BENCH_CHROMIUM_ARGS = [MARKER, ...CHROMIUM_ARGS, '--enable-precise-memory-info'];

/** What the harness pages put on `window` (src-renderer/features/viewer/bench-harness). */
interface BenchGlobals {
  viewerBench?: {
    open(materialId: string): Promise<number>;
    showPage(page: number): Promise<void>;
    memory(): { cacheBytes: number; cacheCanvases: number; domCanvasBytes: number; thumbnails: number; heapBytes: number | null; pages: number; recycles: number };
    pageReport(page: number): { width: number; height: number; canvasPixels: number; failed: boolean };
    pageCount(): number;
    currentPage(): number;
  };
  pdfjsBench?: { open(materialId: string, stock?: boolean): Promise<number> };
}

interface MemorySample {
  heap_mb: number;
  heap_raw_mb: number;
  canvas_mb: number;
  dom_canvas_mb: number;
  canvases: number;
  mounted_pages: number;
  thumbnails: number;
  worker_heap_mb: number | null;
  worker_backing_mb: number | null;
  renderer_rss_mb: number | null;
}

export async function viewerBench(): Promise<void> {
  const fixture = await ensureViewerFixture();
  const work = mkdtempSync(path.join(os.tmpdir(), 'bluebag-bench-viewer-run-'));
  const stored = await storeInVault(work, fixture.file, fixture.size, fixture.pages);
  const rendererDir = path.join(work, 'renderer');
  await build({
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'error',
    build: {
      outDir: rendererDir,
      emptyOutDir: true,
      sourcemap: false,
      rolldownOptions: { input: { ours: path.join(harness, 'viewer-bench.html'), baseline: path.join(harness, 'pdfjs-bench.html') } },
    },
  });
  const server = await serveBench(rendererDir, stored);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: BENCH_CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const pageUrl = (name: string) => `${server.origin}/features/viewer/bench-harness/${name}.html`;

  try {
    // 1. Open → first page painted, alternating which viewer goes first.
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      for (const which of run % 2 === 0 ? (['ours', 'pdfjs'] as const) : (['pdfjs', 'ours'] as const)) {
        const page = await context.newPage();
        if (which === 'ours') {
          await page.goto(pageUrl('viewer-bench'));
          await page.waitForFunction(() => (globalThis as unknown as BenchGlobals).viewerBench !== undefined);
          ours.push(await page.evaluate((id) => (globalThis as unknown as BenchGlobals).viewerBench?.open(id) ?? Promise.reject(new Error('no bench')), BENCH_MATERIAL_ID));
        } else {
          await page.goto(pageUrl('pdfjs-bench'));
          await page.waitForFunction(() => (globalThis as unknown as BenchGlobals).pdfjsBench !== undefined);
          theirs.push(await page.evaluate((id) => (globalThis as unknown as BenchGlobals).pdfjsBench?.open(id) ?? Promise.reject(new Error('no bench')), BENCH_MATERIAL_ID));
        }
        await page.close();
      }
    }
    const firstPage = percentile(ours, 50);
    const baseline = percentile(theirs, 50);

    // 1b. pdf.js exactly as shipped (its own worker, no patches), once, given 20 s.
    const stockBefore = { ...server.stats };
    const stockPage = await context.newPage();
    await stockPage.goto(pageUrl('pdfjs-bench'));
    await stockPage.waitForFunction(() => (globalThis as unknown as BenchGlobals).pdfjsBench !== undefined);
    const stockMs = await stockPage.evaluate(
      (id) => Promise.race([(globalThis as unknown as BenchGlobals).pdfjsBench?.open(id, true) ?? null, new Promise<null>((resolve) => setTimeout(() => resolve(null), 20_000))]),
      BENCH_MATERIAL_ID,
    );
    await stockPage.waitForTimeout(3000);
    const stockRead = { requests: server.stats.documentRequests - stockBefore.documentRequests, bytes: server.stats.documentBytes - stockBefore.documentBytes };
    await stockPage.close();

    // 2. Every page in turn, memory at the start, the middle and the end.
    const page = await context.newPage();
    await page.goto(pageUrl('viewer-bench'));
    await page.waitForFunction(() => (globalThis as unknown as BenchGlobals).viewerBench !== undefined);
    const openBefore = { ...server.stats };
    await page.evaluate((id) => (globalThis as unknown as BenchGlobals).viewerBench?.open(id), BENCH_MATERIAL_ID);
    // What opening read (page 1 and its neighbours, the bookmarks looked up in the background).
    await page.waitForTimeout(3000);
    const openRead = { requests: server.stats.documentRequests - openBefore.documentRequests, bytes: server.stats.documentBytes - openBefore.documentBytes };
    const requestsBefore = server.stats.documentRequests;
    const bytesBefore = server.stats.documentBytes;
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const pageCount = await page.evaluate(() => (globalThis as unknown as BenchGlobals).viewerBench?.pageCount() ?? 0);
    await page.evaluate(() => (globalThis as unknown as BenchGlobals).viewerBench?.showPage(1));
    const start = await sampleMemory(page, cdp, MARKER);
    const scrollStarted = performance.now();
    let mid: MemorySample = start;
    const awkward: Record<number, { width: number; height: number; canvasPixels: number; failed: boolean }> = {};
    let failedPages = 0;
    for (let n = 2; n <= pageCount; n++) {
      await page.evaluate((target) => (globalThis as unknown as BenchGlobals).viewerBench?.showPage(target), n);
      const shown = await page.evaluate((target) => (globalThis as unknown as BenchGlobals).viewerBench?.pageReport(target), n);
      if (shown?.failed) failedPages++;
      if (shown && AWKWARD_PAGES.includes(n)) awkward[n] = shown;
      if (n === Math.floor(pageCount / 2)) mid = await sampleMemory(page, cdp, MARKER);
      if (n % 250 === 0) process.stderr.write(`viewer bench: page ${n} of ${pageCount}, ${round((performance.now() - scrollStarted) / 1000)} s\n`);
    }
    const scrollMs = performance.now() - scrollStarted;
    const end = await sampleMemory(page, cdp, MARKER);
    const lastShown = await page.evaluate(() => (globalThis as unknown as BenchGlobals).viewerBench?.currentPage() ?? 0);
    const recycles = (await page.evaluate(() => (globalThis as unknown as BenchGlobals).viewerBench?.memory()))?.recycles ?? 0;
    await page.close();

    const figures: Figures = {
      pages: fixture.pages,
      file_mb: round(fixture.size / MB),
      runs: RUNS,
      first_page_ms: round(firstPage),
      first_page_p95_ms: round(percentile(ours, 95)),
      pdfjs_viewer_first_page_ms: round(baseline),
      pdfjs_viewer_first_page_p95_ms: round(percentile(theirs, 95)),
      first_page_ratio_vs_pdfjs: round(firstPage / baseline, 2),
      open_range_requests: openRead.requests,
      open_read_mb: round(openRead.bytes / MB),
      pdfjs_stock_first_page_ms: stockMs === null ? null : round(stockMs),
      pdfjs_stock_range_requests: stockRead.requests,
      pdfjs_stock_read_mb: round(stockRead.bytes / MB),
      scroll_pages: pageCount,
      scroll_last_page_reached: lastShown,
      scroll_s: round(scrollMs / 1000),
      scroll_ms_per_page: round(scrollMs / Math.max(1, pageCount - 1)),
      scroll_failed_pages: failedPages,
      scroll_document_reopened: recycles,
      rotated_page_drawn_landscape: (awkward[ROTATED_PAGE]?.width ?? 0) > (awkward[ROTATED_PAGE]?.height ?? 1),
      landscape_page_drawn_landscape: (awkward[LANDSCAPE_PAGE]?.width ?? 0) > (awkward[LANDSCAPE_PAGE]?.height ?? 1),
      a0_page_canvas_megapixels: round((awkward[A0_PAGE]?.canvasPixels ?? 0) / 1e6),
      scroll_range_requests: server.stats.documentRequests - requestsBefore,
      scroll_read_mb: round((server.stats.documentBytes - bytesBefore) / MB),
      ...prefixed('start', start),
      ...prefixed('mid', mid),
      ...prefixed('end', end),
      fixture_generated_ms: fixture.generatedMs === null ? null : round(fixture.generatedMs),
      vault_store_ms: round(stored.storeMs),
    };
    Object.assign(figures, await searchFigures());
    report('viewer', figures, {
      first_page_ms: 'median of the runs, open → page 1 painted, target < 1000',
      first_page_ratio_vs_pdfjs: 'ours ÷ pdf.js PDFViewer (same worker and options), same file, same run; target ≤ 1',
      pdfjs_stock_first_page_ms: 'PDFViewer with pdf.js’s stock worker; null = no page within 20 s',
      open_read_mb: 'bytes pdf.js fetched in the first 3 s after opening (our viewer)',
      heap_mb_start: 'JS heap after a forced GC (main thread)',
      canvas_mb_start: 'page canvases held by the viewer (cache, visible included)',
      renderer_rss_mb_end: 'the page’s renderer process, all of it (worker and its chunk store included)',
      scroll_document_reopened: 'times the document was reopened to let go of ranges read (every 96 MB)',
      a0_page_canvas_megapixels: 'the A0 sheet at the A4 fit-width scale: capped at 16.8',
    });
  } finally {
    await browser.close();
    await server.close();
    stored.opened.close();
    rmSync(work, { recursive: true, force: true });
  }
  if (FIXTURE_PAGES < 2000) throw new Error('the fixture must have at least 2,000 pages');
}

function prefixed(when: 'start' | 'mid' | 'end', sample: MemorySample): Figures {
  const figures: Figures = {};
  for (const [key, value] of Object.entries(sample)) {
    // heap_mb_start, canvas_mb_mid …: the names the project's benchmark table uses.
    figures[`${key}_${when}`] = value;
  }
  return figures;
}

async function sampleMemory(page: Page, cdp: CDPSession, marker: string): Promise<MemorySample> {
  const raw = await page.evaluate(() => (globalThis as unknown as BenchGlobals).viewerBench?.memory());
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
  const after = await page.evaluate(() => (globalThis as unknown as BenchGlobals).viewerBench?.memory());
  const worker = await workerHeap(cdp);
  return {
    heap_mb: round(heap / MB),
    heap_raw_mb: round((raw?.heapBytes ?? 0) / MB),
    canvas_mb: round((after?.cacheBytes ?? 0) / MB),
    dom_canvas_mb: round((after?.domCanvasBytes ?? 0) / MB),
    canvases: after?.cacheCanvases ?? 0,
    mounted_pages: after?.pages ?? 0,
    thumbnails: after?.thumbnails ?? 0,
    worker_heap_mb: worker ? round(worker.used / MB) : null,
    worker_backing_mb: worker ? round(worker.backing / MB) : null,
    renderer_rss_mb: rendererRss(marker),
  };
}

/** The pdf.js worker's heap, through the page's DevTools session (the worker is a child target). */
async function workerHeap(cdp: CDPSession): Promise<{ used: number; backing: number } | null> {
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((target) => target.type === 'worker');
    if (!worker) return null;
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    const answer = new Promise<{ used: number; backing: number } | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), 3000);
      const onMessage = (event: { sessionId: string; message: string }) => {
        if (event.sessionId !== sessionId) return;
        const message = JSON.parse(event.message) as { id?: number; result?: { usedSize: number; backingStorageSize?: number } };
        if (message.id !== 2 || !message.result) return;
        clearTimeout(timer);
        cdp.off('Target.receivedMessageFromTarget', onMessage);
        resolve({ used: message.result.usedSize, backing: message.result.backingStorageSize ?? 0 });
      };
      cdp.on('Target.receivedMessageFromTarget', onMessage);
    });
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' }) });
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 2, method: 'Runtime.getHeapUsage' }) });
    const result = await answer;
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    return result;
  } catch {
    return null;
  }
}

/** RSS of the biggest renderer process of this run's browser (the benchmark page's), from /proc (Linux only). */
function rendererRss(marker: string): number | null {
  if (!existsSync('/proc')) return null;
  let biggest = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!cmdline.includes('--type=renderer') || !descendsFrom(Number(entry), marker)) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1];
      if (rss) biggest = Math.max(biggest, Number(rss) * 1024);
    } catch {
      // the process ended while being read
    }
  }
  return biggest > 0 ? round(biggest / MB) : null;
}

function descendsFrom(pid: number, marker: string): boolean {
  for (let current = pid, hops = 0; current > 1 && hops < 10; hops++) {
    if (readFileSync(`/proc/${current}/cmdline`, 'utf8').includes(marker)) return true;
    current = Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${current}/status`, 'utf8'))?.[1] ?? 0);
  }
  return false;
}

/**
 * The search figures a colleague's benchmark measures (test/bench/search-figures.ts), merged in here so
 * bench-results/viewer.json holds the reading figures in one place.
 */
async function searchFigures(): Promise<Figures> {
  if (process.env.VIEWER_BENCH_SKIP_SEARCH === '1') return { search_figures: 'skipped (VIEWER_BENCH_SKIP_SEARCH=1)' };
  const { measureSearchFigures } = await import('./search-figures');
  return { ...(await measureSearchFigures()) };
}
