import { hkdfSync } from 'node:crypto';
import { BluebagError } from '../errors';

/**
 * Where the one master key of a data folder comes from: Electron's safeStorage in the desktop app (the
 * OS keychain / DPAPI / libsecret), a 0600 key file in browser mode and tests. Everything encrypted at
 * rest uses a subkey derived from it for its own purpose, so no two stores share a key.
 */
export interface KeyProvider {
  masterKey(): Promise<Buffer>;
}

/** outboxVault: documents waiting to be served, kept apart from the cache's vault (sign-out may wipe that). */
export type KeyPurpose = 'database' | 'vault' | 'tokens' | 'outboxVault';

export const MASTER_KEY_BYTES = 32;

export function deriveKey(master: Buffer, purpose: KeyPurpose): Buffer {
  if (master.length !== MASTER_KEY_BYTES) throw new KeyUnavailableError('errors.keyInvalid');
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `bluebag/${purpose}/v1`, 32));
}

/** The key cannot be had (no safe OS store, unreadable key file): refuse rather than store in plaintext. */
export class KeyUnavailableError extends BluebagError {
  constructor(messageKey: string, options?: { cause?: unknown }) {
    super('unavailable', messageKey, options);
    this.name = 'KeyUnavailableError';
  }
}
