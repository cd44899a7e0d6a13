import type { ErrorCode } from '../../../src-preload/api';
import { BluebagError } from '../errors';

/**
 * What went wrong talking to Common Platform, as a closed set so callers (sync, the outbox, the UI) can
 * switch on `kind` instead of parsing messages. No error here ever carries a URL, an id, a URN, a name or
 * a response body: those are personal data, and errors end up in logs.
 */
export type CpErrorKind =
  | 'offline'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'refused'
  | 'badRequest'
  | 'rangeNotSatisfiable'
  | 'rateLimited'
  | 'server'
  | 'malformed';

/** Which client call failed: safe to log, unlike the URL (it can hold a URN or a name). */
export type CpOperation =
  | 'me'
  | 'searchCases'
  | 'associatedCases'
  | 'caseDetail'
  | 'courtDocuments'
  | 'materialContent'
  | 'associate'
  | 'disassociate'
  | 'listForms'
  | 'getForm'
  | 'formHistory'
  | 'saveForm'
  | 'lockSection'
  | 'extendLock'
  | 'releaseLock'
  | 'serveDocument'
  | 'checkIn';

export abstract class CpError extends BluebagError {
  abstract readonly kind: CpErrorKind;
  /** True when the same request may succeed later without anyone changing anything. */
  abstract readonly retryable: boolean;

  constructor(
    code: ErrorCode,
    messageKey: string,
    readonly operation: CpOperation,
  ) {
    super(code, messageKey);
  }
}

/** No answer at all: connection refused or reset before a response, DNS failure, network down. */
export class CpOfflineError extends CpError {
  readonly kind = 'offline';
  readonly retryable = true;
  constructor(
    operation: CpOperation,
    /** The transport's error code (ECONNREFUSED, UND_ERR_SOCKET…), for diagnostics. */
    readonly networkCode: string | null,
  ) {
    super('unavailable', 'errors.cpOffline', operation);
    this.name = 'CpOfflineError';
  }
}

/** No answer in time: the whole request for JSON, or no bytes for the idle period while streaming. */
export class CpTimeoutError extends CpError {
  readonly kind = 'timeout';
  readonly retryable = true;
  constructor(
    operation: CpOperation,
    readonly timeoutMs: number,
  ) {
    super('unavailable', 'errors.cpTimeout', operation);
    this.name = 'CpTimeoutError';
  }
}

/** 401: the access token expired or was revoked. Not retryable as is: the auth layer must refresh first. */
export class CpUnauthorizedError extends CpError {
  readonly kind = 'unauthorized';
  readonly retryable = false;
  constructor(operation: CpOperation) {
    super('forbidden', 'errors.cpUnauthorized', operation);
    this.name = 'CpUnauthorizedError';
  }
}

/** 403 on a read: the firm may not see this (e.g. not associated with the case). */
export class CpForbiddenError extends CpError {
  readonly kind = 'forbidden';
  readonly retryable = false;
  constructor(
    operation: CpOperation,
    readonly errorCode: string | null,
  ) {
    super('forbidden', 'errors.cpForbidden', operation);
    this.name = 'CpForbiddenError';
  }
}

export class CpNotFoundError extends CpError {
  readonly kind = 'notFound';
  readonly retryable = false;
  constructor(
    operation: CpOperation,
    readonly errorCode: string | null,
  ) {
    super('not_found', 'errors.cpNotFound', operation);
    this.name = 'CpNotFoundError';
  }
}

/** CP's business-rule refusal codes the UI explains specifically; any other code gets the generic text. */
function refusalMessageKey(errorCode: string): string {
  switch (errorCode) {
    case 'ALREADY_ASSOCIATED':
      return 'errors.alreadyAssociated';
    case 'LOCKED_BY_REPRESENTATION_ORDER':
      return 'errors.lockedByRepresentationOrder';
    case 'NOT_ASSOCIATED_ORGANISATION':
      return 'errors.notAssociatedOrganisation';
    default:
      return 'errors.cpRefused';
  }
}

