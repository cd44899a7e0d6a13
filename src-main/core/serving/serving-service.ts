/**
 * Everything the Outbox screens ask of main about serving documents: which cases can be served on,
 * when something sent now would count as served, the items and their honest states, and the user's
 * actions on them (queue, cancel, retry, send now, export the audit log). Sending itself is the
 * outbox's: a queued item's job is written in the same transaction that queues it.
 */
import type { ExportedFile } from '../notes';
import type { OutboxStatus, ServeDocumentType, ServeState, ServiceForecast, ServiceItem } from '../../../src-preload/api';
import type { Database } from '../db';
import { BluebagError } from '../errors';
import { enqueueJob, readJob, updateJob, type OutboxPause } from '../outbox';
import type { Vault } from '../vault';
import { appendAudit, exportAudit } from './audit-log';
import { assertServable, cachedCaseForService, type ServeEligibility } from './case-eligibility';
import { auditFacts, SERVE_JOB } from './serve-job';
import type { ServiceClock } from './service-clock';
import { countByState, listItems, readItem, unsentItemIds, type StoredItem } from './service-items';
import { cleanDocumentName } from './staging';
import type { ServingEvents } from './serving-events';

/** What serving needs of the one outbox (CasesService owns it). */
export interface OutboxControl {
  wake(options?: { now?: boolean }): Promise<void>;
  readonly pausedFor: OutboxPause;
}

export interface ServingServiceOptions {
  readonly db: Database;
  readonly vault: Vault;
  readonly clock: ServiceClock;
  readonly events: ServingEvents;
  readonly outbox: () => OutboxControl | null;
  /** Why a queue that has not tried yet would wait (offline, signed out): the app knows, the outbox not yet. */
  readonly waitingFor?: () => OutboxPause;
  readonly now?: () => Date;
}

export interface QueueRequest {
  itemIds: string[];
  defendantIds: string[];
  documentType: ServeDocumentType;
  note?: string | undefined;
  names?: Record<string, string> | undefined;
}

export class ServingService {
  readonly #o: ServingServiceOptions & { now: () => Date };

  constructor(options: ServingServiceOptions) {
    this.#o = { now: () => new Date(), ...options };
  }

