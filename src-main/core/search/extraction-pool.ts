/**
 * The extraction workers, one document each at a time. Main's part of a job is small and never long:
 * answer a read with at most MAX_READ_BYTES decrypted from the vault, hand a batch of pages to the
 * caller (who writes it in one transaction), acknowledge. A worker that dies, hangs or misbehaves ends
 * its job and is replaced on the next job; it can never take main down with it.
 */
import { Worker } from 'node:worker_threads';
import { extractionWorkerLaunch, type WorkerLaunch } from './worker-launch';
import { MAX_READ_BYTES, type ExtractedPage, type ExtractionFailure, type FromWorker, type ToWorker } from './worker-messages';

/** Where documents' plaintext comes from: the vault (decrypting only the chunks a range touches). */
export interface PageSource {
  size(id: string): number | null;
  readRange(id: string, start: number, endInclusive: number): AsyncIterable<Buffer>;
}

export interface ExtractionJob {
  readonly materialId: string;
  readonly size: number;
  readonly fromPage: number;
  /** Writes a batch; false means the document is no longer wanted (deleted meanwhile): stop. */
  readonly onPages: (pages: readonly ExtractedPage[]) => boolean;
}

export type ExtractionOutcome =
  | { readonly kind: 'done'; readonly pageCount: number }
  | { readonly kind: 'failed'; readonly reason: ExtractionFailure }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'readFailed'; readonly error: unknown }
  | { readonly kind: 'writeFailed'; readonly error: unknown }
  /** The pool was stopped, or no worker could be started: the document is untouched and can wait. */
  | { readonly kind: 'stopped' }
  | { readonly kind: 'unavailable' };

export interface ExtractionPoolOptions {
  readonly source: PageSource;
  readonly workers: number;
  /** A job that sends nothing for this long is abandoned (a page pdf.js loops on). */
  readonly stallMs?: number;
  /** A worker with no job for this long exits, giving its memory back. */
  readonly idleMs?: number;
  readonly launch?: () => WorkerLaunch | null;
}

interface ActiveJob {
  readonly id: number;
  readonly spec: ExtractionJob;
  readonly resolve: (outcome: ExtractionOutcome) => void;
  watchdog: NodeJS.Timeout | null;
}

interface Slot {
  readonly worker: Worker;
  readonly exited: Promise<void>;
  /** Until the worker has said anything, a death is a failure to start, not the document's fault. */
  spoke: boolean;
  job: ActiveJob | null;
  idleTimer: NodeJS.Timeout | null;
}

/** Old-generation heap for one worker: a runaway document fails alone instead of exhausting memory. */
const WORKER_HEAP_MB = 512;
/**
 * Reads main decrypts at once, across all workers. pdf.js asks for many ranges together; served all at
 * once, their completions ran back to back for half a second without main's timers getting a turn.
 * One at a time, each followed by a turn of the event loop, main is never busy for more than one
 * read's decryption (a millisecond or two per MiB).
 */
const READS_IN_FLIGHT = 1;

export class ExtractionPool {
  readonly #o: Required<Omit<ExtractionPoolOptions, 'launch'>> & { launch: () => WorkerLaunch | null };
  /** Workers that can take a job (a worker being terminated is no longer here). */
  readonly #slots = new Set<Slot>();
  /** Every worker not yet exited, usable or not: stop() waits for all of them. */
  readonly #exits = new Set<Promise<void>>();
  readonly #reads: Array<() => Promise<void>> = [];
  #readsActive = 0;
  #nextJobId = 1;
  #stopped = false;

  constructor(options: ExtractionPoolOptions) {
    this.#o = { stallMs: 120_000, idleMs: 20_000, launch: extractionWorkerLaunch, ...options };
  }

  get capacity(): number {
    return this.#o.workers;
  }

