import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src-sandbox/index';
import { CaseSearchResponseSchema } from '../../src-sandbox/schemas/search-response';
import { USERS } from '../../src-sandbox/seed/firms';
import { api, apiJson, jsonBody, login, offsetToNoon, seedData, startTestSandbox, ANCHOR, FIRM1_BARRISTER, FIRM1_SOLICITOR, FIRM2_SOLICITOR } from './helpers';

interface LockStatus {
  isLocked: boolean;
  lockedBy: string | null;
  lockRequestedBy: string | null;
  expiryTime: string | null;
}
interface FormView {
  formId: string;
  formType: 'PET' | 'BCM';
  version: number;
  lastUpdated: string;
  data: Record<string, unknown>;
  defendants: { defendantId: string; caseId: string }[];
  sections: { section: string; lockStatus: LockStatus }[];
}

let sb: Sandbox;
let solicitor: string;
let barrister: string;
let firm2: string;
const userId = (username: string): string => USERS.find((u) => u.username === username)?.userId ?? '';

beforeAll(async () => {
  sb = await startTestSandbox();
  solicitor = (await login(sb, FIRM1_SOLICITOR)).accessToken;
  barrister = (await login(sb, FIRM1_BARRISTER)).accessToken;
  firm2 = (await login(sb, FIRM2_SOLICITOR)).accessToken;
}, 180_000);

afterAll(async () => {
  await sb.stop();
});

afterEach(async () => {
  await sb.resetFaults();
});

const lockedFormId = (): string => seedData().lockedFormId ?? '';

