import type { OutboxStatus } from '../../../src-preload/api';

export interface ServingChange {
  status: OutboxStatus;
  itemIds: string[];
  acceptedIds: string[];
}

/**
 * `serving.changed` for the renderer, and the upload progress it shows. Progress lives in memory
 * only (a restart starts the upload again) and is sent at most every `throttleMs`: a 100 MB upload
 * must not become a hundred events, nor a database write per piece.
 */
export class ServingEvents {
  readonly #sent = new Map<string, number>();
  readonly #emit: (change: ServingChange) => void;
  readonly #status: () => OutboxStatus;
  readonly #throttleMs: number;
  readonly #pending = new Set<string>();
  #timer: NodeJS.Timeout | null = null;

  constructor(options: { emit: (change: ServingChange) => void; status: () => OutboxStatus; throttleMs?: number }) {
    this.#emit = options.emit;
    this.#status = options.status;
    this.#throttleMs = options.throttleMs ?? 250;
  }

  sentBytes(itemId: string): number | null {
    return this.#sent.get(itemId) ?? null;
  }

  progress(itemId: string, sentBytes: number): void {
    this.#sent.set(itemId, sentBytes);
    this.#pending.add(itemId);
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      const ids = [...this.#pending];
      this.#pending.clear();
      if (ids.length > 0) this.changed(ids);
    }, this.#throttleMs);
    this.#timer.unref();
  }

  /** The upload ended (sent, failed or given up): its progress is no longer shown. */
  finished(itemId: string): void {
    this.#sent.delete(itemId);
    this.#pending.delete(itemId);
  }

  changed(itemIds: string[], acceptedIds: string[] = []): void {
    this.#emit({ status: this.#status(), itemIds, acceptedIds });
  }

  dispose(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
