import { createHash, type Hash } from 'node:crypto';
import { readFully, writeFully, type BlobFile } from './blob-file';
import { CHUNK_STRIDE, HEADER_BYTES, chunkOffset, newHeader, parseHeader, wholeChunksIn, type BlobHeader } from './blob-format';
import { ChunkCipher } from './chunk-cipher';
import { VaultCorruptError } from './vault-errors';

/** Chunks verified per read while resuming: ~1 MiB reads keep the disk streaming. */
const RECOVERY_BATCH_CHUNKS = 16;

export interface WriteStart {
  header: BlobHeader;
  cipher: ChunkCipher;
  /** Whole chunks already on disk and verified; the next chunk written gets this index. */
  chunks: number;
  /** SHA-256 state over exactly those chunks' plaintext. */
  hash: Hash;
  resumed: boolean;
}

/**
 * Starts a partial file from nothing: empties it and writes a fresh header (with a fresh salt).
 * `empty` says the file was just created or truncated by its open, so the truncate is skipped.
 */
export async function startFresh(file: BlobFile, vaultKey: Buffer, id: string, options: { empty?: boolean } = {}): Promise<WriteStart> {
  if (options.empty !== true) await file.truncate(0);
  const header = newHeader();
  await writeFully(file, [header.bytes], 0);
  return { header, cipher: new ChunkCipher(vaultKey, header, id), chunks: 0, hash: createHash('sha256'), resumed: false };
}

/**
 * Picks up a partial file left by a writer that never finished (killed, crashed, disk full).
 *
 * Every chunk is verified from the start rather than only the last few from the end: after a power
 * cut some file systems keep the file length but leave unsynced blocks zeroed anywhere after the last
 * fsync, so a good last chunk proves nothing about the ones before it. Reading forward also rebuilds
 * the SHA-256 of the verified prefix, so finish() can return the hash without reading the file again.
 * The cost is one sequential decrypt of the partial (well under a second for 400 MB), paid only on resume.
 *
 * The file is cut back to the first chunk that does not verify, so what remains is exactly the
 * verified, chunk-aligned prefix. A header that is not ours means nothing is usable: start fresh.
 */
export async function resumePartial(file: BlobFile, vaultKey: Buffer, id: string): Promise<WriteStart> {
  const { size } = await file.stat();
  if (size < HEADER_BYTES) return startFresh(file, vaultKey, id);
  let header: BlobHeader;
  try {
    header = parseHeader(await readFully(file, 0, HEADER_BYTES));
  } catch (error) {
    if (error instanceof VaultCorruptError) return startFresh(file, vaultKey, id);
    throw error;
  }
  const cipher = new ChunkCipher(vaultKey, header, id);
  const hash = createHash('sha256');
  const present = wholeChunksIn(size);
  let verified = 0;
  scan: while (verified < present) {
    const count = Math.min(RECOVERY_BATCH_CHUNKS, present - verified);
    const data = await readFully(file, chunkOffset(verified), count * CHUNK_STRIDE);
    for (let i = 0; i < count; i++) {
      const sealed = data.subarray(i * CHUNK_STRIDE, (i + 1) * CHUNK_STRIDE);
      if (sealed.length < CHUNK_STRIDE) break scan;
      try {
        hash.update(cipher.open(verified, sealed, false));
      } catch (error) {
        if (error instanceof VaultCorruptError) break scan;
        throw error;
      }
      verified++;
    }
  }
  if (chunkOffset(verified) !== size) await file.truncate(chunkOffset(verified));
  return { header, cipher, chunks: verified, hash, resumed: true };
}