describe('forms (PET / BCM)', () => {
  it('lists a case’s forms with versions and lock statuses; PET is one per defendant', async () => {
    const caseId = seedData().forms.find((f) => f.formId === lockedFormId())?.caseId ?? '';
    const { status, body } = await apiJson<{ forms: (Omit<FormView, 'data'> & { courtFormId?: string; petId?: string })[] }>(sb, solicitor, `/prosecutionCases/${caseId}/forms`);
    expect(status).toBe(200);
    const bcm = body.forms.find((f) => f.formId === lockedFormId());
    expect(bcm?.formType).toBe('BCM');
    expect(typeof bcm?.courtFormId).toBe('string');
    const part3 = bcm?.sections.find((s) => s.section === 'part3')?.lockStatus;
    expect(part3).toMatchObject({ isLocked: true, lockedBy: userId(FIRM2_SOLICITOR), lockedByName: 'Tom Whitfield' });

    const petCase = seedData().cases[0];
    const pets = await apiJson<{ forms: { formType: string; petId: string; defendants: { defendantId: string }[] }[] }>(sb, solicitor, `/prosecutionCases/${petCase?.id ?? ''}/forms`);
    expect(pets.body.forms.filter((f) => f.formType === 'PET')).toHaveLength(petCase?.defendants.length ?? -1);
  });

  it('GET /forms/{id} has data (prosecution parts pre-filled), version and section locks', async () => {
    const { status, body } = await apiJson<FormView>(sb, solicitor, `/forms/${lockedFormId()}`);
    expect(status).toBe(200);
    expect(body.version).toBe(1);
    const part2 = body.data['part2'] as { prosecutionWitnesses: { name: string }[] };
    expect(part2.prosecutionWitnesses.length).toBeGreaterThan(0);
    expect(body.sections.map((s) => s.section)).toEqual(['part1', 'part2', 'part3', 'part4']);
  });

  it('423 SECTION_LOCKED when saving a section another user has locked; other sections save', async () => {
    const form = (await apiJson<FormView>(sb, solicitor, `/forms/${lockedFormId()}`)).body;
    const blocked = await apiJson<{ errorCode: string; lockStatus: LockStatus; section: string }>(sb, solicitor, `/forms/${lockedFormId()}`, { method: 'PUT', ...jsonBody({ baseVersion: form.version, data: { part3: { realIssues: 'Identification' } } }) });
    expect(blocked.status).toBe(423);
    expect(blocked.body.errorCode).toBe('SECTION_LOCKED');
    expect(blocked.body.lockStatus).toMatchObject({ isLocked: true, lockedBy: userId(FIRM2_SOLICITOR) });

    const ok = await apiJson<FormView>(sb, solicitor, `/forms/${lockedFormId()}`, { method: 'PUT', ...jsonBody({ baseVersion: form.version, data: { part4: { timeEstimate: '2 days' } } }) });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(form.version + 1);
    expect((ok.body.data['part4'] as { timeEstimate: string }).timeEstimate).toBe('2 days');
  });

  it('409 VERSION_CONFLICT with the current form when baseVersion is stale', async () => {
    const form = (await apiJson<FormView>(sb, solicitor, `/forms/${lockedFormId()}`)).body;
    const res = await apiJson<{ errorCode: string; current: FormView }>(sb, barrister, `/forms/${lockedFormId()}`, { method: 'PUT', ...jsonBody({ baseVersion: form.version - 1, data: { part4: { timeEstimate: '3 days' } } }) });
    expect(res.status).toBe(409);
    expect(res.body.errorCode).toBe('VERSION_CONFLICT');
    expect(res.body.current.version).toBe(form.version);
  });

  it('section locks: acquire, refuse others (recording the request), extend, release on save, expire', async () => {
    const url = `/forms/${lockedFormId()}/sections/part4/lock`;
    const mine = await apiJson<{ lockStatus: LockStatus }>(sb, solicitor, url, { method: 'POST' });
    expect(mine.status).toBe(200);
    expect(mine.body.lockStatus).toMatchObject({ isLocked: true, lockedBy: userId(FIRM1_SOLICITOR) });
    const expiry = Date.parse(mine.body.lockStatus.expiryTime ?? '');
    expect(expiry - sb.now().getTime()).toBeGreaterThan(290_000);

    const theirs = await apiJson<{ errorCode: string; lockStatus: LockStatus }>(sb, barrister, url, { method: 'POST' });
    expect(theirs.status).toBe(423);
    expect(theirs.body.lockStatus.lockRequestedBy).toBe(userId(FIRM1_BARRISTER));
    expect((await api(sb, barrister, url, { method: 'PUT' })).status).toBe(423);
    expect((await api(sb, barrister, url, { method: 'DELETE' })).status).toBe(423);

    const extended = await apiJson<{ lockStatus: LockStatus }>(sb, solicitor, url, { method: 'PUT' });
    expect(extended.status).toBe(200);

    // Another user's save to the locked section is refused...
    const form = (await apiJson<FormView>(sb, solicitor, `/forms/${lockedFormId()}`)).body;
    const refused = await api(sb, barrister, `/forms/${lockedFormId()}`, { method: 'PUT', ...jsonBody({ baseVersion: form.version, data: { part4: { timeEstimate: '4 days' } } }) });
    expect(refused.status).toBe(423);
    // ...the holder's save releases the lock.
    const saved = await apiJson<FormView>(sb, solicitor, `/forms/${lockedFormId()}`, { method: 'PUT', ...jsonBody({ baseVersion: form.version, data: { part4: { timeEstimate: '1 day' } } }) });
    expect(saved.status).toBe(200);
    expect(saved.body.sections.find((s) => s.section === 'part4')?.lockStatus.isLocked).toBe(false);

    // Locks expire after 5 minutes by the server clock.
    expect((await api(sb, barrister, url, { method: 'POST' })).status).toBe(200);
    expect((await api(sb, solicitor, url, { method: 'POST' })).status).toBe(423);
    await sb.setFaults({ clockOffsetMs: 301_000 });
    expect((await api(sb, solicitor, url, { method: 'POST' })).status).toBe(200);
    await sb.resetFaults();
    expect((await api(sb, solicitor, url, { method: 'DELETE' })).status).toBe(204);
    expect((await api(sb, solicitor, `/forms/${lockedFormId()}/sections/part9/lock`, { method: 'POST' })).status).toBe(404);
  });

  it('the lock holder in the other firm can save the locked section', async () => {
    const form = (await apiJson<FormView>(sb, firm2, `/forms/${lockedFormId()}`)).body;
    const res = await apiJson<FormView>(sb, firm2, `/forms/${lockedFormId()}`, { method: 'PUT', ...jsonBody({ baseVersion: form.version, data: { part3: { realIssues: 'Self-defence' } } }) });
    expect(res.status).toBe(200);
    expect(res.body.sections.find((s) => s.section === 'part3')?.lockStatus.isLocked).toBe(false);
  });

  it('history records each change; PUT honours Idempotency-Key; bad bodies are 400', async () => {
    const form = (await apiJson<FormView>(sb, solicitor, `/forms/${lockedFormId()}`)).body;
    const init = { method: 'PUT', ...jsonBody({ baseVersion: form.version, data: { part4: { timeEstimate: '5 days' } } }, { 'Idempotency-Key': `form-${Date.now()}` }) };
    const a = await apiJson<FormView>(sb, solicitor, `/forms/${lockedFormId()}`, init);
    const b = await apiJson<FormView>(sb, solicitor, `/forms/${lockedFormId()}`, init);
    expect(a.status).toBe(200);
    expect(b.body.version).toBe(a.body.version);
    const h = await apiJson<{ history: { date: string; updatedBy: string; status: string; data: unknown }[] }>(sb, solicitor, `/forms/${lockedFormId()}/history`);
    expect(h.body.history[0]?.status).toBe('CREATED');
    expect(h.body.history.at(-1)).toMatchObject({ status: 'UPDATED', updatedBy: userId(FIRM1_SOLICITOR) });
    expect(h.body.history.length).toBe(a.body.version);
    expect((await api(sb, solicitor, `/forms/${lockedFormId()}`, { method: 'PUT', ...jsonBody({ data: {} }) })).status).toBe(400);
    expect((await api(sb, solicitor, `/forms/${lockedFormId()}`, { method: 'PUT', ...jsonBody({ baseVersion: a.body.version, data: { part7: {} } }) })).status).toBe(400);
  });

  it('403 for a firm not associated with the form’s case', async () => {
    const otherForm = seedData().forms.find((f) => f.caseId === seedData().cases[0]?.id);
    expect((await api(sb, firm2, `/forms/${otherForm?.formId ?? ''}`)).status).toBe(403);
  });
});

