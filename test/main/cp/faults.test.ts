/** Every sandbox fault switch, mapped to the typed error the app acts on. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CpMalformedResponseError,
  CpOfflineError,
  CpRateLimitedError,
  CpServerError,
  CpTimeoutError,
  CpUnauthorizedError,
  isRetryable,
  type CpClient,
  type WireMaterial,
} from '../../../src-main/core/cp/index';
import { collect, expireAllTokens, failure, sha256Hex, startCpTest, URN, type TestContext } from './helpers';

let t: TestContext;
let client: CpClient;
let caseId: string;
let material: WireMaterial;

beforeAll(async () => {
  t = await startCpTest();
  client = t.client;
  const found = (await client.searchCases({ by: 'urn', prosecutionCaseReference: URN.firm1 })).cases[0];
  if (!found) throw new Error('seeded case missing');
  caseId = found.prosecutionCaseId;
  const m = (await client.courtDocuments(caseId, 'IDPC'))[0]?.materials.at(-1);
  if (!m) throw new Error('no IDPC material');
  material = m;
}, 180_000);

afterEach(async () => {
  await t.sb.resetFaults();
});

afterAll(async () => {
  await t.sb.stop();
});

/** Nothing that names a case or a person may appear in what an error says about itself. */
function expectNoPersonalData(error: Error): void {
  const said = `${error.message} ${JSON.stringify(error)}`;
  expect(said).not.toContain(URN.firm1);
  expect(said).not.toContain(caseId);
  expect(said).not.toContain(t.sb.url);
}

describe('no answer', () => {
  it('offline → CpOfflineError (retryable), and working again once back', async () => {
    await t.sb.setFaults({ offline: true });
    const error = await failure(client.me(), CpOfflineError);
    expect(error).toMatchObject({ messageKey: 'errors.cpOffline', retryable: true, operation: 'me' });
    expect(error.networkCode).toMatch(/^(ECONNREFUSED|UND_ERR_SOCKET|ECONNRESET)$/);
    await failure(client.materialContent(material.id), CpOfflineError);
    await t.sb.setFaults({ offline: false });
    expect((await client.me()).username).toBe('sokafor');
  });

  it('latency beyond the timeout → CpTimeoutError', async () => {
    await t.sb.setFaults({ latencyMs: 1_500 });
    const quick = t.makeClient({ timeoutMs: 200 });
    const error = await failure(quick.caseDetail(caseId), CpTimeoutError);
    expect(error).toMatchObject({ messageKey: 'errors.cpTimeout', timeoutMs: 200, retryable: true });
    // For a material the same limit applies until the headers arrive.
    await failure(quick.materialContent(material.id), CpTimeoutError);
  });

  it('a request the server never answers (errorKinds timeout) → CpTimeoutError', async () => {
    await t.sb.setFaults({ errorRate: 1, errorKinds: ['timeout'] });
    await failure(t.makeClient({ timeoutMs: 300 }).associatedCases(null), CpTimeoutError);
  });

  it('errorRate 1 with reset → CpOfflineError', async () => {
    await t.sb.setFaults({ errorRate: 1, errorKinds: ['reset'] });
    await failure(client.associatedCases(null), CpOfflineError);
  });
});

describe('server trouble', () => {
  it('errorRate 1 with 500 → CpServerError without Retry-After', async () => {
    await t.sb.setFaults({ errorRate: 1, errorKinds: ['500'] });
    const error = await failure(client.associatedCases(null), CpServerError);
    expect(error).toMatchObject({ status: 500, retryAfterMs: null, retryable: true, messageKey: 'errors.cpServer' });
  });

  it('errorRate 1 with 503 → CpServerError honouring Retry-After', async () => {
    await t.sb.setFaults({ errorRate: 1, errorKinds: ['503'] });
    const error = await failure(client.caseDetail(caseId), CpServerError);
    expect(error).toMatchObject({ status: 503, retryAfterMs: 1_000 });
    expect(isRetryable(error)).toBe(true);
  });

  it('rateLimit → CpRateLimitedError with retryAfterMs from Retry-After, capped', async () => {
    await t.sb.setFaults({ rateLimit: { retryAfterSeconds: 7 } });
    const error = await failure(client.searchCases({ by: 'urn', prosecutionCaseReference: URN.firm1 }), CpRateLimitedError);
    expect(error).toMatchObject({ retryAfterMs: 7_000, retryable: true, messageKey: 'errors.cpRateLimited' });
    await t.sb.setFaults({ rateLimit: { retryAfterSeconds: 86_400 } });
    expect((await failure(t.makeClient({ maxRetryAfterMs: 60_000 }).me(), CpRateLimitedError)).retryAfterMs).toBe(60_000);
  });
});

