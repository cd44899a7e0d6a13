import { createHash, randomBytes } from 'node:crypto';
import { VaultCorruptError, VaultIdError } from './vault-errors';

/**
 * On-disk layout of one blob file (format version 1):
 *
 *   header  32 bytes: magic "BLUEBAGV" | version u16 BE | reserved u16 (0) | chunk size u32 BE | salt 16 bytes
 *   chunk*  nonce 12 bytes | AES-256-GCM ciphertext (chunk size bytes) | tag 16 bytes   — every chunk but the last
 *   final   nonce 12 bytes | ciphertext (0 .. chunk size - 1 bytes)    | tag 16 bytes   — always present
 *
 * The final chunk is always shorter than a full chunk (it is empty when the size is a multiple of the
 * chunk size), so the plaintext size follows from the file length alone, and a file cut at a chunk
 * boundary has no final chunk and is rejected without decrypting anything.
 */
export const VAULT_CHUNK_SIZE = 64 * 1024;
export const HEADER_BYTES = 32;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
export const SALT_BYTES = 16;
export const CHUNK_OVERHEAD = NONCE_BYTES + TAG_BYTES;
/** Bytes one full chunk takes on disk. */
export const CHUNK_STRIDE = VAULT_CHUNK_SIZE + CHUNK_OVERHEAD;
export const FORMAT_VERSION = 1;
/** The chunk index is a u32 in the AAD; 2^32 chunks of 64 KiB is far beyond any court bundle. */
export const MAX_CHUNKS = 0xffff_ffff;

const MAGIC = Buffer.from('BLUEBAGV', 'ascii');

export interface BlobHeader {
  /** The exact header bytes: they are authenticated as part of every chunk's AAD. */
  bytes: Buffer;
  salt: Buffer;
}

export function newHeader(): BlobHeader {
  const salt = randomBytes(SALT_BYTES);
  const bytes = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(bytes, 0);
  bytes.writeUInt16BE(FORMAT_VERSION, 8);
  bytes.writeUInt16BE(0, 10);
  bytes.writeUInt32BE(VAULT_CHUNK_SIZE, 12);
  salt.copy(bytes, 16);
  return { bytes, salt };
}

export function parseHeader(bytes: Buffer): BlobHeader {
  if (bytes.length < HEADER_BYTES) throw new VaultCorruptError('header truncated');
  if (!bytes.subarray(0, 8).equals(MAGIC)) throw new VaultCorruptError('not a vault blob');
  const version = bytes.readUInt16BE(8);
  // A newer format could be readable by a newer app; guessing at it here could return wrong bytes.
  if (version !== FORMAT_VERSION) throw new VaultCorruptError(`unsupported format version ${version}`);
  if (bytes.readUInt16BE(10) !== 0) throw new VaultCorruptError('reserved header bits set');
  if (bytes.readUInt32BE(12) !== VAULT_CHUNK_SIZE) throw new VaultCorruptError('unexpected chunk size');
  const copy = Buffer.from(bytes.subarray(0, HEADER_BYTES));
  return { bytes: copy, salt: copy.subarray(16, 32) };
}

/** Where chunk `index` starts in the file. */
export function chunkOffset(index: number): number {
  return HEADER_BYTES + index * CHUNK_STRIDE;
}

export interface FinishedLayout {
  /** Plaintext bytes in the blob. */
  size: number;
  /** Index of the final (short) chunk; there are finalIndex full chunks before it. */
  finalIndex: number;
  /** Plaintext bytes in the final chunk. */
  finalPlainBytes: number;
}

/**
 * Whole sealed chunks a partial file of this length holds (a torn last one does not count): the most a
 * resume can keep, before each is verified.
 */
export function wholeChunksIn(fileBytes: number): number {
  return Math.max(0, Math.floor((fileBytes - HEADER_BYTES) / CHUNK_STRIDE));
}

/** Plaintext size of a finished blob from its file length; throws when the length cannot be one. */
export function finishedLayout(fileBytes: number): FinishedLayout {
  const body = fileBytes - HEADER_BYTES;
  if (body < CHUNK_OVERHEAD) throw new VaultCorruptError('truncated: no final chunk');
  const finalIndex = Math.floor(body / CHUNK_STRIDE);
  const tail = body % CHUNK_STRIDE;
  if (tail < CHUNK_OVERHEAD) throw new VaultCorruptError('truncated: no final chunk');
  const finalPlainBytes = tail - CHUNK_OVERHEAD;
  return { size: finalIndex * VAULT_CHUNK_SIZE + finalPlainBytes, finalIndex, finalPlainBytes };
}

// Ids become part of a file name, so anything that could climb out of the folder (/, \, ..) never
// gets past this: the allowed alphabet has no separators at all.
const BLOB_ID = /^[A-Za-z0-9._-]{1,128}$/;

export function assertBlobId(id: string): void {
  if (!BLOB_ID.test(id)) throw new VaultIdError();
}

/**
 * File stem for a blob id. A hash rather than the id itself because macOS and Windows file systems
 * are case-insensitive (ids "AB" and "ab" would share one file) and Windows reserves names like
 * "CON" or trailing dots; a fixed-width hex name sidesteps all of that. The id itself is still bound
 * into every chunk, so two ids can never read each other's bytes even if a file were renamed.
 */
export function fileStem(id: string): string {
  return createHash('sha256').update('bluebag/vault/file-name/v1\0').update(id, 'utf8').digest('hex').slice(0, 40);
}

export const FINISHED_SUFFIX = '.blob';
export const PARTIAL_SUFFIX = '.part';
