/** One piece of rendering work: a page canvas, a text layer or a thumbnail. */
export interface RenderJob {
  /** Names what it produces, so the same work is never queued twice. */
  id: string;
  /** Lower runs first: visible pages by how much of them shows, then the pages about to show. */
  priority: number;
  run(signal: AbortSignal): Promise<void>;
}

/**
 * Runs the highest-priority wanted job, one at a time (`concurrency`), as pdf.js's rendering queue does:
 * drawing two pages at once on the main thread only makes the first one later. The owner replaces the
 * whole wanted set whenever the view moves; a running job that is no longer wanted is aborted, so a fast
 * scroll never waits for pages that have already gone by.
 */
export class PageRenderQueue {
  readonly #concurrency: number;
  #wanted = new Map<string, RenderJob>();
  #running = new Map<string, AbortController>();
  #pumpScheduled = false;
  #idleWaiters: Array<() => void> = [];

  constructor(concurrency = 1) {
    this.#concurrency = concurrency;
  }

  setWanted(jobs: readonly RenderJob[]): void {
    this.#wanted = new Map();
    for (const job of jobs) if (!this.#running.has(job.id)) this.#wanted.set(job.id, job);
    const wantedIds = new Set(jobs.map((job) => job.id));
    for (const [id, controller] of this.#running) if (!wantedIds.has(id)) controller.abort();
    this.#schedulePump();
  }

  get busy(): boolean {
    return this.#running.size > 0 || this.#wanted.size > 0;
  }

  /** Resolves once nothing is running or waiting (the benchmark and tests wait on it). */
  idle(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  clear(): void {
    this.setWanted([]);
  }

  #schedulePump(): void {
    if (this.#pumpScheduled) return;
    this.#pumpScheduled = true;
    queueMicrotask(() => {
      this.#pumpScheduled = false;
      this.#pump();
    });
  }

  #pump(): void {
    while (this.#running.size < this.#concurrency) {
      let next: RenderJob | null = null;
      for (const job of this.#wanted.values()) if (!next || job.priority < next.priority) next = job;
      if (!next) break;
      this.#wanted.delete(next.id);
      const controller = new AbortController();
      this.#running.set(next.id, controller);
      const job = next;
      job
        .run(controller.signal)
        .catch(() => undefined) // a job reports its own failure to its page; the queue carries on
        .finally(() => {
          if (this.#running.get(job.id) === controller) this.#running.delete(job.id);
          this.#schedulePump();
        });
    }
    if (!this.busy) {
      const waiters = this.#idleWaiters;
      this.#idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }
}
