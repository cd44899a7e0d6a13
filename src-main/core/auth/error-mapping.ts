import * as oauth from 'oauth4webapi';
import { AuthError, AuthNetworkError, AuthProtocolError, AuthServerUnavailableError } from './errors';

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === 'TimeoutError';
}

/** The errno of a failed fetch (undici puts it on `cause`), safe to keep for diagnostics. */
function networkDetail(error: unknown): string {
  if (error instanceof Error && typeof error.cause === 'object' && error.cause !== null && 'code' in error.cause && typeof error.cause.code === 'string') {
    return error.cause.code;
  }
  return errorName(error);
}

/** A failure of the transport itself (fetch rejected): connection refused or reset, DNS, our timeout. */
export function toNetworkError(error: unknown): AuthNetworkError {
  return new AuthNetworkError(isTimeout(error), networkDetail(error));
}

function isTransientStatus(status: number): boolean {
  return status >= 500 || status === 429;
}

/**
 * Turns whatever oauth4webapi (or our fetch wrapper) threw into an AuthError. The library's own errors
 * are never passed on as `cause`: they can hold the parsed response body, which for a token response
 * means the tokens themselves.
 */
export function toAuthError(error: unknown): AuthError {
  if (error instanceof AuthError) return error;
  if (error instanceof oauth.ResponseBodyError) {
    if (isTransientStatus(error.status)) return new AuthServerUnavailableError(`oauth:${error.error}`);
    return new AuthProtocolError(`oauth:${error.error}`);
  }
  if (error instanceof oauth.WWWAuthenticateChallengeError) return new AuthProtocolError(`challenge:${String(error.status)}`);
  if (error instanceof oauth.OperationProcessingError) {
    const cause: unknown = error.cause;
    if (cause instanceof Response && isTransientStatus(cause.status)) return new AuthServerUnavailableError(`http:${String(cause.status)}`);
    // A body that stopped half-way (socket closed, our timeout) surfaces as a JSON parse failure whose
    // cause is the transport error rather than a SyntaxError.
    if (error.code === oauth.PARSE_ERROR && cause instanceof Error && !(cause instanceof SyntaxError)) return toNetworkError(cause);
    return new AuthProtocolError(error.code ?? 'processing');
  }
  return new AuthProtocolError(errorName(error));
}