describe('check-in (POST /hearings/{id}/defenceCounsels)', () => {
  const todayCase = (): { caseId: string; hearingId: string; defendantId: string } => {
    const c = seedData().cases[4];
    const h = c?.hearings.find((x) => x.hearingDays.some((d) => d.sittingDay.startsWith(ANCHOR)));
    if (!c || !h) throw new Error('no hearing on the anchor date');
    return { caseId: c.id, hearingId: h.id, defendantId: c.defendants[0]?.id ?? '' };
  };
  const body = (defendantId: string, day = ANCHOR): RequestInit => jsonBody({ status: 'Junior counsel', title: 'Mr', firstName: 'Rhys', lastName: 'Pritchard', defendants: [defendantId], attendanceDays: [day] });

  it('checks in on a sitting day by the server clock (201, id, server time) and appears on the hearing', async () => {
    const t = todayCase();
    await sb.setFaults({ clockOffsetMs: offsetToNoon(ANCHOR) });
    const key = `checkin-${Date.now()}`;
    const init = body(t.defendantId);
    const res = await apiJson<{ id: string; checkedInAt: string; attendanceDays: string[] }>(sb, barrister, `/hearings/${t.hearingId}/defenceCounsels`, { method: 'POST', ...init, headers: { ...(init.headers as Record<string, string>), 'Idempotency-Key': key } });
    expect(res.status).toBe(201);
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.checkedInAt.startsWith(ANCHOR)).toBe(true);
    const replay = await apiJson<{ id: string }>(sb, barrister, `/hearings/${t.hearingId}/defenceCounsels`, { method: 'POST', ...init, headers: { ...(init.headers as Record<string, string>), 'Idempotency-Key': key } });
    expect(replay.body.id).toBe(res.body.id);
    expect(sb.stats().checkIns.filter((c) => c.idempotencyKey === key)).toHaveLength(1);

    const kase = await apiJson<{ hearings: { id: string; defenceCounsels: { id: string }[] }[] }>(sb, barrister, `/prosecutionCases/${t.caseId}`);
    expect(kase.body.hearings.find((h) => h.id === t.hearingId)?.defenceCounsels.map((d) => d.id)).toEqual([res.body.id]);
    const urn = seedData().cases[4]?.urn ?? '';
    const search = await apiJson<unknown>(sb, barrister, `/prosecutionCases?prosecutionCaseReference=${urn}`);
    const hs = CaseSearchResponseSchema.parse(search.body).cases[0]?.hearingSummary?.find((h) => h.hearingId === t.hearingId);
    expect(hs?.defenceCounsel?.[0]?.id).toBe(res.body.id);
  });

  it('422 NOT_A_SITTING_DAY when the server clock is not on a sitting day, or for a wrong attendance day', async () => {
    const t = todayCase();
    await sb.setFaults({ clockOffsetMs: offsetToNoon(ANCHOR) + 86_400_000 });
    const late = await apiJson<{ errorCode: string }>(sb, barrister, `/hearings/${t.hearingId}/defenceCounsels`, { method: 'POST', ...body(t.defendantId) });
    expect(late.status).toBe(422);
    expect(late.body.errorCode).toBe('NOT_A_SITTING_DAY');
    await sb.setFaults({ clockOffsetMs: offsetToNoon(ANCHOR) });
    const wrongDay = await apiJson<{ errorCode: string }>(sb, barrister, `/hearings/${t.hearingId}/defenceCounsels`, { method: 'POST', ...body(t.defendantId, '2020-01-01') });
    expect(wrongDay.status).toBe(422);
    const stranger = await apiJson<{ errorCode: string }>(sb, barrister, `/hearings/${t.hearingId}/defenceCounsels`, { method: 'POST', ...body('00000000-0000-4000-8000-000000000000') });
    expect(stranger.status).toBe(422);
    expect(stranger.body.errorCode).toBe('DEFENDANT_NOT_IN_HEARING');
    expect((await api(sb, barrister, `/hearings/${t.hearingId}/defenceCounsels`, { method: 'POST', ...jsonBody({ status: 'x' }) })).status).toBe(400);
  });
});
