/**
 * The forms work against the real sandbox over loopback: drafts kept offline, submitted through the
 * outbox, merged field by field when another user changed the form meanwhile, and never sent over a
 * section another user holds locked.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCpClient, type CpClient } from '../../../src-main/core/cp';
import { coreFormEngine, createFormsWork, type FormsWork } from '../../../src-main/core/form-drafts';
import { loadFormDefinitions, type FormDefinition } from '../../../src-main/core/forms';
import { Outbox } from '../../../src-main/core/outbox';
import { classifyFailure } from '../../../src-main/core/sync';
import type { Sandbox } from '../../../src-sandbox/index';
import { FIRM1_BARRISTER, clientCredentialsToken, login } from '../../sandbox/helpers';
import { openTestCache, sandboxForTest, seededFirm1CaseIds, waitFor } from '../sync/sync-fixtures';

let definitions: readonly FormDefinition[] = [];
beforeAll(async () => {
  definitions = (await loadFormDefinitions(path.resolve('resources/forms'))).definitions;
});

interface World {
  sb: Sandbox;
  work: FormsWork;
  outbox: Outbox;
  client: CpClient;
  online: { value: boolean };
  events: string[];
  petId: string;
  caseId: string;
  other: { token: string; put: (data: Record<string, unknown>) => Promise<Response>; lock: (section: string, method?: string) => Promise<Response> };
}

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function world(sandbox: Parameters<typeof sandboxForTest>[0] = {}): Promise<World> {
  const sb = await sandboxForTest(sandbox);
  const { cache } = await openTestCache(sb);
  await cache.engine.syncNow();
  const token = await clientCredentialsToken(sb);
  const client = createCpClient({ baseUrl: sb.url, accessToken: () => Promise.resolve(token) });
  const online = { value: true };
  const events: string[] = [];
  let outbox: Outbox | null = null;
  const work = createFormsWork({
    db: cache.db,
    api: client,
    engine: coreFormEngine(definitions),
    online: () => online.value,
    userId: () => null,
    today: () => '2026-03-10',
    wakeOutbox: () => void outbox?.wake(),
    emitChanged: (caseId, formIds) => events.push(`${caseId}:${formIds.join(',')}`),
  });
  outbox = new Outbox({ db: cache.db, handlers: work.handlers, classify: classifyFailure, onSettled: (job) => work.service.jobSettled(job), offlineRetryMs: 200 });
  outbox.start();
  stops.push(() => (outbox as Outbox).stop());
  // A magistrates' trial case: the court has created a PET per defendant.
  let found: { caseId: string; formId: string } | null = null;
  for (const caseId of seededFirm1CaseIds()) {
    const forms = await client.listForms(caseId).catch(() => []);
    const pet = forms.find((f) => f.formType === 'PET');
    if (pet) {
      found = { caseId, formId: pet.formId };
      break;
    }
  }
  if (!found) throw new Error('no PET in the seeded world');
  await work.refresh.refreshCase(found.caseId);
  const other = await login(sb, FIRM1_BARRISTER);
  const petId = found.formId;
  const api = (p: string, init: RequestInit) =>
    fetch(`${sb.url}${p}`, { ...init, headers: { Authorization: `Bearer ${other.accessToken}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) } });
  return {
    sb,
    work,
    outbox,
    client,
    online,
    events,
    petId,
    caseId: found.caseId,
    other: {
      token: other.accessToken,
      put: async (data) => {
        const current = (await (await api(`/forms/${petId}`, { method: 'GET' })).json()) as { version: number };
        return api(`/forms/${petId}`, { method: 'PUT', body: JSON.stringify({ data, baseVersion: current.version }) });
      },
      lock: (section, method = 'POST') => api(`/forms/${petId}/sections/${section}/lock`, { method }),
    },
  };
}

const part3 = (extra: Record<string, unknown> = {}) => ({
  advisedCreditForGuiltyPlea: true,
  advisedTrialInAbsence: true,
  plea: 'notGuilty',
  realIssues: 'Identification: the defendant was not there.',
  defendantWillGiveEvidence: 'yes',
  defenceWitnesses: [
    { itemId: '0b9c7a52-7a44-4c83-9f3b-3a1e4d1c0001', name: 'Aled Morgan', interpreterNeeded: false, specialMeasuresNeeded: false },
    { itemId: '0b9c7a52-7a44-4c83-9f3b-3a1e4d1c0002', name: 'Nia Hughes', interpreterNeeded: true, interpreterLanguage: 'Welsh', specialMeasuresNeeded: false },
  ],
  defendantInterpreterNeeded: true,
  defendantInterpreterLanguage: 'Polish',
  ...extra,
});

async function cpPart3(w: World): Promise<Record<string, unknown>> {
  return (await w.client.getForm(w.petId)).data['part3'] as Record<string, unknown>;
}

describe('forms work', () => {
  it('keeps a draft made offline, and submits it when CP can be reached: CP then has exactly it', { timeout: 60_000 }, async () => {
    const w = await world();
    w.online.value = false;
    await w.sb.setFaults({ offline: true });
    const view = w.work.service.get(w.petId);
    const answers = { ...view.answers, part3: part3() };
    const saved = w.work.service.saveDraft(w.petId, answers, 'part3');
    expect(saved.draft?.state).toBe('editing');
    expect(saved.issues).toEqual([]);
    const queued = w.work.service.submit(w.petId);
    expect(queued.draft?.state).toBe('queued');
    await w.outbox.drain();
    // Offline: still queued, not on CP.
    expect(w.work.service.get(w.petId).draft?.state).toBe('queued');

    w.online.value = true;
    await w.sb.setFaults({ offline: false });
    await w.outbox.wake();
    await waitFor('draft sent', () => w.work.service.get(w.petId).draft === null);
    const onCp = await cpPart3(w);
    expect(onCp).toMatchObject({ realIssues: 'Identification: the defendant was not there.', defendantInterpreterLanguage: 'Polish' });
    expect((onCp['defenceWitnesses'] as unknown[]).length).toBe(2);
    const after = w.work.service.get(w.petId);
    expect(after.cp.version).toBeGreaterThan(view.cp.version);
    expect(after.history.length).toBe(view.history.length + 1);
  });

  it('merges a change another user made to another field on its own, and asks about the same field', { timeout: 60_000 }, async () => {
    const w = await world();
    const view = w.work.service.get(w.petId);
    w.work.service.saveDraft(w.petId, { ...view.answers, part3: part3() }, 'part3');
    // Meanwhile a colleague answers two things on CP: one I also answered differently, one I did not touch.
    const theirs = { ...part3(), realIssues: 'Self-defence.', factsAdmitted: 'The injuries are admitted.' };
    delete (theirs as Record<string, unknown>)['defenceWitnesses'];
    expect((await w.other.put({ part3: theirs })).status).toBe(200);

    w.work.service.submit(w.petId);
    await waitFor('conflict found', () => w.work.service.get(w.petId).draft?.state === 'conflict');
    const conflicted = w.work.service.get(w.petId);
    expect(conflicted.draft?.conflicts.map((c) => c.path)).toEqual(['part3.realIssues']);
    const conflict = conflicted.draft?.conflicts[0];
    expect(conflict).toMatchObject({ mine: 'Identification: the defendant was not there.', theirs: 'Self-defence.' });
    // Their other field merged on its own; my witnesses are still there.
    expect((conflicted.answers['part3'] as Record<string, unknown>)['factsAdmitted']).toBe('The injuries are admitted.');
    expect(((conflicted.answers['part3'] as Record<string, unknown>)['defenceWitnesses'] as unknown[]).length).toBe(2);

    const resolved = w.work.service.resolveConflicts(w.petId, [{ path: 'part3.realIssues', take: 'mine' }]);
    expect(resolved.draft?.state).toBe('editing');
    w.work.service.submit(w.petId);
    await waitFor('merged draft sent', () => w.work.service.get(w.petId).draft === null);
    expect(await cpPart3(w)).toMatchObject({ realIssues: 'Identification: the defendant was not there.', factsAdmitted: 'The injuries are admitted.' });
  });

  it("never sends over a section another user holds locked: the draft waits, and goes once it is free", { timeout: 60_000 }, async () => {
    const w = await world();
    expect((await w.other.lock('part3')).status).toBe(200);
    const lock = await w.work.service.beginEdit(w.petId, 'part3');
    expect(lock).toMatchObject({ state: 'lockedByOther', by: 'Rhys Pritchard' });
    const view = w.work.service.get(w.petId);
    expect(view.sections.find((s) => s.section === 'part3')?.lock.state).toBe('lockedByOther');
    w.work.service.saveDraft(w.petId, { ...view.answers, part3: part3() }, 'part3');
    w.work.service.submit(w.petId);
    await w.outbox.drain();
    expect(w.work.service.get(w.petId).draft?.state).toBe('queued');
    expect((await cpPart3(w))['realIssues']).toBeUndefined();

    expect((await w.other.lock('part3', 'DELETE')).status).toBe(204);
    await w.outbox.wake({ now: true });
    await waitFor('sent once free', () => w.work.service.get(w.petId).draft === null);
    expect((await cpPart3(w))['realIssues']).toBe('Identification: the defendant was not there.');
  });

  it('holds, and releases, the lock for the user while they edit online', { timeout: 60_000 }, async () => {
    const w = await world();
    const lock = await w.work.service.beginEdit(w.petId, 'part3');
    expect(lock.state).toBe('held');
    // The colleague is refused while it is held.
    expect((await w.other.lock('part3')).status).toBe(423);
    await w.work.service.endEdit(w.petId, 'part3');
    expect((await w.other.lock('part3')).status).toBe(200);
  });

  it('extends the lock while the user keeps typing, before it runs out', { timeout: 60_000 }, async () => {
    // CP's locks last a minute here: under the two minutes left at which the app extends one.
    const w = await world({ lockTtlSeconds: 60 });
    const first = await w.work.service.beginEdit(w.petId, 'part3');
    if (first.state !== 'held') throw new Error(`lock not held: ${first.state}`);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const view = w.work.service.get(w.petId);
    w.work.service.saveDraft(w.petId, { ...view.answers, part3: part3() }, 'part3');
    await waitFor('lock extended', async () => {
      const status = (await w.client.getForm(w.petId)).sections.find((s) => s.section === 'part3')?.lockStatus;
      return status?.expiryTime !== null && status?.expiryTime !== undefined && Date.parse(status.expiryTime) > Date.parse(first.until) + 500;
    });
    const held = w.work.service.get(w.petId).sections.find((s) => s.section === 'part3')?.lock;
    expect(held?.state).toBe('held');
    // The colleague is still refused: the lock never lapsed.
    expect((await w.other.lock('part3')).status).toBe(423);
  });

  it('tells the screens of a refresh only when CP’s copy changed, naming the form', { timeout: 60_000 }, async () => {
    const w = await world();
    // The screens read again when told, and a read online asks for a refresh: a refresh that found
    // nothing new must stay silent, or an open case asks CP for its forms without end.
    w.events.length = 0;
    const before = w.sb.stats().requests.total;
    for (let i = 0; i < 3; i++) await w.work.refresh.refreshCase(w.caseId);
    expect(w.events).toEqual([]);
    expect(w.sb.stats().requests.total - before).toBeGreaterThan(0); // it did ask CP each time

    const put = await w.other.put({ ...w.work.service.get(w.petId).cp.data, part3: part3({ realIssues: 'Changed on CP by another user.' }) });
    expect(put.ok).toBe(true);
    await w.work.refresh.refreshCase(w.caseId);
    expect(w.events).toEqual([`${w.caseId}:${w.petId}`]);
    expect(w.work.service.get(w.petId).cp.data).toMatchObject({ part3: { realIssues: 'Changed on CP by another user.' } });
    await w.work.refresh.refreshCase(w.caseId);
    expect(w.events).toHaveLength(1);
  });

  it('refuses changes to parts the prosecution or the court complete, and junk parts', async () => {
    const w = await world();
    const view = w.work.service.get(w.petId);
    expect(() => w.work.service.saveDraft(w.petId, { ...view.answers, part2: { servedSoFar: [] } })).toThrow(expect.objectContaining({ messageKey: 'errors.formReadOnlyPart' }));
    expect(() => w.work.service.saveDraft(w.petId, { ...view.answers, part9: {} })).toThrow(expect.objectContaining({ messageKey: 'errors.formUnknownPart' }));
    expect(w.work.service.get(w.petId).draft).toBeNull();
  });
  it('shows a contact email change waiting in the outbox, gone once CP has it, and CP’s refusal of a later one', { timeout: 60_000 }, async () => {
    const w = await world();
    let bcm: { caseId: string; formId: string } | null = null;
    for (const caseId of seededFirm1CaseIds()) {
      const form = (await w.client.listForms(caseId).catch(() => [])).find((f) => f.formType === 'BCM');
      if (form) {
        bcm = { caseId, formId: form.formId };
        break;
      }
    }
    if (!bcm) throw new Error('no BCM in the seeded world');
    await w.work.refresh.refreshCase(bcm.caseId);
    const { formId, caseId } = bcm;
    const change = () => w.work.service.get(formId).contactEmailChange;
    expect(change()).toBeNull();

    // Offline: it waits, and the form says so.
    await w.sb.setFaults({ offline: true });
    expect(w.work.service.changeContactEmail(formId, 'duty.solicitor@defence.example').contactEmailChange).toEqual({ email: 'duty.solicitor@defence.example', state: 'waiting', errorKey: null });
    await w.outbox.drain();
    expect(change()).toMatchObject({ state: 'waiting', errorKey: 'errors.cpOffline' });

    // A second change while the first still waits: the newer is the one shown, and the one CP ends with.
    w.work.service.changeContactEmail(formId, 'clerk.room@defence.example');
    expect(change()).toMatchObject({ email: 'clerk.room@defence.example', state: 'waiting' });

    // Back online: CP takes it, and nothing is shown any more. The older change is not sent at all:
    // sent later (a retry coming due after the newer one), it would put the older address back.
    const puts = () => w.sb.stats().requests.byRoute['PUT /forms/:formId'] ?? 0;
    const putsBefore = puts();
    await w.sb.setFaults({ offline: false });
    await w.outbox.wake();
    await waitFor('email change sent', () => change() === null);
    const emailOnCp = async () => JSON.stringify((await w.client.getForm(formId)).data);
    expect(await emailOnCp()).toContain('clerk.room@defence.example');
    expect(await emailOnCp()).not.toContain('duty.solicitor@defence.example');
    expect(puts() - putsBefore).toBe(1);

    // The firm stops representing anyone on the case: CP refuses the next change, and the form says so.
    for (const defendant of (await w.client.caseDetail(caseId)).prosecutionCase.defendants) await w.client.disassociate(caseId, defendant.id, randomUUID()).catch(() => undefined);
    w.work.service.changeContactEmail(formId, 'someone.else@defence.example');
    const eventsBefore = w.events.length;
    await w.outbox.wake();
    await waitFor('email change refused', () => change()?.state === 'refused');
    // An open form hears of the refusal (nothing changed on CP, so only the outbox can tell it).
    expect(w.events.slice(eventsBefore)).toContain(`${caseId}:${formId}`);
    expect(change()).toEqual({ email: 'someone.else@defence.example', state: 'refused', errorKey: expect.stringMatching(/^errors\./) });
  });
});
