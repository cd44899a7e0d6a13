/**
 * Serving a defence document on the court (magistrates' cases only; Crown Court
 * service is via DCS). The body is streamed to disk while hashed, so memory stays
 * flat for any number of concurrent uploads; the Idempotency-Key makes retries safe:
 * same key + same bytes = the same receipt, never a second document.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { z } from 'zod';
import { ApiError } from '../errors';
import { caseOr404, param, principalOf, requireAssociated, type RouteContext } from '../http/context';
import { idempotencyKey } from '../http/idempotency';
import { json, type Reply } from '../http/reply';
import { queryObject, validate } from '../http/validate';
import type { CourtDocument, Material } from '../model';
import { route, type RouteEntry } from './types';

const UploadQuerySchema = z
  .object({
    documentTypeDescription: z.string().trim().min(1).max(200),
    name: z.string().trim().min(1).max(255),
    defendantIds: z.string().regex(/^[0-9a-f-]{36}(,[0-9a-f-]{36})*$/i, 'comma-separated defendant ids').optional(),
  })
  .strict();

const PAGE_OBJECT = /\/Type\s*\/Page(?![a-zA-Z])/g;

/** Hashes, counts, checks the %PDF- signature and counts page objects as bytes pass. */
class Inspector extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  head = Buffer.alloc(0);
  pages = 0;
  /** Last bytes of the previous chunk, so a "/Type /Page" split across chunks is still found. */
  private tail = '';
  /** Absolute offset (in the stream) where `tail` starts, and where the last counted match ended. */
  private tailStart = 0;
  private countedUpTo = 0;

  constructor(private readonly limit: number) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.limit) {
      done(new ApiError(413, 'PAYLOAD_TOO_LARGE', `document over ${this.limit} bytes`));
      return;
    }
    if (this.head.length < 5) this.head = Buffer.concat([this.head, chunk.subarray(0, 5 - this.head.length)]);
    this.hash.update(chunk);
    this.scan(this.tail + chunk.toString('latin1'), false);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    this.scan(this.tail, true);
    done();
  }

  private scan(text: string, final: boolean): void {
    for (const m of text.matchAll(PAGE_OBJECT)) {
      const end = m.index + m[0].length;
      // A match touching the end is only certain once the next byte is known (it could be "/Pages").
      if (!final && end >= text.length) continue;
      const absEnd = this.tailStart + end;
      if (absEnd > this.countedUpTo) {
        this.pages++;
        this.countedUpTo = absEnd;
      }
    }
    const keep = Math.min(text.length, 24);
    this.tailStart += text.length - keep;
    this.tail = text.slice(text.length - keep);
  }
}

function parseContentDigest(header: string | undefined): string | null {
  if (header === undefined) return null;
  const m = /(?:^|,)\s*sha-256=:([A-Za-z0-9+/=]+):/.exec(header);
  if (!m?.[1]) throw new ApiError(400, 'VALIDATION_FAILED', 'Content-Digest must carry sha-256=:<base64>:');
  return Buffer.from(m[1], 'base64').toString('hex');
}

