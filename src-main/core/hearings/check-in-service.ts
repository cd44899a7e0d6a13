/**
 * Hearing check-in: on a sitting day of the hearing (by CP's clock as last seen) the advocate checks
 * in for the defendants they represent. The check-in row and its outbox job are written together;
 * online the outbox sends it at once and the answer is awaited briefly, so an immediate check-in shows
 * as done. Offline it stays queued — shown as not yet checked in, never as done until CP answered.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AdvocateStatusSchema, CheckIn } from '../../../src-preload/api';
import type { Database } from '../db';
import { BluebagError } from '../errors';
import { enqueueJob, readJob } from '../outbox';
import { appendAudit, type OutboxControl } from '../serving';
import { CHECK_IN_JOB } from './check-in-job';
import { listCheckIns, readCheckIn } from './check-in-store';

export interface CheckInServiceOptions {
  readonly db: Database;
  readonly outbox: () => OutboxControl | null;
  /**
   * Today in England and Wales by CP's clock as last seen (by this machine's before CP was ever
   * reached: CP checks the day again when the check-in arrives).
   */
  readonly today: () => string;
  readonly onChanged: (caseId: string) => void;
  readonly now?: () => Date;
  /** How long checkIn waits for CP's answer before saying "queued"; default 5 s. */
  readonly answerWaitMs?: number;
}

const SittingDays = z.array(z.object({ sittingDay: z.string() }).loose());

export class CheckInService {
  readonly #o: CheckInServiceOptions & { now: () => Date };

  constructor(options: CheckInServiceOptions) {
    this.#o = { now: () => new Date(), ...options };
  }

  list(caseId: string): CheckIn[] {
    return listCheckIns(this.#o.db, caseId).map((c) => c.view);
  }

  async checkIn(request: { caseId: string; hearingId: string; status: z.infer<typeof AdvocateStatusSchema>; defendantIds: string[] }): Promise<CheckIn> {
    const { db } = this.#o;
    const hearing = db
      .prepare('SELECT h.days_json, c.urn FROM hearings h JOIN cases c ON c.id = h.case_id WHERE h.id = ? AND h.case_id = ?')
      .get(request.hearingId, request.caseId) as { days_json: string; urn: string } | undefined;
    if (!hearing) throw new BluebagError('not_found', 'errors.hearingNotFound');
    const caseDefendants = new Set((db.prepare('SELECT id FROM defendants WHERE case_id = ?').all(request.caseId) as Array<{ id: string }>).map((row) => row.id));
    if (request.defendantIds.some((id) => !caseDefendants.has(id))) throw new BluebagError('invalid_argument', 'errors.checkInDefendantNotInHearing');
    const today = this.#o.today();
    // As CP compares them: the calendar date its sitting-day timestamps are written with.
    const sittingDays = SittingDays.parse(JSON.parse(hearing.days_json)).map((day) => day.sittingDay.slice(0, 10));
    if (!sittingDays.includes(today)) throw new BluebagError('conflict', 'errors.checkInNotSittingDay');

    const id = randomUUID();
    const now = this.#o.now();
    const jobId = db.transaction(() => {
      // One check-in per hearing and day: one on its way or done is never doubled (a refused one can
      // be made again). Checked inside the transaction that writes the new one.
      const existing = db
        .prepare("SELECT count(*) AS n FROM check_ins WHERE hearing_id = ? AND attendance_day = ? AND state NOT IN ('refused', 'cancelled')")
        .get(request.hearingId, today) as { n: number };
      if (existing.n > 0) throw new BluebagError('conflict', 'errors.checkInAlreadyMade');
      const job = enqueueJob(db, { kind: CHECK_IN_JOB, caseId: request.caseId, payload: { checkInId: id } }, now);
      db.prepare(
        `INSERT INTO check_ins (id, case_id, hearing_id, advocate_status, defendant_ids_json, attendance_day, state, job_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?)`,
      ).run(id, request.caseId, request.hearingId, request.status, JSON.stringify(request.defendantIds), today, job.id, now.toISOString());
      appendAudit(db, { event: 'checkInQueued', itemId: id, urn: hearing.urn, idempotencyKey: job.idempotencyKey }, now);
      return job.id;
    })();
    this.#o.onChanged(request.caseId);
    await this.#awaitAnswer(jobId);
    const stored = readCheckIn(db, id);
    if (!stored) throw new Error('a check-in just written could not be read back');
    return stored.view;
  }

  /** Sign-out "discard": queued check-ins are withdrawn with their jobs (CasesService cancels the jobs). */
  discardQueued(): void {
    this.#o.db.prepare("UPDATE check_ins SET state = 'cancelled' WHERE state = 'queued'").run();
  }

  async #awaitAnswer(jobId: string): Promise<void> {
    const outbox = this.#o.outbox();
    if (!outbox) return;
    const settled = () => {
      const state = readJob(this.#o.db, jobId)?.state;
      return state === 'done' || state === 'failed' || state === 'cancelled';
    };
    const deadline = Date.now() + (this.#o.answerWaitMs ?? 5_000);
    // The outbox drains in order; wake() resolves once what is due has been tried, or sooner if paused.
    let drained = false;
    void outbox.wake().finally(() => (drained = true));
    while (!settled() && !drained && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
