/**
 * Writes a Reply to the socket, applying the response-level faults: corrupted
 * JSON, bodies cut after N bytes, Content-Length lies, and material bytes that
 * no longer match their advertised sha256. Files are streamed (never buffered).
 */
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CorruptionMode } from '../faults-schema';
import type { Reply } from './reply';

export interface ResponseFaults {
  readonly corruption: CorruptionMode | null;
  readonly dropAfterBytes: number | null;
}

export const NO_RESPONSE_FAULTS: ResponseFaults = { corruption: null, dropAfterBytes: null };

function corruptJson(text: string, body: unknown, mode: CorruptionMode | null): string {
  switch (mode) {
    case 'malformedJson':
      // Still looks like JSON at a glance; a parser rejects it.
      return text.includes('"') ? text.replace('"', "'") : `${text}}`;
    case 'unexpectedShape':
      return JSON.stringify({ result: body, note: 'unexpected shape (sandbox fault)' });
    case 'truncatedBody':
    case 'wrongHash':
    case null:
      return text;
  }
}

function destroySoon(res: ServerResponse): void {
  res.socket?.destroy();
}

/** Writes `buf` but only its first `cutAt` bytes, then kills the connection (the client sees a short body). */
function writeBuffer(res: ServerResponse, buf: Buffer, cutAt: number | null, head: boolean): void {
  if (head) {
    res.end();
    return;
  }
  if (cutAt !== null && cutAt < buf.length) {
    if (cutAt === 0) {
      res.flushHeaders();
      setImmediate(() => destroySoon(res));
      return;
    }
    res.write(buf.subarray(0, cutAt), () => destroySoon(res));
    return;
  }
  res.end(buf);
}

/**
 * `serverNowMs`: the time for the `Date` header. The API server passes its ServerClock so the header
 * follows the clockOffsetMs fault, as a real CP's clock would; without it Node stamps the real time.
 */
export async function sendReply(req: IncomingMessage, res: ServerResponse, reply: Reply, faults: ResponseFaults, serverNowMs?: number): Promise<void> {
  if (res.destroyed) return;
  if (serverNowMs !== undefined) res.setHeader('Date', new Date(serverNowMs).toUTCString());
  const head = req.method === 'HEAD';
  switch (reply.kind) {
    case 'json': {
      const text = corruptJson(JSON.stringify(reply.body), reply.body, faults.corruption);
      const buf = Buffer.from(text, 'utf8');
      res.writeHead(reply.status, { ...(reply.headers ?? {}), 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(buf.length) });
      const truncateAt = faults.corruption === 'truncatedBody' ? Math.floor(buf.length / 2) : null;
      const cuts = [truncateAt, faults.dropAfterBytes].filter((n): n is number => n !== null);
      writeBuffer(res, buf, cuts.length > 0 ? Math.min(...cuts) : null, head);
      return;
    }
    case 'html': {
      const buf = Buffer.from(reply.body, 'utf8');
      res.writeHead(reply.status, { ...(reply.headers ?? {}), 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(buf.length) });
      writeBuffer(res, buf, faults.dropAfterBytes, head);
      return;
    }
    case 'empty':
      res.writeHead(reply.status, { ...(reply.headers ?? {}) });
      res.end();
      return;
    case 'file':
      await sendFile(res, reply, faults, head);
      return;
  }
}

async function sendFile(res: ServerResponse, reply: Extract<Reply, { kind: 'file' }>, faults: ResponseFaults, head: boolean): Promise<void> {
  const length = reply.end - reply.start + 1;
  res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(length) });
  if (head) {
    res.end();
    return;
  }
  // wrongHash: flip one byte in the middle of the file (if this range covers it).
  const flipAt = faults.corruption === 'wrongHash' ? Math.floor(reply.totalSize / 2) - reply.start : null;
  const dropAt = faults.dropAfterBytes;
  const stream = createReadStream(reply.path, { start: reply.start, end: reply.end, highWaterMark: 256 * 1024 });
  let offset = 0;
  try {
    for await (const raw of stream) {
      let chunk = raw as Buffer;
      if (flipAt !== null && flipAt >= offset && flipAt < offset + chunk.length) {
        chunk = Buffer.from(chunk);
        chunk[flipAt - offset] = (chunk[flipAt - offset] ?? 0) ^ 0xff;
      }
      if (dropAt !== null && offset + chunk.length >= dropAt) {
        const part = chunk.subarray(0, dropAt - offset);
        if (part.length > 0) res.write(part, () => destroySoon(res));
        else setImmediate(() => destroySoon(res));
        stream.destroy();
        return;
      }
      offset += chunk.length;
      if (res.destroyed) {
        stream.destroy();
        return;
      }
      if (!res.write(chunk)) {
        await new Promise<void>((resolve) => {
          const done = (): void => {
            res.off('drain', done);
            res.off('close', done);
            resolve();
          };
          res.on('drain', done);
          res.on('close', done);
        });
      }
    }
    res.end();
  } catch {
    // File vanished or client went away mid-stream: nothing useful left to send.
    stream.destroy();
    destroySoon(res);
  }
}
