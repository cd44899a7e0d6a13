import type { Database } from '../db';
import { BluebagError } from '../errors';
import { backoffMs, type FailureClassifier } from '../sync';
import { earliestRetryAt, nextDueJob, readJob, requeueActiveJobs, updateJob, type OutboxJob } from './outbox-jobs';

/**
 * A handler's way to stop its job for good for a reason only it can see (the local copy is gone, CP's
 * receipt is for other bytes): retrying would send the same thing and get the same answer. The user
 * reads `messageKey`, as for CP's own refusals.
 */
export class JobRefusedError extends BluebagError {
  constructor(messageKey: string, options?: { cause?: unknown }) {
    super('conflict', messageKey, options);
    this.name = 'JobRefusedError';
  }
}

/** Sends one kind of job to CP. Resolves with what to store as the job's result; throws typed errors. */
export type OutboxHandler = (job: OutboxJob) => Promise<unknown>;

export type OutboxPause = 'offline' | 'serverBusy' | 'signInRequired' | null;

export interface OutboxOptions {
  db: Database;
  handlers: Record<string, OutboxHandler>;
  classify: FailureClassifier;
  now?: () => Date;
  random?: () => number;
  /** A job reached an end: sent (done) or refused for good (failed). */
  onSettled?: (job: OutboxJob) => void;
  /** A job started, or ended an attempt (the job as it was picked, before the attempt). */
  onChange?: (job: OutboxJob) => void;
  /** The queue paused because CP could not be reached: the app re-checks connectivity at once. */
  onOffline?: () => void;
  /** While offline, try again after this long even if no one says the connection is back; default 30 s. */
  offlineRetryMs?: number;
  /**
   * Kinds sent ahead of the rest, in this order: small, time-critical jobs (a check-in on the day of a
   * hearing) must not wait behind a hundred documents. Each kind keeps its own creation order.
   */
  sendFirst?: readonly string[];
  /** Kinds whose jobs on one case must reach CP in the order they were made, even across backoffs. */
  inOrder?: readonly string[];
}

/**
 * The one durable queue for everything sent to CP. Jobs run one at a time in the order they were made
 * (a disassociation queued after an association must not overtake it). A lost connection or a
 * Retry-After pauses the whole queue, not just the job; a transient failure backs the job off with
 * jitter; a refusal (4xx other than 408/429) stops the job and keeps its reason for the user.
 */
export class Outbox {
  readonly #o: Required<Omit<OutboxOptions, 'onSettled' | 'onChange' | 'onOffline'>> & Pick<OutboxOptions, 'onSettled' | 'onChange' | 'onOffline'>;
  #running = false;
  #draining: Promise<void> | null = null;
  #again = false;
  #pausedFor: OutboxPause = null;
  /** While paused as serverBusy: when CP's Retry-After ends (this outbox's clock). */
  #busyUntil = 0;
  /** Counts wake() calls, so an attempt that fails after one knows its "unreachable" is older news. */
  #wakes = 0;
  #timer: NodeJS.Timeout | null = null;

  constructor(options: OutboxOptions) {
    this.#o = { now: () => new Date(), random: Math.random, offlineRetryMs: 30_000, sendFirst: [], inOrder: [], ...options };
  }

