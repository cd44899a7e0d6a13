import { AuthError, SignInRequiredError } from '../auth';
import { BluebagError } from '../errors';
import { CpError, CpRateLimitedError, CpServerError } from '../cp';
import { VaultError, VaultFullError, VaultIoError } from '../vault';
import type { ClassifiedFailure } from './sync-source';

/**
 * How sync treats each failure, from the typed errors of the CP client, the auth session and the vault.
 * Exhaustive over CP's error kinds: a new kind will not compile until someone decides what it means here.
 */
export function classifyFailure(error: unknown): ClassifiedFailure {
  if (error instanceof CpError) {
    const messageKey = error.messageKey;
    switch (error.kind) {
      case 'offline':
        return { failure: { kind: 'offline' }, messageKey };
      case 'rateLimited':
      case 'server': {
        const retryAfterMs = error instanceof CpRateLimitedError || error instanceof CpServerError ? error.retryAfterMs : null;
        return { failure: retryAfterMs === null ? { kind: 'retry' } : { kind: 'wait', ms: retryAfterMs }, messageKey };
      }
      case 'timeout':
      case 'malformed':
        return { failure: { kind: 'retry' }, messageKey };
      case 'rangeNotSatisfiable':
        return { failure: { kind: 'restart' }, messageKey };
      case 'unauthorized':
        return { failure: { kind: 'signInRequired' }, messageKey: 'errors.signInRequired' };
      case 'forbidden':
      case 'notFound':
      case 'refused':
      case 'badRequest':
        return { failure: { kind: 'fatal' }, messageKey };
    }
  }
  if (error instanceof SignInRequiredError) return { failure: { kind: 'signInRequired' }, messageKey: error.messageKey };
  if (error instanceof AuthError) {
    return { failure: error.retryable ? { kind: 'retry' } : { kind: 'signInRequired' }, messageKey: error.messageKey };
  }
  if (error instanceof VaultFullError) return { failure: { kind: 'diskFull' }, messageKey: error.messageKey };
  if (error instanceof VaultIoError) return { failure: { kind: 'retry' }, messageKey: error.messageKey };
  if (error instanceof VaultError) return { failure: { kind: 'restart' }, messageKey: error.messageKey };
  if (isDiskFull(error)) return { failure: { kind: 'diskFull' }, messageKey: 'errors.diskFull' };
  if (error instanceof BluebagError) return { failure: { kind: 'retry' }, messageKey: error.messageKey };
  // Unknown (a bug, a SQLite error): back this item off rather than stall everything.
  return { failure: { kind: 'retry' }, messageKey: 'errors.internal' };
}

/** ENOSPC from the file system, or SQLITE_FULL from the database (better-sqlite3's SqliteError code). */
function isDiskFull(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = (error as { code: unknown }).code;
  return code === 'ENOSPC' || code === 'SQLITE_FULL';
}
