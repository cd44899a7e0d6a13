import http from 'node:http';
import path from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CoreApp, StageResult } from '../../../src-main/core';
import { startHostServer, type HostServer } from '../../../src-main/host/host-server';
import { makeTempDir } from '../../helpers/temp-dir';
import { serviceItem } from '../../helpers/service-item';
import type { createFakeElectron } from '../electron/fake-electron';

const fake = vi.hoisted(() => ({ current: null as unknown as ReturnType<typeof createFakeElectron> }));
vi.mock('electron', async () => {
  const { createFakeElectron: create } = await import('../electron/fake-electron');
  fake.current = create();
  return { ...fake.current.electron, default: fake.current.electron };
});

const TOKEN = 'stage-token-0123456789abcdefghijklmnopqrstuv';
const CSRF = 'x-bluebag-request';

/** A core that records what reached stageDocument and how many bytes it read. */
function recordingCore(answer: (bytes: Buffer) => StageResult, readAtMost = Infinity) {
  const calls: Array<{ caseId: string; name: string; declared: number | null; bytes: Buffer }> = [];
  const core = {
    stageDocument: async (caseId: string, name: string, declared: number | null, body: AsyncIterable<Uint8Array>) => {
      const chunks: Buffer[] = [];
      let read = 0;
      for await (const chunk of body) {
        chunks.push(Buffer.from(chunk));
        read += chunk.length;
        // Stops early, as the core does for a Word file: the route must still answer.
        if (read >= readAtMost) break;
      }
      const bytes = Buffer.concat(chunks);
      calls.push({ caseId, name, declared, bytes });
      return answer(bytes);
    },
    openDocument: () => Promise.reject(new Error('not used')),
    dispatch: () => Promise.reject(new Error('not used')),
    onEvent: () => () => undefined,
    dispose: () => Promise.resolve(),
  } satisfies CoreApp;
  return { core, calls };
}

const item = (bytes: Buffer) => serviceItem({ urn: '01EE4342226', defendantIds: [], defendantNames: [], documentType: null, name: 'a.pdf', size: bytes.length, pageCount: 1, sha256: 'f'.repeat(64), state: 'draft', createdAt: 't', queuedAt: null });

function post(port: number, target: string, headers: Record<string, string>, body: Buffer | null, method = 'POST'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: target, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}

describe('POST /stage in browser mode', () => {
  const temp = makeTempDir();
  const recorded = recordingCore((bytes) => (bytes[0] === 0x25 ? { status: 201, item: item(bytes) } : { status: 415, error: { code: 'invalid_argument', messageKey: 'errors.serveNotPdfWord' } }), 64 * 1024);
  let host: HostServer;
  let headers: Record<string, string>;
  beforeAll(async () => {
    const rendererDir = path.join(temp.dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
    host = await startHostServer({ core: recorded.core, rendererDir, token: TOKEN });
    headers = { host: `127.0.0.1:${host.port}`, authorization: `Bearer ${TOKEN}`, [CSRF]: '1', 'content-type': 'application/octet-stream' };
  });
  afterAll(async () => {
    await host.close();
    temp.cleanup();
  });

  it('streams the body to the core with its declared length, and answers { item } with 201', async () => {
    const body = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(50_000, 1)]);
    const res = await post(host.port, '/stage?caseId=case-1&name=Defence%20statement.pdf', headers, body);
    expect(res.status).toBe(201);
    expect(JSON.parse(res.body)).toEqual({ item: item(body) });
    expect(recorded.calls.at(-1)).toMatchObject({ caseId: 'case-1', name: 'Defence statement.pdf', declared: body.length });
    expect(recorded.calls.at(-1)?.bytes.equals(body)).toBe(true);
  });

  it('answers a refusal as { error } even when the core stopped reading a large body part-way', async () => {
    const word = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(2_000_000, 2)]);
    const res = await post(host.port, '/stage?caseId=case-1&name=x.pdf', headers, word);
    expect(res.status).toBe(415);
    expect(JSON.parse(res.body)).toEqual({ error: { code: 'invalid_argument', messageKey: 'errors.serveNotPdfWord' } });
    expect(recorded.calls.at(-1)?.bytes.length).toBeLessThan(word.length);
  });

  it('needs the token, the Bluebag header, POST, a case, a name and Content-Length', async () => {
    const count = recorded.calls.length;
    const { authorization: _auth, ...noToken } = headers;
    expect((await post(host.port, '/stage?caseId=c&name=a.pdf', noToken, Buffer.from('%PDF-'))).status).toBe(401);
    const { [CSRF]: _csrf, ...noHeader } = headers;
    expect((await post(host.port, '/stage?caseId=c&name=a.pdf', noHeader, Buffer.from('%PDF-'))).status).toBe(403);
    expect((await post(host.port, '/stage?caseId=c&name=a.pdf', { ...headers, origin: 'https://evil.example' }, Buffer.from('%PDF-'))).status).toBe(403);
    expect((await post(host.port, '/stage?caseId=c&name=a.pdf', headers, null, 'GET')).status).toBe(405);
    expect((await post(host.port, '/stage?name=a.pdf', headers, Buffer.from('%PDF-'))).status).toBe(400);
    expect((await post(host.port, '/stage?caseId=c&name=a.pdf', { ...headers, 'transfer-encoding': 'chunked' }, Buffer.from('%PDF-'))).status).toBe(411);
    expect(recorded.calls.length).toBe(count);
  });
});

describe('POST bluebag://app/stage in the Electron shell', () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());

  it('hands the request body to the core as a stream, and refuses other methods and foreign pages', async () => {
    const shell = await import('../../../src-main/electron');
    const recorded = recordingCore((bytes) => ({ status: 201, item: item(bytes) }));
    shell.serveRenderer(temp.dir, recorded.core);
    const handler = fake.current.electron.protocol.handle.mock.calls.at(-1)?.[1] as unknown as (request: Request) => Promise<Response>;
    const body = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(300_000, 3)]);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < body.length; at += 65_536) controller.enqueue(new Uint8Array(body.subarray(at, at + 65_536)));
        controller.close();
      },
    });
    const res = await handler(
      new Request('bluebag://app/stage?caseId=case-1&name=a%20b.pdf', { method: 'POST', body: stream, headers: { [CSRF]: '1' }, duplex: 'half' } as RequestInit),
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ item: item(body) });
    // Chromium may not pass Content-Length to a protocol handler: the core then counts the bytes itself.
    expect(recorded.calls[0]).toMatchObject({ caseId: 'case-1', name: 'a b.pdf', declared: null });
    expect(recorded.calls[0]?.bytes.equals(body)).toBe(true);
    expect((await handler(new Request('bluebag://app/stage?caseId=c&name=a.pdf', { method: 'POST', body: '%PDF-' }))).status).toBe(403);
    expect((await handler(new Request('bluebag://app/stage?caseId=c&name=a.pdf', { headers: { [CSRF]: '1' } }))).status).toBe(405);
    expect(recorded.calls).toHaveLength(1);
  });
});
