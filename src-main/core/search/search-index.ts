/**
 * Full-text search over every cached case, offline: stored documents are indexed in the background
 * (text extracted in worker threads, written to FTS5 inside the encrypted database in short
 * transactions), and queries are answered from the index alone.
 */
import os from 'node:os';
import type { SearchStatus } from '../../../src-preload/api';
import type { Database } from '../db';
import { VaultCorruptError } from '../vault';
import { ExtractionPool, type ExtractionOutcome, type PageSource } from './extraction-pool';
import { PageIndexWrites, type PendingMaterial } from './page-index-writes';
import { SearchFailedError } from './search-errors';
import { SearchReads, type PageInfo, type SearchAnswer, type SearchQuery } from './search-reads';

export interface SearchIndexOptions {
  readonly db: Database;
  /** The vault, or anything that reads plaintext ranges the same way. */
  readonly vault: PageSource;
  /** At most four a second, and after every change of the counts that matters. */
  readonly onStatus?: (status: SearchStatus) => void;
  /** Extraction threads; by default one fewer than the cores (at least one, at most two). */
  readonly workers?: number;
  /** When a document counts as indexed (page_fts_materials.indexed_at). */
  readonly now?: () => Date;
}

/** Stored documents are looked for this often even without a kick (a kick missed costs only this). */
const LOOK_AGAIN_MS = 30_000;
/** A document whose read or write failed for a passing reason (disk busy, full) waits this long. */
const RETRY_LATER_MS = 60_000;
/** No worker could be started (a build without its file, say): try again this much later. */
const WORKER_BACKOFF_MS = 30_000;
const STATUS_INTERVAL_MS = 250;

export class SearchIndex {
  readonly #reads: SearchReads;
  readonly #writes: PageIndexWrites;
  readonly #pool: ExtractionPool;
  readonly #vault: PageSource;
  readonly #onStatus: ((status: SearchStatus) => void) | undefined;
  readonly #now: () => Date;
  readonly #inFlight = new Map<string, Promise<void>>();
  readonly #retryAfter = new Map<string, number>();
  #running = false;
  #sweeping = false;
  #merging = false;
  #workersBackOffUntil = 0;
  #unavailableLogged = false;
  #lookTimer: NodeJS.Timeout | null = null;
  #statusTimer: NodeJS.Timeout | null = null;

  constructor(options: SearchIndexOptions) {
    this.#reads = new SearchReads(options.db);
    this.#writes = new PageIndexWrites(options.db);
    this.#vault = options.vault;
    this.#onStatus = options.onStatus;
    this.#now = options.now ?? (() => new Date());
    const workers = options.workers ?? Math.max(1, Math.min(2, os.availableParallelism() - 1));
    this.#pool = new ExtractionPool({ source: options.vault, workers: Math.max(1, Math.floor(workers)) });
  }

