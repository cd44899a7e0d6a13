/**
 * Sends one request to CP: base URL, bearer token, standard headers, and the translation of a fetch that
 * got no answer into CpOfflineError / CpTimeoutError. Status codes and bodies are the callers' business.
 */
import { CpOfflineError, type CpOperation } from './errors';
import type { RequestLifetime } from './request-lifetime';
import type { StreamedAnswer, StreamGet } from './stream-get';

export interface TransportConfig {
  readonly baseUrl: string;
  readonly accessToken: () => Promise<string>;
  readonly fetch: typeof fetch;
  /** For the GETs whose bodies are streamed to disk (stream-get.ts says why not fetch). */
  readonly streamGet: StreamGet;
}

export interface OutgoingRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Already percent-encoded path, starting with '/'. */
  readonly path: string;
  readonly query?: URLSearchParams;
  readonly headers?: Readonly<Record<string, string>>;
  readonly json?: unknown;
  /** A streamed body of a known length (a document being served); never together with `json`. */
  readonly stream?: { readonly body: ReadableStream<Uint8Array>; readonly contentType: string; readonly length: number };
  readonly idempotencyKey?: string;
}

// RFC 9110 token characters would be enough for the header, but CP documents 1–255 printable ASCII.
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** Checks and trims a base URL once, so every path can simply be appended (a path prefix is kept). */
export function normaliseBaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RangeError('Common Platform address must be http(s)');
  if (url.search !== '' || url.hash !== '') throw new RangeError('Common Platform address must not have a query or fragment');
  return url.href.replace(/\/+$/, '');
}

export function assertIdempotencyKey(key: string): void {
  if (!IDEMPOTENCY_KEY.test(key)) throw new RangeError('Idempotency-Key must be 1-255 printable ASCII characters without spaces');
}

/** The transport's error code (undici puts the errno on `cause`): safe to keep, unlike the message. */
function networkCode(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    if ('code' in e && typeof e.code === 'string' && /^[A-Z0-9_]{1,40}$/.test(e.code)) return e.code;
  }
  return null;
}

/** The URL and headers of a request, with the token asked for now (the auth layer may have refreshed it). */
async function prepare(config: TransportConfig, request: Omit<OutgoingRequest, 'method' | 'json' | 'stream'>): Promise<{ url: string; headers: Headers }> {
  const token = await config.accessToken();
  const headers = new Headers(request.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  headers.set('Authorization', `Bearer ${token}`);
  if (request.idempotencyKey !== undefined) headers.set('Idempotency-Key', request.idempotencyKey);
  const query = request.query?.toString() ?? '';
  return { url: `${config.baseUrl}${request.path}${query === '' ? '' : `?${query}`}`, headers };
}

/** A request that got no answer: our timeout or the caller's abort as they are, anything else offline. */
function noAnswer(error: unknown, operation: CpOperation, lifetime: RequestLifetime): unknown {
  return lifetime.abortReason() ?? new CpOfflineError(operation, networkCode(error));
}

/**
 * Sends the request; `timeoutMs` starts once the token is in hand (a token refresh is the auth layer's
 * network call, with its own limits) and keeps running until the lifetime is disarmed or closed.
 */
export async function send(config: TransportConfig, operation: CpOperation, request: OutgoingRequest, lifetime: RequestLifetime, timeoutMs: number): Promise<Response> {
  const { url, headers } = await prepare(config, request);
  lifetime.arm(timeoutMs);
  let body: string | ReadableStream<Uint8Array> | undefined;
  if (request.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(request.json);
  } else if (request.stream !== undefined) {
    headers.set('Content-Type', request.stream.contentType);
    // Sent as Content-Length rather than chunked: CP requires it for documents (411 otherwise).
    headers.set('Content-Length', String(request.stream.length));
    body = request.stream.body;
  }
  try {
    return await config.fetch(url, {
      method: request.method,
      headers,
      ...(body === undefined ? {} : { body }),
      // A stream body needs half duplex (fetch's rule); the answer is read once it is all sent.
      ...(typeof body === 'object' ? { duplex: 'half' as const } : {}),
      signal: lifetime.signal,
      // CP never redirects API calls; a redirect is a captive portal or a misconfigured proxy, and
      // following it would send the bearer token (or the user) somewhere else.
      redirect: 'manual',
    });
  } catch (error) {
    throw noAnswer(error, operation, lifetime);
  }
}

/** A GET whose body will be streamed (streamGet), with the same headers, timeout and errors as send. */
export async function sendStreamGet(config: TransportConfig, operation: CpOperation, request: Omit<OutgoingRequest, 'method' | 'json' | 'stream'>, lifetime: RequestLifetime, timeoutMs: number): Promise<StreamedAnswer> {
  const { url, headers } = await prepare(config, request);
  lifetime.arm(timeoutMs);
  try {
    // node:http wants a plain object; Headers has already joined and lower-cased the names.
    return await config.streamGet(url, Object.fromEntries(headers), lifetime.signal);
  } catch (error) {
    throw noAnswer(error, operation, lifetime);
  }
}
