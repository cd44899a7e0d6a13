import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FAULTS, FaultsSchema, type Faults } from '../../src-sandbox/faults-schema';
import type { Sandbox } from '../../src-sandbox/index';
import { CaseSearchResponseSchema } from '../../src-sandbox/schemas/search-response';
import { api, apiJson, control, jsonBody, login, seedData, sha256Hex, startTestSandbox, tinyPdf, FIRM1_SOLICITOR } from './helpers';

let sb: Sandbox;
let token: string;
let material: { id: string; sha256: string; size: number };
const HUNG_CLOSE_MS = 1500;

beforeAll(async () => {
  sb = await startTestSandbox({ hungRequestCloseMs: HUNG_CLOSE_MS });
  token = (await login(sb, FIRM1_SOLICITOR)).accessToken;
  const { body } = await apiJson<{ courtDocuments: { materials: { id: string; sha256: string; size: number }[] }[] }>(sb, token, `/prosecutionCases/${seedData().cases[0]?.id ?? ''}/courtDocuments?section=IDPC`);
  const m = body.courtDocuments[0]?.materials[0];
  if (!m) throw new Error('no material');
  material = m;
}, 180_000);

afterAll(async () => {
  await sb.stop();
});

afterEach(async () => {
  await sb.resetFaults();
});

const urn = (): string => seedData().cases[0]?.urn ?? '';
const searchPath = (): string => `/prosecutionCases?prosecutionCaseReference=${urn()}`;

async function errorOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return `${(err as Error).name}: ${(err as Error).message} ${cause?.code ?? ''} ${cause?.message ?? ''}`;
  }
}

