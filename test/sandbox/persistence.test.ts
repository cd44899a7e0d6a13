/**
 * The sandbox with a state file: what clients changed survives a stop and a start,
 * as on a real server, and a file it cannot use is set aside, never trusted.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Sandbox } from '../../src-sandbox/index';
import { FIRM_1_ID } from '../../src-sandbox/seed/firms';
import { api, apiJson, control, jsonBody, login, offsetToNoon, seedData, sha256Hex, startTestSandbox, tinyPdf, ANCHOR, FIRM1_BARRISTER, FIRM1_SOLICITOR } from './helpers';

interface Delta {
  changed: { caseId: string; version: number }[];
  removed: string[];
  cursor: string;
  hasMore: boolean;
}
interface Receipt {
  courtDocumentId: string;
  materialId: string;
  receiptId: string;
  receivedAt: string;
  sha256: string;
  size: number;
}
interface FormView {
  formId: string;
  version: number;
  data: Record<string, unknown>;
}

const temp = mkdtempSync(path.join(os.tmpdir(), 'bluebag-sandbox-state-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

let n = 0;
/** A fresh folder per test, so no test sees another's state file. */
function stateFileIn(): string {
  return path.join(temp, `t${++n}`, 'state.json');
}

function startWith(stateFile: string, logs: string[], extra: Parameters<typeof startTestSandbox>[0] = {}): Promise<Sandbox> {
  return startTestSandbox({ stateFile, log: (line) => logs.push(line), ...extra });
}

const caseAt = (i: number): { id: string; defendants: readonly { id: string }[]; hearings: readonly { id: string; hearingDays: readonly { sittingDay: string }[] }[] } => {
  const c = seedData().cases[i];
  if (!c) throw new Error(`no case ${i}`);
  return c;
};
const assocPath = (i: number): string => `/prosecutionCases/${caseAt(i).id}/defendants/${caseAt(i).defendants[0]?.id ?? ''}/associations`;

async function syncAll(sb: Sandbox, token: string, cursor?: string): Promise<{ changed: string[]; removed: string[]; cursor: string }> {
  const changed: string[] = [];
  const removed: string[] = [];
  let cur = cursor;
  for (;;) {
    const q = new URLSearchParams({ limit: '200' });
    if (cur !== undefined) q.set('cursor', cur);
    const { status, body } = await apiJson<Delta>(sb, token, `/associatedCases?${q.toString()}`);
    expect(status).toBe(200);
    changed.push(...body.changed.map((c) => c.caseId));
    removed.push(...body.removed);
    cur = body.cursor;
    if (!body.hasMore) return { changed, removed, cursor: cur };
  }
}

function upload(sb: Sandbox, token: string, caseId: string, body: Buffer, key: string): Promise<Response> {
  return api(sb, token, `/prosecutionCases/${caseId}/courtDocuments?documentTypeDescription=Defence%20statement&name=Defence%20case%20statement`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/pdf', 'Idempotency-Key': key },
  });
}