/**
 * CP understood the request and said no for a business reason (409/422/423, and 403 on association
 * changes). `errorCode` is CP's own code, kept verbatim because callers act on it.
 */
export class CpRefusedError extends CpError {
  readonly kind = 'refused';
  readonly retryable = false;
  constructor(
    operation: CpOperation,
    readonly status: number,
    readonly errorCode: string,
  ) {
    super('conflict', refusalMessageKey(errorCode), operation);
    this.name = 'CpRefusedError';
  }
}

/** 400 and other 4xx CP does not explain otherwise: the request itself was wrong (e.g. INVALID_CURSOR). */
export class CpBadRequestError extends CpError {
  readonly kind = 'badRequest';
  readonly retryable = false;
  constructor(
    operation: CpOperation,
    readonly status: number,
    readonly errorCode: string | null,
  ) {
    super('invalid_argument', 'errors.invalidArgument', operation);
    this.name = 'CpBadRequestError';
  }
}

/** 416 on a resumed download: the offset is at or past the end, so the local part cannot be resumed. */
export class CpRangeNotSatisfiableError extends CpError {
  readonly kind = 'rangeNotSatisfiable';
  readonly retryable = false;
  constructor(
    operation: CpOperation,
    /** From `Content-Range: bytes *\/SIZE`, when the server said. */
    readonly totalSize: number | null,
  ) {
    // The caller restarts the download from zero without troubling the user; if it ever surfaces, the
    // honest summary is that CP's answer did not fit what Bluebag had.
    super('conflict', 'errors.cpMalformed', operation);
    this.name = 'CpRangeNotSatisfiableError';
  }
}

/** 429: slow down for `retryAfterMs` (from Retry-After, capped; a default when the server gave none). */
export class CpRateLimitedError extends CpError {
  readonly kind = 'rateLimited';
  readonly retryable = true;
  constructor(
    operation: CpOperation,
    readonly retryAfterMs: number,
  ) {
    super('unavailable', 'errors.cpRateLimited', operation);
    this.name = 'CpRateLimitedError';
  }
}

/** 5xx (or another status CP never sends): trouble on CP's side. */
export class CpServerError extends CpError {
  readonly kind = 'server';
  readonly retryable = true;
  constructor(
    operation: CpOperation,
    readonly status: number,
    /** From Retry-After when present (e.g. 503), capped; null when the server did not say. */
    readonly retryAfterMs: number | null,
  ) {
    super('unavailable', 'errors.cpServer', operation);
    this.name = 'CpServerError';
  }
}

export type MalformedReason =
  | 'invalidJson'
  | 'unexpectedShape'
  | 'truncatedBody'
  | 'wrongContentType'
  | 'tooLarge'
  | 'unexpectedStatus'
  | 'badHeaders';

/** Where a schema check failed: the path and zod's issue code, never the value (it is personal data). */
export interface MalformedIssue {
  readonly path: string;
  readonly code: string;
}

/**
 * The answer could not be trusted: not JSON, JSON of the wrong shape, cut short, not JSON at all (a
 * captive portal's HTML page), or headers that contradict each other. Nothing from it is returned.
 * Retryable because it is usually transient (a proxy, a dropped connection, a bad deploy rolled back).
 */
export class CpMalformedResponseError extends CpError {
  readonly kind = 'malformed';
  readonly retryable = true;
  constructor(
    operation: CpOperation,
    readonly reason: MalformedReason,
    readonly issues: readonly MalformedIssue[] = [],
  ) {
    super('unavailable', 'errors.cpMalformed', operation);
    this.name = 'CpMalformedResponseError';
  }
}

export function isCpError(error: unknown): error is CpError {
  return error instanceof CpError;
}

/**
 * Whether trying the same request again later can succeed. Also honours other Bluebag errors that say
 * so (the auth layer's errors carry the same `retryable` flag); anything unknown is not retryable.
 */
export function isRetryable(error: unknown): boolean {
  return error instanceof BluebagError && 'retryable' in error && error.retryable === true;
}
