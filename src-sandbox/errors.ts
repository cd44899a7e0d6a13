/**
 * Typed errors that handlers throw; the dispatcher turns them into answers.
 * ApiError → CP-style `{ errorCode, message }`; OAuthError → RFC 6749 `{ error, error_description }`.
 */

export class ApiError extends Error {
  readonly status: number;
  readonly errorCode: string;
  readonly extra: Readonly<Record<string, unknown>>;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, errorCode: string, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.errorCode = errorCode;
    this.extra = extra;
    this.headers = headers;
  }
}

export type OAuthErrorCode = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unauthorized_client' | 'unsupported_grant_type' | 'invalid_scope';

export class OAuthError extends Error {
  readonly status: number;
  readonly error: OAuthErrorCode;
  readonly headers: Readonly<Record<string, string>>;

  constructor(error: OAuthErrorCode, description: string, status = 400, headers: Record<string, string> = {}) {
    super(description);
    this.name = 'OAuthError';
    this.error = error;
    this.status = status;
    this.headers = headers;
  }
}

export const notFound = (what: string): ApiError => new ApiError(404, 'NOT_FOUND', `${what} not found`);
export const badRequest = (message: string, extra: Record<string, unknown> = {}): ApiError => new ApiError(400, 'BAD_REQUEST', message, extra);
