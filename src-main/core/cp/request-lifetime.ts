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
  #timer: NodeJS.Timeout | null = null;
  #timedOutAfterMs: number | null = null;

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
   * stall ends on time even when the fetch implementation does not tie its body to the signal.
   */
  race<T>(work: Promise<T>): Promise<T> {
    const signal = this.#controller.signal;
    if (signal.aborted) {
      // The work was started anyway (it is our argument); its own failure is expected and uninteresting.
      work.catch(() => undefined);
      return Promise.reject(signal.reason as unknown);
    }
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => {
        reject(signal.reason as unknown);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      work.then(resolve, reject).finally(() => {
        signal.removeEventListener('abort', onAbort);
      });
    });
  }

  /** (Re)starts the timer: the request is abandoned if it is not disarmed within `ms`. */
  arm(ms: number): void {
    this.disarm();
    this.#timer = setTimeout(() => {
      this.#timedOutAfterMs = ms;
      this.#controller.abort();
    }, ms);
  }

  disarm(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** Stops the request (if still running) and releases the timer and the caller's listener. */
  close(): void {
    this.disarm();
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
