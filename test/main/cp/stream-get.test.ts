/**
 * The node:http client material content goes through, against a real HTTP server on loopback: what it
 * answers, how the caller's signal ends it, and the one resend it allows itself (a kept-alive socket
 * the server dropped as the request went out).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createStreamGet } from '../../../src-main/core/cp/index';

let server: Server | null = null;

async function serve(handler: (req: IncomingMessage, res: ServerResponse, socket: Socket) => void): Promise<string> {
  server = createServer((req, res) => handler(req, res, req.socket));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  const running = server;
  server = null;
  if (!running) return;
  running.closeAllConnections();
  await new Promise((resolve) => running.close(resolve));
});

/**
 * A server that answers "ok" (after `delayMs`) to the first request on each connection and drops the
 * connection at the second without answering, as a server does whose keep-alive timeout just ran out.
 */
async function serveOneRequestPerSocket(delayMs: number): Promise<{ url: string; sockets: Set<Socket>; requests: () => number }> {
  const sockets = new Set<Socket>();
  let requests = 0;
  const url = await serve((_req, res, socket) => {
    requests++;
    if (sockets.has(socket)) return socket.destroy();
    sockets.add(socket);
    setTimeout(() => res.end('ok'), delayMs);
  });
  return { url, sockets, requests: () => requests };
}

async function readAll(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for await (const piece of body) pieces.push(Buffer.from(piece));
  return Buffer.concat(pieces);
}

describe('streamGet (node:http)', () => {
  it('answers the status, the headers (a repeated one joined as fetch does) and the body; sends the headers given', async () => {
    const seen: Array<Record<string, string | string[] | undefined>> = [];
    const url = await serve((req, res) => {
      seen.push(req.headers);
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Link', ['<a>', '<b>']);
      res.end(Buffer.alloc(100_000, 7));
    });
    const answer = await createStreamGet()(`${url}/materials/m/content`, { authorization: 'Bearer t', 'accept-encoding': 'identity' }, new AbortController().signal);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/pdf');
    expect(answer.headers.get('link')).toBe('<a>, <b>');
    expect((await readAll(answer.body)).equals(Buffer.alloc(100_000, 7))).toBe(true);
    expect(seen[0]?.authorization).toBe('Bearer t');
    expect(seen[0]?.['accept-encoding']).toBe('identity');
  });

  it('does not follow a redirect: the 302 is the answer', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(302, { Location: 'http://elsewhere.example/' });
      res.end();
    });
    const answer = await createStreamGet()(url, {}, new AbortController().signal);
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('http://elsewhere.example/');
    answer.destroy();
  });

  it('the signal ends a body mid-stream: the next read fails', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Length': '1000' });
      res.write(Buffer.alloc(10));
      // …and nothing more.
    });
    const controller = new AbortController();
    const answer = await createStreamGet()(url, {}, controller.signal);
    const reads = answer.body[Symbol.asyncIterator]();
    expect((await reads.next()).value?.byteLength).toBe(10);
    const next = reads.next();
    controller.abort();
    await expect(next).rejects.toThrow();
  });

  it('the signal ends a request still waiting for its answer', async () => {
    const url = await serve(() => undefined);
    const controller = new AbortController();
    const answering = createStreamGet()(url, {}, controller.signal);
    setTimeout(() => controller.abort(), 20);
    await expect(answering).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('a kept-alive socket the server drops as the next request arrives: sent again on a fresh one, once', async () => {
    const server = await serveOneRequestPerSocket(0);
    const get = createStreamGet();
    expect((await readAll((await get(server.url, {}, new AbortController().signal)).body)).toString()).toBe('ok');
    const again = await get(server.url, {}, new AbortController().signal);
    expect(again.status).toBe(200);
    expect((await readAll(again.body)).toString()).toBe('ok');
    expect(server.requests()).toBe(3);
    expect(server.sockets.size).toBe(2);
  });

  it('two kept-alive sockets dropped at once: the resend goes out on a new connection, not on the other stale one', async () => {
    // The first two answer together, so the pool ends up holding two idle sockets.
    const server = await serveOneRequestPerSocket(20);
    const get = createStreamGet();
    const both = await Promise.all([get(server.url, {}, new AbortController().signal), get(server.url, {}, new AbortController().signal)]);
    for (const answer of both) expect((await readAll(answer.body)).toString()).toBe('ok');
    expect(server.sockets.size).toBe(2);
    const again = await get(server.url, {}, new AbortController().signal);
    expect((await readAll(again.body)).toString()).toBe('ok');
    // One stale socket tried, then a third connection: the second pooled socket was never used.
    expect(server.requests()).toBe(4);
    expect(server.sockets.size).toBe(3);
  });

  it('a server that is not there: rejects with the errno on the error (what CpOfflineError keeps)', async () => {
    const url = await serve(() => undefined);
    server?.close();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(createStreamGet()(url, {}, new AbortController().signal)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('refuses anything but http(s)', async () => {
    await expect(createStreamGet()('file:///etc/passwd', {}, new AbortController().signal)).rejects.toBeInstanceOf(RangeError);
  });
});
