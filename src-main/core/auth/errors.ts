import { BluebagError } from '../errors';
import type { ErrorCode } from '../../../src-preload/api';

/**
 * Why a sign-in or token operation failed. Kept as a closed set so callers (sync, the UI) can switch on
 * it instead of parsing messages; the message itself never carries a token, a code or a person's name.
 */
export type AuthErrorReason =
  | 'signInRequired'
  | 'network'
  | 'serverUnavailable'
  | 'protocol'
  | 'cancelled'
  | 'denied'
  | 'stateMismatch'
  | 'timedOut'
  | 'rejected'
  | 'vaultUnreadable'
  | 'vaultWriteFailed'
  | 'badConfiguration';

export class AuthError extends BluebagError {
  constructor(
    code: ErrorCode,
    messageKey: string,
    readonly reason: AuthErrorReason,
    /** True when trying the same thing again later can succeed without the user doing anything. */
    readonly retryable: boolean,
    /**
     * A short, safe hint for diagnostics (an OAuth error code, an errno, an HTTP status). Never the
     * response body: token responses and library errors can embed tokens.
     */
    readonly detail: string | null = null,
  ) {
    super(code, messageKey);
    this.name = 'AuthError';
  }
}

/** No usable session: the user has to sign in (again). Local case data is not touched by this. */
export class SignInRequiredError extends AuthError {
  constructor(detail: string | null = null) {
    super('forbidden', 'errors.signInRequired', 'signInRequired', false, detail);
    this.name = 'SignInRequiredError';
  }
}

/** Common Platform could not be reached (refused, reset, timed out). Tokens are kept; try again later. */
export class AuthNetworkError extends AuthError {
  constructor(timedOut: boolean, detail: string | null = null) {
    super('unavailable', timedOut ? 'errors.cpTimeout' : 'errors.cpOffline', 'network', true, detail);
    this.name = 'AuthNetworkError';
  }
}

/** The authorization server answered, but with a 5xx or 429: transient on its side. */
export class AuthServerUnavailableError extends AuthError {
  constructor(detail: string | null = null) {
    super('unavailable', 'errors.cpServer', 'serverUnavailable', true, detail);
    this.name = 'AuthServerUnavailableError';
  }
}

/** The server's answer broke the protocol (bad metadata, malformed token response, unexpected error). */
export class AuthProtocolError extends AuthError {
  constructor(detail: string | null = null) {
    super('unavailable', 'errors.cpMalformed', 'protocol', false, detail);
    this.name = 'AuthProtocolError';
  }
}

export type SignInFailureReason = 'cancelled' | 'denied' | 'stateMismatch' | 'timedOut' | 'rejected';

const SIGN_IN_FAILURE_KEYS: Record<SignInFailureReason, { code: ErrorCode; messageKey: string }> = {
  cancelled: { code: 'conflict', messageKey: 'errors.signInCancelled' },
  // The user pressed Cancel on the Common Platform page: to them it is the same as cancelling here.
  denied: { code: 'forbidden', messageKey: 'errors.signInCancelled' },
  // Possibly a forged callback (CSRF); the user only needs to know it did not complete.
  stateMismatch: { code: 'forbidden', messageKey: 'errors.signInFailed' },
  timedOut: { code: 'unavailable', messageKey: 'errors.signInTimedOut' },
  // The server refused the authorization code (expired, replayed, PKCE mismatch): start again.
  rejected: { code: 'forbidden', messageKey: 'errors.signInFailed' },
};

/** A browser sign-in that did not finish. */
export class SignInFailedError extends AuthError {
  constructor(
    readonly failure: SignInFailureReason,
    detail: string | null = null,
  ) {
    const { code, messageKey } = SIGN_IN_FAILURE_KEYS[failure];
    super(code, messageKey, failure, false, detail);
    this.name = 'SignInFailedError';
  }
}

/** The token file exists but cannot be decrypted or understood (wrong key, damaged file). */
export class TokenVaultUnreadableError extends AuthError {
  constructor(detail: string | null = null) {
    super('unavailable', 'errors.savedSignInUnreadable', 'vaultUnreadable', false, detail);
    this.name = 'TokenVaultUnreadableError';
  }
}

/** The token file could not be written (disk full, permissions). */
export class TokenVaultWriteError extends AuthError {
  constructor(detail: string | null = null) {
    super('unavailable', 'errors.savedSignInNotWritten', 'vaultWriteFailed', true, detail);
    this.name = 'TokenVaultWriteError';
  }
}

/** The session was set up wrongly by the app (not the user's fault): e.g. plain http to a remote host. */
export class AuthConfigurationError extends AuthError {
  constructor(detail: string) {
    super('internal', 'errors.internal', 'badConfiguration', false, detail);
    this.name = 'AuthConfigurationError';
  }
}
