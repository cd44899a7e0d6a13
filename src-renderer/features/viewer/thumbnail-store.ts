/**
 * Small page pictures for the thumbnails panel, kept as compressed images (a few KB each, behind
 * blob: URLs the CSP allows) rather than canvases: a few hundred cost less than one page canvas. Least
 * recently used out beyond `maxEntries`, the URL revoked as it goes.
 */
export class ThumbnailStore {
  readonly maxEntries: number;
  #entries = new Map<string, string>();
  #listeners = new Set<() => void>();
  #version = 0;

  constructor(maxEntries = 240) {
    this.maxEntries = maxEntries;
  }

  get(owner: string, page: number, variant: string): string | null {
    const id = `${owner}\u0000${page}\u0000${variant}`;
    const url = this.#entries.get(id);
    if (url === undefined) return null;
    this.#entries.delete(id);
    this.#entries.set(id, url);
    return url;
  }

  set(owner: string, page: number, variant: string, url: string): void {
    const id = `${owner}\u0000${page}\u0000${variant}`;
    const previous = this.#entries.get(id);
    if (previous) URL.revokeObjectURL(previous);
    this.#entries.delete(id);
    this.#entries.set(id, url);
    for (const [key, value] of this.#entries) {
      if (this.#entries.size <= this.maxEntries) break;
      this.#entries.delete(key);
      URL.revokeObjectURL(value);
    }
    this.#changed();
  }

  dropOwner(owner: string): void {
    for (const [key, value] of this.#entries) {
      if (key.startsWith(`${owner}\u0000`)) {
        this.#entries.delete(key);
        URL.revokeObjectURL(value);
      }
    }
    this.#changed();
  }

  get size(): number {
    return this.#entries.size;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  version = (): number => this.#version;

  #changed(): void {
    this.#version++;
    for (const listener of this.#listeners) listener();
  }
}

export const thumbnailStore = new ThumbnailStore();
