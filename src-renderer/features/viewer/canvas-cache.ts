import { canvasBytes } from './canvas-size';

/** What a rendered canvas shows: one page of one document at one scale and rotation. */
export interface CanvasKey {
  /** The pane and document it belongs to (two panes may show the same document at other zooms). */
  owner: string;
  page: number;
  /** Scale, rotation and output resolution, e.g. "1.25@90x2". */
  variant: string;
}

interface Entry {
  key: CanvasKey;
  canvas: HTMLCanvasElement;
  bytes: number;
  /** Shown in a mounted page right now: never evicted while pinned. */
  pinned: boolean;
}

export interface CanvasCacheStats {
  canvases: number;
  bytes: number;
  pinned: number;
  evictions: number;
}

/**
 * The small, bounded cache of rendered page canvases shared by every pane (pdf.js's viewer keeps about
 * ten): at most `maxEntries` canvases and `maxBytes` of pixels, least recently used first out. A canvas
 * showing on screen is pinned and never evicted, so the bounds may be exceeded only by what is visible
 * at once. Evicting releases the canvas's memory at once (width and height set to 0) instead of waiting
 * for the garbage collector.
 */
export class CanvasCache {
  readonly maxEntries: number;
  readonly maxBytes: number;
  /** Insertion order is recency order: get() and put() move an entry to the end. */
  #entries = new Map<string, Entry>();
  #bytes = 0;
  #evictions = 0;

  constructor(maxEntries = 10, maxBytes = 256 * 1024 * 1024) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
  }

  get(key: CanvasKey): HTMLCanvasElement | null {
    const id = idOf(key);
    const entry = this.#entries.get(id);
    if (!entry) return null;
    this.#entries.delete(id);
    this.#entries.set(id, entry);
    return entry.canvas;
  }

  /** Stores a freshly rendered canvas and drops the page's other variants (an old zoom or rotation). */
  put(key: CanvasKey, canvas: HTMLCanvasElement, pinned: boolean): void {
    this.dropVariants(key.owner, key.page, key.variant);
    const id = idOf(key);
    const previous = this.#entries.get(id);
    if (previous) this.#remove(id, previous, previous.canvas !== canvas);
    const entry: Entry = { key, canvas, bytes: canvasBytes(canvas), pinned };
    this.#entries.set(id, entry);
    this.#bytes += entry.bytes;
    this.#evict();
  }

  setPinned(key: CanvasKey, pinned: boolean): void {
    const entry = this.#entries.get(idOf(key));
    if (!entry || entry.pinned === pinned) return;
    entry.pinned = pinned;
    if (!pinned) this.#evict();
  }

  /** Forgets one page's canvases other than `keepVariant` (all of them without it). */
  dropVariants(owner: string, page: number, keepVariant?: string): void {
    for (const [id, entry] of this.#entries) {
      if (entry.key.owner === owner && entry.key.page === page && entry.key.variant !== keepVariant) this.#remove(id, entry, true);
    }
  }

  /** Forgets everything a pane or document owned (it closed, or changed document). */
  dropOwner(owner: string): void {
    for (const [id, entry] of this.#entries) if (entry.key.owner === owner) this.#remove(id, entry, true);
  }

  stats(): CanvasCacheStats {
    let pinned = 0;
    for (const entry of this.#entries.values()) if (entry.pinned) pinned++;
    return { canvases: this.#entries.size, bytes: this.#bytes, pinned, evictions: this.#evictions };
  }

  #evict(): void {
    for (const [id, entry] of this.#entries) {
      if (this.#entries.size <= this.maxEntries && this.#bytes <= this.maxBytes) return;
      if (entry.pinned) continue;
      this.#remove(id, entry, true);
      this.#evictions++;
    }
  }

  #remove(id: string, entry: Entry, release: boolean): void {
    this.#entries.delete(id);
    this.#bytes -= entry.bytes;
    if (release) releaseCanvas(entry.canvas);
  }
}

/** Gives a canvas's pixels back now: a 0×0 canvas holds no backing store. */
export function releaseCanvas(canvas: HTMLCanvasElement): void {
  canvas.remove();
  canvas.width = 0;
  canvas.height = 0;
}

function idOf(key: CanvasKey): string {
  return `${key.owner}\u0000${key.page}\u0000${key.variant}`;
}

/** One cache for the whole viewer, so two panes side by side share the same bound. */
export const pageCanvasCache = new CanvasCache();
