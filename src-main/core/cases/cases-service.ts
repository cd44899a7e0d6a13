import type { CaseDetail, CaseSearchResult, CaseSummary, PendingAssociation, RepresentationType, SyncStatus } from '../../../src-preload/api';
import { checkUrn } from '../../../src-preload/api';
import type { CaseCache } from '../case-cache';
import type { CpClient } from '../cp';
import { clearNewMaterial, getCaseDetail, listCaseSummaries, setKeepOffline } from '../db';
import { BluebagError } from '../errors';
import { enqueueJob, Outbox, readJob, updateJob, type OutboxHandler, type OutboxJob } from '../outbox';
import { classifyFailure, type DownloadProgress, type SyncRunState } from '../sync';
import { ASSOCIATE_JOB, associationHandlers, DISASSOCIATE_JOB, pendingAssociations, type AssociationPayload } from './association-jobs';
import { releaseOfflineCopies } from './offline-copies';
import { searchResultsFromWire } from './search-results';
import { buildSyncStatus } from './sync-status';

export interface CasesServiceOptions {
  cache: CaseCache;
  client: CpClient;
  signedIn: () => boolean;
  budgetBytes: () => number | null;
  emitSync: (status: SyncStatus) => void;
  emitCases: (caseIds: string[]) => void;
  /** Something failed because CP could not be reached: re-check connectivity, so its return is noticed. */
  reportOffline?: () => void;
  now?: () => Date;
  /** How often to sync while signed in and online; default five minutes. */
  syncIntervalMs?: number;
  /**
   * The other kinds of job sent through the same outbox (documents served, check-ins): one queue for
   * everything sent to CP, so order, backoff and a Retry-After pause hold across all of them.
   */
  otherJobs?: readonly OutboxJobGroup[];
}

/** Some kinds of outbox job and what to do when one of them changes or settles. */
export interface OutboxJobGroup {
  readonly handlers: Readonly<Record<string, OutboxHandler>>;
  readonly onSettled?: (job: OutboxJob) => void;
  readonly onChange?: (job: OutboxJob) => void;
  /** Kinds of this group sent ahead of everything else (see OutboxOptions.sendFirst). */
  readonly sendFirst?: readonly string[];
}

const ASSOCIATION_JOBS: ReadonlySet<string> = new Set([ASSOCIATE_JOB, DISASSOCIATE_JOB]);

/**
 * Everything the case screens and the sync screen ask of main: the cached cases, CP's case search,
 * association changes (always through the durable outbox, so an offline request is kept and sent
 * later), and sync — on sign-in, on a timer, when the connection returns, and on demand.
 */
export class CasesService {
  readonly #o: CasesServiceOptions & { now: () => Date };
  readonly #outbox: Outbox;
  /** Each case's "keep offline" changes, one at a time: switching back on must wait for the files to go. */
  readonly #keepOfflineChanges = new Map<string, Promise<unknown>>();
  /** Set by stop(): work that was waiting (a sync after the outbox) must not start on a closed cache. */
  #stopped = false;
  #timer: NodeJS.Timeout | null = null;
  #lastProgress: DownloadProgress | null = null;

