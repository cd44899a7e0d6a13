import { writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostServer, type HostServer } from '../../src-main/host/host-server';
import type { CoreApp } from '../../src-main/core';
import { makeCore } from '../helpers/core';
import { makeTempDir } from '../helpers/temp-dir';

const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuv';

/** Raw requests, so Host and Origin can be set to what an attacker's page would send. */
function request(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser-mode host', () => {
  const temp = makeTempDir();
  let core: CoreApp;
  let host: HostServer;
  let hostHeader: string;
  let auth: Record<string, string>;
  const rpc = (method: string, body: unknown, extra: Record<string, string> = {}) =>
    request(host.port, {
      method: 'POST',
      path: `/rpc/${method}`,
      headers: { host: hostHeader, ...auth, 'content-type': 'application/json', 'x-bluebag-request': '1', ...extra },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    const rendererDir = path.join(temp.dir, 'renderer');
    (await import('node:fs')).mkdirSync(rendererDir);
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Bluebag</title>');
    writeFileSync(path.join(temp.dir, 'secret.txt'), 'not for the browser');
    core = makeCore(path.join(temp.dir, 'data'));
    host = await startHostServer({ core, rendererDir, token: TOKEN });
    hostHeader = `127.0.0.1:${host.port}`;
    auth = { authorization: `Bearer ${TOKEN}` };
  });

  afterAll(async () => {
    await host.close();
    await core.dispose();
    temp.cleanup();
  });

  it('listens on loopback only and prints an address carrying the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`);
  });

  it('answers 401 to every path without the token: no token, no data', async () => {
    for (const target of ['/', '/index.html', '/events']) {
      const res = await request(host.port, { path: target, headers: { host: hostHeader } });
      expect(res.status).toBe(401);
      expect(res.body).not.toContain('Bluebag</title>');
    }
    const res = await request(host.port, {
      method: 'POST',
      path: '/rpc/settings.get',
      headers: { host: hostHeader, 'content-type': 'application/json', 'x-bluebag-request': '1' },
      body: '{}',
    });
    expect(res.status).toBe(401);
    const wrong = await request(host.port, { path: '/', headers: { host: hostHeader, authorization: 'Bearer wrong' } });
    expect(wrong.status).toBe(401);
    const wrongQuery = await request(host.port, { path: '/?token=wrong', headers: { host: hostHeader } });
    expect(wrongQuery.status).toBe(401);
  });

  it('trades the token in the address for an HttpOnly SameSite cookie, then serves the page with the CSP', async () => {
    const first = await request(host.port, { path: `/?token=${TOKEN}`, headers: { host: hostHeader } });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = first.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await request(host.port, { path: '/', headers: { host: hostHeader, cookie: cookie.split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Bluebag</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(page.headers['x-frame-options']).toBe('DENY');
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin, even with the token', async () => {
    const rebind = await request(host.port, { path: '/', headers: { host: `evil.example:${host.port}`, ...auth } });
    expect(rebind.status).toBe(403);
    const crossSite = await rpc('settings.get', {}, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    const sameOrigin = await rpc('settings.get', {}, { origin: `http://127.0.0.1:${host.port}` });
    expect(sameOrigin.status).toBe(200);
  });

  it('refuses a call without the Bluebag request header or JSON content type (CSRF)', async () => {
    expect((await rpc('settings.get', {}, { 'x-bluebag-request': '0' })).status).toBe(403);
    expect((await rpc('settings.get', {}, { 'content-type': 'text/plain' })).status).toBe(403);
  });

  it('carries the contract: a valid call works, a wrong argument gets a typed validation error', async () => {
    const ok = await rpc('app.getInfo', {});
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { productName: 'Bluebag', shell: 'browser' } });

    const bad = await rpc('settings.update', { language: 42 });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toEqual({
      ok: false,
      error: { code: 'invalid_argument', messageKey: 'errors.invalidArgument', issues: [{ path: 'language', messageKey: 'errors.invalidValue' }] },
    });

    const junk = await rpc('settings.update', '{not json');
    expect(junk.status).toBe(400);
    expect(JSON.parse(junk.body)).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });

    const unknown = await rpc('shell.exec', { command: 'rm -rf /' });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(unknown.body).not.toMatch(/at .*\.ts:\d+/); // no stack traces
  });

  it('never serves files outside the renderer folder', async () => {
    for (const target of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt']) {
      const res = await request(host.port, { path: target, headers: { host: hostHeader, ...auth } });
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('not for the browser');
    }
  });

  it('pushes contract events to the page over Server-Sent Events', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: host.port, path: '/events', headers: { host: hostHeader, ...auth } },
        (res) => {
          expect(res.headers['content-type']).toMatch(/text\/event-stream/);
          let buffer = '';
          res.on('data', (chunk: Buffer) => {
            buffer += chunk.toString('utf8');
            // Other events may come first (sync, session): wait for the one this test caused.
            const frame = buffer.split('\n\n').find((part) => part.startsWith('data: ') && part.includes('settings.changed'));
            if (frame) {
              req.destroy();
              resolve(frame.slice('data: '.length));
            }
          });
          // Once the stream is open, cause an event.
          void rpc('settings.update', { language: 'cy' });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(JSON.parse(await received)).toEqual({
      name: 'settings.changed',
      payload: { language: 'cy', mode: 'unconfigured', cpBaseUrl: null, storageBudgetBytes: null },
    });
  });
});
