import { CpTimeoutError, type CpOperation } from './errors';

/**
 * One request's abort signal, combining our timer with the caller's AbortSignal, and the knowledge of
 * *why* it fired: fetch and body reads only say "aborted", but the caller must get CpTimeoutError for
 * our timer and their own reason for their abort.
 */
export class RequestLifetime {
  readonly #controller = new AbortController();
  readonly #caller: AbortSignal | undefined;
  readonly #onCallerAbort = (): void => {
    this.#controller.abort(this.#caller?.reason);
  };
  /** The timer and the period it was made for; kept across arm/disarm so a body read costs a refresh, not a new timer. */
  #timer: { readonly handle: NodeJS.Timeout; readonly ms: number } | null = null;
  /** Whether the timer counts now: a disarmed timer that fires does nothing. */
  #armed = false;
  #timedOutAfterMs: number | null = null;
  /**
   * The reads racing the lifetime now, by their reject. One abort listener (added on the first race)
   * rejects them all; a read that settles takes itself out, so nothing it resolved to stays reachable.
   */
  readonly #racers = new Set<(reason: unknown) => void>();
  #listening = false;
  #closed = false;

  constructor(
    readonly operation: CpOperation,
    caller?: AbortSignal,
  ) {
    this.#caller = caller;
    if (caller?.aborted) this.#controller.abort(caller.reason);
    else caller?.addEventListener('abort', this.#onCallerAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /**
   * Settles with `work`, or rejects as soon as this lifetime aborts. Body reads go through this so a
   * stall ends on time even when the fetch implementation does not tie its body to the signal. It runs
   * once per network read (tens of thousands per sync), so it adds no listener of its own.
   */
  race<T>(work: Promise<T>): Promise<T> {
    const signal = this.#controller.signal;
    if (signal.aborted) {
      // The work was started anyway (it is our argument); its own failure is expected and uninteresting.
      work.catch(() => undefined);
      return Promise.reject(signal.reason as unknown);
    }
    if (!this.#listening) {
      this.#listening = true;
      signal.addEventListener(
        'abort',
        () => {
          for (const reject of this.#racers) reject(signal.reason as unknown);
          this.#racers.clear();
        },
        { once: true },
      );
    }
    return new Promise<T>((resolve, reject) => {
      this.#racers.add(reject);
      work.then(
        (value) => {
          this.#racers.delete(reject);
          resolve(value);
        },
        (error: unknown) => {
          this.#racers.delete(reject);
          reject(error);
        },
      );
    });
  }

  /** (Re)starts the timer: the request is abandoned if it is not disarmed within `ms`. */
  arm(ms: number): void {
    // Closed for good: a late arm must not start a timer that outlives the request.
    if (this.#closed) return;
    this.#armed = true;
    if (this.#timer !== null && this.#timer.ms === ms) {
      // Restarts the period from now, whether the timer is still pending or already fired while disarmed.
      this.#timer.handle.ref().refresh();
      return;
    }
    if (this.#timer !== null) clearTimeout(this.#timer.handle);
    const handle = setTimeout(() => {
      if (!this.#armed) return;
      this.#timedOutAfterMs = ms;
      this.#controller.abort();
    }, ms);
    this.#timer = { handle, ms };
  }

  disarm(): void {
    this.#armed = false;
    // Left pending (cheaper than clearing it at every read), it must not keep the process alive.
    this.#timer?.handle.unref();
  }

  /** Stops the request (if still running) and releases the timer and the caller's listener. */
  close(): void {
    this.#closed = true;
    this.#armed = false;
    if (this.#timer !== null) clearTimeout(this.#timer.handle);
    this.#timer = null;
    this.#caller?.removeEventListener('abort', this.#onCallerAbort);
    if (!this.#controller.signal.aborted) this.#controller.abort();
  }

  /**
   * What a failed fetch or body read really means when this lifetime stopped it: our timeout, or the
   * caller's abort (their own reason, to be rethrown as is). Null when something else went wrong.
   */
  abortReason(): unknown {
    if (this.#timedOutAfterMs !== null) return new CpTimeoutError(this.operation, this.#timedOutAfterMs);
    if (this.#caller?.aborted) return this.#caller.reason as unknown;
    return null;
  }
}