describe('corrupt answers never get through', () => {
  it('malformedJson → CpMalformedResponseError invalidJson', async () => {
    await t.sb.setFaults({ corruption: 'malformedJson' });
    const error = await failure(client.searchCases({ by: 'urn', prosecutionCaseReference: URN.firm1 }), CpMalformedResponseError);
    expect(error).toMatchObject({ reason: 'invalidJson', messageKey: 'errors.cpMalformed', retryable: true });
    expectNoPersonalData(error);
  });

  it('unexpectedShape → CpMalformedResponseError with issue paths, never values', async () => {
    await t.sb.setFaults({ corruption: 'unexpectedShape' });
    const search = await failure(client.searchCases({ by: 'urn', prosecutionCaseReference: URN.firm1 }), CpMalformedResponseError);
    expect(search.reason).toBe('unexpectedShape');
    expect(search.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['cases', 'totalResults']));
    expectNoPersonalData(search);
    const delta = await failure(client.associatedCases(null), CpMalformedResponseError);
    expect(delta.issues.length).toBeGreaterThan(0);
    expectNoPersonalData(delta);
  });

  it('truncatedBody → CpMalformedResponseError truncatedBody', async () => {
    await t.sb.setFaults({ corruption: 'truncatedBody' });
    const error = await failure(client.associatedCases(null), CpMalformedResponseError);
    expect(error.reason).toBe('truncatedBody');
    await failure(client.me(), CpMalformedResponseError);
  });

  it('dropAfterBytes on a JSON answer → CpMalformedResponseError truncatedBody', async () => {
    await t.sb.setFaults({ dropAfterBytes: 100, pathPrefix: '/associatedCases' });
    expect((await failure(client.associatedCases(null), CpMalformedResponseError)).reason).toBe('truncatedBody');
  });

  it('wrongHash → the advertised sha-256 differs from the bytes’ (the caller verifies)', async () => {
    await t.sb.setFaults({ corruption: 'wrongHash' });
    const stream = await client.materialContent(material.id);
    expect(stream.status).toBe(200);
    expect(stream.sha256).toBe(material.sha256);
    const bytes = await collect(stream.body);
    expect(bytes.length).toBe(material.size);
    expect(sha256Hex(bytes)).not.toBe(stream.sha256);
  });

  it('dropAfterBytes on material content → the stream errors, never a silent short file', async () => {
    await t.sb.setFaults({ dropAfterBytes: 50_000, pathPrefix: '/materials/' });
    const stream = await client.materialContent(material.id);
    expect(stream.totalSize).toBe(material.size);
    let received = 0;
    const reading = (async () => {
      for await (const chunk of stream.body) received += chunk.byteLength;
    })();
    const error = await failure(reading, CpMalformedResponseError);
    expect(error.reason).toBe('truncatedBody');
    expect(received).toBeLessThan(material.size);
    // Resuming from what arrived works once the connection behaves.
    await t.sb.resetFaults();
    const rest = await client.materialContent(material.id, { offset: received, etag: stream.etag ?? '' });
    expect(rest.status).toBe(206);
    expect((await collect(rest.body)).length).toBe(material.size - received);
  });
});

describe('sign-in', () => {
  it('an expired token → CpUnauthorizedError (not retryable as is); a fresh token works', async () => {
    await expireAllTokens(t.sb);
    const error = await failure(client.me(), CpUnauthorizedError);
    expect(error).toMatchObject({ messageKey: 'errors.cpUnauthorized', retryable: false });
    await failure(client.materialContent(material.id), CpUnauthorizedError);
    await t.renewToken();
    expect((await client.me()).username).toBe('sokafor');
  });
});
