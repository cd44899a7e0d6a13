import type { ErrorCode } from '../../../src-preload/api';
import { BluebagError } from '../errors';

/**
 * Base of every failure the vault reports. It is a BluebagError so that the contract layer turns it
 * into a translated message (never a path, id or stack) without knowing about the vault.
 */
export class VaultError extends BluebagError {
  constructor(code: ErrorCode, messageKey: string, options?: { cause?: unknown }) {
    super(code, messageKey, options);
    this.name = 'VaultError';
  }
}

/**
 * The bytes on disk are not what the vault wrote: an authentication tag failed (tampering, bit rot,
 * wrong key), the header is not ours, or the blob was truncated. `chunkIndex` is the chunk that failed
 * to verify, when one did; callers typically delete the blob and download it again.
 */
export class VaultCorruptError extends VaultError {
  constructor(
    readonly detail: string,
    readonly chunkIndex: number | null = null,
    options?: { cause?: unknown },
  ) {
    super('unavailable', 'errors.vaultCorrupt', options);
    this.name = 'VaultCorruptError';
  }
}

/** A byte range outside the blob (or malformed): the protocol handler answers 416 to this. */
export class VaultRangeError extends VaultError {
  constructor(options?: { cause?: unknown }) {
    super('invalid_argument', 'errors.vaultRange', options);
    this.name = 'VaultRangeError';
  }
}

/**
 * The disk (or the user's quota) filled up while writing. The partial blob was cut back to its last
 * whole chunk, so reopening the writer later resumes cleanly once space is freed.
 */
export class VaultFullError extends VaultError {
  constructor(options?: { cause?: unknown }) {
    super('unavailable', 'errors.diskFull', options);
    this.name = 'VaultFullError';
  }
}

export class VaultNotFoundError extends VaultError {
  constructor(options?: { cause?: unknown }) {
    super('not_found', 'errors.vaultNotFound', options);
    this.name = 'VaultNotFoundError';
  }
}

/** A blob id that is not a plain file-name-safe token: refused before it can reach a path. */
export class VaultIdError extends VaultError {
  constructor() {
    super('invalid_argument', 'errors.vaultInvalidId');
    this.name = 'VaultIdError';
  }
}

/** A second writer for the same blob would interleave chunks in one file; only one may be open. */
export class VaultBusyError extends VaultError {
  constructor() {
    super('conflict', 'errors.vaultBusy');
    this.name = 'VaultBusyError';
  }
}

/** The writer was already finished, aborted, or stopped by an earlier failure. */
export class VaultWriterClosedError extends VaultError {
  constructor() {
    super('internal', 'errors.vaultWriterClosed');
    this.name = 'VaultWriterClosedError';
  }
}

/** A key that is not 32 bytes would silently weaken or break every blob: refuse it up front. */
export class VaultKeyError extends VaultError {
  constructor() {
    super('internal', 'errors.keyInvalid');
    this.name = 'VaultKeyError';
  }
}

/** Any other file-system failure (permissions, I/O error), kept as the cause for diagnosis. */
export class VaultIoError extends VaultError {
  constructor(options?: { cause?: unknown }) {
    super('unavailable', 'errors.vaultIo', options);
    this.name = 'VaultIoError';
  }
}

function errnoCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code: unknown = error.code;
  return typeof code === 'string' ? code : undefined;
}

export function isErrno(error: unknown, ...codes: string[]): boolean {
  const code = errnoCode(error);
  return code !== undefined && codes.includes(code);
}

/** Maps a raw fs failure to the vault's typed errors; vault errors pass through unchanged. */
export function toVaultError(error: unknown): VaultError {
  if (error instanceof VaultError) return error;
  if (isErrno(error, 'ENOSPC', 'EDQUOT')) return new VaultFullError({ cause: error });
  if (isErrno(error, 'ENOENT')) return new VaultNotFoundError({ cause: error });
  return new VaultIoError({ cause: error });
}