  /** Runs one job on an idle worker (starting one if needed). Callers keep at most `capacity` in flight. */
  run(spec: ExtractionJob): Promise<ExtractionOutcome> {
    if (this.#stopped) return Promise.resolve({ kind: 'stopped' });
    const slot = this.#idleSlot() ?? this.#startWorker();
    if (!slot) return Promise.resolve({ kind: 'unavailable' });
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    return new Promise<ExtractionOutcome>((resolve) => {
      const job: ActiveJob = { id: this.#nextJobId++, spec, resolve, watchdog: null };
      slot.job = job;
      this.#arm(slot, job);
      this.#post(slot, { type: 'extract', jobId: job.id, size: spec.size, fromPage: spec.fromPage });
    });
  }

  /**
   * Ends every job (their documents stay as they were, resumable) and waits for the workers to exit.
   * The pool can be used again afterwards (a new sign-in, say).
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#reads.length = 0;
    for (const slot of [...this.#slots]) this.#end(slot, { kind: 'stopped' }, true);
    await Promise.all([...this.#exits]);
    this.#stopped = false;
  }

  #idleSlot(): Slot | null {
    for (const slot of this.#slots) if (slot.job === null) return slot;
    if (this.#slots.size >= this.#o.workers) throw new Error('extraction pool is full');
    return null;
  }

  #startWorker(): Slot | null {
    const launch = this.#o.launch();
    if (!launch) return null;
    let worker: Worker;
    try {
      worker = new Worker(launch.source, {
        eval: launch.eval,
        workerData: launch.workerData,
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      });
    } catch {
      return null;
    }
    let markExited!: () => void;
    const slot: Slot = { worker, exited: new Promise((resolve) => (markExited = resolve)), spoke: false, job: null, idleTimer: null };
    this.#slots.add(slot);
    this.#exits.add(slot.exited);
    worker.on('message', (message: FromWorker) => this.#onMessage(slot, message));
    // 'error' is followed by 'exit'; the outcome is decided there, with what we know by then.
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      this.#end(slot, slot.spoke ? { kind: 'failed', reason: 'crashed' } : { kind: 'unavailable' }, true);
      this.#exits.delete(slot.exited);
      markExited();
    });
    return slot;
  }

  #onMessage(slot: Slot, message: FromWorker): void {
    slot.spoke = true;
    const job = slot.job;
    if (!job || message.jobId !== job.id) return;
    this.#arm(slot, job);
    switch (message.type) {
      case 'read':
        this.#reads.push(() => this.#serveRead(slot, job, message.requestId, message.begin, message.end));
        this.#pumpReads();
        return;
      case 'pages': {
        let wanted: boolean;
        try {
          wanted = job.spec.onPages(message.pages);
        } catch (error) {
          this.#end(slot, { kind: 'writeFailed', error }, true);
          return;
        }
        if (!wanted) this.#end(slot, { kind: 'cancelled' }, true);
        else this.#post(slot, { type: 'ack', jobId: job.id });
        return;
      }
      case 'done':
        this.#end(slot, { kind: 'done', pageCount: message.pageCount }, false);
        return;
      case 'failed':
        this.#end(slot, { kind: 'failed', reason: message.reason }, false);
        return;
    }
  }

  #pumpReads(): void {
    while (this.#readsActive < READS_IN_FLIGHT) {
      const read = this.#reads.shift();
      if (!read) return;
      this.#readsActive++;
      void read().finally(() => {
        this.#readsActive--;
        setImmediate(() => this.#pumpReads());
      });
    }
  }

  async #serveRead(slot: Slot, job: ActiveJob, requestId: number, begin: number, end: number): Promise<void> {
    // The job may have ended while this read waited its turn.
    if (slot.job !== job) return;
    const size = job.spec.size;
    const valid = Number.isSafeInteger(begin) && Number.isSafeInteger(end) && begin >= 0 && begin < end && end <= size && end - begin <= MAX_READ_BYTES;
    if (!valid) {
      this.#end(slot, { kind: 'failed', reason: 'unreadable' }, true);
      return;
    }
    let data: Uint8Array;
    try {
      // A standalone buffer (not Node's shared pool), so it can be transferred rather than copied.
      data = new Uint8Array(end - begin);
      let at = 0;
      for await (const piece of this.#o.source.readRange(job.spec.materialId, begin, end - 1)) {
        data.set(piece, at);
        at += piece.length;
      }
    } catch (error) {
      if (slot.job === job) this.#end(slot, { kind: 'readFailed', error }, true);
      return;
    }
    if (slot.job !== job) return;
    this.#post(slot, { type: 'range', requestId, data }, [data.buffer as ArrayBuffer]);
  }

  #arm(slot: Slot, job: ActiveJob): void {
    if (job.watchdog) clearTimeout(job.watchdog);
    job.watchdog = setTimeout(() => {
      if (slot.job === job) this.#end(slot, { kind: 'failed', reason: 'timedOut' }, true);
    }, this.#o.stallMs);
    job.watchdog.unref();
  }

  /** Settles the slot's job; `terminate` for a worker whose state can no longer be trusted. */
  #end(slot: Slot, outcome: ExtractionOutcome, terminate: boolean): void {
    const job = slot.job;
    slot.job = null;
    if (job?.watchdog) clearTimeout(job.watchdog);
    if (terminate || this.#stopped) this.#retire(slot);
    else {
      slot.idleTimer = setTimeout(() => this.#retire(slot), this.#o.idleMs);
      slot.idleTimer.unref();
    }
    job?.resolve(outcome);
  }

  /** Out of the usable set at once: a job must never be given to a worker that is being terminated. */
  #retire(slot: Slot): void {
    this.#slots.delete(slot);
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    void slot.worker.terminate();
  }

  #post(slot: Slot, message: ToWorker, transfer: ArrayBuffer[] = []): void {
    slot.worker.postMessage(message, transfer);
  }
}