describe('fault switches', () => {
  it('offline: the API port refuses connections, the control port stays up, then it recovers on the same port', async () => {
    expect((await fetch(`${sb.url}/health`)).status).toBe(200);
    await sb.setFaults({ offline: true });
    // A pooled keep-alive socket may report "closed" first; a new connection is refused.
    await errorOf(fetch(`${sb.url}/health`));
    expect(await errorOf(fetch(`${sb.url}/health`))).toMatch(/ECONNREFUSED/);
    const viaControl = (await (await control(sb, '/faults')).json()) as Faults;
    expect(viaControl.offline).toBe(true);
    // Back online through the control API this time.
    const put = await control(sb, '/faults', { method: 'PUT', ...jsonBody({ offline: false }) });
    expect(put.status).toBe(200);
    const res = await fetch(`${sb.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'UP' });
  });

  it('offline drops open keep-alive connections too', async () => {
    const slow = fetch(`${sb.url}/health`);
    await slow;
    await sb.setFaults({ latencyMs: 2000 });
    const pending = errorOf(fetch(`${sb.url}/me`, { headers: { Authorization: `Bearer ${token}` } }));
    await new Promise((r) => setTimeout(r, 100));
    await sb.setFaults({ offline: true });
    expect(await pending).toMatch(/fetch failed|terminated|other side closed|ECONNRESET|socket/i);
  });

  it('latencyMs delays every answer, /health included', async () => {
    await sb.setFaults({ latencyMs: 300 });
    const t0 = performance.now();
    expect((await fetch(`${sb.url}/health`)).status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
    const t1 = performance.now();
    expect((await api(sb, token, '/me')).status).toBe(200);
    expect(performance.now() - t1).toBeGreaterThanOrEqual(290);
  });

  it('errorRate 1 with 500 / 503; /health is never failed', async () => {
    await sb.setFaults({ errorRate: 1, errorKinds: ['500'] });
    const r500 = await apiJson<{ errorCode: string }>(sb, token, '/me');
    expect(r500.status).toBe(500);
    expect(r500.body.errorCode).toBe('INTERNAL_ERROR');
    expect((await fetch(`${sb.url}/health`)).status).toBe(200);
    await sb.setFaults({ errorKinds: ['503'] });
    const r503 = await api(sb, token, '/me');
    expect(r503.status).toBe(503);
  });

  it('errorRate reset destroys the socket', async () => {
    await sb.setFaults({ errorRate: 1, errorKinds: ['reset'] });
    expect(await errorOf(api(sb, token, '/me'))).toMatch(/fetch failed/);
    expect(sb.stats().faultsInjected['reset']).toBeGreaterThanOrEqual(1);
  });

  it('errorRate timeout never answers, and the socket is closed after the bound', async () => {
    await sb.setFaults({ errorRate: 1, errorKinds: ['timeout'] });
    expect(await errorOf(api(sb, token, '/me', { signal: AbortSignal.timeout(400) }))).toMatch(/TimeoutError|aborted/i);
    const t0 = performance.now();
    expect(await errorOf(api(sb, token, '/me'))).toMatch(/fetch failed/);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(HUNG_CLOSE_MS - 100);
  });

  it('errorRate 0.5 fails about half the requests', async () => {
    await sb.setFaults({ errorRate: 0.5, errorKinds: ['500', '503'] });
    let failed = 0;
    for (let i = 0; i < 200; i++) if ((await api(sb, token, '/me')).status >= 500) failed++;
    expect(failed).toBeGreaterThan(60);
    expect(failed).toBeLessThan(140);
  });

  it('dropAfterBytes cuts bodies short (JSON and PDFs)', async () => {
    await sb.setFaults({ dropAfterBytes: 100 });
    const res = await api(sb, token, `/materials/${material.id}/content`);
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBe(material.size);
    expect(await errorOf(res.arrayBuffer())).toMatch(/terminated|other side closed|socket/i);
    const json = await api(sb, token, searchPath());
    expect(await errorOf(json.text())).toMatch(/terminated|other side closed|socket/i);
  });

  it('rateLimit answers 429 with Retry-After', async () => {
    await sb.setFaults({ rateLimit: { retryAfterSeconds: 7 } });
    const res = await apiJson<{ errorCode: string }>(sb, token, '/me');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.body.errorCode).toBe('RATE_LIMITED');
    expect((await fetch(`${sb.url}/health`)).status).toBe(200);
  });

  it('clockOffsetMs shifts the server clock, visible in a serving receipt', async () => {
    // Backwards, so the access token (900 s) stays valid by the server clock.
    const offset = -2 * 86_400_000;
    await sb.setFaults({ clockOffsetMs: offset });
    expect(Math.abs(sb.now().getTime() - (Date.now() + offset))).toBeLessThan(1000);
    const res = await api(sb, token, `/prosecutionCases/${seedData().cases[0]?.id ?? ''}/courtDocuments?documentTypeDescription=x&name=clock`, { method: 'POST', body: tinyPdf('clock'), headers: { 'Content-Type': 'application/pdf', 'Idempotency-Key': `clock-${Date.now()}` } });
    expect(res.status).toBe(201);
    const receipt = (await res.json()) as { receivedAt: string };
    expect(Math.abs(Date.parse(receipt.receivedAt) - (Date.now() + offset))).toBeLessThan(5000);
  });

  it('corruption malformedJson: invalid JSON with a correct length', async () => {
    await sb.setFaults({ corruption: 'malformedJson' });
    const res = await api(sb, token, searchPath());
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text) as unknown).toThrow();
  });

  it('corruption unexpectedShape: valid JSON, wrong shape', async () => {
    await sb.setFaults({ corruption: 'unexpectedShape' });
    const body = (await (await api(sb, token, searchPath())).json()) as unknown;
    expect(CaseSearchResponseSchema.safeParse(body).success).toBe(false);
  });

  it('corruption truncatedBody: Content-Length promises more than arrives', async () => {
    await sb.setFaults({ corruption: 'truncatedBody' });
    const res = await api(sb, token, searchPath());
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(0);
    expect(await errorOf(res.text())).toMatch(/terminated|other side closed|socket/i);
  });

  it('corruption wrongHash: material bytes differ from the advertised sha256 (same length)', async () => {
    await sb.setFaults({ corruption: 'wrongHash' });
    const res = await api(sb, token, `/materials/${material.id}/content`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.length).toBe(material.size);
    expect(res.headers.get('etag')).toBe(`"sha256-${material.sha256}"`);
    expect(sha256Hex(bytes)).not.toBe(material.sha256);
    // JSON answers are untouched by wrongHash.
    expect(CaseSearchResponseSchema.safeParse(await (await api(sb, token, searchPath())).json()).success).toBe(true);
  });

  it('pathPrefix narrows faults to matching paths', async () => {
    await sb.setFaults({ errorRate: 1, errorKinds: ['500'], pathPrefix: '/materials/' });
    expect((await api(sb, token, '/me')).status).toBe(200);
    expect((await api(sb, token, `/materials/${material.id}/content`)).status).toBe(500);
    await sb.setFaults({ errorRate: 0, corruption: 'malformedJson', pathPrefix: '/prosecutionCases' });
    expect((await apiJson<{ userId: string }>(sb, token, '/me')).body.userId).toBeTruthy();
    expect(await errorOf(api(sb, token, searchPath()).then((r) => r.json()))).toMatch(/SyntaxError/);
  });
});

describe('control listener', () => {
  it('GET/PUT /faults, POST /faults/reset, GET /stats', async () => {
    const initial = (await (await control(sb, '/faults')).json()) as unknown;
    expect(FaultsSchema.parse(initial)).toEqual(DEFAULT_FAULTS);
    const bad = await control(sb, '/faults', { method: 'PUT', ...jsonBody({ latencyMs: -1 }) });
    expect(bad.status).toBe(400);
    const unknownKey = await control(sb, '/faults', { method: 'PUT', ...jsonBody({ bogus: true }) });
    expect(unknownKey.status).toBe(400);
    const put = await control(sb, '/faults', { method: 'PUT', ...jsonBody({ latencyMs: 5, corruption: 'wrongHash' }) });
    expect(((await put.json()) as Faults).latencyMs).toBe(5);
    expect(sb.getFaults().corruption).toBe('wrongHash');
    const reset = (await (await control(sb, '/faults/reset', { method: 'POST' })).json()) as Faults;
    expect(reset).toEqual(DEFAULT_FAULTS);
    await api(sb, token, '/me');
    const stats = (await (await control(sb, '/stats')).json()) as { requests: { byRoute: Record<string, number> } };
    expect(stats.requests.byRoute['GET /me']).toBeGreaterThan(0);
    expect((await control(sb, '/nope')).status).toBe(404);
  });

  it('setFaults validates in process too', async () => {
    await expect(sb.setFaults({ errorRate: 2 })).rejects.toThrow();
    expect(sb.getFaults().errorRate).toBe(0);
  });
});
