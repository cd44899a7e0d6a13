/**
 * What the sandbox cannot provoke: answers CP might give through a proxy or after a change, stalls in
 * the middle of a stream, header parsing. A stub fetch stands in for the network here.
 */
import { describe, expect, it } from 'vitest';
import {
  createCpClient,
  CpMalformedResponseError,
  CpRateLimitedError,
  CpTimeoutError,
  CpUnauthorizedError,
  isRetryable,
  parseReprDigest,
  parseRetryAfter,
  type CpClientOptions,
  type StreamGet,
} from '../../../src-main/core/cp/index';
import { collect, failure } from './helpers';

const CASE_ID = '0b77db3b-d9c5-4d4f-84a8-b0bbf1f8aa0a';
const DEFENDANT_ID = 'a76077de-2833-48c1-82f3-a015464b2a20';
const OFFENCE_ID = '63ff0ede-3ff4-4209-aad3-aa932d7ed2c4';
const HEARING_ID = 'db7637b7-bf93-4f7a-b1e7-a854f8e155a9';
const COURT_ID = 'b7341764-be0f-4c49-ad55-2e3d9fcc09a6';
const SHA = '55461896def3e248e7c6e756807bf2e11bac341ec12eee6e7e2a911586cf58c6';

interface Seen {
  url: string;
  headers: Headers;
  method: string;
}

function stubClient(answer: (seen: Seen) => Response, extra: Partial<CpClientOptions> = {}): { client: ReturnType<typeof createCpClient>; seen: Seen[]; tokens: () => number } {
  const seen: Seen[] = [];
  let tokenCalls = 0;
  const fetchStub: typeof fetch = (input, init) => {
    const request: Seen = { url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, headers: new Headers(init?.headers), method: init?.method ?? 'GET' };
    seen.push(request);
    return Promise.resolve(answer(request));
  };
  // Material content goes through streamGet (node:http in the app); here it answers from the same
  // Response, its body read the way an IncomingMessage is: ending in an error once the request's
  // signal aborts (stream-get.test.ts checks the real one does).
  const streamGetStub: StreamGet = (url, headers, signal) => {
    const request: Seen = { url, headers: new Headers(headers), method: 'GET' };
    seen.push(request);
    const res = answer(request);
    const reader = res.body?.getReader();
    const aborted = new Promise<never>((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }));
    aborted.catch(() => undefined);
    async function* body(): AsyncGenerator<Uint8Array> {
      if (!reader) return;
      for (;;) {
        const chunk = await Promise.race([reader.read(), aborted]);
        if (chunk.done) return;
        yield chunk.value;
      }
    }
    return Promise.resolve({ status: res.status, headers: res.headers, body: body(), destroy: () => void reader?.cancel().catch(() => undefined) });
  };
  const client = createCpClient({
    baseUrl: 'https://cp.example.test/api/',
    accessToken: () => Promise.resolve(`token-${++tokenCalls}`),
    fetch: fetchStub,
    streamGet: streamGetStub,
    ...extra,
  });
  return { client, seen, tokens: () => tokenCalls };
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } });
}

const offenceSummary = { offenceId: OFFENCE_ID, offenceCode: 'MD71530', offenceTitle: 'Possess a controlled drug of Class A - cocaine' };
function searchAnswer(defendant: Record<string, unknown>): unknown {
  return {
    cases: [{ prosecutionCaseId: CASE_ID, prosecutionCaseReference: '208E9376325', caseStatus: 'ACTIVE', defendantSummary: [{ defendantId: DEFENDANT_ID, offenceSummary: [offenceSummary], ...defendant }] }],
    totalResults: 1,
  };
}

