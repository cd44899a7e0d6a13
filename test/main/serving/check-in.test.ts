import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckIn, SyncStatus } from '../../../src-preload/api';
import { FIRM_1_ID } from '../../../src-sandbox/index';
import { offsetToNoon, seedData } from '../../sandbox/helpers';
import { startServingWorld, until, type ServingWorld } from './serving-fixtures';

const seed = seedData();
const firm1 = new Set(seed.associations.filter((a) => a.organisationId === FIRM_1_ID).map((a) => a.caseId));
/** A firm-1 hearing with a sitting day that the day after is not (not one of `skip`). */
function hearingTarget(skip: readonly string[] = []): { caseId: string; hearingId: string; day: string; defendantId: string } {
  for (const c of seed.cases.filter((x) => firm1.has(x.id))) {
    for (const h of c.hearings) {
      if (skip.includes(h.id)) continue;
      const days = h.hearingDays.map((d) => d.sittingDay.slice(0, 10));
      const day = days.find((d) => !days.includes(new Date(Date.parse(`${d}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10)));
      const defendantId = h.defendantIds[0];
      if (day && defendantId) return { caseId: c.id, hearingId: h.id, day, defendantId };
    }
  }
  throw new Error('no firm-1 hearing to check in to');
}
const target = hearingTarget();
/** Another hearing, for the offline check-in (one check-in per hearing and day). */
const other = hearingTarget([target.hearingId]);

/**
 * Check-in on a sitting day by CP's clock: online it is done at once, offline it waits — shown as
 * queued, never as checked in — and goes when CP can be reached.
 */
describe('hearing check-in', () => {
  let world: ServingWorld;
  beforeAll(async () => {
    world = await startServingWorld();
  });
  afterAll(async () => {
    await world.dispose();
  });

  /** Moves CP's clock and lets the app see it (any CP answer carries CP's Date). */
  const cpClockAt = async (offsetMs: number) => {
    await world.sb.setFaults({ clockOffsetMs: offsetMs });
    await world.call('sync.now');
    await until(() => world.call<SyncStatus>('sync.getStatus'), (s) => s.state === 'idle');
  };
  const checkIn = (extra: Record<string, unknown> = {}) =>
    world.call<CheckIn>('hearings.checkIn', { caseId: target.caseId, hearingId: target.hearingId, status: 'junior', defendantIds: [target.defendantId], ...extra });
  const onServer = () => world.sb.stats().checkIns.filter((c) => c.hearingId === target.hearingId);

  it('online, checks in at once on a sitting day by CP’s clock', async () => {
    await cpClockAt(offsetToNoon(target.day));
    const done = await checkIn();
    expect(done).toMatchObject({ state: 'checkedIn', attendanceDay: target.day, status: 'junior', errorKey: null });
    expect(done.checkedInAt?.startsWith(target.day)).toBe(true);
    expect(onServer()).toEqual([expect.objectContaining({ attendanceDays: [target.day] })]);
    expect(await world.call('hearings.checkIns', { caseId: target.caseId })).toEqual([done]);
    // Once done (or on its way), the same hearing and day is never checked in to twice.
    expect(await world.failure('hearings.checkIn', { caseId: target.caseId, hearingId: target.hearingId, status: 'KC', defendantIds: [target.defendantId] })).toBe(
      'errors.checkInAlreadyMade',
    );
    expect(onServer()).toHaveLength(1);
  });

  it('refuses on a day the hearing does not sit, by CP’s clock (the laptop’s does not count)', async () => {
    await cpClockAt(offsetToNoon(target.day) + 86_400_000);
    expect(await world.failure('hearings.checkIn', { caseId: target.caseId, hearingId: target.hearingId, status: 'KC', defendantIds: [target.defendantId] })).toBe(
      'errors.checkInNotSittingDay',
    );
    expect(onServer()).toHaveLength(1);
  });

  it('offline, it is queued and not shown as done; it goes when CP can be reached', async () => {
    await cpClockAt(offsetToNoon(other.day));
    await world.sb.setFaults({ offline: true });
    const queued = await world.call<CheckIn>('hearings.checkIn', { caseId: other.caseId, hearingId: other.hearingId, status: 'solicitorAdvocate', defendantIds: [other.defendantId] });
    expect(queued).toMatchObject({ state: 'queued', checkedInAt: null });
    const onServerOther = () => world.sb.stats().checkIns.filter((c) => c.hearingId === other.hearingId);
    expect(onServerOther()).toHaveLength(0);
    expect(await world.call('session.unsentCount')).toEqual({ count: 1 });
    await world.sb.setFaults({ offline: false });
    const sent = await until(
      () => world.call<CheckIn[]>('hearings.checkIns', { caseId: other.caseId }),
      (all) => all.find((c) => c.id === queued.id)?.state === 'checkedIn',
    );
    expect(sent.find((c) => c.id === queued.id)?.checkedInAt?.startsWith(other.day)).toBe(true);
    expect(onServerOther()).toHaveLength(1);
    await world.sb.resetFaults();
  });
});
