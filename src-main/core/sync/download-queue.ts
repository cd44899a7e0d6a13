import { prepared, type Database } from '../db';
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import { releaseBuffer } from '../vault';
import { backoffMs } from './backoff';
import { BatchBuffers } from './batch-buffers';
import type { BlobStore, BlobWriter, FailureClassifier, FailureKind, MaterialBody, SyncSource } from './sync-source';

export interface DownloadProgress {
  queued: number;
  active: number;
  stored: number;
  failed: number;
  bytesDone: number;
  bytesTotal: number;
  /** Why downloads are not running, when they are not. */
  pausedFor: 'user' | 'offline' | 'serverBusy' | 'diskFull' | 'signInRequired' | 'storageBudget' | 'storageError' | null;
  perCase: Array<{ caseId: string; stored: number; total: number; bytesDone: number; bytesTotal: number }>;
}

export interface DownloadQueueOptions {
  db: Database;
  store: BlobStore;
  source: SyncSource;
  classify: FailureClassifier;
  concurrency?: number;
  now?: () => Date;
  random?: () => number;
  onProgress?: (progress: DownloadProgress) => void;
  /** At most one progress event per this many milliseconds: the UI needs a steady bar, not a flood. */
  progressIntervalMs?: number;
  /** Most bytes of documents to keep; null = no limit. Read at every pick, so a new setting applies at once. */
  budgetBytes?: () => number | null;
}

/**
 * Bytes gathered from the network before they are handed to the vault in one write(): exactly 16
 * vault chunks, so the writer seals every one straight from the batch without staging it.
 */
const WRITE_BATCH_BYTES = 1024 * 1024;

/**
 * Write batches in existence at once, per download slot: one being filled from the network while the
 * previous one is sealed (a download never has more than one write in flight). The cap is hard — a
 * download waits for a batch to come back rather than allocating one — so the plaintext between the
 * network and the disk is at most 2 × concurrency MiB, however many or large the documents.
 */
const BATCHES_PER_DOWNLOAD = 2;

/**
 * How long a download's "downloading" and "stored" marks may wait to be written together with others.
 * Each commit of the encrypted database cost ~130 µs of the main thread (its pages sealed into the
 * WAL); two per document were ~0.5 s of a 2,000-document sync. Well under the progress interval, so
 * the screens never see a state older than their own refresh.
 */
const MARKS_FLUSH_MS = 100;

/** A state change of one material not yet written (see #mark). */
interface PendingMark {
  readonly state: 'downloading' | 'stored';
  /** The version it is about: a mark never lands on a material CP has since republished. */
  readonly sha256: string;
  readonly size: number;
}

/** #retryDue when nothing is backing off. */
const NO_RETRY_DUE = 'none';

/** Rows read per queue-order query. */
const PREFETCH_ROWS = 64;

/** A material that may start downloading now (m, d, c as joined below). */
const DUE = `((m.download_state = 'queued' AND (m.next_attempt_at IS NULL OR m.next_attempt_at <= @now))
        OR (m.download_state = 'failed' AND m.next_attempt_at IS NOT NULL AND m.next_attempt_at <= @now))
       AND c.keep_offline = 1 AND c.association_state = 'associated' AND d.is_removed = 0`;

const STILL_DUE = `SELECT 1 FROM materials m JOIN documents d ON d.id = m.document_id JOIN cases c ON c.id = d.case_id WHERE m.id = @id AND ${DUE}`;

interface QueueRow {
  id: string;
  size: number;
  sha256: string;
  attempts: number;
  case_id: string;
}

/**
 * The persisted download queue: its state is the `materials` table, so it survives a crash or a kill.
 * Bounded concurrency; the case on screen first, then cases by nearest hearing; each download resumes
 * from what the vault has verified on disk (HTTP Range), is checked against CP's SHA-256 before it
 * counts as stored, and failures back off per item — or pause the whole queue when the cause is global
 * (offline, Retry-After, disk full, signed out).
 */
