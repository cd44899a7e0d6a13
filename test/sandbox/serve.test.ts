import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src-sandbox/index';
import { api, apiJson, login, seedData, sha256Hex, startTestSandbox, tinyPdf, FIRM1_SOLICITOR } from './helpers';

let sb: Sandbox;
let token: string;

interface Receipt {
  courtDocumentId: string;
  materialId: string;
  receiptId: string;
  receivedAt: string;
  sha256: string;
  size: number;
}

const magsCase = (): string => seedData().cases[0]?.id ?? '';
const crownCase = (): string => seedData().cases[9]?.id ?? '';

function upload(caseId: string, body: Buffer, key: string | null, extraHeaders: Record<string, string> = {}, query = 'documentTypeDescription=Defence%20statement&name=Defence%20case%20statement'): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/pdf', ...extraHeaders };
  if (key !== null) headers['Idempotency-Key'] = key;
  return api(sb, token, `/prosecutionCases/${caseId}/courtDocuments?${query}`, { method: 'POST', body, headers });
}

beforeAll(async () => {
  sb = await startTestSandbox();
  token = (await login(sb, FIRM1_SOLICITOR)).accessToken;
}, 180_000);

afterAll(async () => {
  await sb.stop();
});

describe('POST /prosecutionCases/{id}/courtDocuments (serving documents)', () => {
  it('accepts a PDF with a receipt; a replay returns the same receipt (200) and no second document', async () => {
    const pdf = tinyPdf('replay test');
    const key = `serve-${Date.now()}`;
    const digest = `sha-256=:${Buffer.from(sha256Hex(pdf), 'hex').toString('base64')}:`;
    const first = await upload(magsCase(), pdf, key, { 'Content-Digest': digest });
    expect(first.status).toBe(201);
    const receipt = (await first.json()) as Receipt;
    expect(receipt.sha256).toBe(sha256Hex(pdf));
    expect(receipt.size).toBe(pdf.length);
    expect(receipt.receivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/);

    const second = await upload(magsCase(), pdf, key, { 'Content-Digest': digest });
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual(receipt);
    const stat = sb.stats().uploads.byIdempotencyKey[key];
    expect(stat?.accepted).toBe(1);
    expect(stat?.replays).toBe(1);
    expect(stat?.sha256).toBe(sha256Hex(pdf));

    const docs = await apiJson<{ courtDocuments: { courtDocumentId: string; name: string; materials: { id: string; sha256: string; pageCount: number | null }[] }[] }>(sb, token, `/prosecutionCases/${magsCase()}/courtDocuments?section=DEFENCE`);
    const served = docs.body.courtDocuments.filter((d) => d.courtDocumentId === receipt.courtDocumentId);
    expect(served).toHaveLength(1);
    expect(served[0]?.materials[0]?.sha256).toBe(receipt.sha256);
    expect(served[0]?.materials[0]?.pageCount).toBe(1);
    // The served bytes can be read back.
    const back = await api(sb, token, `/materials/${receipt.materialId}/content`);
    expect(Buffer.from(await back.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('same key with different bytes is 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const key = `reuse-${Date.now()}`;
    expect((await upload(magsCase(), tinyPdf('one'), key)).status).toBe(201);
    const res = await upload(magsCase(), tinyPdf('two'), key);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errorCode: string }).errorCode).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(sb.stats().uploads.byIdempotencyKey[key]?.accepted).toBe(1);
  });

  it('concurrent retries with one key still create exactly one document', async () => {
    const key = `concurrent-${Date.now()}`;
    const pdf = tinyPdf('concurrent', 200_000);
    const answers = await Promise.all(Array.from({ length: 6 }, () => upload(magsCase(), pdf, key)));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    const ids = new Set(await Promise.all(answers.map(async (r) => ((await r.json()) as Receipt).courtDocumentId)));
    expect(ids.size).toBe(1);
    expect(sb.stats().uploads.byIdempotencyKey[key]?.accepted).toBe(1);
  });

  it('refuses a Crown Court case with 422 SERVICE_VIA_DCS', async () => {
    const res = await upload(crownCase(), tinyPdf('crown'), `crown-${Date.now()}`);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errorCode: string }).errorCode).toBe('SERVICE_VIA_DCS');
  });

  it('validates: key required, digest must match, must be a PDF, query checked', async () => {
    const missingKey = await upload(magsCase(), tinyPdf('x'), null);
    expect(missingKey.status).toBe(400);
    expect(((await missingKey.json()) as { errorCode: string }).errorCode).toBe('IDEMPOTENCY_KEY_REQUIRED');
    const wrongDigest = await upload(magsCase(), tinyPdf('x'), `d-${Date.now()}`, { 'Content-Digest': `sha-256=:${Buffer.alloc(32).toString('base64')}:` });
    expect(wrongDigest.status).toBe(400);
    expect(((await wrongDigest.json()) as { errorCode: string }).errorCode).toBe('DIGEST_MISMATCH');
    const notPdf = await upload(magsCase(), Buffer.from('hello, not a pdf'), `n-${Date.now()}`);
    expect(notPdf.status).toBe(415);
    const noName = await upload(magsCase(), tinyPdf('x'), `q-${Date.now()}`, {}, 'documentTypeDescription=x');
    expect(noName.status).toBe(400);
    const unknownDefendant = await upload(magsCase(), tinyPdf('x'), `q2-${Date.now()}`, {}, 'documentTypeDescription=x&name=y&defendantIds=00000000-0000-4000-8000-000000000000');
    expect(unknownDefendant.status).toBe(400);
  });

  it('a served document bumps the case in the delta feed', async () => {
    const base = await apiJson<{ cursor: string }>(sb, token, '/associatedCases?limit=200');
    const res = await upload(magsCase(), tinyPdf('delta'), `delta-${Date.now()}`, {}, `documentTypeDescription=Skeleton%20argument&name=Skeleton&defendantIds=${seedData().cases[0]?.defendants[0]?.id ?? ''}`);
    expect(res.status).toBe(201);
    const delta = await apiJson<{ changed: { caseId: string; courtDocuments: { section: string; documentCategory: Record<string, unknown> }[] }[] }>(sb, token, `/associatedCases?cursor=${encodeURIComponent(base.body.cursor)}`);
    expect(delta.body.changed.map((c) => c.caseId)).toEqual([magsCase()]);
    const defence = delta.body.changed[0]?.courtDocuments.filter((d) => d.section === 'DEFENCE') ?? [];
    expect(defence.some((d) => 'defendantDocument' in d.documentCategory)).toBe(true);
  });

  it('sustains 100 × 5 MB uploads (streamed to disk), each accepted exactly once', async () => {
    const pdf = tinyPdf('bulk', 5 * 1024 * 1024);
    const before = sb.stats().uploads.acceptedTotal;
    const started = performance.now();
    const run = Date.now();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < 100) {
        const i = next++;
        const res = await upload(magsCase(), pdf, `bulk-${run}-${i}`);
        expect(res.status).toBe(201);
        await res.arrayBuffer();
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    const seconds = (performance.now() - started) / 1000;
    expect(sb.stats().uploads.acceptedTotal - before).toBe(100);
    // 500 MB over loopback to disk: generous bound for a 2-core CI box.
    expect(seconds).toBeLessThan(60);
    console.info(`100 x 5 MB uploads in ${seconds.toFixed(1)} s`);
  }, 120_000);
});