function caseBody(extraDefendant: Record<string, unknown> = {}): unknown {
  return {
    prosecutionCase: {
      id: CASE_ID,
      prosecutionCaseIdentifier: { prosecutionAuthorityCode: 'CPS', caseURN: '208E9376325' },
      initiationCode: 'R',
      caseStatus: 'ACTIVE',
      futureField: { anything: true },
      defendants: [
        {
          id: DEFENDANT_ID,
          personDefendant: { personDetails: { firstName: 'Natalie', lastName: 'Wright', dateOfBirth: '1977-01-13' } },
          offences: [{ id: OFFENCE_ID, offenceCode: 'MD71530', offenceTitle: 'Possess a controlled drug of Class A - cocaine' }],
          ...extraDefendant,
        },
      ],
    },
    hearings: [
      {
        id: HEARING_ID,
        jurisdictionType: 'MAGISTRATES',
        courtCentre: { id: COURT_ID, name: 'Birmingham Magistrates’ Court' },
        type: { description: 'First hearing' },
        hearingDays: [{ sittingDay: '2026-03-10T10:00:00.000Z', listedDurationMinutes: 30 }],
        defendantIds: [DEFENDANT_ID],
      },
    ],
  };
}

describe('Retry-After', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');
  it.each([
    ['120', 120_000],
    ['0', 0],
    ['Tue, 10 Mar 2026 12:00:30 GMT', 30_000],
    ['Tue, 10 Mar 2026 11:00:00 GMT', 0],
    ['Wed, 11 Mar 2026 12:00:00 GMT', 600_000],
    ['99999', 600_000],
  ])('%s → %d ms', (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });
  it.each([[null], [''], ['soon'], ['-5'], ['1.5'], ['2026-03-10']])('%j → null', (value) => {
    expect(parseRetryAfter(value, now)).toBeNull();
  });
  it('a 429 with an HTTP-date is measured from the client’s clock', async () => {
    const { client } = stubClient(() => json({ errorCode: 'RATE_LIMITED' }, 429, { 'Retry-After': 'Tue, 10 Mar 2026 12:00:45 GMT' }), { now: () => now });
    expect((await failure(client.me(), CpRateLimitedError)).retryAfterMs).toBe(45_000);
  });
  it('a 429 without Retry-After still pauses a little', async () => {
    const { client } = stubClient(() => json({ errorCode: 'RATE_LIMITED' }, 429));
    expect((await failure(client.me(), CpRateLimitedError)).retryAfterMs).toBe(5_000);
  });
});

describe('isRetryable', () => {
  it('follows the error’s own flag; unknown errors are not retryable', () => {
    expect(isRetryable(new CpTimeoutError('me', 1))).toBe(true);
    expect(isRetryable(new CpUnauthorizedError('me'))).toBe(false);
    expect(isRetryable(new Error('boom'))).toBe(false);
    expect(isRetryable(null)).toBe(false);
  });
});

describe('Repr-Digest', () => {
  const b64 = Buffer.from(SHA, 'hex').toString('base64');
  it('reads sha-256 into hex, among other members', () => {
    expect(parseReprDigest(`sha-256=:${b64}:`)).toEqual({ kind: 'sha256', hex: SHA });
    expect(parseReprDigest(`sha-512=:AAAA:, sha-256=:${b64}:`)).toEqual({ kind: 'sha256', hex: SHA });
  });
  it('absent or other algorithms only → absent; garbled → invalid', () => {
    expect(parseReprDigest(null)).toEqual({ kind: 'absent' });
    expect(parseReprDigest('sha-512=:AAAA:')).toEqual({ kind: 'absent' });
    expect(parseReprDigest('sha-256=:AAAA:')).toEqual({ kind: 'invalid' });
    expect(parseReprDigest(`sha-256=${b64}`)).toEqual({ kind: 'invalid' });
  });
});

