/**
 * The download queue's write batches: fixed-size buffers, at most `limit` of them in existence at once,
 * whoever holds them (a download filling one, the vault's writer thread sealing one, or this pool).
 * A download that wants one when all are out waits for one to come back — backpressure on the network
 * read, so the bytes in flight between the network and the disk are bounded by limit × size whatever
 * the number or size of the documents.
 *
 * Every acquired buffer must be released exactly once: with the buffer to refill it, or with null when
 * it is gone (moved to a writer thread that died, or detached) so that another may be allocated.
 */
export class BatchBuffers {
  readonly size: number;
  readonly limit: number;
  readonly #free: Uint8Array[] = [];
  readonly #waiters: Array<(buffer: Uint8Array) => void> = [];
  /** Buffers that exist and are not in #free. */
  #out = 0;

  constructor(size: number, limit: number) {
    if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError('limit must be a positive integer');
    this.size = size;
    this.limit = limit;
  }

  /** Buffers handed out and not yet released. */
  get outstanding(): number {
    return this.#out;
  }

  /** A buffer now when one is free or may be allocated (the common case, no promise); else a promise of the next released one. */
  acquire(): Uint8Array | Promise<Uint8Array> {
    const free = this.#free.pop();
    if (free) {
      this.#out++;
      return free;
    }
    if (this.#out < this.limit) {
      this.#out++;
      return new Uint8Array(this.size);
    }
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  release(buffer: Uint8Array | null): void {
    const reusable = buffer !== null && buffer.byteLength === this.size && buffer.byteOffset === 0 && buffer.buffer.byteLength === this.size;
    const waiter = this.#waiters.shift();
    if (waiter) {
      // Handed straight on: still out, now held by the waiter.
      waiter(reusable ? buffer : new Uint8Array(this.size));
      return;
    }
    this.#out--;
    if (reusable) this.#free.push(buffer);
  }
}