  start(): void {
    requeueActiveJobs(this.#o.db);
    this.#running = true;
    void this.drain();
  }

  stop(): Promise<void> {
    this.#running = false;
    if (this.#timer) clearTimeout(this.#timer);
    return this.#draining ?? Promise.resolve();
  }

  get pausedFor(): OutboxPause {
    return this.#pausedFor;
  }

  /** Connectivity returned, the user pressed "send now", or a job was added: try what is due. */
  wake(options: { now?: boolean } = {}): Promise<void> {
    this.#wakes++;
    // CP asked for a pause (429 / Retry-After): only its own timer, or the user's "send now", ends it
    // early — a new job, a sync or the connection blinking must not send inside CP's window.
    if (this.#pausedFor === 'serverBusy' && !options.now && this.#o.now().getTime() < this.#busyUntil) return this.#draining ?? Promise.resolve();
    this.#pausedFor = null;
    if (options.now) this.#o.db.prepare("UPDATE outbox_jobs SET next_attempt_at = NULL WHERE state = 'queued'").run();
    return this.drain();
  }

  /** Sends what is due. Resolves once everything due at the time of the call (or added meanwhile) was tried. */
  drain(): Promise<void> {
    if (!this.#running || this.#pausedFor !== null) return this.#draining ?? Promise.resolve();
    if (this.#draining) {
      // A pass is under way but may already have looked past what this caller added: go round again.
      this.#again = true;
      return this.#draining;
    }
    this.#draining = (async () => {
      do {
        this.#again = false;
        await this.#drainLoop();
      } while (this.#again && this.#running && this.#pausedFor === null);
    })().finally(() => {
      this.#draining = null;
      this.#schedule();
    });
    return this.#draining;
  }

  async #drainLoop(): Promise<void> {
    const { db } = this.#o;
    while (this.#running && this.#pausedFor === null) {
      const job = nextDueJob(db, this.#o.now(), [], this.#o.sendFirst, this.#o.inOrder);
      if (!job) return;
      const wakes = this.#wakes;
      updateJob(db, job.id, { state: 'active' }, this.#o.now());
      this.#o.onChange?.(job);
      try {
        const handler = this.#o.handlers[job.kind];
        if (!handler) throw new Error('no handler for this kind of job');
        const result = await handler(job);
        updateJob(db, job.id, { state: 'done', attempts: job.attempts + 1, lastErrorKey: null, nextAttemptAt: null, result }, this.#o.now());
        this.#settled(job.id);
      } catch (error) {
        this.#failed(job, error, wakes);
      }
      this.#o.onChange?.(job);
    }
  }

  #failed(job: OutboxJob, error: unknown, wakesAtStart: number): void {
    const { db } = this.#o;
    const now = this.#o.now();
    // Someone said "CP is back" or "signed in" while this attempt ran (at start-up the first attempt
    // can begin before the session is restored): its failure is older news than that, so the queue
    // goes on rather than pausing with nothing left to wake it.
    const stale = this.#wakes !== wakesAtStart;
    const { failure, messageKey } = error instanceof JobRefusedError ? { failure: { kind: 'fatal' as const }, messageKey: error.messageKey } : this.#o.classify(error);
    const attempts = job.attempts + 1;
    const later = (ms: number) => new Date(now.getTime() + ms).toISOString();
    switch (failure.kind) {
      case 'offline':
        updateJob(db, job.id, { state: 'queued', lastErrorKey: messageKey }, now);
        if (stale) return;
        this.#pausedFor = 'offline';
        this.#resumeAfter('offline', this.#o.offlineRetryMs);
        this.#o.onOffline?.();
        return;
      case 'wait':
        this.#pausedFor = 'serverBusy';
        this.#busyUntil = now.getTime() + failure.ms;
        updateJob(db, job.id, { state: 'queued', lastErrorKey: messageKey, nextAttemptAt: later(failure.ms) }, now);
        this.#resumeAfter('serverBusy', failure.ms);
        return;
      case 'signInRequired':
        updateJob(db, job.id, { state: 'queued', lastErrorKey: messageKey }, now);
        if (!stale) this.#pausedFor = 'signInRequired';
        return;
      case 'retry':
      case 'restart':
      case 'diskFull':
        updateJob(db, job.id, { state: 'queued', attempts, lastErrorKey: messageKey, nextAttemptAt: later(backoffMs(attempts, this.#o.random)) }, now);
        return;
      case 'fatal':
        updateJob(db, job.id, { state: 'failed', attempts, lastErrorKey: messageKey, nextAttemptAt: null }, now);
        this.#settled(job.id);
        return;
    }
  }

  #settled(id: string): void {
    const job = this.#o.onSettled ? readJob(this.#o.db, id) : null;
    if (job) this.#o.onSettled?.(job);
  }

  #resumeAfter(reason: NonNullable<OutboxPause>, ms: number): void {
    const timer = setTimeout(() => {
      if (this.#pausedFor !== reason) return;
      this.#busyUntil = 0;
      void this.wake();
    }, ms);
    timer.unref();
  }

  /** Wakes up when the earliest backed-off job is due. */
  #schedule(): void {
    if (this.#timer) clearTimeout(this.#timer);
    if (!this.#running || this.#pausedFor !== null) return;
    const at = earliestRetryAt(this.#o.db);
    if (!at) return;
    this.#timer = setTimeout(() => void this.drain(), Math.max(50, new Date(at).getTime() - this.#o.now().getTime()));
    this.#timer.unref();
  }
}