describe('requests', () => {
  it('asks for a token per request and sends Accept, bearer and Idempotency-Key under the base path', async () => {
    const { client, seen, tokens } = stubClient((s) =>
      s.method === 'DELETE' ? new Response(null, { status: 204 }) : json({ errorCode: 'ALREADY_ASSOCIATED' }, 409),
    );
    await client.disassociate(CASE_ID, DEFENDANT_ID, 'key-1');
    await client.associate(CASE_ID, DEFENDANT_ID, { representationType: 'PRIVATE' }, 'key-2').catch(() => undefined);
    expect(tokens()).toBe(2);
    expect(seen[0]?.url).toBe(`https://cp.example.test/api/prosecutionCases/${CASE_ID}/defendants/${DEFENDANT_ID}/associations`);
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer token-1');
    expect(seen[0]?.headers.get('accept')).toBe('application/json');
    expect(seen[0]?.headers.get('idempotency-key')).toBe('key-1');
    expect(seen[1]?.headers.get('authorization')).toBe('Bearer token-2');
    expect(seen[1]?.headers.get('content-type')).toBe('application/json');
  });

  it('the timeout starts once the token is in hand (a slow refresh is not CP being slow)', async () => {
    const slowToken = (): Promise<string> => new Promise((resolve) => setTimeout(() => resolve('t'), 150));
    const { client } = stubClient(() => json({ cases: [], totalResults: 0 }), { accessToken: slowToken, timeoutMs: 100 });
    expect(await client.searchCases({ by: 'asn', defendantASN: 'X1' })).toEqual({ cases: [], totalResults: 0 });
  });

  it('builds each CP search key', async () => {
    const { client, seen } = stubClient(() => json({ cases: [], totalResults: 0 }));
    await client.searchCases({ by: 'urn', prosecutionCaseReference: '39/gd/11168/22' });
    await client.searchCases({ by: 'nameAndNextHearing', defendantName: ' Natalie Wright ', dateOfNextHearing: '2026-03-10' });
    expect(new URL(seen[0]?.url ?? '').searchParams.get('prosecutionCaseReference')).toBe('39GD1116822');
    expect(Object.fromEntries(new URL(seen[1]?.url ?? '').searchParams)).toEqual({ defendantName: 'Natalie Wright', dateOfNextHearing: '2026-03-10' });
  });
});

