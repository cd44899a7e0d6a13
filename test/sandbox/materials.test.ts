import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src-sandbox/index';
import { api, apiJson, login, seedData, sha256Hex, startTestSandbox, FIRM1_SOLICITOR, FIRM2_SOLICITOR } from './helpers';

let sb: Sandbox;
let token: string;
let material: { id: string; size: number; sha256: string; pageCount: number };

beforeAll(async () => {
  sb = await startTestSandbox();
  token = (await login(sb, FIRM1_SOLICITOR)).accessToken;
  const caseId = seedData().cases[0]?.id ?? '';
  const { body } = await apiJson<{ courtDocuments: { materials: { id: string; size: number; sha256: string; pageCount: number }[] }[] }>(sb, token, `/prosecutionCases/${caseId}/courtDocuments?section=WS`);
  const m = body.courtDocuments[0]?.materials[0];
  if (!m) throw new Error('no WS material');
  material = m;
}, 180_000);

afterAll(async () => {
  await sb.stop();
});

const path = (): string => `/materials/${material.id}/content`;

describe('GET /materials/{id}/content', () => {
  it('streams the PDF with length, strong ETag, Accept-Ranges and Repr-Digest matching the bytes', async () => {
    const res = await api(sb, token, path());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(Number(res.headers.get('content-length'))).toBe(material.size);
    const etag = res.headers.get('etag') ?? '';
    expect(etag).toBe(`"sha256-${material.sha256}"`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(sha256Hex(bytes)).toBe(material.sha256);
    expect(res.headers.get('repr-digest')).toBe(`sha-256=:${Buffer.from(material.sha256, 'hex').toString('base64')}:`);
  });

  it('answers a single Range with 206 and Content-Range; suffix ranges too', async () => {
    const full = Buffer.from(await (await api(sb, token, path())).arrayBuffer());
    const res = await api(sb, token, path(), { headers: { Range: 'bytes=100-1099' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 100-1099/${material.size}`);
    expect(Number(res.headers.get('content-length'))).toBe(1000);
    expect(Buffer.from(await res.arrayBuffer()).equals(full.subarray(100, 1100))).toBe(true);

    const open = await api(sb, token, path(), { headers: { Range: `bytes=${material.size - 10}-` } });
    expect(open.status).toBe(206);
    expect(Buffer.from(await open.arrayBuffer()).equals(full.subarray(material.size - 10))).toBe(true);

    const suffix = await api(sb, token, path(), { headers: { Range: 'bytes=-20' } });
    expect(suffix.status).toBe(206);
    expect(suffix.headers.get('content-range')).toBe(`bytes ${material.size - 20}-${material.size - 1}/${material.size}`);
    await suffix.arrayBuffer();
  });

  it('416 with Content-Range */size for an unsatisfiable range', async () => {
    const res = await api(sb, token, path(), { headers: { Range: `bytes=${material.size}-${material.size + 10}` } });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe(`bytes */${material.size}`);
  });

  it('304 for If-None-Match with the current ETag', async () => {
    const etag = `"sha256-${material.sha256}"`;
    const res = await api(sb, token, path(), { headers: { 'If-None-Match': etag } });
    expect(res.status).toBe(304);
    expect(res.headers.get('etag')).toBe(etag);
    const other = await api(sb, token, path(), { headers: { 'If-None-Match': '"sha256-0000"' } });
    expect(other.status).toBe(200);
    await other.arrayBuffer();
  });

  it('If-Range: honours the range for the current ETag, sends the whole file otherwise', async () => {
    const etag = `"sha256-${material.sha256}"`;
    const same = await api(sb, token, path(), { headers: { Range: 'bytes=0-9', 'If-Range': etag } });
    expect(same.status).toBe(206);
    await same.arrayBuffer();
    const stale = await api(sb, token, path(), { headers: { Range: 'bytes=0-9', 'If-Range': '"sha256-stale"' } });
    expect(stale.status).toBe(200);
    expect(Number(stale.headers.get('content-length'))).toBe(material.size);
    await stale.arrayBuffer();
  });

  it('HEAD gives the headers without a body', async () => {
    const res = await api(sb, token, path(), { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBe(material.size);
  });

  it('403 for a firm not associated with the case, 404 for an unknown material, 401 without a token', async () => {
    const firm2 = (await login(sb, FIRM2_SOLICITOR)).accessToken;
    expect((await api(sb, firm2, path())).status).toBe(403);
    expect((await api(sb, token, '/materials/00000000-0000-4000-8000-000000000000/content')).status).toBe(404);
    expect((await api(sb, null, path())).status).toBe(401);
  });
});
