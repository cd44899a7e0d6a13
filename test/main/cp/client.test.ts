import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CaseSearchResponseSchema } from '../../../src-sandbox/index';
import {
  CpRangeNotSatisfiableError,
  CpRefusedError,
  CpForbiddenError,
  CpBadRequestError,
  type CpClient,
  type WireCourtDocument,
  type WireMaterial,
} from '../../../src-main/core/cp/index';
import { collect, failure, sha256Hex, startCpTest, URN, type TestContext } from './helpers';

let t: TestContext;
let client: CpClient;

beforeAll(async () => {
  t = await startCpTest();
  client = t.client;
}, 180_000);

afterEach(async () => {
  await t.sb.resetFaults();
});

afterAll(async () => {
  await t.sb.stop();
});

async function caseIdOf(urn: string): Promise<{ caseId: string; defendantIds: string[] }> {
  const result = await client.searchCases({ by: 'urn', prosecutionCaseReference: urn });
  const found = result.cases[0];
  if (!found) throw new Error('seeded case missing');
  return { caseId: found.prosecutionCaseId, defendantIds: found.defendantSummary.map((d) => d.defendantId) };
}

describe('reads', () => {
  it('me: the script client acts as firm 1’s solicitor', async () => {
    const me = await client.me();
    expect(me.username).toBe('sokafor');
    expect(me.role).toBe('SOLICITOR');
    expect(me.organisation.laaContractNumbers).toEqual(['2N378D', '2N379E']);
  });

  it('searches by URN (typed with slashes too) and answers in CP’s exact shape', async () => {
    const result = await client.searchCases({ by: 'urn', prosecutionCaseReference: '208E9376325' });
    expect(result.totalResults).toBe(1);
    expect(result.cases[0]?.prosecutionCaseReference).toBe(URN.firm1);
    // The sandbox's own strict schema of CP's answer accepts exactly what the client returns.
    expect(CaseSearchResponseSchema.safeParse(result).success).toBe(true);
    const typed = await client.searchCases({ by: 'urn', prosecutionCaseReference: '20/8e 93763/25' });
    expect(typed).toEqual(result);
    const defendant = result.cases[0]?.defendantSummary[0];
    expect(defendant && ('defendantName' in defendant ? defendant.defendantName : defendant.defendantLastName)).toBeTruthy();
  });

  it('searches by the other CP keys', async () => {
    const { caseId } = await caseIdOf(URN.firm1);
    const detail = await client.caseDetail(caseId);
    const person = detail.prosecutionCase.defendants[0]?.personDefendant?.personDetails;
    if (!person?.dateOfBirth) throw new Error('seeded defendant has no date of birth');
    const byName = await client.searchCases({ by: 'nameAndDateOfBirth', defendantName: `${person.firstName} ${person.lastName}`, defendantDOB: person.dateOfBirth });
    expect(byName.cases.map((c) => c.prosecutionCaseId)).toContain(caseId);
    const nino = person.nationalInsuranceNumber;
    if (nino !== null) expect((await client.searchCases({ by: 'nino', defendantNINO: nino })).cases.map((c) => c.prosecutionCaseId)).toContain(caseId);
    const none = await client.searchCases({ by: 'asn', defendantASN: 'NOSUCHASN000' });
    expect(none).toEqual({ cases: [], totalResults: 0 });
  });

  it('a bad URN is CP’s 400 INVALID_URN as CpBadRequestError', async () => {
    const error = await failure(client.searchCases({ by: 'urn', prosecutionCaseReference: 'nonsense' }), CpBadRequestError);
    expect(error.errorCode).toBe('INVALID_URN');
    expect(error.retryable).toBe(false);
  });

  it('delta: everything, page by page, then an idle answer with the same cursor', async () => {
    let cursor: string | null = null;
    const seen = new Set<string>();
    for (let page = 0; page < 20; page++) {
      const delta = await client.associatedCases(cursor, 7);
      for (const bundle of delta.changed) {
        expect(bundle.prosecutionCase.id).toBe(bundle.caseId);
        seen.add(bundle.caseId);
      }
      cursor = delta.cursor;
      if (!delta.hasMore) break;
    }
    expect(seen.size).toBe(16);
    const idle = await client.associatedCases(cursor);
    expect(idle).toEqual({ changed: [], removed: [], cursor, hasMore: false });
  });

  it('delta bundles are normalised: optional fields present as null, defaults filled', async () => {
    const delta = await client.associatedCases(null, 200);
    const offence = delta.changed[0]?.prosecutionCase.defendants[0]?.offences[0];
    expect(offence).toBeDefined();
    expect(offence).toHaveProperty('plea');
    expect(offence).toHaveProperty('verdict');
    const hearing = delta.changed[0]?.hearings[0];
    expect(hearing?.courtCentre).toHaveProperty('welshName');
  });

  it('a forged cursor is CpBadRequestError INVALID_CURSOR', async () => {
    const error = await failure(client.associatedCases('not-a-cursor'), CpBadRequestError);
    expect(error.errorCode).toBe('INVALID_CURSOR');
  });

  it('case detail and court documents of an associated case', async () => {
    const { caseId } = await caseIdOf(URN.firm1);
    const detail = await client.caseDetail(caseId);
    expect(detail.prosecutionCase.prosecutionCaseIdentifier.caseURN).toBe(URN.firm1);
    expect(detail.hearings.length).toBeGreaterThan(0);
    const all = await client.courtDocuments(caseId);
    const idpc = await client.courtDocuments(caseId, 'IDPC');
    expect(idpc.length).toBeGreaterThan(0);
    expect(idpc.every((d) => d.section === 'IDPC')).toBe(true);
    expect(all.length).toBeGreaterThanOrEqual(idpc.length);
  });

  it('a case of another firm is CpForbiddenError with CP’s code', async () => {
    const { caseId } = await caseIdOf(URN.firm2);
    const error = await failure(client.caseDetail(caseId), CpForbiddenError);
    expect(error.errorCode).toBe('NOT_ASSOCIATED_ORGANISATION');
  });
});