async function refresh(sb: Sandbox, refreshToken: string): Promise<{ status: number; body: { access_token?: string; refresh_token?: string; error?: string } }> {
  const res = await fetch(`${sb.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', client_id: 'bluebag-desktop', refresh_token: refreshToken }),
  });
  return { status: res.status, body: (await res.json()) as { access_token?: string; refresh_token?: string; error?: string } };
}

describe('startSandbox({ stateFile })', () => {
  it('carries associations, the delta position, tokens, forms, check-ins, served documents and their receipts over a restart', async () => {
    const stateFile = stateFileIn();
    const logs: string[] = [];
    let sb = await startWith(stateFile, logs);
    expect(sb.persistence).toMatchObject({ startedFrom: 'fresh', stateFile, filesDir: path.join(path.dirname(stateFile), 'state.files') });
    // The world is pinned at once, so a restart tomorrow still finds this anchor.
    expect(existsSync(stateFile)).toBe(true);

    const first = await login(sb, FIRM1_SOLICITOR);
    const barrister = (await login(sb, FIRM1_BARRISTER)).accessToken;
    const full = await syncAll(sb, first.accessToken);
    const beforeChanges = full.cursor;

    // Associate with a free case (case 2), with an Idempotency-Key.
    const assocInit = { method: 'POST', ...jsonBody({ representationType: 'REPRESENTATION_ORDER_APPLIED_FOR', laaContractNumber: '2N378D' }, { 'Idempotency-Key': 'assoc-1' }) };
    const assoc = await apiJson<{ association: unknown }>(sb, first.accessToken, assocPath(2), assocInit);
    expect(assoc.status).toBe(201);

    // Serve a document on case 0 (magistrates').
    const pdf = tinyPdf('persisted upload');
    const served = await upload(sb, first.accessToken, caseAt(0).id, pdf, 'serve-1');
    expect(served.status).toBe(201);
    const receipt = (await served.json()) as Receipt;

    // Save a PET form on case 0 and hold a lock on another section.
    const petId = seedData().forms.find((f) => f.caseId === caseAt(0).id)?.formId ?? '';
    const form = (await apiJson<FormView>(sb, first.accessToken, `/forms/${petId}`)).body;
    const saved = await apiJson<FormView>(sb, first.accessToken, `/forms/${petId}`, { method: 'PUT', ...jsonBody({ baseVersion: form.version, data: { part3: { realIssues: 'Identification' } } }) });
    expect(saved.body.version).toBe(form.version + 1);
    expect((await api(sb, first.accessToken, `/forms/${petId}/sections/part4/lock`, { method: 'POST' })).status).toBe(200);

    // Check in on case 4's hearing on the anchor date, and republish case 6's IDPC.
    const hearing = caseAt(4).hearings.find((h) => h.hearingDays.some((d) => d.sittingDay.startsWith(ANCHOR)));
    await sb.setFaults({ clockOffsetMs: offsetToNoon(ANCHOR) });
    const checkIn = await apiJson<{ id: string }>(sb, barrister, `/hearings/${hearing?.id ?? ''}/defenceCounsels`, {
      method: 'POST',
      ...jsonBody({ status: 'Junior counsel', title: 'Mr', firstName: 'Rhys', lastName: 'Pritchard', defendants: [caseAt(4).defendants[0]?.id], attendanceDays: [ANCHOR] }),
    });
    expect(checkIn.status).toBe(201);
    await sb.resetFaults();
    const republished = (await (await control(sb, `/cases/${caseAt(6).id}/republish-idpc`, { method: 'POST' })).json()) as { materialId: string };

    const afterChanges = await syncAll(sb, first.accessToken, beforeChanges);
    const expectedChanged = [caseAt(2).id, caseAt(0).id, caseAt(4).id, caseAt(6).id];
    expect(afterChanges.changed.sort()).toEqual([...expectedChanged].sort());
    const port = sb.port;
    await sb.stop();

    // A leftover half upload from a crash is cleaned up at start.
    const leftover = path.join(path.dirname(stateFile), 'state.files', 'upload-00000000-0000-4000-8000-000000000000.part');
    writeFileSync(leftover, 'partial');

    sb = await startWith(stateFile, logs, { port });
    expect(sb.persistence?.startedFrom).toBe('file');
    expect(sb.url).toContain(`:${port}`);
    expect(existsSync(leftover)).toBe(false);
    expect(logs).toEqual([]);

    // Still signed in: the first run's access token works, and its refresh token rotates.
    expect((await api(sb, first.accessToken, '/me')).status).toBe(200);
    const rotated = await refresh(sb, first.refreshToken);
    expect(rotated.status).toBe(200);
    const token = rotated.body.access_token ?? '';

    // The delta carries on: nothing new after the last cursor, the same changes after the earlier one.
    const idle = await apiJson<Delta>(sb, token, `/associatedCases?cursor=${encodeURIComponent(afterChanges.cursor)}`);
    expect(idle.body).toEqual({ changed: [], removed: [], cursor: afterChanges.cursor, hasMore: false });
    expect((await syncAll(sb, token, beforeChanges)).changed.sort()).toEqual([...expectedChanged].sort());
    expect(new Set((await syncAll(sb, token)).changed)).toEqual(new Set([...full.changed, caseAt(2).id]));

    // The association is there; replaying its request answers the first answer.
    expect((await api(sb, token, `/prosecutionCases/${caseAt(2).id}`)).status).toBe(200);
    const replayedAssoc = await apiJson<{ association: unknown }>(sb, token, assocPath(2), assocInit);
    expect(replayedAssoc.status).toBe(201);
    expect(replayedAssoc.headers.get('idempotent-replayed')).toBe('true');
    expect(replayedAssoc.body).toEqual(assoc.body);

    // Replaying the upload gives the same receipt and no second document; the bytes are still served.
    const replay = await upload(sb, token, caseAt(0).id, pdf, 'serve-1');
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual(receipt);
    const docs = await apiJson<{ courtDocuments: { courtDocumentId: string }[] }>(sb, token, `/prosecutionCases/${caseAt(0).id}/courtDocuments?section=DEFENCE`);
    expect(docs.body.courtDocuments.filter((d) => d.courtDocumentId === receipt.courtDocumentId)).toHaveLength(1);
    const bytes = Buffer.from(await (await api(sb, token, `/materials/${receipt.materialId}/content`)).arrayBuffer());
    expect(sha256Hex(bytes)).toBe(receipt.sha256);
    expect((await upload(sb, token, caseAt(0).id, tinyPdf('other bytes'), 'serve-1')).status).toBe(422);

    // The form kept its version, answers, history and the lock.
    const formAfter = (await apiJson<FormView>(sb, token, `/forms/${petId}`)).body;
    expect(formAfter.version).toBe(saved.body.version);
    expect(formAfter.data['part3']).toEqual({ realIssues: 'Identification' });
    expect((await apiJson<{ history: unknown[] }>(sb, token, `/forms/${petId}/history`)).body.history).toHaveLength(2);
    expect((await api(sb, barrister, `/forms/${petId}/sections/part4/lock`, { method: 'POST' })).status).toBe(423);

    // The check-in and the republished material are there.
    const kase = await apiJson<{ hearings: { id: string; defenceCounsels: { id: string }[] }[] }>(sb, token, `/prosecutionCases/${caseAt(4).id}`);
    expect(kase.body.hearings.find((h) => h.id === hearing?.id)?.defenceCounsels.map((d) => d.id)).toEqual([checkIn.body.id]);
    expect((await api(sb, token, `/materials/${republished.materialId}/content`, { method: 'HEAD' })).status).toBe(200);

    // New changes take later positions than anything handed out before the restart.
    expect((await api(sb, token, assocPath(2), { method: 'DELETE' })).status).toBe(204);
    const afterRestart = await syncAll(sb, token, afterChanges.cursor);
    expect(afterRestart).toMatchObject({ changed: [], removed: [caseAt(2).id] });

    // Replaying the rotated-out refresh token is still seen as reuse: the family is revoked (RFC 9700).
    expect((await refresh(sb, first.refreshToken)).body.error).toBe('invalid_grant');
    expect((await api(sb, token, '/me')).status).toBe(401);
    await sb.stop();
  });

  it('saves soon after a change, without waiting for stop', async () => {
    const stateFile = stateFileIn();
    const sb = await startWith(stateFile, []);
    try {
      const token = (await login(sb, FIRM1_SOLICITOR)).accessToken;
      expect((await api(sb, token, assocPath(10), { method: 'POST', ...jsonBody({ representationType: 'PRIVATE' }) })).status).toBe(201);
      await vi.waitFor(
        () => {
          const doc = JSON.parse(readFileSync(stateFile, 'utf8')) as { state: { associations: { defendantId: string; organisationId: string }[] } };
          expect(doc.state.associations).toContainEqual(expect.objectContaining({ defendantId: caseAt(10).defendants[0]?.id, organisationId: FIRM_1_ID }));
        },
        { timeout: 3_000, interval: 50 },
      );
      // No bearer token is written down: only hashes.
      expect(readFileSync(stateFile, 'utf8')).not.toContain(token);
    } finally {
      await sb.stop();
    }
  });

  it('moves an unreadable state file aside (one log line, no path) and starts fresh', async () => {
    const stateFile = stateFileIn();
    const dir = path.dirname(stateFile);
    const logs: string[] = [];
    // Written through the sandbox once so the folder exists, then damaged.
    await (await startWith(stateFile, logs)).stop();
    writeFileSync(stateFile, '{"format":"bluebag-cp-sandbox-state", trunc');
    const sb = await startWith(stateFile, logs);
    try {
      expect(sb.persistence?.startedFrom).toBe('fresh');
      const aside = readdirSync(dir).filter((f) => f.startsWith('state.json.corrupt-'));
      expect(aside).toHaveLength(1);
      expect(readFileSync(path.join(dir, aside[0] ?? ''), 'utf8')).toContain('trunc');
      expect(logs).toHaveLength(1);
      expect(logs[0]).toMatch(/state\.json is not valid JSON; moved aside as state\.json\.corrupt-/);
      expect(logs[0]).not.toContain(dir);
      // A fresh, valid file replaces it; seeded data is as seeded.
      expect((JSON.parse(readFileSync(stateFile, 'utf8')) as { formatVersion: number }).formatVersion).toBe(1);
      const token = (await login(sb, FIRM1_SOLICITOR)).accessToken;
      expect((await syncAll(sb, token)).changed.length).toBe(new Set(seedData().associations.filter((a) => a.organisationId === FIRM_1_ID).map((a) => a.caseId)).size);
    } finally {
      await sb.stop();
    }
  });

  it('moves aside a file of another format version, or one whose uploads have gone', async () => {
    const stateFile = stateFileIn();
    const dir = path.dirname(stateFile);
    const logs: string[] = [];
    let sb = await startWith(stateFile, logs);
    const token = (await login(sb, FIRM1_SOLICITOR)).accessToken;
    expect((await upload(sb, token, caseAt(0).id, tinyPdf('will vanish'), 'vanish-1')).status).toBe(201);
    await sb.stop();
    const good = readFileSync(stateFile, 'utf8');

    writeFileSync(stateFile, good.replace('"formatVersion":1', '"formatVersion":2'));
    sb = await startWith(stateFile, logs);
    expect(sb.persistence?.startedFrom).toBe('fresh');
    expect(logs.pop()).toMatch(/is format version 2, this sandbox reads 1; moved aside/);
    await sb.stop();

    // The fresh start removed the old upload (nothing refers to it any more): the good file no longer fits.
    writeFileSync(stateFile, good);
    sb = await startWith(stateFile, logs);
    expect(sb.persistence?.startedFrom).toBe('fresh');
    expect(logs.pop()).toMatch(/does not fit its sample world \(a saved upload is missing/);
    expect(readdirSync(dir).filter((f) => f.includes('.corrupt-'))).toHaveLength(2);
    await sb.stop();
  });

  it('keeps the saved anchor date when none is asked for; another world sets the file aside', async () => {
    const stateFile = stateFileIn();
    const logs: string[] = [];
    let sb = await startWith(stateFile, logs);
    const token = (await login(sb, FIRM1_SOLICITOR)).accessToken;
    expect((await api(sb, token, assocPath(2), { method: 'POST', ...jsonBody({ representationType: 'PRIVATE' }) })).status).toBe(201);
    await sb.stop();

    // As the app does: no anchor given ("today"), so the saved world's anchor wins.
    sb = await startTestSandbox({ stateFile, log: (l) => logs.push(l), anchorDate: undefined });
    expect(sb.anchorDate).toBe(ANCHOR);
    expect(sb.persistence?.startedFrom).toBe('file');
    await sb.stop();

    // An explicit other anchor is another world: fresh, and the old file kept beside.
    sb = await startWith(stateFile, logs, { anchorDate: '2026-03-11' });
    try {
      expect(sb.persistence?.startedFrom).toBe('fresh');
      expect(logs).toHaveLength(1);
      expect(logs[0]).toMatch(/belongs to another sample world \(different anchor date\); moved aside as state\.json\.replaced-/);
    } finally {
      await sb.stop();
    }
  });
});
