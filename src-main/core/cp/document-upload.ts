/**
 * Serves a document on the court: the bytes streamed from the caller's iterator (decrypted from the
 * outbox vault a piece at a time, so no document is ever whole in memory), with Content-Length,
 * Content-Digest and the Idempotency-Key CP honours — a resend with the same key gets the first receipt,
 * never a second document. An idle timeout while the body goes (a 100 MB upload on court Wi-Fi takes
 * minutes, a stalled one should not hang), then the usual limit for CP's answer.
 */
import { readJson, validate } from './body';
import { CpMalformedResponseError, type CpOperation } from './errors';
import { RequestLifetime } from './request-lifetime';
import { errorFromResponse, type StatusContext } from './status-errors';
import { assertIdempotencyKey, send, type TransportConfig } from './transport';
import { ServeReceiptSchema, type ServeReceipt } from './wire/serve';

export interface ServeDocumentRequest {
  readonly name: string;
  /** CP's description of the document type ("Defence statement"…). */
  readonly documentTypeDescription: string;
  /** Empty: a case document; otherwise a document of these defendants. */
  readonly defendantIds: readonly string[];
}

export interface ServeDocumentOptions {
  /** Bytes the body will deliver, and their SHA-256 (hex): sent as Content-Length and Content-Digest. */
  readonly size: number;
  readonly sha256: string;
  readonly idempotencyKey: string;
  /** Bytes handed to the connection so far; called once per piece of the body. */
  readonly onProgress?: (sentBytes: number) => void;
  readonly signal?: AbortSignal;
}

export interface UploadConfig {
  readonly transport: TransportConfig;
  readonly status: StatusContext;
  /** For CP's answer once the body is sent. */
  readonly timeoutMs: number;
  /** Longest the connection may refuse more bytes while the body goes. */
  readonly idleTimeoutMs: number;
}

const OPERATION: CpOperation = 'serveDocument';
/** Pieces (the vault's 64 KiB chunks) read ahead of the connection. */
const READ_AHEAD_PIECES = 8;
/** Every 4xx CP explains with a code is a refusal here: the user is told which (not a PDF, Crown Court…). */
const SERVE_REFUSALS = [400, 403, 409, 413, 415, 422, 423] as const;

export async function serveDocument(
  config: UploadConfig,
  caseId: string,
  request: ServeDocumentRequest,
  body: AsyncIterable<Uint8Array>,
  opts: ServeDocumentOptions,
): Promise<ServeReceipt> {
  assertIdempotencyKey(opts.idempotencyKey);
  if (!Number.isSafeInteger(opts.size) || opts.size <= 0) throw new RangeError('size must be a positive integer');
  if (!/^[0-9a-f]{64}$/.test(opts.sha256)) throw new RangeError('sha256 must be 64 hex digits');
  const query = new URLSearchParams({ documentTypeDescription: request.documentTypeDescription, name: request.name });
  if (request.defendantIds.length > 0) query.set('defendantIds', request.defendantIds.join(','));

  const lifetime = new RequestLifetime(OPERATION, opts.signal);
  const source = body[Symbol.asyncIterator]();
  let sent = 0;
  // A failure reading our own copy must not look like CP being unreachable (fetch only says "failed").
  let sourceError: unknown = null;
  const stream = new ReadableStream<Uint8Array>({
    pull: async (controller) => {
      lifetime.arm(config.idleTimeoutMs);
      let next: IteratorResult<Uint8Array>;
      try {
        next = await source.next();
      } catch (error) {
        sourceError = error;
        controller.error(error);
        return;
      }
      if (next.done) {
        if (sent !== opts.size) {
          sourceError = new RangeError('the document is shorter than its size');
          controller.error(sourceError);
          return;
        }
        // All sent: CP now hashes and stores it before answering.
        lifetime.arm(config.timeoutMs);
        controller.close();
        return;
      }
      sent += next.value.byteLength;
      controller.enqueue(next.value);
      opts.onProgress?.(sent);
    },
    cancel: async () => {
      await source.return?.();
    },
    // A few pieces are read (and decrypted) ahead of the connection, so the socket never waits on the
    // vault: measured in `npm run bench -- outbox`, reading only on demand left the link idle between
    // pieces. Progress is therefore at most that far ahead of what has really gone.
  }, { highWaterMark: READ_AHEAD_PIECES });

  try {
    const res = await send(
      config.transport,
      OPERATION,
      {
        method: 'POST',
        path: `/prosecutionCases/${encodeURIComponent(caseId)}/courtDocuments`,
        query,
        headers: { 'Content-Digest': `sha-256=:${Buffer.from(opts.sha256, 'hex').toString('base64')}:` },
        stream: { body: stream, contentType: 'application/pdf', length: opts.size },
        idempotencyKey: opts.idempotencyKey,
      },
      lifetime,
      config.timeoutMs,
    ).catch((error: unknown) => {
      throw sourceError ?? error;
    });
    lifetime.arm(config.timeoutMs);
    if (res.status !== 200 && res.status !== 201) {
      if (res.status >= 200 && res.status < 300) throw new CpMalformedResponseError(OPERATION, 'unexpectedStatus');
      throw await errorFromResponse(res, lifetime, { ...config.status, refusalStatuses: SERVE_REFUSALS });
    }
    // Returned as CP wrote it: the caller compares sha256 and size with what it sent (it decides what a
    // receipt for other bytes means for the item; retrying the same key would only replay it).
    return validate(ServeReceiptSchema, await readJson(res, lifetime), OPERATION);
  } finally {
    lifetime.close();
    await source.return?.().catch(() => undefined);
  }
}
