import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src-sandbox/index';
import { FIRM_1_ID } from '../../src-sandbox/seed/firms';
import { api, apiJson, control, jsonBody, login, seedData, startTestSandbox, FIRM1_SOLICITOR, FIRM2_SOLICITOR } from './helpers';

interface Delta {
  changed: { caseId: string; version: number; prosecutionCase: { id: string; defendants: { id: string; associatedDefenceOrganisation: { organisationId: string } | null }[] }; hearings: unknown[]; courtDocuments: { courtDocumentId: string; section: string; materials: { id: string }[] }[] }[];
  removed: string[];
  cursor: string;
  hasMore: boolean;
}

let sb: Sandbox;
let firm1: string;
let firm2: string;

function caseAt(i: number): { id: string; defendants: readonly { id: string }[] } {
  const c = seedData().cases[i];
  if (!c) throw new Error(`no case ${i}`);
  return c;
}

async function syncAll(token: string, cursor?: string, limit = 200): Promise<{ changed: Delta['changed']; removed: string[]; cursor: string; calls: number }> {
  const changed: Delta['changed'] = [];
  const removed: string[] = [];
  let cur = cursor;
  let calls = 0;
  for (;;) {
    const q = new URLSearchParams({ limit: String(limit) });
    if (cur !== undefined) q.set('cursor', cur);
    const { status, body } = await apiJson<Delta>(sb, token, `/associatedCases?${q.toString()}`);
    expect(status).toBe(200);
    calls++;
    changed.push(...body.changed);
    removed.push(...body.removed);
    cur = body.cursor;
    if (!body.hasMore) return { changed, removed, cursor: cur, calls };
  }
}

beforeAll(async () => {
  sb = await startTestSandbox();
  firm1 = (await login(sb, FIRM1_SOLICITOR)).accessToken;
  firm2 = (await login(sb, FIRM2_SOLICITOR)).accessToken;
}, 180_000);

afterAll(async () => {
  await sb.stop();
});

const assocPath = (caseIdx: number, defIdx = 0): string => `/prosecutionCases/${caseAt(caseIdx).id}/defendants/${caseAt(caseIdx).defendants[defIdx]?.id ?? ''}/associations`;

describe('GET /associatedCases (delta feed)', () => {
  let cursor = '';

  it('a full sync returns every case firm 1 is associated with (about a third)', async () => {
    const expected = new Set(seedData().associations.filter((a) => a.organisationId === FIRM_1_ID).map((a) => a.caseId));
    const all = await syncAll(firm1);
    expect(new Set(all.changed.map((c) => c.caseId))).toEqual(expected);
    expect(all.removed).toEqual([]);
    expect(expected.size).toBeGreaterThanOrEqual(Math.floor(seedData().cases.length / 4));
    const first = all.changed[0];
    expect(first?.version).toBeGreaterThanOrEqual(1);
    expect(first?.courtDocuments.length).toBeGreaterThan(0);
    cursor = all.cursor;
  });

  it('paging with a small limit yields the same set', async () => {
    const paged = await syncAll(firm1, undefined, 4);
    expect(paged.calls).toBeGreaterThan(2);
    const full = await syncAll(firm1);
    expect(paged.changed.map((c) => c.caseId).sort()).toEqual(full.changed.map((c) => c.caseId).sort());
  });

  it('with nothing changed: one request, empty arrays, the same cursor, fast', async () => {
    const started = performance.now();
    const { body } = await apiJson<Delta>(sb, firm1, `/associatedCases?cursor=${encodeURIComponent(cursor)}`);
    expect(performance.now() - started).toBeLessThan(500);
    expect(body).toEqual({ changed: [], removed: [], cursor, hasMore: false });
  });

  it('associating brings the case in; disassociating lists it in removed', async () => {
    const target = caseAt(2);
    const created = await apiJson<{ association: { organisationId: string; representationType: string } }>(sb, firm1, assocPath(2), { method: 'POST', ...jsonBody({ representationType: 'REPRESENTATION_ORDER_APPLIED_FOR', laaContractNumber: '2N378D' }) });
    expect(created.status).toBe(201);
    expect(created.body.association).toMatchObject({ organisationId: FIRM_1_ID, representationType: 'REPRESENTATION_ORDER_APPLIED_FOR' });
    const d1 = await syncAll(firm1, cursor);
    expect(d1.changed.map((c) => c.caseId)).toEqual([target.id]);
    expect(d1.changed[0]?.prosecutionCase.defendants[0]?.associatedDefenceOrganisation?.organisationId).toBe(FIRM_1_ID);
    const v1 = d1.changed[0]?.version ?? 0;

    // The case is now readable by firm 1.
    expect((await api(sb, firm1, `/prosecutionCases/${target.id}`)).status).toBe(200);

    const del = await api(sb, firm1, assocPath(2), { method: 'DELETE' });
    expect(del.status).toBe(204);
    const d2 = await syncAll(firm1, d1.cursor);
    expect(d2.changed).toEqual([]);
    expect(d2.removed).toEqual([target.id]);
    expect((await api(sb, firm1, `/prosecutionCases/${target.id}`)).status).toBe(403);

    // Re-associating shows it again with a higher version.
    expect((await api(sb, firm1, assocPath(2), { method: 'POST', ...jsonBody({ representationType: 'PRIVATE' }) })).status).toBe(201);
    const d3 = await syncAll(firm1, d2.cursor);
    expect(d3.changed.map((c) => c.caseId)).toEqual([target.id]);
    expect(d3.changed[0]?.version).toBeGreaterThan(v1);
    cursor = d3.cursor;
  });

  it('a republished bundle bumps the case so it reappears with the new material', async () => {
    const republishCase = caseAt(6);
    const before = await apiJson<{ courtDocuments: { section: string; materials: unknown[] }[] }>(sb, firm1, `/prosecutionCases/${republishCase.id}/courtDocuments?section=IDPC`);
    const count = before.body.courtDocuments[0]?.materials.length ?? 0;
    expect(count).toBe(2); // seeded republication
    const res = await control(sb, `/cases/${republishCase.id}/republish-idpc`, { method: 'POST' });
    expect(res.status).toBe(201);
    const d = await syncAll(firm1, cursor);
    expect(d.changed.map((c) => c.caseId)).toEqual([republishCase.id]);
    const idpc = d.changed[0]?.courtDocuments.find((doc) => doc.section === 'IDPC');
    expect(idpc?.materials.length).toBe(count + 1);
    cursor = d.cursor;
  });

  it('rejects a forged cursor and a limit over 200', async () => {
    expect((await api(sb, firm1, '/associatedCases?cursor=garbage')).status).toBe(400);
    expect((await api(sb, firm1, '/associatedCases?limit=201')).status).toBe(400);
    expect((await api(sb, firm1, '/associatedCases?what=1')).status).toBe(400);
  });
});

