import { describe, expect, it } from 'vitest';
import { CanvasCache } from '../../../src-renderer/features/viewer/canvas-cache';
import { bundlePageOf, bundleParts } from '../../../src-renderer/features/viewer/bundle-parts';
import { actionForKey } from '../../../src-renderer/features/viewer/keyboard-shortcuts';
import { PageRenderQueue } from '../../../src-renderer/features/viewer/page-render-queue';

function fakeCanvas(width: number, height: number): HTMLCanvasElement {
  return { width, height, remove: () => undefined } as unknown as HTMLCanvasElement;
}

describe('CanvasCache', () => {
  it('keeps at most ten canvases, never evicts a visible one, and frees what it evicts', () => {
    const cache = new CanvasCache(10, 1024 ** 3);
    const canvases = Array.from({ length: 14 }, () => fakeCanvas(100, 100));
    canvases.forEach((canvas, index) => cache.put({ owner: 'a', page: index + 1, variant: 'v' }, canvas, index < 2));
    expect(cache.stats()).toMatchObject({ canvases: 10, pinned: 2 });
    expect(cache.get({ owner: 'a', page: 1, variant: 'v' })).toBe(canvases[0]);
    expect(cache.get({ owner: 'a', page: 3, variant: 'v' })).toBeNull();
    expect(canvases[2]?.width).toBe(0);
    // A new zoom of a page replaces its old one.
    cache.put({ owner: 'a', page: 14, variant: 'w' }, fakeCanvas(200, 200), true);
    expect(cache.get({ owner: 'a', page: 14, variant: 'v' })).toBeNull();
    cache.dropOwner('a');
    expect(cache.stats().canvases).toBe(0);
    expect(cache.stats().bytes).toBe(0);
  });

  it('holds a byte budget too', () => {
    const cache = new CanvasCache(10, 100 * 100 * 4 * 3);
    for (let page = 1; page <= 5; page++) cache.put({ owner: 'a', page, variant: 'v' }, fakeCanvas(100, 100), false);
    expect(cache.stats().canvases).toBe(3);
  });
});

describe('PageRenderQueue', () => {
  it('runs the highest priority first, one at a time, and aborts what is no longer wanted', async () => {
    const queue = new PageRenderQueue(1);
    const ran: string[] = [];
    let aborted = false;
    const job = (id: string, priority: number, ms = 5) => ({
      id,
      priority,
      run: (signal: AbortSignal) =>
        new Promise<void>((resolve) => {
          ran.push(id);
          signal.addEventListener('abort', () => {
            aborted = true;
            resolve();
          });
          setTimeout(resolve, ms);
        }),
    });
    queue.setWanted([job('far', 5), job('visible', 0, 50), job('next', 1)]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    queue.setWanted([job('next', 1)]);
    await queue.idle();
    expect(ran).toEqual(['visible', 'next']);
    expect(aborted).toBe(true);
  });
});

describe('bundle parts and keys', () => {
  it('turns top-level bookmarks into documents with page ranges', () => {
    const parts = bundleParts(
      [
        { id: '0', title: 'Index', page: 1, children: [] },
        { id: '1', title: 'MG11 Smith', page: 2, children: [] },
        { id: '2', title: 'Web link', page: null, children: [] },
        { id: '3', title: 'MG15 interview', page: 9, children: [] },
      ],
      20,
    );
    expect(parts.map((part) => [part.title, part.firstPage, part.lastPage])).toEqual([
      ['Index', 1, 1],
      ['MG11 Smith', 2, 8],
      ['MG15 interview', 9, 20],
    ]);
    expect(parts[2] && bundlePageOf(parts[2], 3)).toBe(11);
    expect(parts[1] && bundlePageOf(parts[1], 8)).toBeNull();
  });

  it('keeps single-letter keys to the pages (WCAG 2.1.4) and Ctrl keys everywhere', () => {
    const key = (k: string, extra: Partial<{ ctrlKey: boolean; shiftKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...extra });
    expect(actionForKey(key('n'), 'document')).toBe('nextPage');
    expect(actionForKey(key('n'), 'elsewhere')).toBeNull();
    expect(actionForKey(key('n'), 'typing')).toBeNull();
    expect(actionForKey(key('f', { ctrlKey: true }), 'typing')).toBe('find');
    expect(actionForKey(key('F3', { shiftKey: true }), 'elsewhere')).toBe('findPrevious');
    expect(actionForKey(key('R', { shiftKey: true }), 'document')).toBe('rotateAnticlockwise');
  });
});
