/** Reading small request bodies (JSON, forms) with a size cap. Large uploads stream instead (routes/serve.ts). */
import type { IncomingMessage } from 'node:http';
import { ApiError } from '../errors';

const MAX_SMALL_BODY = 1024 * 1024;

export async function readSmallBody(req: IncomingMessage, limit = MAX_SMALL_BODY): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new ApiError(413, 'PAYLOAD_TOO_LARGE', `request body over ${limit} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  if (mediaType(req) !== 'application/json') throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json');
  const raw = await readSmallBody(req);
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw new ApiError(400, 'MALFORMED_JSON', 'request body is not valid JSON');
  }
}

export async function readFormBody(req: IncomingMessage): Promise<URLSearchParams | null> {
  if (mediaType(req) !== 'application/x-www-form-urlencoded') {
    req.resume();
    return null;
  }
  return new URLSearchParams((await readSmallBody(req)).toString('utf8'));
}