describe('untrustworthy answers', () => {
  it('a captive portal’s HTML page → wrongContentType', async () => {
    const { client } = stubClient(() => new Response('<html>Sign in to Court Wi-Fi</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    expect((await failure(client.me(), CpMalformedResponseError)).reason).toBe('wrongContentType');
  });

  it('a redirect is not followed → unexpectedStatus', async () => {
    const { client } = stubClient(() => new Response(null, { status: 302, headers: { Location: 'http://portal.example/' } }));
    expect((await failure(client.me(), CpMalformedResponseError)).reason).toBe('unexpectedStatus');
  });

  it('fewer bytes than Content-Length promised → truncatedBody', async () => {
    const { client } = stubClient(() => new Response('{"cases":[],"totalResults":0}', { status: 200, headers: { 'Content-Type': 'application/json', 'Content-Length': '500' } }));
    expect((await failure(client.searchCases({ by: 'asn', defendantASN: 'X1' }), CpMalformedResponseError)).reason).toBe('truncatedBody');
  });

  it('search: a defendant named both ways, or with an extra field, is refused (CP’s exact shape)', async () => {
    const both = stubClient(() => json(searchAnswer({ defendantName: 'Natalie Wright', defendantFirstName: 'Natalie', defendantMiddleName: '', defendantLastName: 'Wright' })));
    const error = await failure(both.client.searchCases({ by: 'asn', defendantASN: 'X1' }), CpMalformedResponseError);
    expect(error.issues[0]?.path).toBe('cases[0].defendantSummary[0]');
    expect(JSON.stringify(error)).not.toContain('Natalie');
    const extra = stubClient(() => json(searchAnswer({ defendantName: 'Natalie Wright', shoeSize: 9 })));
    await failure(extra.client.searchCases({ by: 'asn', defendantASN: 'X1' }), CpMalformedResponseError);
    const ok = stubClient(() => json(searchAnswer({ defendantFirstName: 'Natalie', defendantMiddleName: 'Jane', defendantLastName: 'Wright' })));
    expect((await ok.client.searchCases({ by: 'asn', defendantASN: 'X1' })).totalResults).toBe(1);
  });

  it('case bodies: unknown fields are dropped, optional ones become null, defaults filled', async () => {
    const { client } = stubClient(() => json(caseBody()));
    const detail = await client.caseDetail(CASE_ID);
    expect(detail.prosecutionCase).not.toHaveProperty('futureField');
    const defendant = detail.prosecutionCase.defendants[0];
    expect(defendant?.masterDefendantId).toBeNull();
    expect(defendant?.associatedDefenceOrganisation).toBeNull();
    expect(defendant?.proceedingsConcluded).toBe(false);
    expect(defendant?.offences[0]?.plea).toBeNull();
    expect(detail.hearings[0]).toMatchObject({ hearingLanguage: 'ENGLISH', defenceCounsels: [], estimatedDuration: null, type: { id: null } });
  });

  it('case bodies: a wrong value is refused with its path and never its value', async () => {
    const { client } = stubClient(() => json(caseBody({ pncId: 'Natalie Wright', personDefendant: { personDetails: { firstName: 'Natalie', lastName: 'Wright', dateOfBirth: '13/01/1977' } } })));
    const error = await failure(client.caseDetail(CASE_ID), CpMalformedResponseError);
    expect(error.issues).toEqual([{ path: 'prosecutionCase.defendants[0].personDefendant.personDetails.dateOfBirth', code: 'invalid_format' }]);
    expect(`${error.message}${JSON.stringify(error)}`).not.toMatch(/1977|Natalie/);
  });

  it('a body for another case is not filed under the one asked for', async () => {
    const { client } = stubClient(() => json(caseBody()));
    const error = await failure(client.caseDetail('00000000-0000-4000-8000-000000000000'), CpMalformedResponseError);
    expect(error.issues[0]?.path).toBe('prosecutionCase.id');
  });
});

describe('material streams', () => {
  const digest = `sha-256=:${Buffer.from(SHA, 'hex').toString('base64')}:`;

  /** A body that sends `first` and then nothing, until cancelled. */
  function stalling(first: Uint8Array): ReadableStream<Uint8Array> {
    let sent = false;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!sent) {
          sent = true;
          controller.enqueue(first);
        }
        return new Promise<void>(() => undefined);
      },
    });
  }

  it('no bytes for the idle period → CpTimeoutError, after the bytes that did come', async () => {
    const { client } = stubClient(() => new Response(stalling(new Uint8Array(10)), { status: 200, headers: { 'Content-Length': '1000', 'Repr-Digest': digest } }), { idleTimeoutMs: 100 });
    const stream = await client.materialContent(OFFENCE_ID);
    let received = 0;
    const reading = (async () => {
      for await (const chunk of stream.body) received += chunk.byteLength;
    })();
    const error = await failure(reading, CpTimeoutError);
    expect(error.timeoutMs).toBe(100);
    expect(received).toBe(10);
  });

  it('a slow reader is not an idle server: the clock runs only while waiting for bytes', async () => {
    const bytes = new Uint8Array(30).fill(7);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 3; i++) controller.enqueue(bytes.subarray(i * 10, i * 10 + 10));
        controller.close();
      },
    });
    const { client } = stubClient(() => new Response(body, { status: 200, headers: { 'Content-Length': '30' } }), { idleTimeoutMs: 50 });
    const stream = await client.materialContent(OFFENCE_ID);
    expect(stream.sha256).toBeNull();
    let total = 0;
    for await (const chunk of stream.body) {
      total += chunk.byteLength;
      await new Promise((resolve) => setTimeout(resolve, 120));
    }
    expect(total).toBe(30);
  });

  it('a 206 that does not start at the offset asked for → badHeaders', async () => {
    const { client, seen } = stubClient(() => new Response('x'.repeat(10), { status: 206, headers: { 'Content-Length': '10', 'Content-Range': 'bytes 0-9/100' } }));
    expect((await failure(client.materialContent(OFFENCE_ID, { offset: 90, etag: '"v1"' }), CpMalformedResponseError)).reason).toBe('badHeaders');
    expect(seen[0]?.headers.get('range')).toBe('bytes=90-');
    expect(seen[0]?.headers.get('if-range')).toBe('"v1"');
    expect(seen[0]?.headers.get('accept-encoding')).toBe('identity');
  });

  it('a garbled Repr-Digest → badHeaders (an unverifiable download is not started)', async () => {
    const { client } = stubClient(() => new Response('x', { status: 200, headers: { 'Content-Length': '1', 'Repr-Digest': 'sha-256=:nope:' } }));
    expect((await failure(client.materialContent(OFFENCE_ID), CpMalformedResponseError)).reason).toBe('badHeaders');
  });

  it('more bytes than promised → truncatedBody (the length cannot be trusted)', async () => {
    const { client } = stubClient(() => new Response('x'.repeat(20), { status: 200, headers: { 'Content-Length': '10' } }));
    const stream = await client.materialContent(OFFENCE_ID);
    expect((await failure(collect(stream.body), CpMalformedResponseError)).reason).toBe('truncatedBody');
  });
});
