/** Turns a non-success HTTP answer into the typed error callers act on. */
import { CpErrorBodySchema } from './wire/error-body';
import {
  CpBadRequestError,
  CpForbiddenError,
  CpMalformedResponseError,
  CpNotFoundError,
  CpRangeNotSatisfiableError,
  CpRateLimitedError,
  CpRefusedError,
  CpServerError,
  CpUnauthorizedError,
  type CpError,
  type CpOperation,
} from './errors';
import { isJsonContentType, readBody } from './body';
import type { RequestLifetime } from './request-lifetime';
import { parseRetryAfter } from './retry-after';

/** Error bodies are small; anything larger is not worth reading to find a code. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;
/** A 429 without Retry-After still needs a pause; a few seconds is polite and short. */
export const DEFAULT_RATE_LIMIT_MS = 5_000;

export interface StatusContext {
  readonly now: () => number;
  readonly maxRetryAfterMs: number;
  /**
   * Statuses that mean "CP said no for a business reason" for this call. 403 belongs here only for
   * association changes, where it is CP's NOT_ASSOCIATED_ORGANISATION rule rather than missing access.
   */
  readonly refusalStatuses: readonly number[];
}

type StatusClass = 'unauthorized' | 'forbidden' | 'notFound' | 'refused' | 'rangeNotSatisfiable' | 'rateLimited' | 'server' | 'badRequest' | 'unexpected';

function classify(status: number, refusalStatuses: readonly number[]): StatusClass {
  if (refusalStatuses.includes(status)) return 'refused';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'notFound';
  if (status === 416) return 'rangeNotSatisfiable';
  if (status === 429) return 'rateLimited';
  if (status >= 500 && status <= 599) return 'server';
  if (status >= 400 && status <= 499) return 'badRequest';
  // 1xx/3xx here (we do not follow redirects, and never send conditional requests expecting 304).
  return 'unexpected';
}

/** CP's `errorCode`, when the body is CP's JSON error; null otherwise (a proxy's page, a cut body). */
async function readErrorCode(res: Response, lifetime: RequestLifetime): Promise<string | null> {
  if (!isJsonContentType(res.headers.get('content-type'))) {
    await res.body?.cancel().catch(() => undefined);
    return null;
  }
  try {
    const text = (await readBody(res, lifetime, MAX_ERROR_BODY_BYTES)).toString('utf8');
    const parsed = CpErrorBodySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.errorCode : null;
  } catch {
    // Our timeout or the caller's abort still win; a garbled error body only loses its code.
    const reason = lifetime.abortReason();
    if (reason !== null) throw reason;
    return null;
  }
}

function totalFromContentRange(value: string | null): number | null {
  const match = value === null ? null : /^bytes \*\/(\d{1,15})$/.exec(value.trim());
  return match?.[1] === undefined ? null : Number(match[1]);
}

export async function errorFromResponse(res: Response, lifetime: RequestLifetime, ctx: StatusContext): Promise<CpError> {
  const operation: CpOperation = lifetime.operation;
  const kind = classify(res.status, ctx.refusalStatuses);
  const retryAfter = (): number | null => parseRetryAfter(res.headers.get('retry-after'), ctx.now(), ctx.maxRetryAfterMs);
  switch (kind) {
    case 'unauthorized':
      await res.body?.cancel().catch(() => undefined);
      return new CpUnauthorizedError(operation);
    case 'forbidden':
      return new CpForbiddenError(operation, await readErrorCode(res, lifetime));
    case 'notFound':
      return new CpNotFoundError(operation, await readErrorCode(res, lifetime));
    case 'refused':
      // A refusal without CP's code cannot be acted on; it is still a refusal, labelled as unknown.
      return new CpRefusedError(operation, res.status, (await readErrorCode(res, lifetime)) ?? 'UNKNOWN');
    case 'rangeNotSatisfiable':
      await res.body?.cancel().catch(() => undefined);
      return new CpRangeNotSatisfiableError(operation, totalFromContentRange(res.headers.get('content-range')));
    case 'rateLimited':
      await res.body?.cancel().catch(() => undefined);
      return new CpRateLimitedError(operation, retryAfter() ?? Math.min(DEFAULT_RATE_LIMIT_MS, ctx.maxRetryAfterMs));
    case 'server':
      await res.body?.cancel().catch(() => undefined);
      return new CpServerError(operation, res.status, retryAfter());
    case 'badRequest':
      return new CpBadRequestError(operation, res.status, await readErrorCode(res, lifetime));
    case 'unexpected':
      await res.body?.cancel().catch(() => undefined);
      return new CpMalformedResponseError(operation, 'unexpectedStatus');
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}
