/**
 * Reads and checks JSON answers: the whole body, no more than promised, no less (a connection cut
 * half-way must not look like a shorter document), of a JSON content type, parsed, then validated.
 */
import type { z } from 'zod';
import { CpMalformedResponseError, type CpOperation, type MalformedIssue } from './errors';
import type { RequestLifetime } from './request-lifetime';

/** Far above CP's largest page (200 full cases); stops a broken proxy from filling memory. */
export const MAX_JSON_BYTES = 64 * 1024 * 1024;

/** Content-Length as a number, null when absent; a garbled value is a malformed answer. */
export function contentLength(headers: Headers, operation: CpOperation): number | null {
  const raw = headers.get('content-length');
  if (raw === null) return null;
  if (!/^\d{1,15}$/.test(raw.trim())) throw new CpMalformedResponseError(operation, 'badHeaders');
  return Number(raw.trim());
}

/** True when the body arrives as sent, so Content-Length counts the bytes we will read. */
function isIdentityEncoded(res: Response): boolean {
  const encoding = res.headers.get('content-encoding');
  return encoding === null || encoding.trim().toLowerCase() === 'identity';
}

/**
 * Reads the whole body. A read that fails after the headers arrived means the body was cut short;
 * our own timeout or the caller's abort are reported as such instead.
 */
export async function readBody(res: Response, lifetime: RequestLifetime, maxBytes: number): Promise<Buffer> {
  const operation = lifetime.operation;
  const promised = contentLength(res.headers, operation);
  if (promised !== null && promised > maxBytes) throw new CpMalformedResponseError(operation, 'tooLarge');
  if (res.body === null) {
    if (promised !== null && promised > 0 && isIdentityEncoded(res)) throw new CpMalformedResponseError(operation, 'truncatedBody');
    return Buffer.alloc(0);
  }
  const chunks: Buffer[] = [];
  let received = 0;
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await lifetime.race(reader.read());
      if (done) break;
      received += value.byteLength;
      if (received > maxBytes) throw new CpMalformedResponseError(operation, 'tooLarge');
      chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
    }
  } catch (error) {
    if (error instanceof CpMalformedResponseError) throw error;
    const reason = lifetime.abortReason();
    if (reason !== null) throw reason;
    throw new CpMalformedResponseError(operation, 'truncatedBody');
  } finally {
    // Cancelling a finished stream is a no-op; an unfinished one must not keep the connection.
    await reader.cancel().catch(() => undefined);
  }
  if (promised !== null && isIdentityEncoded(res) && received !== promised) throw new CpMalformedResponseError(operation, 'truncatedBody');
  return Buffer.concat(chunks, received);
}

export function isJsonContentType(value: string | null): boolean {
  if (value === null) return false;
  const mediaType = value.split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

/** Reads, decodes and parses a JSON answer (not yet validated). */
export async function readJson(res: Response, lifetime: RequestLifetime): Promise<unknown> {
  const operation = lifetime.operation;
  // Checked before reading: a captive portal's HTML page is not worth downloading.
  if (!isJsonContentType(res.headers.get('content-type'))) {
    await res.body?.cancel().catch(() => undefined);
    throw new CpMalformedResponseError(operation, 'wrongContentType');
  }
  const bytes = await readBody(res, lifetime, MAX_JSON_BYTES);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CpMalformedResponseError(operation, 'invalidJson');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // The SyntaxError is dropped on purpose: its message quotes the text around the fault.
    throw new CpMalformedResponseError(operation, 'invalidJson');
  }
}

function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(root)';
}

/** Runs the wire schema; the error keeps where and what kind of check failed, never the value. */
export function validate<S extends z.ZodType>(schema: S, data: unknown, operation: CpOperation): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues: MalformedIssue[] = result.error.issues.slice(0, 20).map((issue) => ({ path: issuePath(issue.path), code: issue.code }));
  throw new CpMalformedResponseError(operation, 'unexpectedShape', issues);
}
