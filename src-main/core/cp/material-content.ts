/**
 * Streams a material's bytes for the download queue: optionally resumed from an offset (Range, guarded by
 * If-Range so a republished file is never spliced onto an old one), with an idle timeout instead of a
 * total one (a 400-page bundle on court Wi-Fi can take minutes, but a stalled one should not hang), and
 * a byte count so a cut connection fails loudly instead of leaving a short file.
 */
import { Readable } from 'node:stream';
import { contentLength } from './body';
import { CpMalformedResponseError, type CpOperation } from './errors';
import { parseReprDigest } from './repr-digest';
import { RequestLifetime } from './request-lifetime';
import { errorFromResponse, type StatusContext } from './status-errors';
import type { StreamedAnswer } from './stream-get';
import { sendStreamGet, type TransportConfig } from './transport';

export interface MaterialContentOptions {
  /** Resume from this byte (0 = from the start). */
  readonly offset?: number;
  /** The ETag the bytes before `offset` came with; sent as If-Range. Without it the range is unguarded. */
  readonly etag?: string;
  readonly signal?: AbortSignal;
}

export interface MaterialStream {
  /**
   * 206: `body` continues from the requested offset. 200: `body` is the whole file from byte 0; when an
   * offset was asked, that means the material changed (or the server ignored the range): the caller
   * must drop what it had and start again, from this very body.
   */
  readonly status: 200 | 206;
  /** Byte position in the file of the body's first byte (0 for a 200). */
  readonly start: number;
  /** Bytes `body` will deliver. */
  readonly length: number;
  /** The whole file's size. */
  readonly totalSize: number;
  /** For If-Range when resuming later; null when the server sent none. */
  readonly etag: string | null;
  /** SHA-256 of the whole file, hex, as CP advertises it (Repr-Digest); the caller verifies. */
  readonly sha256: string | null;
  /** Throws CpTimeoutError after the idle period without bytes, CpMalformedResponseError if cut short. */
  readonly body: AsyncIterable<Uint8Array>;
  /** Releases the connection when the caller will not read `body` (to the end). */
  cancel(): void;
}

export interface MaterialConfig {
  readonly transport: TransportConfig;
  readonly status: StatusContext;
  /** Until the response headers arrive. */
  readonly headersTimeoutMs: number;
  /** Longest wait for the next bytes once streaming. */
  readonly idleTimeoutMs: number;
}

const OPERATION: CpOperation = 'materialContent';
const CONTENT_RANGE = /^bytes (\d{1,15})-(\d{1,15})\/(\d{1,15})$/;

interface Extent {
  readonly start: number;
  readonly length: number;
  readonly totalSize: number;
}

/** Where the body sits in the file, from the headers, checked against what was asked. */
function extentOf(res: StreamedAnswer, status: 200 | 206, offset: number): Extent {
  const length = contentLength(res.headers, OPERATION);
  if (length === null) throw new CpMalformedResponseError(OPERATION, 'badHeaders');
  if (status === 200) return { start: 0, length, totalSize: length };
  const match = CONTENT_RANGE.exec(res.headers.get('content-range')?.trim() ?? '');
  if (!match) throw new CpMalformedResponseError(OPERATION, 'badHeaders');
  const [first, last, total] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // We ask for "offset to the end", so anything else would put bytes in the wrong place.
  if (first !== offset || last !== total - 1 || length !== last - first + 1) throw new CpMalformedResponseError(OPERATION, 'badHeaders');
  return { start: first, length, totalSize: total };
}

async function* streamBody(res: StreamedAnswer, lifetime: RequestLifetime, expected: number, idleTimeoutMs: number): AsyncGenerator<Uint8Array, void, undefined> {
  const reads = res.body[Symbol.asyncIterator]();
  let received = 0;
  try {
    for (;;) {
      // The clock runs only while waiting for the server, not while the caller writes to disk. The
      // lifetime's signal is the request's: when it fires, the body's next read fails.
      lifetime.arm(idleTimeoutMs);
      let chunk: IteratorResult<Uint8Array>;
      try {
        chunk = await reads.next();
      } catch {
        const reason = lifetime.abortReason();
        if (reason !== null) throw reason;
        throw new CpMalformedResponseError(OPERATION, 'truncatedBody');
      } finally {
        lifetime.disarm();
      }
      if (chunk.done === true) break;
      received += chunk.value.byteLength;
      if (received > expected) throw new CpMalformedResponseError(OPERATION, 'truncatedBody');
      yield chunk.value;
    }
    if (received !== expected) throw new CpMalformedResponseError(OPERATION, 'truncatedBody');
  } finally {
    // Also runs when the caller stops iterating early: the connection must not linger.
    lifetime.close();
    res.destroy();
  }
}

/** Statuses whose answers cannot carry a body (fetch's Response refuses one for them). */
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([204, 205, 304]);

/** The error CP's answer means, read as every other call reads one (status-errors.ts). */
async function statusError(res: StreamedAnswer, lifetime: RequestLifetime, context: StatusContext): Promise<Error> {
  if (res.status < 200 || res.status > 599) {
    res.destroy();
    return new CpMalformedResponseError(OPERATION, 'unexpectedStatus');
  }
  const body = NULL_BODY_STATUSES.has(res.status) ? null : (Readable.toWeb(Readable.from(res.body)) as ReadableStream<Uint8Array>);
  if (body === null) res.destroy();
  return errorFromResponse(new Response(body, { status: res.status, headers: res.headers }), lifetime, context);
}

export async function materialContent(config: MaterialConfig, materialId: string, opts: MaterialContentOptions = {}): Promise<MaterialStream> {
  const offset = opts.offset ?? 0;
  if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError('offset must be a non-negative integer');
  const headers: Record<string, string> = {
    // A material may be any type its document says; the bytes are what matters.
    Accept: '*/*',
    // Ranges and the digest are about the stored bytes; a compressed transfer would shift both.
    'Accept-Encoding': 'identity',
  };
  if (offset > 0) {
    headers.Range = `bytes=${offset}-`;
    if (opts.etag !== undefined) headers['If-Range'] = opts.etag;
  }
  const lifetime = new RequestLifetime(OPERATION, opts.signal);
  let res: StreamedAnswer | null = null;
  try {
    res = await sendStreamGet(config.transport, OPERATION, { path: `/materials/${encodeURIComponent(materialId)}/content`, headers }, lifetime, config.headersTimeoutMs);
    lifetime.disarm();
    const status = res.status;
    if (status !== 200 && status !== 206) {
      lifetime.arm(config.headersTimeoutMs);
      throw await statusError(res, lifetime, config.status);
    }
    if (status === 206 && offset === 0) throw new CpMalformedResponseError(OPERATION, 'unexpectedStatus');
    const extent = extentOf(res, status, offset);
    const digest = parseReprDigest(res.headers.get('repr-digest'));
    if (digest.kind === 'invalid') throw new CpMalformedResponseError(OPERATION, 'badHeaders');
    const body = streamBody(res, lifetime, extent.length, config.idleTimeoutMs);
    return {
      status,
      ...extent,
      etag: res.headers.get('etag'),
      sha256: digest.kind === 'sha256' ? digest.hex : null,
      body,
      cancel: () => {
        lifetime.close();
        void body.return(undefined);
      },
    };
  } catch (error) {
    lifetime.close();
    res?.destroy();
    throw error;
  }
}