describe('material content', () => {
  let material: WireMaterial;
  let full: Buffer;

  beforeAll(async () => {
    const { caseId } = await caseIdOf(URN.firm1);
    const docs: WireCourtDocument[] = await client.courtDocuments(caseId, 'IDPC');
    const m = docs[0]?.materials.at(-1);
    if (!m) throw new Error('no IDPC material');
    material = m;
  });

  it('streams the whole file with its size, ETag and advertised sha-256', async () => {
    const stream = await client.materialContent(material.id);
    expect(stream.status).toBe(200);
    expect(stream.start).toBe(0);
    expect(stream.totalSize).toBe(material.size);
    expect(stream.etag).toBe(`"sha256-${material.sha256}"`);
    expect(stream.sha256).toBe(material.sha256);
    full = await collect(stream.body);
    expect(full.length).toBe(material.size);
    expect(sha256Hex(full)).toBe(material.sha256);
  });

  it('resumes from an offset with If-Range: the bytes join up exactly', async () => {
    const offset = Math.floor(material.size / 3);
    const first = await client.materialContent(material.id);
    const head: Buffer[] = [];
    let have = 0;
    for await (const chunk of first.body) {
      head.push(Buffer.from(chunk));
      have += chunk.byteLength;
      if (have >= offset) break;
    }
    const part = Buffer.concat(head).subarray(0, offset);
    const rest = await client.materialContent(material.id, { offset, etag: first.etag ?? '' });
    expect(rest.status).toBe(206);
    expect(rest.start).toBe(offset);
    expect(rest.length).toBe(material.size - offset);
    expect(rest.totalSize).toBe(material.size);
    expect(rest.sha256).toBe(material.sha256);
    const joined = Buffer.concat([part, await collect(rest.body)]);
    expect(joined.equals(full)).toBe(true);
  });

  it('a changed material (ETag no longer matches) comes back whole as 200: restart', async () => {
    const stream = await client.materialContent(material.id, { offset: 1000, etag: '"sha256-0000"' });
    expect(stream.status).toBe(200);
    expect(stream.start).toBe(0);
    expect((await collect(stream.body)).equals(full)).toBe(true);
  });

  it('an offset at the end is CpRangeNotSatisfiableError with the size', async () => {
    const error = await failure(client.materialContent(material.id, { offset: material.size, etag: `"sha256-${material.sha256}"` }), CpRangeNotSatisfiableError);
    expect(error.totalSize).toBe(material.size);
  });

  it('the caller’s AbortSignal stops the stream with the caller’s reason', async () => {
    const controller = new AbortController();
    const stream = await client.materialContent(material.id, { signal: controller.signal });
    const reason = new Error('user cancelled');
    const outcome = (async () => {
      for await (const _chunk of stream.body) controller.abort(reason);
    })();
    await expect(outcome).rejects.toBe(reason);
  });

  it('cancel() releases a stream the caller will not read', async () => {
    const stream = await client.materialContent(material.id);
    stream.cancel();
    // The connection is gone, and a new request works at once.
    const again = await client.materialContent(material.id);
    expect((await collect(again.body)).length).toBe(material.size);
  });
});

