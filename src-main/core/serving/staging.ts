/**
 * Staging a file as a draft: its bytes streamed (never whole in memory) into the outbox vault while
 * hashed, and checked before the draft exists — what it really is from its bytes, empty, too large,
 * cut short, password-protected, unreadable. On any refusal nothing is kept.
 */
import { randomUUID } from 'node:crypto';
import type { ContractError, ErrorCode, ServiceItem } from '../../../src-preload/api';
import type { Database } from '../db';
import { BluebagError, toContractError } from '../errors';
import { VaultFullError, type BlobWriter, type Vault } from '../vault';
import { cachedCaseForService, assertServable } from './case-eligibility';
import { fileKind, PDF_SIGNATURE, SNIFF_BYTES } from './file-signature';
import type { PdfChecker } from './pdf-check';
import { MAX_SERVE_BYTES } from './serve-limits';
import { insertDraft, readItem } from './service-items';

export type StageResult = { readonly status: 201; readonly item: ServiceItem } | { readonly status: number; readonly error: ContractError };

export interface StagingDeps {
  readonly db: Database;
  readonly vault: Vault;
  readonly checker: PdfChecker;
  readonly now: () => Date;
  /** The maximum size, MAX_SERVE_BYTES unless a test makes it smaller. */
  readonly maxBytes?: number;
}

/**
 * A PDF ends with %%EOF; readers allow a little after it (Acrobat: within the last 1024 bytes), and
 * whitespace padding of any length. Its absence is how a file cut short (a failed copy, a partial
 * download) shows before pdf.js, which would patiently rebuild a truncated file, is asked.
 */
const EOF_MARKER = Buffer.from('%%EOF', 'latin1');
const TAIL_BYTES = 1024;
const MAX_NAME_LENGTH = 255;

class StageRefusal extends BluebagError {
  constructor(
    readonly status: number,
    code: ErrorCode,
    messageKey: string,
  ) {
    super(code, messageKey);
    this.name = 'StageRefusal';
  }
}

const refuse = (status: number, code: ErrorCode, key: string): never => {
  throw new StageRefusal(status, code, key);
};

/**
 * The name it is served under: the file's own name, without any folder a browser may have left on it,
 * control characters or surrounding spaces.
 */
export function cleanDocumentName(raw: string): string | null {
  // eslint-disable-next-line no-control-regex -- control characters are what is being removed
  const base = raw.split(/[\\/]/).pop()?.replace(/[\u0000-\u001f\u007f]/g, '').trim() ?? '';
  return base.length === 0 || base.length > MAX_NAME_LENGTH ? null : base;
}

export async function stageDocument(
  deps: StagingDeps,
  caseId: string,
  rawName: string,
  /** The body's length when the transport knows it (browser mode requires Content-Length); null: counted as it comes. */
  declaredLength: number | null,
  body: AsyncIterable<Uint8Array>,
): Promise<StageResult> {
  const id = randomUUID();
  let writer: BlobWriter | null = null;
  let stored = false;
  try {
    const name = cleanDocumentName(rawName) ?? refuse(400, 'invalid_argument', 'errors.invalidArgument');
    const served = cachedCaseForService(deps.db, caseId);
    assertServable(served.eligibility);
    const limit = deps.maxBytes ?? MAX_SERVE_BYTES;
    if (declaredLength !== null && (!Number.isSafeInteger(declaredLength) || declaredLength < 0)) refuse(400, 'invalid_argument', 'errors.invalidArgument');
    if (declaredLength === 0) refuse(400, 'invalid_argument', 'errors.serveEmpty');
    // Refused before a byte is read when the length is known; counted as it arrives when it is not.
    if (declaredLength !== null && declaredLength > limit) refuse(413, 'invalid_argument', 'errors.serveTooLarge');

    writer = await deps.vault.openWriter(id);
    const copy = await copyChecked(body, writer, declaredLength, limit);
    const { size, sha256 } = await writer.finish();
    stored = true;
    if (size !== copy.received || !copy.endsWithEof) refuse(422, 'invalid_argument', 'errors.serveUnreadable');

    const check = await deps.checker.check(id, size);
    switch (check.kind) {
      case 'ok':
        break;
      case 'passwordProtected':
        refuse(422, 'invalid_argument', 'errors.servePasswordProtected');
        break;
      case 'unreadable':
        refuse(422, 'invalid_argument', 'errors.serveUnreadable');
        break;
      case 'unavailable':
        refuse(503, 'unavailable', 'errors.internal');
        break;
    }
    const pageCount = check.kind === 'ok' ? check.pageCount : null;
    deps.db.transaction(() => insertDraft(deps.db, { id, caseId, urn: served.urn, name, size, pageCount, sha256 }, deps.now()))();
    const item = readItem(deps.db, id);
    if (!item) throw new Error('a draft just written could not be read back');
    return { status: 201, item: { ...item.view, sentBytes: null } };
  } catch (error) {
    // Nothing of a refused file is kept: the partial or finished blob goes.
    await (stored ? deps.vault.delete(id) : writer?.abort())?.catch(() => undefined);
    return { status: statusOf(error), error: toContractError(error instanceof VaultFullError ? new BluebagError('unavailable', 'errors.diskFull') : error) };
  }
}