export class DownloadQueue {
  readonly #options: Required<Omit<DownloadQueueOptions, 'onProgress'>> & Pick<DownloadQueueOptions, 'onProgress'>;
  /**
   * Downloads under way. `sealing`: every byte has arrived and been handed to the vault, which is
   * finishing the blob (last chunk, fsync, rename, folder fsync). Those no longer hold one of the
   * `concurrency` network slots, so the disk's flush latency overlaps the next download instead of
   * idling a connection; at most another `concurrency` of them at a time.
   */
  readonly #inFlight = new Map<string, { controller: AbortController; caseId: string; bytes: number; sealing: boolean; done?: Promise<void> }>();
  /**
   * Materials a previous run was downloading when it stopped: it may have published the blob and died
   * before recording it, so these are checked for a finished blob before downloading. Any other queued
   * material is downloaded without that check (a stat on the main thread per download was ~5 % of its
   * time); if one did have a finished blob after all, the download replaces it, which is only slower.
   */
  readonly #interrupted = new Set<string>();
  #focusCaseId: string | null = null;
  #pausedFor: DownloadProgress['pausedFor'] = null;
  #resumeTimer: NodeJS.Timeout | null = null;
  #retryTimer: NodeJS.Timeout | null = null;
  /** The backoff #retryTimer waits for (NO_RETRY_DUE: none); null when it must be looked up again. */
  #retryDue: string | null = null;
  #progressTimer: NodeJS.Timeout | null = null;
  #running = false;
  #idleWaiters: Array<() => void> = [];
  /**
   * The next due rows in queue order, read PREFETCH_ROWS at a time: ordering the whole queue for every
   * pick made the picks alone cost ~1 ms each (seconds per large sync). Dropped whenever the order may
   * have changed (focus, resume, a failure); each row is re-checked by id before it starts.
   */
  #prefetched: QueueRow[] = [];
  /**
   * The write batches, refilled rather than allocated anew (a fresh MiB per MiB downloaded was garbage
   * for two threads' collectors), and capped: see BATCHES_PER_DOWNLOAD.
   */
  readonly #batches: BatchBuffers;
  /**
   * "downloading" and "stored" marks waiting to be committed together (MARKS_FLUSH_MS). Safe to lose
   * in a crash: a material left "downloading" is checked for a published blob at the next start (and
   * any partial beside it removed), one left "queued" is downloaded again (and its blob replaced). Until written, the queue treats them as
   * written: it does not pick those materials, and counts stored ones against the budget.
   */
  readonly #pendingMarks = new Map<string, PendingMark>();
  #marksTimer: NodeJS.Timeout | null = null;

  constructor(options: DownloadQueueOptions) {
    this.#options = { concurrency: 4, now: () => new Date(), random: Math.random, progressIntervalMs: 250, budgetBytes: () => null, ...options };
    this.#batches = new BatchBuffers(WRITE_BATCH_BYTES, BATCHES_PER_DOWNLOAD * this.#options.concurrency);
  }

  /** better-sqlite3 compiles SQL on every prepare(): each statement is compiled once per connection (db/prepared.ts). */
  #sql(source: string): Statement {
    return prepared(this.#options.db, source);
  }

  /** Downloads marked active by a run that died are queued again before anything starts. */
  start(): void {
    this.#flushMarks();
    this.#requeueInterrupted();
    this.#running = true;
    this.pump();
  }

