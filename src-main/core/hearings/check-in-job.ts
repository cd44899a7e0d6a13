/**
 * The outbox job that checks the advocate in: their name from CP's /me (the signed-in user, asked when
 * the job goes, so a check-in queued offline needs nothing CP has not said), the status in CP's words,
 * the attendance day fixed when the user pressed the button.
 */
import { z } from 'zod';
import { CpRefusedError, type CpClient } from '../cp';
import type { Database } from '../db';
import { JobRefusedError, type OutboxHandler, type OutboxJob } from '../outbox';
import { appendAudit } from '../serving';
import { cpAdvocateStatus } from './advocate-status';
import { readCheckIn } from './check-in-store';

export const CHECK_IN_JOB = 'checkIn';

export const CheckInJobPayloadSchema = z.object({ checkInId: z.string().min(1) }).strict();

export interface CheckInJobDeps {
  readonly db: Database;
  readonly client: CpClient;
  readonly onChanged: (caseId: string) => void;
  readonly now: () => Date;
}

function refusalKey(errorCode: string): string {
  switch (errorCode) {
    case 'NOT_A_SITTING_DAY':
      return 'errors.checkInNotSittingDay';
    case 'DEFENDANT_NOT_IN_HEARING':
      return 'errors.checkInDefendantNotInHearing';
    default:
      return 'errors.cpRefused';
  }
}

export function checkInJobHandler(deps: CheckInJobDeps): OutboxHandler {
  return async (job) => {
    const { checkInId } = CheckInJobPayloadSchema.parse(job.payload);
    const checkIn = readCheckIn(deps.db, checkInId);
    if (!checkIn) throw new JobRefusedError('errors.checkInNotFound');
    if (checkIn.stored === 'checkedIn') return { checkedInAt: checkIn.view.checkedInAt };
    if (checkIn.stored !== 'queued' || checkIn.jobId !== job.id) return { skipped: checkIn.stored };
    const me = await deps.client.me();
    let answer;
    try {
      answer = await deps.client.checkIn(
        checkIn.view.hearingId,
        {
          status: cpAdvocateStatus(checkIn.advocateStatus),
          title: me.title,
          firstName: me.firstName,
          lastName: me.lastName,
          defendants: checkIn.view.defendantIds,
          attendanceDays: [checkIn.view.attendanceDay],
        },
        job.idempotencyKey,
      );
    } catch (error) {
      if (error instanceof CpRefusedError) throw new JobRefusedError(refusalKey(error.errorCode), { cause: error });
      throw error;
    }
    deps.db.transaction(() => {
      deps.db.prepare("UPDATE check_ins SET state = 'checkedIn', error_key = NULL, counsel_id = ?, checked_in_at = ? WHERE id = ?").run(answer.id, answer.checkedInAt, checkInId);
      appendAudit(deps.db, { event: 'checkedIn', itemId: checkInId, idempotencyKey: job.idempotencyKey, receiptId: answer.id, cpReceivedAt: answer.checkedInAt, attempt: job.attempts + 1 }, deps.now());
    })();
    deps.onChanged(checkIn.view.caseId);
    return { counselId: answer.id, checkedInAt: answer.checkedInAt };
  };
}

export function onCheckInJobSettled(deps: Omit<CheckInJobDeps, 'client'>, job: OutboxJob): void {
  if (job.kind !== CHECK_IN_JOB || job.state !== 'failed') return;
  const parsed = CheckInJobPayloadSchema.safeParse(job.payload);
  if (!parsed.success) return;
  const checkIn = readCheckIn(deps.db, parsed.data.checkInId);
  if (!checkIn || checkIn.jobId !== job.id || checkIn.stored !== 'queued') return;
  deps.db.transaction(() => {
    deps.db.prepare("UPDATE check_ins SET state = 'refused', error_key = ? WHERE id = ?").run(job.lastErrorKey ?? 'errors.cpRefused', checkIn.view.id);
    appendAudit(deps.db, { event: 'checkInRefused', itemId: checkIn.view.id, idempotencyKey: job.idempotencyKey, errorKey: job.lastErrorKey, attempt: job.attempts }, deps.now());
  })();
  deps.onChanged(checkIn.view.caseId);
}