  /** Indexes every stored document still pending, in the background, and keeps doing so as more arrive. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#lookTimer = setInterval(() => this.kick(), LOOK_AGAIN_MS);
    this.#lookTimer.unref();
    this.kick();
    // A run that stopped between writes may have left segments to merge.
    this.#mergeSoon();
    this.#emitStatusSoon();
  }

  /** New documents were stored, or some left: look again. Cheap; safe to call as often as you like. */
  kick(): void {
    if (!this.#running) return;
    this.#fill();
    this.#sweepSoon();
  }

  /** Stops the workers; a document half done stays pending, its written pages kept for resuming. */
  async stop(): Promise<void> {
    this.#running = false;
    if (this.#lookTimer) clearInterval(this.#lookTimer);
    if (this.#statusTimer) clearTimeout(this.#statusTimer);
    this.#lookTimer = null;
    this.#statusTimer = null;
    await this.#pool.stop();
    await Promise.all([...this.#inFlight.values()]);
  }

  query(args: SearchQuery): SearchAnswer & { tookMs: number } {
    const started = performance.now();
    let answer: SearchAnswer;
    try {
      answer = this.#reads.query(args);
    } catch (error) {
      throw new SearchFailedError({ cause: error });
    }
    return { ...answer, tookMs: Math.round((performance.now() - started) * 100) / 100 };
  }

  status(): SearchStatus {
    return this.#reads.status();
  }

  pageInfo(materialId: string): PageInfo {
    return this.#reads.pageInfo(materialId);
  }

  #fill(): void {
    if (!this.#running || Date.now() < this.#workersBackOffUntil) return;
    let free = this.#pool.capacity - this.#inFlight.size;
    if (free <= 0) return;
    const now = Date.now();
    for (const [id, at] of this.#retryAfter) if (at <= now) this.#retryAfter.delete(id);
    let candidates: PendingMaterial[];
    try {
      candidates = this.#writes.pending(this.#inFlight.size + this.#retryAfter.size + free);
    } catch (error) {
      logProblem('could not list documents to index', error);
      return;
    }
    for (const material of candidates) {
      if (free <= 0) break;
      if (this.#inFlight.has(material.id) || this.#retryAfter.has(material.id)) continue;
      free--;
      const run = this.#index(material)
        .catch((error: unknown) => {
          // A database error while starting or finishing: the document waits, the pool goes on.
          logProblem('indexing a document stopped', error);
          this.#retryAfter.set(material.id, Date.now() + RETRY_LATER_MS);
        })
        .finally(() => {
          this.#inFlight.delete(material.id);
          this.#emitStatusSoon();
          this.#fill();
        });
      this.#inFlight.set(material.id, run);
    }
  }

  async #index(material: PendingMaterial): Promise<void> {
    let size: number | null;
    try {
      size = this.#vault.size(material.id);
    } catch (error) {
      if (!(error instanceof VaultCorruptError)) throw error;
      console.warn('[search] a document cannot be searched: its stored copy is damaged');
      this.#fail(material.id);
      return;
    }
    if (size === null) {
      // Marked stored but not in the vault (yet, or any more): the download queue will sort it out.
      this.#retryAfter.set(material.id, Date.now() + RETRY_LATER_MS);
      return;
    }
    const begun = this.#writes.begin(material.id);
    if (!begun) return;
    const outcome = await this.#pool.run({
      materialId: material.id,
      size,
      fromPage: begun.fromPage,
      onPages: (pages) => {
        const wanted = this.#writes.writePages(material.id, begun.seq, pages);
        if (wanted) this.#mergeSoon();
        return wanted;
      },
    });
    this.#settle(material.id, outcome);
  }

  #settle(id: string, outcome: ExtractionOutcome): void {
    switch (outcome.kind) {
      case 'done':
        if (this.#writes.finish(id, outcome.pageCount, this.#now()) === 'incomplete') {
          // Pages written earlier do not add up to this document (should not happen): start it again.
          logProblem('a document was indexed incompletely', null);
          this.#fail(id);
        }
        return;
      case 'failed':
        console.warn(`[search] a document cannot be searched: ${outcome.reason}`);
        this.#fail(id);
        return;
      case 'readFailed':
        if (!this.#writes.isStored(id)) return;
        if (outcome.error instanceof VaultCorruptError) {
          console.warn('[search] a document cannot be searched: its stored copy is damaged');
          this.#fail(id);
        } else {
          logProblem('reading a document to index it failed', outcome.error);
          this.#retryAfter.set(id, Date.now() + RETRY_LATER_MS);
        }
        return;
      case 'writeFailed':
        logProblem('writing a document to the index failed', outcome.error);
        this.#retryAfter.set(id, Date.now() + RETRY_LATER_MS);
        return;
      case 'unavailable':
        if (!this.#unavailableLogged) console.error('[search] text extraction could not start; search will index nothing until it can');
        this.#unavailableLogged = true;
        this.#workersBackOffUntil = Date.now() + WORKER_BACKOFF_MS;
        return;
      case 'cancelled':
      case 'stopped':
        return;
    }
  }

  #fail(id: string): void {
    this.#writes.fail(id);
    // What it had written goes through the sweep.
    this.#sweepSoon();
  }

  /** Deletes the rows of documents that left, a few dozen per turn of the event loop. */
  #sweepSoon(): void {
    if (this.#sweeping) return;
    this.#sweeping = true;
    let swept = 0;
    const step = (): void => {
      let deleted = 0;
      try {
        if (this.#running) deleted = this.#writes.sweepOrphans();
      } catch (error) {
        logProblem('removing the text of deleted documents failed', error);
      }
      swept += deleted;
      if (deleted > 0) {
        setImmediate(step);
        return;
      }
      this.#sweeping = false;
      if (swept > 0) {
        this.#emitStatusSoon();
        this.#mergeSoon();
      }
    };
    setImmediate(step);
  }

  /** Merges the index's segments a small step per turn of the event loop, until there is nothing to merge. */
  #mergeSoon(): void {
    if (this.#merging) return;
    this.#merging = true;
    const step = (): void => {
      let worked = false;
      try {
        worked = this.#running && this.#writes.mergeStep();
      } catch (error) {
        logProblem('merging the search index failed', error);
      }
      if (worked) setImmediate(step);
      else this.#merging = false;
    };
    setImmediate(step);
  }

  #emitStatusSoon(): void {
    if (!this.#onStatus || this.#statusTimer || !this.#running) return;
    this.#statusTimer = setTimeout(() => {
      this.#statusTimer = null;
      try {
        this.#onStatus?.(this.status());
      } catch (error) {
        logProblem('reporting search status failed', error);
      }
    }, STATUS_INTERVAL_MS);
    this.#statusTimer.unref();
  }
}

/** Error names and codes only: messages can quote a document's text or a path. */
function logProblem(what: string, error: unknown): void {
  const name = error instanceof Error ? error.name : 'unknown';
  const code = (error as { code?: unknown } | null)?.code;
  console.warn(`[search] ${what}: ${name}${typeof code === 'string' ? ` (${code})` : ''}`);
}
