/**
 * The outbox job that serves one document: its bytes streamed decrypted from the outbox vault to CP
 * with the job's idempotency key, CP's receipt checked against what was sent and stored with the
 * deemed-service date computed from CP's receipt time. A crash at any point is safe: the job is
 * active, so it is queued again at start-up and resent with the same key, and CP answers the resend
 * with the first receipt.
 */
import { z } from 'zod';
import { CpOfflineError, CpRefusedError, type CpClient, type ServeReceipt } from '../cp';
import type { Database } from '../db';
import { BluebagError } from '../errors';
import { JobRefusedError, type OutboxHandler, type OutboxJob } from '../outbox';
import type { Vault } from '../vault';
import { appendAudit } from './audit-log';
import { cpDocumentTypeDescription } from './document-types';
import { isIncompleteUpload, serveRefusalKey } from './serve-refusals';
import type { ServiceClock } from './service-clock';
import { readItem, type StoredItem } from './service-items';
import type { ServingEvents } from './serving-events';

export const SERVE_JOB = 'serveDocument';

/** Transport codes that mean no connection was made at all: CP is unreachable, not cutting uploads. */
const NO_CONNECTION: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'UND_ERR_CONNECT_TIMEOUT']);

export const ServeJobPayloadSchema = z.object({ itemId: z.string().min(1) }).strict();

export interface ServeJobDeps {
  readonly db: Database;
  readonly vault: Vault;
  readonly client: CpClient;
  readonly clock: ServiceClock;
  readonly events: ServingEvents;
  readonly now: () => Date;
}

export function serveJobHandler(deps: ServeJobDeps): OutboxHandler {
  return async (job) => {
    const { itemId } = ServeJobPayloadSchema.parse(job.payload);
    const item = readItem(deps.db, itemId);
    if (!item) throw new JobRefusedError('errors.serveLocalCopyMissing');
    // Accepted in a run that died before the job was marked done: nothing more to send.
    if (item.state === 'accepted') return { receiptId: item.view.receipt?.receiptId ?? null };
    if (item.state !== 'queued' || item.jobId !== job.id) return { skipped: item.state };
    if (item.documentType === null) throw new JobRefusedError('errors.invalidArgument');
    if (deps.vault.size(item.id) !== item.size) throw new JobRefusedError('errors.serveLocalCopyMissing');

    deps.db.transaction(() =>
      appendAudit(deps.db, { event: 'sent', ...auditFacts(item), attempt: job.attempts + 1, idempotencyKey: job.idempotencyKey }, deps.now()),
    )();
    deps.events.progress(item.id, 0);
    let sentBytes = 0;
    let receipt: ServeReceipt;
    try {
      receipt = await deps.client.serveDocument(
        item.caseId,
        { name: item.name, documentTypeDescription: cpDocumentTypeDescription(item.documentType), defendantIds: item.defendantIds },
        deps.vault.readAll(item.id),
        {
          size: item.size,
          sha256: item.sha256,
          idempotencyKey: job.idempotencyKey,
          onProgress: (sent) => {
            sentBytes = sent;
            deps.events.progress(item.id, sent);
          },
        },
      );
    } catch (error) {
      if (error instanceof CpRefusedError) {
        // Cut short on the way: nothing was stored under the key, so the same job goes again.
        if (isIncompleteUpload(error.errorCode)) throw new BluebagError('unavailable', 'errors.serveUploadIncomplete', { cause: error });
        // 409 to an idempotent request: the first request with this key is still being dealt with (our
        // side gave up waiting, CP did not). Only the same key can learn how it ended: try it again.
        if (error.status === 409) throw new BluebagError('unavailable', 'errors.serveStillProcessing', { cause: error });
        throw new JobRefusedError(serveRefusalKey(error.errorCode), { cause: error });
      }
      // The connection dropped part-way: CP was reachable, so this is not "offline" (which pauses the
      // whole queue without counting attempts) but a failed attempt, backed off like any other — a
      // proxy that cuts every large upload must not make Bluebag resend it in a tight loop.
      if (error instanceof CpOfflineError && sentBytes > 0 && !NO_CONNECTION.has(error.networkCode ?? '')) throw new BluebagError('unavailable', 'errors.serveUploadIncomplete', { cause: error });
      throw error;
    } finally {
      deps.events.finished(item.id);
    }
    // A receipt for other bytes is not a receipt; resending the same key would only replay it.
    if (receipt.sha256 !== item.sha256 || receipt.size !== item.size) throw new JobRefusedError('errors.serveReceiptMismatch');

    const deemed = deps.clock.deemed(receipt.receivedAt);
    deps.db.transaction(() => {
      deps.db
        .prepare(
          `UPDATE service_items SET state = 'accepted', error_key = NULL, receipt_id = ?, court_document_id = ?, material_id = ?, received_at = ?,
             deemed_served_on = ?, late_reason = ?, beyond_calendar = ?, accepted_at = ? WHERE id = ?`,
        )
        .run(
          receipt.receiptId,
          receipt.courtDocumentId,
          receipt.materialId,
          receipt.receivedAt,
          deemed?.servedOn ?? null,
          deemed?.lateReason ?? null,
          deemed?.beyondCalendar ? 1 : 0,
          deps.now().toISOString(),
          item.id,
        );
      appendAudit(
        deps.db,
        {
          event: 'accepted',
          ...auditFacts(item),
          attempt: job.attempts + 1,
          idempotencyKey: job.idempotencyKey,
          receiptId: receipt.receiptId,
          courtDocumentId: receipt.courtDocumentId,
          cpReceivedAt: receipt.receivedAt,
          deemedServedOn: deemed?.servedOn ?? null,
        },
        deps.now(),
      );
    })();
    // CP has it now; the local copy is no longer needed (and is one less copy of client material).
    await deps.vault.delete(item.id).catch(() => undefined);
    deps.events.changed([item.id], [item.id]);
    return { receiptId: receipt.receiptId, courtDocumentId: receipt.courtDocumentId };
  };
}

/** A serve job CP refused for good: the item shows the reason and waits for the user (retry, cancel). */
export function onServeJobSettled(deps: Pick<ServeJobDeps, 'db' | 'events' | 'now'>, job: OutboxJob): void {
  if (job.kind !== SERVE_JOB || job.state !== 'failed') return;
  const parsed = ServeJobPayloadSchema.safeParse(job.payload);
  if (!parsed.success) return;
  const item = readItem(deps.db, parsed.data.itemId);
  if (!item || item.jobId !== job.id || item.state !== 'queued') return;
  deps.db.transaction(() => {
    deps.db.prepare("UPDATE service_items SET state = 'refused', error_key = ? WHERE id = ?").run(job.lastErrorKey ?? 'errors.cpRefused', item.id);
    appendAudit(deps.db, { event: 'refused', ...auditFacts(item), attempt: job.attempts, idempotencyKey: job.idempotencyKey, errorKey: job.lastErrorKey }, deps.now());
  })();
  deps.events.changed([item.id]);
}

/** What the audit log says about a document: never its contents, never a defendant's name. */
export function auditFacts(item: StoredItem): { itemId: string; urn: string; documentName: string; size: number; sha256: string } {
  return { itemId: item.id, urn: item.urn, documentName: item.name, size: item.size, sha256: item.sha256 };
}
