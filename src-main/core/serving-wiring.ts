/**
 * Serving documents and hearing check-in, assembled for the app: the outbox vault (its own folder and
 * key, so a sign-out that wipes the cache keeps queued documents when asked to), the pdf.js checker,
 * the services, their outbox job handlers, and the contract handlers. app.ts builds this once the
 * database is open and hands `outboxJobs` to the one outbox.
 */
import path from 'node:path';
import type { OutboxJobGroup } from './cases';
import type { ContractHandlers } from './contract';
import type { CpClient } from './cp';
import type { Database } from './db';
import type { EventBus } from './events';
import { CHECK_IN_JOB, CheckInService, checkInJobHandler, onCheckInJobSettled } from './hearings';
import { deriveKey } from './keys';
import type { OutboxPause } from './outbox';
import {
  onServeJobSettled,
  PdfChecker,
  reviseUncertainDeemedDates,
  SERVE_JOB,
  serveJobHandler,
  ServingEvents,
  ServingService,
  stageDocument,
  type OutboxControl,
  type ServiceClock,
  type StageResult,
} from './serving';
import { Vault } from './vault';

export const OUTBOX_VAULT_DIR = 'outbox-vault';

export interface ServingWiringOptions {
  readonly dataDir: string;
  readonly masterKey: Buffer;
  readonly db: Database;
  readonly client: CpClient;
  readonly bus: EventBus;
  readonly clock: ServiceClock;
  readonly outbox: () => OutboxControl | null;
  readonly waitingFor: () => OutboxPause;
  readonly now?: () => Date;
}

export interface ServingWiring {
  readonly serving: ServingService;
  readonly checkIns: CheckInService;
  /** For CasesService: the job kinds serving and check-in send through the one outbox. */
  readonly outboxJobs: OutboxJobGroup;
  stage(caseId: string, name: string, declaredLength: number | null, body: AsyncIterable<Uint8Array>): Promise<StageResult>;
  /** Sign-out, after the cache's wipe (which already cancelled the outbox jobs when discarding). */
  wipe(unsentWork: 'keep' | 'discard'): Promise<void>;
  dispose(): Promise<void>;
}

export function openServing(options: ServingWiringOptions): ServingWiring {
  const now = options.now ?? (() => new Date());
  const { db, bus } = options;
  const vault = new Vault(path.join(options.dataDir, OUTBOX_VAULT_DIR), deriveKey(options.masterKey, 'outboxVault'));
  const checker = new PdfChecker(vault);
  // Copies no item needs are swept before anything is staged in this run (so the sweep never races a
  // new file): one whose item was never written (the app died while the file was being staged), and
  // one whose item was accepted or cancelled just before the app died, before the copy was deleted.
  const itemIds = () =>
    (db.prepare("SELECT id FROM service_items WHERE state IN ('draft', 'queued', 'refused')").all() as Array<{ id: string }>).map((row) => row.id);
  const swept = vault.keepOnly(itemIds()).catch((error: unknown) => {
    console.warn('[serving] could not sweep the outbox vault:', error instanceof Error ? error.name : 'unknown');
    return 0;
  });
  // The bank-holiday list loaded for this run may reach dates an earlier one did not.
  try {
    reviseUncertainDeemedDates(db, options.clock, now());
  } catch (error) {
    // Kept as they were (marked uncertain); the next start tries again.
    console.warn('[serving] could not revise uncertain deemed-service dates:', error instanceof Error ? error.name : 'unknown');
  }
  let serving: ServingService | null = null;
  const events = new ServingEvents({
    emit: (change) => bus.emit('serving.changed', change),
    status: () => serving?.status() ?? { unsent: 0, uploading: 0, refused: 0, pausedFor: null },
  });
  serving = new ServingService({ db, vault, clock: options.clock, events, outbox: options.outbox, waitingFor: options.waitingFor, now });
  const hearingsChanged = (caseId: string) => bus.emit('hearings.changed', { caseId });
  const checkIns = new CheckInService({ db, outbox: options.outbox, today: () => options.clock.today(), onChanged: hearingsChanged, now });
  const jobDeps = { db, vault, client: options.client, clock: options.clock, events, now };
  const service = serving;

  return {
    serving: service,
    checkIns,
    outboxJobs: {
      // A check-in is for today's hearing and a few bytes: it never waits behind documents being served.
      sendFirst: [CHECK_IN_JOB],
      handlers: {
        [SERVE_JOB]: serveJobHandler(jobDeps),
        [CHECK_IN_JOB]: checkInJobHandler({ db, client: options.client, onChanged: hearingsChanged, now }),
      },
      onSettled: (job) => {
        onServeJobSettled(jobDeps, job);
        onCheckInJobSettled({ db, onChanged: hearingsChanged, now }, job);
      },
      onChange: (job) => {
        if (job.kind === SERVE_JOB) {
          const itemId = (job.payload as { itemId?: unknown }).itemId;
          events.changed(typeof itemId === 'string' ? [itemId] : []);
        } else if (job.kind === CHECK_IN_JOB && job.caseId !== null) {
          hearingsChanged(job.caseId);
        }
      },
    },
    stage: async (caseId, name, declaredLength, body) => {
      await swept;
      const result = await stageDocument({ db, vault, checker, now }, caseId, name, declaredLength, body);
      if ('item' in result) events.changed([result.item.id]);
      return result;
    },
    wipe: async (unsentWork) => {
      if (unsentWork === 'discard') checkIns.discardQueued();
      await service.wipe(unsentWork);
    },
    dispose: async () => {
      await swept;
      events.dispose();
      await checker.stop();
      await vault.close();
    },
  };
}

type ServingMethods =
  | 'serving.eligibility'
  | 'serving.forecast'
  | 'serving.list'
  | 'serving.queue'
  | 'serving.cancel'
  | 'serving.retry'
  | 'serving.sendNow'
  | 'serving.exportAudit'
  | 'hearings.checkIns'
  | 'hearings.checkIn';

export function servingContractHandlers(wiring: () => Promise<ServingWiring>): Pick<ContractHandlers, ServingMethods> {
  return {
    'serving.eligibility': async ({ caseId }) => (await wiring()).serving.eligibility(caseId),
    'serving.forecast': async () => (await wiring()).serving.forecast(),
    'serving.list': async (filter) => (await wiring()).serving.list(filter),
    'serving.queue': async (request) => (await wiring()).serving.queue(request),
    'serving.cancel': async ({ itemId }) => (await wiring()).serving.cancel(itemId),
    'serving.retry': async ({ itemId }) => (await wiring()).serving.retry(itemId),
    'serving.sendNow': async () => (await wiring()).serving.sendNow(),
    'serving.exportAudit': async ({ format }) => (await wiring()).serving.exportAudit(format),
    'hearings.checkIns': async ({ caseId }) => (await wiring()).checkIns.list(caseId),
    'hearings.checkIn': async (request) => (await wiring()).checkIns.checkIn(request),
  };
}
