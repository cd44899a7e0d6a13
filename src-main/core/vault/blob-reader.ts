import { open, type FileHandle } from 'node:fs/promises';
import { readFully } from './blob-file';
import { CHUNK_STRIDE, HEADER_BYTES, VAULT_CHUNK_SIZE, chunkOffset, finishedLayout, parseHeader, type FinishedLayout } from './blob-format';
import { ChunkCipher } from './chunk-cipher';
import { toVaultError, VaultCorruptError, VaultRangeError } from './vault-errors';

/** ~1 MiB per read: large enough to stream a whole file fast, small enough to keep memory flat. */
const READ_BATCH_CHUNKS = 16;

/**
 * Files whose final chunk has already been verified, keyed by file identity (inode, length, mtime).
 * Remembering it lets range reads in the middle of a blob still reject a truncated file without
 * paying for a second decrypt on every request.
 */
export interface VerifiedTails {
  has(identity: string): boolean;
  add(identity: string): void;
}

export interface PlainRange {
  /** First plaintext byte. */
  start: number;
  /** One past the last plaintext byte; equal to start only for an empty blob read whole. */
  end: number;
}

/**
 * Streams plaintext [start, end) of a finished blob, decrypting only the chunks it touches. Each
 * chunk is authenticated before any of its bytes are yielded.
 */
export async function* streamPlaintext(
  path: string,
  vaultKey: Buffer,
  id: string,
  range: PlainRange,
  tails: VerifiedTails,
): AsyncGenerator<Buffer, void, undefined> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw toVaultError(error);
  }
  try {
    // Layout comes from the handle, not an earlier stat, so a blob replaced in between is read consistently.
    const stat = await handle.stat();
    const layout = finishedLayout(stat.size);
    if (range.end > layout.size || range.start > range.end || (range.start === range.end && layout.size !== 0)) {
      throw new VaultRangeError();
    }
    const header = parseHeader(await readFully(handle, 0, HEADER_BYTES));
    const cipher = new ChunkCipher(vaultKey, header, id);
    const first = Math.floor(range.start / VAULT_CHUNK_SIZE);
    const last = range.end === range.start ? first : Math.floor((range.end - 1) / VAULT_CHUNK_SIZE);

    const identity = `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}`;
    if (last < layout.finalIndex && !tails.has(identity)) {
      await readChunks(handle, cipher, layout, layout.finalIndex, layout.finalIndex).next();
      tails.add(identity);
    }
    for await (const { index, plain } of readChunks(handle, cipher, layout, first, last)) {
      const base = index * VAULT_CHUNK_SIZE;
      const from = Math.max(range.start - base, 0);
      const to = Math.min(range.end - base, plain.length);
      if (to > from) yield from === 0 && to === plain.length ? plain : plain.subarray(from, to);
    }
    if (last === layout.finalIndex) tails.add(identity);
  } catch (error) {
    throw toVaultError(error);
  } finally {
    await handle.close();
  }
}

async function* readChunks(
  handle: FileHandle,
  cipher: ChunkCipher,
  layout: FinishedLayout,
  first: number,
  last: number,
): AsyncGenerator<{ index: number; plain: Buffer }, void, undefined> {
  const fileEnd = chunkOffset(layout.finalIndex) + layout.finalPlainBytes + CHUNK_STRIDE - VAULT_CHUNK_SIZE;
  for (let batch = first; batch <= last; batch += READ_BATCH_CHUNKS) {
    const batchLast = Math.min(batch + READ_BATCH_CHUNKS - 1, last);
    const from = chunkOffset(batch);
    const to = Math.min(chunkOffset(batchLast + 1), fileEnd);
    const data = await readFully(handle, from, to - from);
    if (data.length !== to - from) throw new VaultCorruptError('truncated while reading', batchLast);
    for (let index = batch; index <= batchLast; index++) {
      const at = chunkOffset(index) - from;
      const sealed = data.subarray(at, Math.min(at + CHUNK_STRIDE, data.length));
      yield { index, plain: cipher.open(index, sealed, index === layout.finalIndex) };
    }
  }
}