  eligibility(caseId: string): ServeEligibility {
    return cachedCaseForService(this.#o.db, caseId).eligibility;
  }

  forecast(): ServiceForecast {
    return this.#o.clock.forecast();
  }

  list(filter: { caseId?: string | undefined; states?: ServeState[] | undefined }): { items: ServiceItem[]; status: OutboxStatus } {
    return { items: listItems(this.#o.db, filter).map((item) => this.#view(item)), status: this.status() };
  }

  /** Counts for the badge and the Outbox header, and why the queue waits if it does. */
  status(): OutboxStatus {
    const counts = countByState(this.#o.db);
    const waiting = counts.queued + counts.uploading > 0;
    const pausedFor = waiting ? (this.#o.outbox()?.pausedFor ?? this.#o.waitingFor?.() ?? null) : null;
    return { unsent: counts.queued + counts.uploading + counts.refused, uploading: counts.uploading, refused: counts.refused, pausedFor };
  }

  /**
   * Drafts: not yet asked to go, so not in the outbox, but work a sign-out with "discard" would remove
   * (the sign-out question counts them with the outbox's jobs).
   */
  draftCount(): number {
    return (this.#o.db.prepare("SELECT count(*) AS n FROM service_items WHERE state = 'draft'").get() as { n: number }).n;
  }

  /** Drafts to the queue, each with its outbox job, all in one transaction: from here they go by themselves. */
  queue(request: QueueRequest): ServiceItem[] {
    const { db } = this.#o;
    const now = this.#o.now();
    db.transaction(() => {
      for (const itemId of request.itemIds) {
        const item = this.#require(itemId);
        if (item.state !== 'draft') throw new BluebagError('conflict', 'errors.serveNotDraft');
        const served = cachedCaseForService(db, item.caseId);
        assertServable(served.eligibility);
        const names = request.defendantIds.map((id) => served.defendants.get(id));
        if (names.some((name) => name === undefined)) throw new BluebagError('invalid_argument', 'errors.serveDefendantNotFound');
        // A new name is cleaned as a dropped file's is (no control characters, a length CP takes).
        const renamed = request.names?.[itemId];
        const name = renamed === undefined ? item.name : (cleanDocumentName(renamed) ?? refuseName());
        const job = enqueueJob(db, { kind: SERVE_JOB, caseId: item.caseId, payload: { itemId } }, now);
        db.prepare(
          `UPDATE service_items SET state = 'queued', job_id = ?, defendant_ids_json = ?, defendant_names_json = ?, document_type = ?, note = ?,
             name = ?, queued_at = ?, error_key = NULL WHERE id = ?`,
        ).run(job.id, JSON.stringify(request.defendantIds), JSON.stringify(names), request.documentType, request.note ?? null, name, now.toISOString(), itemId);
        appendAudit(db, { event: 'queued', ...auditFacts({ ...item, name }), idempotencyKey: job.idempotencyKey }, now);
      }
    })();
    this.#o.events.changed(request.itemIds);
    void this.#o.outbox()?.wake();
    return request.itemIds.map((id) => this.#view(this.#require(id)));
  }

  /** Withdraws a draft, a queued item or a refused one; refused once its upload has started. */
  async cancel(itemId: string): Promise<ServiceItem> {
    const { db } = this.#o;
    const now = this.#o.now();
    const item = this.#require(itemId);
    switch (item.view.state) {
      case 'cancelled':
        return this.#view(item);
      case 'uploading':
      case 'accepted':
        throw new BluebagError('conflict', 'errors.serveUploadStarted');
      case 'draft':
      case 'queued':
      case 'refused':
        break;
    }
    db.transaction(() => {
      // Checked again inside the transaction: the outbox takes a job synchronously, so this is exact.
      const job = item.jobId === null ? null : readJob(db, item.jobId);
      if (job?.state === 'active') throw new BluebagError('conflict', 'errors.serveUploadStarted');
      // Tried before and not refused: CP may hold it already (an answer lost after the last byte went).
      // It goes on until CP answers; withdrawing it now could hide a document that was served.
      if (job?.state === 'queued' && job.attempts > 0) throw new BluebagError('conflict', 'errors.serveUploadStarted');
      if (job && (job.state === 'queued' || job.state === 'failed')) updateJob(db, job.id, { state: 'cancelled' }, now);
      db.prepare("UPDATE service_items SET state = 'cancelled' WHERE id = ?").run(itemId);
      appendAudit(db, { event: 'cancelled', ...auditFacts(item), idempotencyKey: job?.idempotencyKey ?? null }, now);
    })();
    await this.#o.vault.delete(itemId).catch(() => undefined);
    this.#o.events.changed([itemId]);
    return this.#view(this.#require(itemId));
  }

  /**
   * A refused item goes again as a NEW job with a NEW idempotency key: CP said no for good, the user
   * has fixed the cause (associated the firm, say), and CP may keep its refusal under the old key and
   * replay it. Nothing can be served twice this way, because the old key ended in a refusal, never in
   * doubt. A waiting item is simply made due now.
   */
  retry(itemId: string): ServiceItem {
    const { db } = this.#o;
    const now = this.#o.now();
    const item = this.#require(itemId);
    switch (item.view.state) {
      case 'refused':
        if (!this.#o.vault.has(itemId)) throw new BluebagError('conflict', 'errors.serveLocalCopyMissing');
        // CP gave a receipt under the old key (for other bytes): something is stored there. Sending it
        // again under a new key could serve it twice; the user must check with the court first.
        if (item.view.errorKey === 'errors.serveReceiptMismatch') throw new BluebagError('conflict', 'errors.serveReceiptMismatchNoRetry');
        db.transaction(() => {
          if (item.jobId !== null) updateJob(db, item.jobId, { state: 'cancelled' }, now);
          const job = enqueueJob(db, { kind: SERVE_JOB, caseId: item.caseId, payload: { itemId } }, now);
          db.prepare("UPDATE service_items SET state = 'queued', job_id = ?, error_key = NULL, queued_at = ? WHERE id = ?").run(job.id, now.toISOString(), itemId);
          appendAudit(db, { event: 'retried', ...auditFacts(item), idempotencyKey: job.idempotencyKey }, now);
        })();
        break;
      case 'queued':
        if (item.jobId !== null) updateJob(db, item.jobId, { nextAttemptAt: null }, now);
        break;
      case 'draft':
        throw new BluebagError('conflict', 'errors.serveNotDraft');
      case 'uploading':
      case 'accepted':
      case 'cancelled':
        return this.#view(item);
    }
    this.#o.events.changed([itemId]);
    void this.#o.outbox()?.wake();
    return this.#view(this.#require(itemId));
  }

  /** Everything waiting goes now rather than at its next retry time (not awaited: the UI follows events). */
  sendNow(): OutboxStatus {
    void this.#o.outbox()?.wake({ now: true });
    return this.status();
  }

  exportAudit(format: 'csv' | 'json'): ExportedFile {
    return exportAudit(this.#o.db, format, this.#o.now());
  }

  /**
   * Sign-out. "keep": everything stays for the next sign-in (the outbox vault is not the cache's, so
   * wiping the cache leaves it). "discard": every item CP has not accepted goes, with its local copy;
   * the audit log keeps the record that it was discarded.
   */
  async wipe(unsentWork: 'keep' | 'discard'): Promise<void> {
    if (unsentWork === 'keep') return;
    const { db } = this.#o;
    const now = this.#o.now();
    const ids = unsentItemIds(db);
    db.transaction(() => {
      for (const id of ids) {
        const item = readItem(db, id);
        if (!item) continue;
        if (item.jobId !== null) {
          const job = readJob(db, item.jobId);
          if (job && job.state !== 'done') updateJob(db, job.id, { state: 'cancelled' }, now);
        }
        appendAudit(db, { event: 'discarded', ...auditFacts(item) }, now);
        db.prepare('DELETE FROM service_items WHERE id = ?').run(id);
      }
    })();
    for (const id of ids) await this.#o.vault.delete(id).catch(() => undefined);
    this.#o.events.changed(ids);
  }

  #require(itemId: string): StoredItem {
    const item = readItem(this.#o.db, itemId);
    if (!item) throw new BluebagError('not_found', 'errors.serveItemNotFound');
    return item;
  }

  #view(item: StoredItem): ServiceItem {
    return { ...item.view, sentBytes: item.view.state === 'uploading' ? (this.#o.events.sentBytes(item.id) ?? 0) : null };
  }
}

function refuseName(): never {
  throw new BluebagError('invalid_argument', 'errors.invalidArgument');
}