/**
 * Copies the body into the vault, refusing as soon as the first bytes show it is not a PDF or it runs
 * past its declared length. Only the head (to recognise the type) and the tail (for %%EOF) are held.
 */
async function copyChecked(body: AsyncIterable<Uint8Array>, writer: BlobWriter, declared: number | null, limit: number): Promise<{ received: number; endsWithEof: boolean }> {
  let head: Buffer[] = [];
  let headBytes = 0;
  let isPdf = false;
  let received = 0;
  let tail: Buffer = Buffer.alloc(0);
  for await (const piece of body) {
    const chunk = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    received += chunk.length;
    if (declared !== null && received > declared) refuse(400, 'invalid_argument', 'errors.invalidArgument');
    if (received > limit) refuse(413, 'invalid_argument', 'errors.serveTooLarge');
    tail = withTail(tail, chunk);
    if (isPdf) {
      await writer.write(chunk);
      continue;
    }
    head.push(Buffer.from(chunk));
    headBytes += chunk.length;
    const sniffed = Buffer.concat(head, headBytes);
    if (headBytes >= PDF_SIGNATURE.length && sniffed.subarray(0, PDF_SIGNATURE.length).equals(PDF_SIGNATURE)) {
      isPdf = true;
      await writer.write(sniffed);
      head = [];
      continue;
    }
    // Not a PDF once enough is seen to say so (and, for a ZIP, to see whether it is Word's).
    if (headBytes >= PDF_SIGNATURE.length && headBytes >= SNIFF_BYTES) refuseType(sniffed);
  }
  if (received === 0) refuse(400, 'invalid_argument', 'errors.serveEmpty');
  if (!isPdf) refuseType(Buffer.concat(head, headBytes));
  // Shorter than declared: the upload was cut off, and what arrived is not the file.
  if (declared !== null && received !== declared) refuse(400, 'invalid_argument', 'errors.invalidArgument');
  return { received, endsWithEof: tail.includes(EOF_MARKER) };
}

const PDF_WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);

/** The last TAIL_BYTES before any trailing whitespace, carried from chunk to chunk. */
function withTail(tail: Buffer, chunk: Buffer): Buffer {
  let end = chunk.length;
  while (end > 0 && PDF_WHITESPACE.has(chunk[end - 1] as number)) end--;
  if (end === 0) return tail;
  const content = chunk.subarray(0, end);
  return content.length >= TAIL_BYTES ? Buffer.from(content.subarray(content.length - TAIL_BYTES)) : Buffer.concat([tail, content]).subarray(-TAIL_BYTES);
}

function refuseType(head: Buffer): never {
  switch (fileKind(head)) {
    case 'pdf':
      // Only reached for a file that is nothing but the signature.
      return refuse(422, 'invalid_argument', 'errors.serveUnreadable');
    case 'word':
      return refuse(415, 'invalid_argument', 'errors.serveNotPdfWord');
    case 'image':
      return refuse(415, 'invalid_argument', 'errors.serveNotPdfImage');
    case 'other':
      return refuse(415, 'invalid_argument', 'errors.serveNotPdf');
  }
}

function statusOf(error: unknown): number {
  if (error instanceof StageRefusal) return error.status;
  if (error instanceof VaultFullError) return 507;
  if (error instanceof BluebagError) {
    switch (error.code) {
      case 'not_found':
        return 404;
      case 'forbidden':
        return 403;
      case 'conflict':
        return 409;
      case 'invalid_argument':
        return 400;
      case 'unavailable':
        return 503;
      case 'unknown_method':
      case 'internal':
        return 500;
    }
  }
  return 500;
}