  /**
   * Rows that say "downloading" with no download in flight go back to "queued", to be checked for a
   * published blob first (#interrupted): what a run that died left, or a download whose final state
   * write the database refused (#stateWriteFailed).
   */
  #requeueInterrupted(): void {
    const rows = this.#sql("SELECT id FROM materials WHERE download_state = 'downloading'").all() as Array<{ id: string }>;
    const stranded = rows.map((row) => row.id).filter((id) => !this.#inFlight.has(id));
    if (stranded.length === 0) return;
    for (const id of stranded) this.#interrupted.add(id);
    this.#options.db.transaction(() => {
      const requeue = this.#sql("UPDATE materials SET download_state = 'queued' WHERE id = ? AND download_state = 'downloading'");
      for (const id of stranded) requeue.run(id);
    })();
  }

  async stop(): Promise<void> {
    this.#running = false;
    for (const timer of [this.#resumeTimer, this.#retryTimer, this.#progressTimer]) if (timer) clearTimeout(timer);
    for (const { controller } of this.#inFlight.values()) controller.abort();
    await this.whenIdle();
    // Safe to lose (see #pendingMarks): a database refusing them must not keep the cache from closing.
    this.#flushMarksIfWritable();
  }

  pause(): void {
    this.#pausedFor = 'user';
    for (const { controller } of this.#inFlight.values()) controller.abort();
    this.#emitProgress();
  }

  /** Resumes after the user's pause, or retries now after any global pause (e.g. connectivity is back). */
  resume(): void {
    // Every write first: if the database refuses one, the queue stays paused as it was.
    this.#flushMarks();
    this.#requeueInterrupted();
    // Whatever was waiting out a backoff is due now: the reason to wait (offline, busy) has passed.
    const now = this.#options.now().toISOString();
    this.#sql("UPDATE materials SET next_attempt_at = NULL WHERE download_state = 'queued'").run();
    this.#sql("UPDATE materials SET next_attempt_at = ? WHERE download_state = 'failed' AND next_attempt_at IS NOT NULL")
      .run(now);
    this.#pausedFor = null;
    this.#prefetched = [];
    if (this.#resumeTimer) clearTimeout(this.#resumeTimer);
    this.pump();
  }

  /**
   * Connectivity or the server is back (a sync just succeeded): retry now whatever waited on a global
   * cause or a backoff. Unlike resume(), a pause the user chose stays.
   */
  retryNow(): void {
    if (this.#pausedFor === 'user') return;
    this.resume();
  }

  /** The user's "retry": every failed download, including those that failed for good, is queued again. */
  retryFailed(): void {
    this.#flushMarks();
    this.#sql("UPDATE materials SET download_state = 'queued', attempts = 0, next_attempt_at = NULL, error_key = NULL WHERE download_state = 'failed'")
      .run();
    this.resume();
  }

  /** Stops the downloads of one case (its "keep offline" was switched off). */
  cancelCase(caseId: string): void {
    this.#prefetched = [];
    for (const active of this.#inFlight.values()) if (active.caseId === caseId) active.controller.abort();
  }

  /** Resolves once no download of this case is in flight. */
  async whenCaseIdle(caseId: string): Promise<void> {
    const pending = [...this.#inFlight.values()].filter((active) => active.caseId === caseId).map((active) => active.done);
    await Promise.all(pending);
    // Its materials' states are read and rewritten next ("keep offline" off): written first, and if
    // they cannot be, the caller hears it before it writes (a later flush would undo its reset).
    this.#flushMarks();
  }

  /**
   * Writes every pending state mark now. The sync engine calls it before a page rewrites materials,
   * so that a mark lands on the row it was made for: a later page may delete a material and insert it
   * again under the same id, and a "stored" mark written after that would claim a blob the deletion
   * removed.
   */
  writeMarks(): void {
    this.#flushMarks();
  }

  get pausedFor(): DownloadProgress['pausedFor'] {
    return this.#pausedFor;
  }

  focus(caseId: string | null): void {
    this.#focusCaseId = caseId;
    this.#prefetched = [];
    this.pump();
  }

  /** Resolves when nothing is downloading and nothing is due now. */
  whenIdle(): Promise<void> {
    if (this.#inFlight.size === 0 && (this.#pausedFor !== null || !this.#running || this.#nextDue(false) === null)) {
      this.#flushMarksIfWritable();
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /**
   * Starts as many downloads as the concurrency allows. Safe to call at any time; callers outside
   * the queue call it after changing what may be due, so the earliest backoff is looked up again.
   */
  pump(): void {
    this.#retryDue = null;
    this.#pump();
  }

  #pump(): void {
    if (!this.#running || this.#pausedFor !== null) return this.#settle();
    while (this.#networkSlotFree()) {
      const row = this.#nextDue();
      if (!row) break;
      const controller = new AbortController();
      this.#inFlight.set(row.id, { controller, caseId: row.case_id, bytes: 0, sealing: false });
      this.#mark(row, 'downloading');
      const entry = this.#inFlight.get(row.id);
      const done = this.#download(row, controller.signal)
        .catch((error: unknown) => this.#stateWriteFailed(error))
        .finally(() => this.#dropIfRemoved(row.id))
        .finally(() => {
          this.#inFlight.delete(row.id);
          this.#pump();
        });
      if (entry) entry.done = done;
    }
    this.#scheduleRetry();
    this.#emitProgressSoon();
    this.#settle();
  }

  #networkSlotFree(): boolean {
    const { concurrency } = this.#options;
    if (this.#inFlight.size >= 2 * concurrency) return false;
    let downloading = 0;
    for (const active of this.#inFlight.values()) if (!active.sealing) downloading++;
    return downloading < concurrency;
  }

  /** The download's bytes are all with the vault: its network slot goes to the next one. */
  #startSealing(id: string): void {
    const active = this.#inFlight.get(id);
    if (!active || active.sealing) return;
    active.sealing = true;
    this.#pump();
  }

  progress(): DownloadProgress {
    this.#flushMarksIfWritable();
    const rows = this.#sql(
        `SELECT d.case_id AS caseId, m.download_state AS state, count(*) AS n, sum(m.size) AS bytes
         FROM materials m JOIN documents d ON d.id = m.document_id JOIN cases c ON c.id = d.case_id
         WHERE c.keep_offline = 1 AND c.association_state = 'associated'
         GROUP BY d.case_id, m.download_state`,
      )
      .all() as Array<{ caseId: string; state: string; n: number; bytes: number }>;
    const perCase = new Map<string, DownloadProgress['perCase'][number]>();
    const totals = { queued: 0, stored: 0, failed: 0, bytesDone: 0, bytesTotal: 0 };
    for (const row of rows) {
      const entry = perCase.get(row.caseId) ?? { caseId: row.caseId, stored: 0, total: 0, bytesDone: 0, bytesTotal: 0 };
      entry.total += row.n;
      entry.bytesTotal += row.bytes;
      totals.bytesTotal += row.bytes;
      if (row.state === 'stored') {
        entry.stored += row.n;
        entry.bytesDone += row.bytes;
        totals.stored += row.n;
        totals.bytesDone += row.bytes;
      } else if (row.state === 'failed') {
        totals.failed += row.n;
      } else {
        totals.queued += row.n;
      }
      perCase.set(row.caseId, entry);
    }
    for (const active of this.#inFlight.values()) {
      totals.bytesDone += active.bytes;
      const entry = perCase.get(active.caseId);
      if (entry) entry.bytesDone += active.bytes;
    }
    return {
      ...totals,
      queued: totals.queued - this.#inFlight.size,
      active: this.#inFlight.size,
      pausedFor: this.#pausedFor,
      perCase: [...perCase.values()].filter((entry) => entry.stored < entry.total),
    };
  }

  /** The next download to start (`take` = false only peeks). */
  #nextDue(take = true): QueueRow | null {
    const now = this.#options.now().toISOString();
    let row: QueueRow | undefined;
    for (;;) {
      if (this.#prefetched.length === 0) this.#prefetched = this.#readDue(now);
      row = this.#prefetched[0];
      if (!row) break;
      // Still due? (a sync, a failure or "keep offline" may have changed it since it was read)
      if (!this.#inFlight.has(row.id) && !this.#pendingMarks.has(row.id) && this.#sql(STILL_DUE).get({ id: row.id, now }) !== undefined) break;
      this.#prefetched.shift();
    }
    if (!row) return null;
    if (!take) return row;
    this.#prefetched.shift();
    const budget = this.#options.budgetBytes();
    if (budget !== null && this.#committedBytes() + row.size > budget) {
      this.#prefetched = [];
      // Smallest first within a case would still not fit: stop here rather than fill the disk past
      // what the user allowed. Raising the budget (or dropping a case) resumes the queue.
      this.#pauseAll('storageBudget');
      return null;
    }
    return row;
  }

  #readDue(now: string): QueueRow[] {
    return this.#sql(
      `SELECT m.id, m.size, m.sha256, m.attempts, d.case_id
       FROM materials m JOIN documents d ON d.id = m.document_id JOIN cases c ON c.id = d.case_id
       WHERE ${DUE}
         AND m.id NOT IN (SELECT value FROM json_each(@inFlight))
       ORDER BY (d.case_id = @focus) DESC, c.next_hearing_at IS NULL, c.next_hearing_at, m.size
       LIMIT ${PREFETCH_ROWS}`,
    ).all({ now, inFlight: JSON.stringify([...this.#inFlight.keys(), ...this.#pendingMarks.keys()]), focus: this.#focusCaseId ?? '' }) as QueueRow[];
  }

  /** Bytes of documents stored or being downloaded: what the budget is measured against. */
  #committedBytes(): number {
    const stored = this.#sql("SELECT coalesce(sum(size), 0) AS bytes FROM materials WHERE download_state = 'stored'").get() as { bytes: number };
    let inFlight = 0;
    for (const id of this.#inFlight.keys()) {
      const row = this.#sql('SELECT size FROM materials WHERE id = ?').get(id) as { size: number } | undefined;
      inFlight += row?.size ?? 0;
    }
    let storedNotWritten = 0;
    for (const [id, mark] of this.#pendingMarks) if (mark.state === 'stored' && !this.#inFlight.has(id)) storedNotWritten += mark.size;
    return stored.bytes + inFlight + storedNotWritten;
  }

  async #download(row: QueueRow, signal: AbortSignal): Promise<void> {
    const { store, source } = this.#options;
    let writer: BlobWriter | null = null;
    let response: MaterialBody | null = null;
    // Network reads arrive in ~64 KiB pieces; handing the vault ~1 MiB at a time makes one message (and
    // one encrypted writev) per MiB instead of one per piece. The pieces are copied into a batch buffer
    // from the queue's capped pool, which the vault may move to its writer thread (no second copy) and
    // give back.
    const batches = this.#batches;
    let batch: Uint8Array | null = null;
    let fill = 0;
    // One batch is written while the next is read from the network; at most one is in flight.
    let writing: Promise<void> | null = null;
    const handOver = async (): Promise<void> => {
      if (!writer || batch === null) return;
      const whole = batch;
      const used = fill;
      batch = null;
      fill = 0;
      if (used === 0) return batches.release(whole);
      const data = used === whole.byteLength ? whole : whole.subarray(0, used);
      try {
        if (writing) await writing;
      } catch (error) {
        batches.release(whole);
        throw error;
      }
      let returned = false;
      const recycle = (buffer: Uint8Array): void => {
        returned = true;
        batches.release(buffer);
      };
      writing = writer.write(data, { transfer: true, recycle }).finally(() => {
        // Not moved (an inline writer, or a partial batch the thread copied): ours to refill now. Moved
        // and not given back (the thread failed the write): gone, so another may be allocated.
        if (!returned) batches.release(whole.byteLength > 0 ? whole : null);
      });
      // Awaited before the next batch or at the end; until then a failure must not count as unhandled.
      writing.catch(() => undefined);
    };
    try {
      // A previous run may have published the blob and died before recording it (or an earlier
      // attempt of this one failed after publishing).
      const mayBePublished = this.#interrupted.delete(row.id) || row.attempts > 0;
      if (mayBePublished && store.has(row.id)) {
        if ((await store.sha256(row.id)) === row.sha256) {
          // A later run may have started downloading it again (its "downloading" mark not written
          // when the blob was published) and died part-way: that partial is of no use now.
          await store.discardPartial(row.id);
          return this.#mark(row, 'stored');
        }
        await store.delete(row.id);
      }
      writer = await store.openWriter(row.id);
      let offset = writer.committedBytes;
      if (offset > row.size) {
        await writer.abort();
        writer = await store.openWriter(row.id);
        offset = 0;
      }
      if (offset < row.size) {
        response = await source.materialContent(row.id, offset, signal);
        if (offset > 0 && response.status === 200) {
          // The server ignored the range (the material changed or it cannot resume): start clean.
          await writer.abort();
          writer = await store.openWriter(row.id);
        }
        const active = this.#inFlight.get(row.id);
        if (active) active.bytes = writer.committedBytes;
        for await (const chunk of response.body) {
          if (active) active.bytes += chunk.byteLength;
          for (let at = 0; at < chunk.byteLength; ) {
            if (batch === null) {
              // Usually at once; when every batch is out, this waits for the vault to give one back.
              const next = batches.acquire();
              batch = next instanceof Promise ? await next : next;
            }
            const take = Math.min(batch.byteLength - fill, chunk.byteLength - at);
            batch.set(take === chunk.byteLength ? chunk : chunk.subarray(at, at + take), fill);
            fill += take;
            at += take;
            if (fill === batch.byteLength) await handOver();
          }
          // Copied: its memory goes back now rather than at the next collection (sync-source.ts).
          releaseBuffer(chunk);
          this.#emitProgressSoon();
        }
        await handOver();
        if (writing) await writing;
      }
      this.#startSealing(row.id);
      const { size, sha256 } = await writer.finish();
      writer = null;
      if (size !== row.size || sha256 !== row.sha256) {
        await store.delete(row.id);
        return this.#markFailed(row, 'errors.hashMismatch', { kind: 'retry' });
      }
      this.#mark(row, 'stored');
    } catch (error) {
      response?.cancel();
      // What arrived before the failure is still good (finish() checks the hash of the whole): keep it.
      // A write that failed stops the writer for good, so this one then fails at once as well.
      await handOver().catch(() => undefined);
      await (writing as Promise<void> | null)?.catch(() => undefined);
      // The partial blob is kept (closed, its verified prefix on disk): the next attempt resumes from it.
      await writer?.close().catch(() => undefined);
      if (signal.aborted) {
        // This write supersedes the row's pending "downloading" mark (other rows' marks are theirs).
        this.#pendingMarks.delete(row.id);
        this.#sql("UPDATE materials SET download_state = 'queued' WHERE id = ?").run(row.id);
        return;
      }
      const { failure, messageKey } = this.#options.classify(error);
      if (failure.kind === 'restart') await store.delete(row.id).catch(() => undefined);
      this.#markFailed(row, messageKey, failure);
    } finally {
      // A batch still being filled when the download stopped (e.g. before the writer was there).
      if (batch !== null) batches.release(batch);
    }
  }

  /**
   * The material's case left while it downloaded (sync deleted the row, and its delete of the blob may
   * have raced this download): whatever this download published or kept on disk must go too.
   */
  async #dropIfRemoved(id: string): Promise<void> {
    if (this.#sql('SELECT 1 FROM materials WHERE id = ?').get(id) !== undefined) return;
    await this.#options.store.delete(id).catch(() => undefined);
  }

  /** Records a material's new state, to be written with others within MARKS_FLUSH_MS. */
  #mark(row: QueueRow, state: PendingMark['state']): void {
    this.#pendingMarks.set(row.id, { state, sha256: row.sha256, size: row.size });
    if (!this.#marksTimer) this.#flushMarksSoon();
  }

  #flushMarksSoon(): void {
    this.#marksTimer = setTimeout(() => this.#flushMarksIfWritable(), MARKS_FLUSH_MS);
    this.#marksTimer.unref();
  }

  /**
   * For timers, progress and idle waits, which must not fail (or crash the process) because the
   * database refused a write: the marks are kept and tried again, and whoever writes a state
   * directly next gets the error itself.
   */
  #flushMarksIfWritable(): void {
    try {
      this.#flushMarks();
    } catch {
      // Kept: see above.
    }
  }

  /**
   * Writes every pending mark in one transaction. Called before states are read or rewritten across
   * rows (start, resume, retry, "keep offline", a sync page); a direct write about one row drops that
   * row's own mark instead (#markFailed, the abort path), so it never waits on the others.
   */
  #flushMarks(): void {
    if (this.#marksTimer) clearTimeout(this.#marksTimer);
    this.#marksTimer = null;
    if (this.#pendingMarks.size === 0) return;
    const marks = [...this.#pendingMarks];
    this.#pendingMarks.clear();
    const downloading = this.#sql("UPDATE materials SET download_state = 'downloading' WHERE id = ? AND sha256 = ? AND download_state IN ('queued', 'failed')");
    const stored = this.#sql("UPDATE materials SET download_state = 'stored', attempts = 0, next_attempt_at = NULL, error_key = NULL WHERE id = ? AND sha256 = ?");
    try {
      this.#options.db.transaction(() => {
        for (const [id, mark] of marks) (mark.state === 'stored' ? stored : downloading).run(id, mark.sha256);
      })();
    } catch (error) {
      // Not written (the database is full or failing): kept for the next flush, unless a newer mark
      // took their place meanwhile. Nothing is lost by waiting: see #pendingMarks.
      for (const [id, mark] of marks) if (!this.#pendingMarks.has(id)) this.#pendingMarks.set(id, mark);
      // Tried again soon while downloading; while paused (the disk full, say) resume() writes them first.
      if (this.#running && this.#pausedFor === null) this.#flushMarksSoon();
      throw error;
    }
  }

  /**
   * A download could not record its outcome: the database refused the write (most often because the
   * disk is full, when the vault's write fails too). Nothing was lost — the row still says what it
   * said ("queued", or "downloading", which resume() and start() turn back into "queued" to be checked
   * for a published blob first) — but the queue must stop rather than run through every due item
   * failing the same way.
   */
  #stateWriteFailed(error: unknown): void {
    this.#pauseAll(this.#options.classify(error).failure.kind === 'diskFull' ? 'diskFull' : 'storageError');
  }

  #markFailed(row: QueueRow, messageKey: string, failure: FailureKind): void {
    // This write supersedes the row's pending mark; it comes after the pause, so that a database that
    // cannot write still stops the queue (the error then reaches #stateWriteFailed).
    this.#pendingMarks.delete(row.id);
    this.#prefetched = [];
    this.#retryDue = null;
    const now = this.#options.now().getTime();
    // Items that failed on their own merit back off and show as failed; a global cause (offline,
    // Retry-After, disk full, signed out) pauses the whole queue and costs the item nothing.
    let state: 'queued' | 'failed' = 'queued';
    let attempts = row.attempts;
    let nextAttemptAt: number | null = null;
    switch (failure.kind) {
      case 'retry':
      case 'restart':
        state = 'failed';
        attempts += 1;
        nextAttemptAt = now + backoffMs(attempts, this.#options.random);
        break;
      case 'fatal':
        state = 'failed';
        attempts += 1;
        break;
      case 'offline':
        this.#pauseAll('offline');
        break;
      case 'wait':
        nextAttemptAt = now + failure.ms;
        this.#pauseAll('serverBusy', failure.ms);
        break;
      case 'diskFull':
        this.#pauseAll('diskFull');
        break;
      case 'signInRequired':
        this.#pauseAll('signInRequired');
        break;
    }
    this.#sql('UPDATE materials SET download_state = ?, attempts = ?, next_attempt_at = ?, error_key = ? WHERE id = ?')
      .run(state, attempts, nextAttemptAt === null ? null : new Date(nextAttemptAt).toISOString(), messageKey, row.id);
  }

  #pauseAll(reason: NonNullable<DownloadProgress['pausedFor']>, forMs?: number): void {
    if (this.#pausedFor === 'user') return;
    this.#pausedFor = reason;
    for (const { controller } of this.#inFlight.values()) controller.abort();
    if (forMs !== undefined) {
      if (this.#resumeTimer) clearTimeout(this.#resumeTimer);
      this.#resumeTimer = setTimeout(() => {
        if (this.#pausedFor !== reason) return;
        try {
          this.resume();
        } catch {
          // The database refused resume()'s writes: still paused, the next sync or the user retries.
        }
      }, forMs);
      this.#resumeTimer.unref();
    }
    this.#emitProgress();
  }

  /**
   * Wakes up when the earliest backed-off item is due. The lookup scans every waiting material, and a
   * sync calls this two or three times per document, so it is repeated only when the answer may have
   * changed: a failure backed off, or someone outside called pump(). Within the queue, downloads
   * starting and being stored only take materials out of the set it looks at (a timer that then fires
   * early finds nothing due, and looks again).
   */
  #scheduleRetry(): void {
    if (!this.#running || this.#pausedFor !== null) {
      if (this.#retryTimer) clearTimeout(this.#retryTimer);
      this.#retryTimer = null;
      this.#retryDue = null;
      return;
    }
    if (this.#retryDue !== null) return;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    const next = this.#sql(
        `SELECT min(m.next_attempt_at) AS at FROM materials m JOIN documents d ON d.id = m.document_id JOIN cases c ON c.id = d.case_id
         WHERE m.download_state IN ('queued', 'failed') AND m.next_attempt_at IS NOT NULL
           AND c.keep_offline = 1 AND c.association_state = 'associated'`,
      )
      .get() as { at: string | null };
    this.#retryDue = next.at ?? NO_RETRY_DUE;
    if (!next.at) return;
    const delay = Math.max(50, new Date(next.at).getTime() - this.#options.now().getTime());
    this.#retryTimer = setTimeout(() => this.pump(), delay);
    this.#retryTimer.unref();
  }

  #emitProgressSoon(): void {
    if (this.#progressTimer || !this.#options.onProgress) return;
    this.#progressTimer = setTimeout(() => {
      this.#progressTimer = null;
      this.#emitProgress();
    }, this.#options.progressIntervalMs);
    this.#progressTimer.unref();
  }

  #emitProgress(): void {
    this.#options.onProgress?.(this.progress());
  }

  #settle(): void {
    if (this.#inFlight.size > 0) return;
    if (this.#running && this.#pausedFor === null && this.#nextDue(false) !== null) return;
    // Idle: what the queue did is in the database before anyone waiting on it looks.
    this.#flushMarksIfWritable();
    const waiters = this.#idleWaiters.splice(0);
    for (const resolve of waiters) resolve();
    if (waiters.length > 0) this.#emitProgress();
  }
}