describe('associations', () => {
  it('associates with a free defendant (a replayed key answers the same), then disassociates', async () => {
    const { caseId, defendantIds } = await caseIdOf(URN.free);
    const defendantId = defendantIds[0] ?? '';
    const body = { representationType: 'REPRESENTATION_ORDER_APPLIED_FOR', laaContractNumber: '2N378D' } as const;
    const association = await client.associate(caseId, defendantId, body, 'cp-test-assoc-1');
    expect(association).toMatchObject({ defendantId, prosecutionCaseId: caseId, representationType: 'REPRESENTATION_ORDER_APPLIED_FOR', laaContractNumber: '2N378D' });
    expect(await client.associate(caseId, defendantId, body, 'cp-test-assoc-1')).toEqual(association);
    expect((await client.caseDetail(caseId)).prosecutionCase.defendants[0]?.associatedDefenceOrganisation?.organisationId).toBe(association.organisationId);

    const again = await failure(client.associate(caseId, defendantId, body, 'cp-test-assoc-2'), CpRefusedError);
    expect(again).toMatchObject({ errorCode: 'ALREADY_ASSOCIATED', status: 409, messageKey: 'errors.alreadyAssociated' });

    await client.disassociate(caseId, defendantId, 'cp-test-disassoc-1');
    await client.disassociate(caseId, defendantId, 'cp-test-disassoc-1');
    await failure(client.caseDetail(caseId), CpForbiddenError);
  });

  it('maps CP’s refusals to CpRefusedError with the code', async () => {
    const locked = await caseIdOf(URN.firm2RepOrder);
    const refusal = await failure(client.associate(locked.caseId, locked.defendantIds[0] ?? '', { representationType: 'PRIVATE' }, 'cp-test-locked'), CpRefusedError);
    expect(refusal).toMatchObject({ errorCode: 'LOCKED_BY_REPRESENTATION_ORDER', status: 409, retryable: false });

    const other = await caseIdOf(URN.firm2);
    const notOurs = await failure(client.disassociate(other.caseId, other.defendantIds[0] ?? '', 'cp-test-not-ours'), CpRefusedError);
    expect(notOurs).toMatchObject({ errorCode: 'NOT_ASSOCIATED_ORGANISATION', status: 403, messageKey: 'errors.notAssociatedOrganisation' });

    const free = await caseIdOf(URN.free);
    const contract = await failure(client.associate(free.caseId, free.defendantIds[0] ?? '', { representationType: 'PRIVATE', laaContractNumber: '0P214Q' }, 'cp-test-contract'), CpRefusedError);
    expect(contract).toMatchObject({ errorCode: 'UNKNOWN_LAA_CONTRACT', status: 422, messageKey: 'errors.cpRefused' });

    // Only successful answers are kept per key, so the key is reused after a success.
    await client.associate(free.caseId, free.defendantIds[0] ?? '', { representationType: 'PRIVATE' }, 'cp-test-reuse');
    const reused = await failure(client.associate(free.caseId, free.defendantIds[0] ?? '', { representationType: 'PRO_BONO' }, 'cp-test-reuse'), CpRefusedError);
    expect(reused).toMatchObject({ errorCode: 'IDEMPOTENCY_KEY_REUSED', status: 422 });
    await client.disassociate(free.caseId, free.defendantIds[0] ?? '', 'cp-test-reuse-undo');
  });

  it('refuses a bad Idempotency-Key before sending anything', async () => {
    await expect(client.disassociate('a', 'b', 'has space')).rejects.toBeInstanceOf(RangeError);
    await expect(client.disassociate('a', 'b', '')).rejects.toBeInstanceOf(RangeError);
  });
});