describe('associations', () => {
  it('refuses ALREADY_ASSOCIATED and LOCKED_BY_REPRESENTATION_ORDER with 409', async () => {
    const already = await apiJson<{ errorCode: string }>(sb, firm1, assocPath(0), { method: 'POST', ...jsonBody({ representationType: 'PRIVATE' }) });
    expect(already.status).toBe(409);
    expect(already.body.errorCode).toBe('ALREADY_ASSOCIATED');
    const locked = await apiJson<{ errorCode: string }>(sb, firm1, assocPath(1), { method: 'POST', ...jsonBody({ representationType: 'REPRESENTATION_ORDER', laaContractNumber: '2N378D' }) });
    expect(locked.status).toBe(409);
    expect(locked.body.errorCode).toBe('LOCKED_BY_REPRESENTATION_ORDER');
  });

  it('only the associated firm may disassociate (NOT_ASSOCIATED_ORGANISATION)', async () => {
    const res = await apiJson<{ errorCode: string }>(sb, firm2, assocPath(0), { method: 'DELETE' });
    expect(res.status).toBe(403);
    expect(res.body.errorCode).toBe('NOT_ASSOCIATED_ORGANISATION');
  });

  it('validates the body and the LAA contract number', async () => {
    expect((await api(sb, firm1, assocPath(10), { method: 'POST', ...jsonBody({ representationType: 'FRIENDLY' }) })).status).toBe(400);
    expect((await api(sb, firm1, assocPath(10), { method: 'POST', ...jsonBody({ representationType: 'PRIVATE', extra: 1 }) })).status).toBe(400);
    expect((await api(sb, firm1, assocPath(10), { method: 'POST', body: '{oops', headers: { 'Content-Type': 'application/json' } })).status).toBe(400);
    const foreign = await apiJson<{ errorCode: string }>(sb, firm1, assocPath(10), { method: 'POST', ...jsonBody({ representationType: 'REPRESENTATION_ORDER', laaContractNumber: '0P214Q' }) });
    expect(foreign.status).toBe(422);
  });

  it('honours Idempotency-Key: a replay returns the first answer and associates once', async () => {
    const key = `assoc-${Date.now()}`;
    const init = { method: 'POST', ...jsonBody({ representationType: 'PRIVATE' }, { 'Idempotency-Key': key }) };
    const createdBefore = sb.stats().associations.created;
    const first = await apiJson<unknown>(sb, firm1, assocPath(10), init);
    const second = await apiJson<unknown>(sb, firm1, assocPath(10), init);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(sb.stats().associations.created).toBe(createdBefore + 1);
    const reused = await apiJson<{ errorCode: string }>(sb, firm1, assocPath(10), { method: 'POST', ...jsonBody({ representationType: 'PRO_BONO' }, { 'Idempotency-Key': key }) });
    expect(reused.status).toBe(422);
    expect(reused.body.errorCode).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('a firm taking over an unlocked defendant removes the case from the other firm', async () => {
    const c7 = caseAt(7);
    const before = await syncAll(firm2);
    expect(before.changed.map((c) => c.caseId)).toContain(c7.id);
    const onlyDefendantCount = c7.defendants.length;
    for (let i = 0; i < onlyDefendantCount; i++) {
      expect((await api(sb, firm1, assocPath(7, i), { method: 'POST', ...jsonBody({ representationType: 'PRIVATE' }) })).status).toBe(201);
    }
    const after = await syncAll(firm2, before.cursor);
    expect(after.removed).toContain(c7.id);
  });

  it('GET /prosecutionCases/{id} is 403 unless associated, and has CP field names', async () => {
    const locked = caseAt(1);
    const refused = await apiJson<{ errorCode: string }>(sb, firm1, `/prosecutionCases/${locked.id}`);
    expect(refused.status).toBe(403);
    const own = await apiJson<{ prosecutionCase: Record<string, unknown>; hearings: Record<string, unknown>[] }>(sb, firm1, `/prosecutionCases/${caseAt(0).id}`);
    expect(own.status).toBe(200);
    expect(own.body.prosecutionCase).toMatchObject({ id: caseAt(0).id, prosecutionCaseIdentifier: { prosecutionAuthorityCode: 'CPS' }, caseStatus: 'ACTIVE' });
    const d = (own.body.prosecutionCase['defendants'] as Record<string, unknown>[])[0] ?? {};
    expect(Object.keys(d)).toEqual(expect.arrayContaining(['id', 'masterDefendantId', 'personDefendant', 'pncId', 'croNumber', 'offences', 'associatedDefenceOrganisation']));
    const o = (d['offences'] as Record<string, unknown>[])[0] ?? {};
    expect(Object.keys(o)).toEqual(expect.arrayContaining(['id', 'offenceCode', 'offenceTitle', 'wording', 'startDate', 'modeOfTrial', 'plea', 'indicatedPlea', 'allocationDecision', 'verdict', 'custodyTimeLimit']));
    const h = own.body.hearings[0] ?? {};
    expect(Object.keys(h)).toEqual(expect.arrayContaining(['id', 'jurisdictionType', 'courtCentre', 'type', 'hearingDays', 'hearingLanguage', 'defenceCounsels']));
    expect(Object.keys((h['courtCentre'] as object) ?? {})).toEqual(expect.arrayContaining(['id', 'name', 'roomName', 'address']));
  });

  it('court documents: sections, categories, materials with size/pageCount/sha256', async () => {
    const { status, body } = await apiJson<{ courtDocuments: { section: string; documentCategory: Record<string, unknown>; mimeType: string; isRemoved: boolean; materials: { id: string; size: number; pageCount: number; sha256: string; uploadDateTime: string; publishedDate: string }[] }[] }>(sb, firm1, `/prosecutionCases/${caseAt(0).id}/courtDocuments`);
    expect(status).toBe(200);
    expect(body.courtDocuments.length).toBeGreaterThan(1);
    for (const d of body.courtDocuments) {
      expect(['IDPC', 'MCEB', 'WS', 'EX', 'UM', 'DEFENCE']).toContain(d.section);
      expect(d.mimeType).toBe('application/pdf');
      expect(d.isRemoved).toBe(false);
      expect('caseDocument' in d.documentCategory || 'defendantDocument' in d.documentCategory).toBe(true);
      for (const m of d.materials) {
        expect(m.sha256).toMatch(/^[0-9a-f]{64}$/);
        expect(m.size).toBeGreaterThan(0);
        expect(m.pageCount).toBeGreaterThanOrEqual(5);
      }
    }
    const idpcOnly = await apiJson<{ courtDocuments: { section: string }[] }>(sb, firm1, `/prosecutionCases/${caseAt(0).id}/courtDocuments?section=IDPC`);
    expect(idpcOnly.body.courtDocuments.map((d) => d.section)).toEqual(['IDPC']);
    expect((await api(sb, firm1, `/prosecutionCases/${caseAt(0).id}/courtDocuments?section=XYZ`)).status).toBe(400);
  });
});