async function serveDocument(ctx: RouteContext): Promise<Reply> {
  const p = principalOf(ctx);
  const c = caseOr404(ctx, param(ctx, 'caseId'));
  const caseId = c.record.id;
  const req = ctx.req;
  try {
    requireAssociated(ctx, caseId);
    const q = validate(UploadQuerySchema, queryObject(ctx.url.searchParams), 'query');
    if (c.record.currentJurisdiction === 'CROWN') {
      throw new ApiError(422, 'SERVICE_VIA_DCS', 'this case is in the Crown Court: serve documents through the Digital Case System');
    }
    const key = idempotencyKey(req, true);
    if (key === null) throw new Error('unreachable: key required');
    const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'application/pdf') throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/pdf');
    const declared = req.headers['content-length'];
    if (declared === undefined) throw new ApiError(411, 'LENGTH_REQUIRED', 'Content-Length is required');
    if (Number(declared) > ctx.app.maxUploadBytes) throw new ApiError(413, 'PAYLOAD_TOO_LARGE', `document over ${ctx.app.maxUploadBytes} bytes`);
    const expectedSha = parseContentDigest(typeof req.headers['content-digest'] === 'string' ? req.headers['content-digest'] : undefined);
    const defendantIds = q.defendantIds?.split(',') ?? [];
    for (const id of defendantIds) if (!c.record.defendants.some((d) => d.id === id)) throw new ApiError(400, 'DEFENDANT_NOT_FOUND', `defendant ${id} is not in this case`);

    const tmp = path.join(ctx.app.runtimeDir, `upload-${randomUUID()}.part`);
    const inspector = new Inspector(ctx.app.maxUploadBytes);
    try {
      await pipeline(req, inspector, createWriteStream(tmp));
    } catch (err) {
      await unlink(tmp).catch(() => undefined);
      if (err instanceof ApiError) throw err;
      throw new ApiError(400, 'UPLOAD_INCOMPLETE', 'the upload ended before all bytes arrived');
    }
    const sha256 = inspector.hash.digest('hex');
    const discard = (): Promise<void> => unlink(tmp).catch(() => undefined);
    if (inspector.size !== Number(declared)) {
      await discard();
      throw new ApiError(400, 'UPLOAD_INCOMPLETE', 'received bytes differ from Content-Length');
    }
    if (expectedSha !== null && expectedSha !== sha256) {
      await discard();
      throw new ApiError(400, 'DIGEST_MISMATCH', 'Content-Digest does not match the bytes received');
    }
    if (inspector.head.toString('latin1') !== '%PDF-') {
      await discard();
      throw new ApiError(415, 'NOT_A_PDF', 'the document does not start with %PDF-');
    }
    const fingerprint = `POST ${ctx.url.pathname}\n${sha256}`;
    let accepted = false;
    let reply: Reply;
    try {
      reply = await ctx.app.idempotency.run(
      p.organisationId,
      key,
      fingerprint,
      async () => {
        const state = ctx.app.state;
        const courtDocumentId = randomUUID();
        const materialId = randomUUID();
        const finalPath = path.join(ctx.app.runtimeDir, `${materialId}.pdf`);
        await rename(tmp, finalPath);
        accepted = true;
        const receivedAt = ctx.app.clock.isoWithOffset();
        const material: Material = { id: materialId, uploadDateTime: receivedAt, publishedDate: ctx.app.clock.today(), size: inspector.size, pageCount: inspector.pages > 0 ? inspector.pages : null, sha256, file: { kind: 'uploaded', path: finalPath } };
        const doc: CourtDocument = {
          courtDocumentId,
          caseId,
          section: 'DEFENCE',
          documentCategory: defendantIds.length > 0 ? { defendantDocument: { prosecutionCaseId: caseId, defendants: defendantIds } } : { caseDocument: { prosecutionCaseId: caseId } },
          name: q.name,
          mimeType: 'application/pdf',
          documentTypeDescription: q.documentTypeDescription,
          materials: [material],
          isRemoved: false,
        };
        state.addDocument(doc);
        state.bump(caseId);
        ctx.app.stats.uploadAccepted(key, { sha256, size: inspector.size, courtDocumentId, caseId });
        return json(201, { courtDocumentId, materialId, receiptId: randomUUID(), receivedAt, sha256, size: inspector.size });
      },
      200,
      );
    } finally {
      if (!accepted) await discard();
    }
    if (!accepted) ctx.app.stats.uploadReplayed(key);
    return reply;
  } catch (err) {
    // Refused before reading the body: drain it so the connection stays usable.
    if (!req.readableEnded) req.resume();
    throw err;
  }
}

export const serveRoutes: readonly RouteEntry[] = [route('POST', '/prosecutionCases/:caseId/courtDocuments', serveDocument)];
