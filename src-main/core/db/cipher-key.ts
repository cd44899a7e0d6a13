import type { Database } from './sqlite';

/**
 * Keys a connection to the encrypted cache: SQLCipher v4 format with a raw 256-bit key. Every
 * connection to the file goes through here (main's, the salvage of a damaged file, the checkpoint
 * thread's), so they can never disagree on the cipher.
 */
export function applyKey(db: Database, key: Buffer): void {
  if (key.length !== 32) throw new Error('database key must be 32 bytes');
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  // A raw key (x'…') skips the passphrase KDF: the key is already 256 random bits.
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}
