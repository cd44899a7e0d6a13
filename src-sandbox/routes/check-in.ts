/**
 * Advocate check-in: adds a defenceCounsels entry to a hearing. Only on a sitting
 * day of that hearing by the server's clock (the LAA uses it as proof of attendance).
 */
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ApiError } from '../errors';
import { readJsonBody } from '../http/body';
import { param, principalOf, type RouteContext } from '../http/context';
import { idempotencyKey } from '../http/idempotency';
import { json, type Reply } from '../http/reply';
import { validate } from '../http/validate';
import type { DefenceCounsel } from '../model';
import { route, type RouteEntry } from './types';

const CheckInBodySchema = z
  .object({
    status: z.string().trim().min(1).max(40),
    title: z.string().trim().min(1).max(20),
    firstName: z.string().trim().min(1).max(100),
    middleName: z.string().trim().min(1).max(100).optional(),
    lastName: z.string().trim().min(1).max(100),
    defendants: z.array(z.uuid()).min(1),
    attendanceDays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).min(1),
  })
  .strict();

async function checkIn(ctx: RouteContext): Promise<Reply> {
  const p = principalOf(ctx);
  const hearing = ctx.app.state.hearings.get(param(ctx, 'hearingId'));
  if (!hearing) throw new ApiError(404, 'HEARING_NOT_FOUND', 'no hearing with that id');
  const key = idempotencyKey(ctx.req, false);
  const body = validate(CheckInBodySchema, await readJsonBody(ctx.req), 'check-in');
  const fingerprint = createHash('sha256').update(`POST ${ctx.url.pathname}\n${JSON.stringify(body)}`).digest('hex');
  return ctx.app.idempotency.run(p.organisationId, key, fingerprint, async () => {
    const sittingDays = hearing.hearingDays.map((d) => d.sittingDay.slice(0, 10));
    const today = ctx.app.clock.today();
    if (!sittingDays.includes(today)) {
      throw new ApiError(422, 'NOT_A_SITTING_DAY', `you can check in only on a sitting day of this hearing (today is ${today})`, { sittingDays });
    }
    const bad = body.attendanceDays.filter((d) => !sittingDays.includes(d) || d > today);
    if (bad.length > 0) throw new ApiError(422, 'NOT_A_SITTING_DAY', `attendance days must be sitting days up to today: ${bad.join(', ')}`, { sittingDays });
    const strangers = body.defendants.filter((d) => !hearing.defendantIds.includes(d));
    if (strangers.length > 0) throw new ApiError(422, 'DEFENDANT_NOT_IN_HEARING', `not defendants in this hearing: ${strangers.join(', ')}`);
    const entry: DefenceCounsel = {
      id: randomUUID(),
      status: body.status,
      title: body.title,
      firstName: body.firstName,
      lastName: body.lastName,
      defendants: [...body.defendants],
      attendanceDays: [...body.attendanceDays],
    };
    hearing.defenceCounsels.push(entry);
    ctx.app.state.bump(hearing.caseId);
    const receivedAt = ctx.app.clock.isoWithOffset();
    ctx.app.stats.checkIn({ id: entry.id, hearingId: hearing.id, idempotencyKey: key, receivedAt, attendanceDays: entry.attendanceDays });
    return json(201, { ...entry, hearingId: hearing.id, checkedInAt: receivedAt });
  });
}

export const checkInRoutes: readonly RouteEntry[] = [route('POST', '/hearings/:hearingId/defenceCounsels', checkIn)];
