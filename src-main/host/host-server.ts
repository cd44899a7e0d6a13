import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  HTTP_CSRF_HEADER,
  HTTP_EVENTS_PATH,
  HTTP_RPC_PREFIX,
  HTTP_TOKEN_COOKIE,
  HTTP_TOKEN_QUERY,
  type CallResult,
  type ErrorCode,
} from '../../src-preload/api';
import { DOCUMENT_PATH_PREFIX, RENDERER_SECURITY_HEADERS, STAGE_PATH, readRendererFile, type CoreApp, type StageResult } from '../core';

export interface HostServerOptions {
  core: CoreApp;
  rendererDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** For tests only; a fresh random token is made otherwise. */
  token?: string;
}

export interface HostServer {
  /** The address to open, token included. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  close(): Promise<void>;
}

const MAX_RPC_BODY_BYTES = 1024 * 1024;
const SSE_HEARTBEAT_MS = 15_000;
/** After refusing a file part-way, how long its remaining bytes are read (and dropped) before hanging up. */
const STAGE_DRAIN_MS = 5_000;

/**
 * Browser mode: the same core and renderer served on 127.0.0.1 only. Three locks on the door: a random
 * per-run token (cookie after the first visit), a Host check against DNS rebinding, and an Origin check
 * plus a custom header on every call against cross-site requests.
 */
export async function startHostServer(options: HostServerOptions): Promise<HostServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const sseClients = new Set<http.ServerResponse>();
  let port = 0;

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
      else res.destroy();
    });
  });

  const cookieName = () => `${HTTP_TOKEN_COOKIE}_${port}`;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!allowedHosts().has(req.headers.host ?? '')) {
      return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden: unexpected Host');
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) {
      return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden: unexpected Origin');
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    // First visit: trade the token in the address for a cookie, then drop it from the address bar.
    const queryToken = url.searchParams.get(HTTP_TOKEN_QUERY);
    if (req.method === 'GET' && queryToken !== null && tokenMatches(queryToken)) {
      url.searchParams.delete(HTTP_TOKEN_QUERY);
      res.writeHead(303, {
        location: url.pathname + url.search,
        'set-cookie': `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        'cache-control': 'no-store',
      });
      return void res.end();
    }
    if (!isAuthorised(req)) {
      return send(res, 401, 'text/plain; charset=utf-8', 'Unauthorised: open the address that `npm start` printed.');
    }

    if (url.pathname.startsWith(HTTP_RPC_PREFIX)) return handleRpc(req, res, url.pathname.slice(HTTP_RPC_PREFIX.length));
    if (url.pathname === HTTP_EVENTS_PATH && req.method === 'GET') return handleEvents(req, res);
    if (url.pathname === STAGE_PATH) return handleStage(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    if (url.pathname.startsWith(DOCUMENT_PATH_PREFIX)) return handleDocument(req, res, url.pathname.slice(DOCUMENT_PATH_PREFIX.length));

    const file = await readRendererFile(options.rendererDir, url.pathname);
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    res.writeHead(200, {
      ...RENDERER_SECURITY_HEADERS,
      'content-type': file.contentType,
      'content-length': file.body.length,
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  async function handleDocument(req: http.IncomingMessage, res: http.ServerResponse, materialId: string): Promise<void> {
    const range = typeof req.headers.range === 'string' ? req.headers.range : null;
    const answer = await options.core.openDocument(decodeURIComponent(materialId), range, req.method === 'HEAD' ? 'HEAD' : 'GET');
    res.writeHead(answer.status, answer.headers);
    if (!answer.body) return void res.end();
    // Backpressure: the next decrypted chunk is read only when the socket has taken the last one.
    try {
      await pipeline(Readable.from(answer.body), res);
    } catch {
      res.destroy();
    }
  }

  /**
   * A file's bytes for a draft to serve: streamed to the core (which writes them encrypted while
   * hashing), never buffered here. Content-Length is required, so a body over the limit is refused
   * before it is read; the core also counts what arrives.
   */
  async function handleStage(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    if (req.headers[HTTP_CSRF_HEADER] !== '1') return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden: not a Bluebag call');
    const caseId = url.searchParams.get('caseId');
    const name = url.searchParams.get('name');
    const lengthHeader = req.headers['content-length'];
    let answer: StageResult;
    if (caseId === null || name === null) answer = { status: 400, error: { code: 'invalid_argument', messageKey: 'errors.invalidArgument' } };
    else if (lengthHeader === undefined || !/^\d{1,15}$/.test(lengthHeader)) answer = { status: 411, error: { code: 'invalid_argument', messageKey: 'errors.invalidArgument' } };
    // Not destroyed when the core stops reading early (a Word file, too large): the answer must still go out.
    else answer = await options.core.stageDocument(caseId, name, Number(lengthHeader), req.iterator({ destroyOnReturn: false }));
    const unread = !req.readableEnded;
    const body = JSON.stringify('item' in answer ? { item: answer.item } : { error: answer.error });
    res.writeHead(answer.status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      // The rest of a refused body is not wanted: the connection ends rather than reading it all.
      ...(unread ? { connection: 'close' } : {}),
    });
    res.end(body);
    if (unread) {
      req.resume();
      setTimeout(() => req.destroy(), STAGE_DRAIN_MS).unref();
    }
  }

  async function handleRpc(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    // A custom header cannot be sent cross-site without a CORS preflight, which this server never grants.
    if (req.headers[HTTP_CSRF_HEADER] !== '1' || !(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden: not a Bluebag call');
    }
    const raw = await readBody(req, MAX_RPC_BODY_BYTES);
    if (raw === null) return sendResult(res, failure('invalid_argument', 'errors.requestTooLarge'));
    let args: unknown;
    try {
      args = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
    } catch {
      return sendResult(res, failure('invalid_argument', 'errors.invalidArgument'));
    }
    sendResult(res, await options.core.dispatch(decodeURIComponent(method), args));
  }

  function handleEvents(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    res.write(': connected\n\n');
    sseClients.add(res);
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), SSE_HEARTBEAT_MS);
    req.on('close', () => {
      clearInterval(heartbeat);
      sseClients.delete(res);
    });
  }

  function isAuthorised(req: http.IncomingMessage): boolean {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (bearer !== undefined) return tokenMatches(bearer);
    const cookie = parseCookies(req.headers.cookie ?? '').get(cookieName());
    return cookie !== undefined && tokenMatches(cookie);
  }

  function tokenMatches(candidate: string): boolean {
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  const unsubscribe = options.core.onEvent((name, payload) => {
    const frame = `data: ${JSON.stringify({ name, payload })}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?${HTTP_TOKEN_QUERY}=${token}`,
    origin,
    port,
    close: async () => {
      unsubscribe();
      for (const client of sseClients) client.end();
      sseClients.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  invalid_argument: 400,
  unknown_method: 404,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
  internal: 500,
};

function failure(code: ErrorCode, messageKey: string): CallResult<never> {
  return { ok: false, error: { code, messageKey } };
}

function sendResult(res: http.ServerResponse, result: CallResult<unknown>): void {
  send(res, result.ok ? 200 : STATUS_BY_CODE[result.error.code], 'application/json; charset=utf-8', JSON.stringify(result));
}

function send(res: http.ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseCookies(header: string): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0) cookies.set(part.slice(0, index).trim(), part.slice(index + 1).trim());
  }
  return cookies;
}