  constructor(options: CasesServiceOptions) {
    this.#o = { now: () => new Date(), ...options };
    const others = options.otherJobs ?? [];
    const groupOf = (job: OutboxJob) => others.find((group) => Object.hasOwn(group.handlers, job.kind));
    this.#outbox = new Outbox({
      db: options.cache.db,
      handlers: Object.assign({}, ...others.map((group) => group.handlers), associationHandlers(options.client)) as Record<string, OutboxHandler>,
      classify: classifyFailure,
      now: this.#o.now,
      sendFirst: others.flatMap((group) => group.sendFirst ?? []),
      inOrder: [ASSOCIATE_JOB, DISASSOCIATE_JOB],
      onSettled: (job) => {
        if (!ASSOCIATION_JOBS.has(job.kind)) return groupOf(job)?.onSettled?.(job);
        const caseId = job.caseId;
        if (job.state === 'done') void this.syncNow();
        if (caseId) this.#o.emitCases([caseId]);
      },
      onChange: (job) => {
        if (!ASSOCIATION_JOBS.has(job.kind)) return groupOf(job)?.onChange?.(job);
        this.#o.emitCases([]);
      },
      ...(options.reportOffline ? { onOffline: options.reportOffline } : {}),
    });
  }

  /** The one outbox, for the other services that send through it ("send now", pause state). */
  get outbox(): Outbox {
    return this.#outbox;
  }

  start(): void {
    this.#o.cache.queue.start();
    this.#outbox.start();
    const interval = this.#o.syncIntervalMs ?? 5 * 60_000;
    this.#timer = setInterval(() => {
      if (this.#o.signedIn()) void this.syncNow();
    }, interval);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    await this.#outbox.stop();
  }

  // --- what the screens read ------------------------------------------------------------------

  list(): CaseSummary[] {
    return listCaseSummaries(this.#o.cache.db);
  }

  get(caseId: string): CaseDetail {
    const detail = getCaseDetail(this.#o.cache.db, caseId);
    if (!detail) throw new BluebagError('not_found', 'errors.caseNotFound');
    return detail;
  }

  /** The case on screen downloads first; opening it also clears its "new material" badge. */
  focus(caseId: string | null): void {
    if (caseId !== null) {
      clearNewMaterial(this.#o.cache.db, caseId);
      this.#o.emitCases([caseId]);
    }
    this.#o.cache.queue.focus(caseId);
  }

  setKeepOffline(caseId: string, keep: boolean): Promise<CaseSummary> {
    // Queued behind the case's previous change: switched back on while its files were still being
    // removed, the downloads it starts would publish blobs that removal then deletes.
    const previous = this.#keepOfflineChanges.get(caseId) ?? Promise.resolve();
    const change = previous.catch(() => undefined).then(() => this.#changeKeepOffline(caseId, keep));
    this.#keepOfflineChanges.set(caseId, change);
    void change.finally(() => {
      if (this.#keepOfflineChanges.get(caseId) === change) this.#keepOfflineChanges.delete(caseId);
    }).catch(() => undefined);
    return change;
  }

  async #changeKeepOffline(caseId: string, keep: boolean): Promise<CaseSummary> {
    if (!setKeepOffline(this.#o.cache.db, caseId, keep)) throw new BluebagError('not_found', 'errors.caseNotFound');
    try {
      // Downloads in flight for the case stop before their files are removed.
      if (!keep) {
        this.#o.cache.queue.cancelCase(caseId);
        await this.#o.cache.queue.whenCaseIdle(caseId);
        await releaseOfflineCopies(this.#o.cache, caseId);
      }
    } finally {
      // The switch is written either way: the screens show what is now so, even if removing failed.
      this.#o.cache.queue.pump();
      this.#o.emitCases([caseId]);
      this.#emitSync();
    }
    return listCaseSummaries(this.#o.cache.db, caseId)[0] as CaseSummary;
  }

  // --- Common Platform ------------------------------------------------------------------------

  async search(rawUrn: string): Promise<CaseSearchResult[]> {
    const check = checkUrn(rawUrn);
    if (!check.ok) throw new BluebagError('invalid_argument', check.messageKey);
    const answer = await this.#o.client.searchCases({ by: 'urn', prosecutionCaseReference: check.urn });
    const cached = new Set((this.#o.cache.db.prepare('SELECT id FROM cases').all() as Array<{ id: string }>).map((row) => row.id));
    return searchResultsFromWire(answer, (id) => cached.has(id));
  }

  associate(request: { caseId: string; defendantId: string; representationType: RepresentationType; laaContractNumber?: string; urn: string; defendantName: string }): Promise<{ state: 'associated' | 'pending' }> {
    const payload: AssociationPayload = {
      caseId: request.caseId,
      defendantId: request.defendantId,
      urn: request.urn,
      defendantName: request.defendantName,
      representationType: request.representationType,
      ...(request.laaContractNumber ? { laaContractNumber: request.laaContractNumber } : {}),
    };
    return this.#send(ASSOCIATE_JOB, payload, 'associated');
  }

  disassociate(caseId: string, defendantId: string): Promise<{ state: 'disassociated' | 'pending' }> {
    const detail = getCaseDetail(this.#o.cache.db, caseId);
    const defendant = detail?.defendants.find((d) => d.id === defendantId);
    if (!detail || !defendant) throw new BluebagError('not_found', 'errors.caseNotFound');
    return this.#send(DISASSOCIATE_JOB, { caseId, defendantId, urn: detail.summary.urn, defendantName: defendant.name }, 'disassociated');
  }

  pending(): PendingAssociation[] {
    return pendingAssociations(this.#o.cache.db);
  }

  cancelPending(jobId: string): PendingAssociation[] {
    const job = readJob(this.#o.cache.db, jobId);
    if (!job || (job.kind !== ASSOCIATE_JOB && job.kind !== DISASSOCIATE_JOB)) throw new BluebagError('not_found', 'errors.jobNotFound');
    if (job.state === 'active') throw new BluebagError('conflict', 'errors.jobAlreadySending');
    if (job.state !== 'done') updateJob(this.#o.cache.db, jobId, { state: 'cancelled' }, this.#o.now());
    this.#o.emitCases([]);
    return this.pending();
  }

  /** Number of jobs not yet accepted by CP: sign-out asks what to do with them. */
  unsentCount(): number {
    const row = this.#o.cache.db.prepare("SELECT count(*) AS n FROM outbox_jobs WHERE state IN ('queued', 'active', 'failed')").get() as { n: number };
    return row.n;
  }

  // --- sync -----------------------------------------------------------------------------------

  async syncNow(): Promise<SyncStatus> {
    if (!this.#o.signedIn()) return this.status();
    void this.#outbox.wake();
    await this.#o.cache.engine.syncNow();
    return this.status();
  }

  /** The connection is back (or the user signed in): send what waits, then sync. */
  reconnected(): void {
    if (!this.#o.signedIn()) return;
    // Due now whatever waited out a backoff — but a pause the user chose stays.
    this.#o.cache.queue.retryNow();
    // What waits to go to the court goes first (a document may have a 2.30pm deadline); the sync, whose
    // downloads would share the link with it, starts once the outbox has sent what it can. Measured in
    // `npm run bench -- outbox`: side by side, the uploads ran at about half speed.
    void this.#outbox
      .wake()
      .catch(() => undefined)
      .then(() => (this.#stopped ? undefined : this.syncNow()))
      // The sync reports its own failures in its status; nothing here is the user's to see.
      .catch(() => undefined);
  }

  pause(): SyncStatus {
    this.#o.cache.queue.pause();
    return this.status();
  }

  resume(): SyncStatus {
    this.#o.cache.queue.resume();
    return this.status();
  }

  retryFailed(): SyncStatus {
    this.#o.cache.queue.retryFailed();
    return this.status();
  }

  status(): SyncStatus {
    return buildSyncStatus({
      db: this.#o.cache.db,
      engine: this.#o.cache.engine.state,
      progress: this.#lastProgress ?? this.#o.cache.queue.progress(),
      signedIn: this.#o.signedIn(),
      budgetBytes: this.#o.budgetBytes(),
      cacheRecovered: this.#o.cache.opened.recovery !== null,
    });
  }

  onProgress(progress: DownloadProgress): void {
    if (progress.pausedFor === 'offline' && this.#lastProgress?.pausedFor !== 'offline') this.#o.reportOffline?.();
    this.#lastProgress = progress;
    this.#emitSync();
  }

  onEngineState(state: SyncRunState): void {
    if (state.offline) this.#o.reportOffline?.();
    this.#lastProgress = this.#o.cache.queue.progress();
    this.#emitSync();
  }

  /** Sign-out: CP's data leaves this laptop; unsent work stays (to send after the next sign-in) or goes. */
  async wipe(unsentWork: 'keep' | 'discard'): Promise<void> {
    const { db, vault, queue } = this.#o.cache;
    await queue.stop();
    // An upload under way finishes first (accepted, it is kept as sent; otherwise it is withdrawn
    // below): nothing may be cancelled while CP might be storing it.
    await this.#outbox.stop();
    db.transaction(() => {
      db.prepare('DELETE FROM cases').run();
      db.prepare('DELETE FROM sync_state').run();
      if (unsentWork === 'discard') db.prepare("UPDATE outbox_jobs SET state = 'cancelled' WHERE state IN ('queued', 'active', 'failed')").run();
    })();
    await vault.clear();
    this.#lastProgress = null;
    queue.start();
    this.#outbox.start();
    this.#o.emitCases([]);
    this.#emitSync();
  }

  #emitSync(): void {
    this.#o.emitSync(this.status());
  }

  async #send<S extends string>(kind: string, payload: AssociationPayload, doneState: S): Promise<{ state: S | 'pending' }> {
    const db = this.#o.cache.db;
    const job = db.transaction(() => enqueueJob(db, { kind, caseId: payload.caseId, payload }, this.#o.now()))();
    this.#o.emitCases([payload.caseId]);
    // Try at once; when CP cannot be reached the job simply stays queued, durable on disk.
    await this.#outbox.wake();
    const after = readJob(db, job.id);
    switch (after?.state) {
      case 'done':
        return { state: doneState };
      case 'failed': {
        // Refused while the user watches: they read why on the spot, so the job is not kept as pending.
        updateJob(db, job.id, { state: 'cancelled' }, this.#o.now());
        throw new BluebagError('conflict', after.lastErrorKey ?? 'errors.cpRefused');
      }
      default:
        return { state: 'pending' };
    }
  }
}
