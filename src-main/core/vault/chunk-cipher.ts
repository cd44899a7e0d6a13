import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { CHUNK_OVERHEAD, NONCE_BYTES, TAG_BYTES, type BlobHeader } from './blob-format';
import { VaultCorruptError } from './vault-errors';

const ALGORITHM = 'aes-256-gcm';
/** 16 nonces = one 1 MiB write batch of chunks. */
const NONCES_PER_DRAW = 16;

/**
 * Seals and opens the chunks of one blob.
 *
 * Key: HKDF-SHA256(vault key, salt = the blob's random header salt, info = purpose ‖ blob id), so every
 * blob has its own key and a blob's bytes cannot be replayed under another id.
 *
 * Nonce: 12 random bytes stored in front of each chunk. A counter nonce (prefix ‖ index) would be
 * reused when a resumed write re-encrypts a chunk index whose earlier ciphertext (a torn tail, or a
 * chunk that never reached the platter) may still be on disk with different plaintext; with GCM that
 * leaks the XOR of the plaintexts and the authentication key. Random nonces cost 12 bytes per 64 KiB
 * and make a rewrite harmless; with one key per blob the random-nonce limit (2^32 messages) is
 * unreachable.
 *
 * AAD: header ‖ chunk index u32 BE ‖ final flag ‖ blob id. Chunks therefore cannot be reordered,
 * moved to another blob, or promoted to "final" to hide a truncation, and the header cannot be edited.
 */
export class ChunkCipher {
  readonly #key: Buffer;
  readonly #aad: Buffer;
  readonly #indexAt: number;
  /**
   * Random bytes for the next nonces, drawn NONCES_PER_DRAW at a time: one call into the CSPRNG per
   * chunk cost as much as a fifth of the AES work. Each draw is a new buffer, never refilled, because
   * the nonces handed out are views into it that may still be waiting to be written.
   */
  #nonces: Buffer = Buffer.alloc(0);
  #nonceAt = 0;

  constructor(vaultKey: Buffer, header: BlobHeader, id: string) {
    const info = Buffer.concat([Buffer.from('bluebag/vault/blob-key/v1\0', 'ascii'), Buffer.from(id, 'utf8')]);
    this.#key = Buffer.from(hkdfSync('sha256', vaultKey, header.salt, info, 32));
    const idBytes = Buffer.from(id, 'utf8');
    this.#indexAt = header.bytes.length;
    this.#aad = Buffer.concat([header.bytes, Buffer.alloc(5), idBytes]);
  }

  /** Returns the on-disk pieces (nonce, ciphertext, tag) so the writer can hand them to writev as-is. */
  seal(index: number, plain: Uint8Array, final: boolean): Buffer[] {
    const nonce = this.#nextNonce();
    const cipher = createCipheriv(ALGORITHM, this.#key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(this.#aadFor(index, final));
    const body = cipher.update(plain);
    const rest = cipher.final();
    const pieces = rest.length > 0 ? [nonce, body, rest] : [nonce, body];
    pieces.push(cipher.getAuthTag());
    return pieces;
  }

  /** Decrypts one on-disk chunk (nonce ‖ ciphertext ‖ tag); throws VaultCorruptError unless it authenticates. */
  open(index: number, sealed: Buffer, final: boolean): Buffer {
    if (sealed.length < CHUNK_OVERHEAD) throw new VaultCorruptError('chunk truncated', index);
    const nonce = sealed.subarray(0, NONCE_BYTES);
    const tag = sealed.subarray(sealed.length - TAG_BYTES);
    const decipher = createDecipheriv(ALGORITHM, this.#key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(this.#aadFor(index, final));
    decipher.setAuthTag(tag);
    const plain = decipher.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES));
    try {
      // Nothing decrypted is released before this check: GCM's update() output is unauthenticated.
      const rest = decipher.final();
      return rest.length > 0 ? Buffer.concat([plain, rest]) : plain;
    } catch (error) {
      throw new VaultCorruptError('authentication failed', index, { cause: error });
    }
  }

  #nextNonce(): Buffer {
    if (this.#nonceAt + NONCE_BYTES > this.#nonces.length) {
      this.#nonces = randomBytes(NONCE_BYTES * NONCES_PER_DRAW);
      this.#nonceAt = 0;
    }
    const nonce = this.#nonces.subarray(this.#nonceAt, this.#nonceAt + NONCE_BYTES);
    this.#nonceAt += NONCE_BYTES;
    return nonce;
  }

  #aadFor(index: number, final: boolean): Buffer {
    // The AAD buffer is reused: createCipheriv/setAAD consume it synchronously.
    this.#aad.writeUInt32BE(index, this.#indexAt);
    this.#aad.writeUInt8(final ? 1 : 0, this.#indexAt + 4);
    return this.#aad;
  }
}
