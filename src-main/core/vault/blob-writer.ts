import { type Hash } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import { writeFully, type BlobFile } from './blob-file';
import { MAX_CHUNKS, VAULT_CHUNK_SIZE, chunkOffset } from './blob-format';
import { type ChunkCipher } from './chunk-cipher';
import { syncDirectory } from './directory-sync';
import { toVaultError, VaultFullError, VaultWriterClosedError, type VaultError } from './vault-errors';
import { type WriteStart } from './partial-recovery';
import { releaseBuffer } from './release-buffer';

export interface BlobWriter {
  /**
   * Plaintext bytes in whole chunks handed to the OS so far — always a multiple of VAULT_CHUNK_SIZE.
   * They survive the process being killed; after a power cut everything up to the last periodic sync
   * survives, and a resume re-verifies the rest. On open it is where the caller resumes its download.
   */
  readonly committedBytes: number;
  /**
   * Buffers to whole chunks, encrypts and appends them. Resolves once every whole chunk completed by
   * this call is written (that is the backpressure: await it before sending more). Calls may be issued
   * before the previous one resolved: they run in order.
   */
  write(data: Uint8Array, options?: WriteOptions): Promise<void>;
  /**
   * Writes the final chunk, fsyncs the file, renames it into place and fsyncs the folder. The SHA-256
   * is always computed incrementally: on a resumed write it was rebuilt while verifying the partial
   * file at open, so finish never reads the file back.
   */
  finish(): Promise<{ size: number; sha256: string }>;
  /** Forgets everything written, including what earlier runs wrote for this id. No effect once finished or closed. */
  abort(): Promise<void>;
  /**
   * Stops writing but keeps the partial blob, as a network failure should: the next openWriter
   * resumes from committedBytes. Bytes of an unfinished chunk are dropped, exactly as after a crash.
   * A writer that is simply dropped is closed the same way when its id is next opened.
   */
  close(): Promise<void>;
}

export interface WriteOptions {
  /**
   * The caller gives the buffer away — `data.buffer`, all of it, not only the bytes `data` covers: a
   * writer in the writer thread may move it there instead of copying it, leaving it detached (length
   * 0) here. Never set it for a buffer you still need, nor for a view into a shared one (Node's pool).
   */
  transfer?: boolean;
  /** With `transfer`: called with the same bytes' buffer once the thread is done with it, to be refilled. */
  recycle?: (buffer: Uint8Array) => void;
}

export interface WriterPaths {
  partial: string;
  finished: string;
  dir: string;
}

export interface WriterOptions {
  /** fdatasync after this many new bytes, so a power cut loses at most this much of a long download. */
  syncIntervalBytes: number;
  /** Called once the writer is finished, aborted or closed, so the vault forgets it. */
  onClose: () => void;
}

/** Sealed ciphertext is flushed once this much piles up inside one write() call, bounding memory. */
const MAX_PENDING_BYTES = 4 * 1024 * 1024;

type WriterState = { kind: 'open' } | { kind: 'closed' } | { kind: 'failed'; error: VaultError };

export class VaultBlobWriter implements BlobWriter {
  readonly #file: BlobFile;
  readonly #cipher: ChunkCipher;
  readonly #hash: Hash;
  readonly #paths: WriterPaths;
  readonly #options: WriterOptions;
  /** The chunk being filled; its bytes are not yet encrypted, so a crash forgets them. */
  readonly #chunk = Buffer.allocUnsafe(VAULT_CHUNK_SIZE);
  #fill = 0;
  #chunks: number;
  #pending: Buffer[] = [];
  #pendingChunks = 0;
  #pendingBytes = 0;
  /** The pending batch ends with the final chunk, which never counts towards committedBytes. */
  #pendingFinal = false;
  #unsyncedBytes = 0;
  /** The periodic fdatasync runs while the next chunks are encrypted; at most one is in flight. */
  #syncing: Promise<void> | null = null;
  #syncError: unknown = null;
  #state: WriterState = { kind: 'open' };
  /** Serialises write/finish/abort: an un-awaited write() must not interleave with the next call. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(file: BlobFile, start: WriteStart, paths: WriterPaths, options: WriterOptions) {
    this.#file = file;
    this.#cipher = start.cipher;
    this.#hash = start.hash;
    this.#chunks = start.chunks;
    this.#paths = paths;
    this.#options = options;
  }

  get committedBytes(): number {
    return this.#chunks * VAULT_CHUNK_SIZE;
  }

  write(data: Uint8Array, _options?: WriteOptions): Promise<void> {
    return this.#serialise(async () => {
      this.#assertOpen();
      try {
        await this.#append(data);
      } catch (error) {
        throw await this.#fail(error);
      }
    });
  }

  finish(): Promise<{ size: number; sha256: string }> {
    return this.#serialise(async () => {
      this.#assertOpen();
      try {
        const finalPlain = this.#chunk.subarray(0, this.#fill);
        this.#seal(finalPlain, true);
        const size = (this.#chunks + this.#pendingChunks - 1) * VAULT_CHUNK_SIZE + finalPlain.length;
        await this.#flush();
        await this.#settleSync();
        // The file's data and length must be durable before the name says "finished", or a power cut
        // could leave a finished-looking blob with holes.
        await this.#file.sync();
        await this.#file.close();
        await rename(this.#paths.partial, this.#paths.finished);
        await syncDirectory(this.#paths.dir);
        this.#close();
        return { size, sha256: this.#hash.digest('hex') };
      } catch (error) {
        throw await this.#fail(error);
      }
    });
  }

  abort(): Promise<void> {
    return this.#serialise(async () => {
      // Once closed (finished, closed, or superseded by a newer writer) the partial file may belong
      // to someone else, so abort must not touch it.
      if (this.#state.kind === 'closed') return;
      try {
        if (this.#state.kind === 'open') {
          await this.#syncing;
          await this.#file.close();
        }
        await rm(this.#paths.partial, { force: true });
      } catch (error) {
        throw toVaultError(error);
      } finally {
        // Only now may the vault hand the id to a new writer: its partial must not be the one removed.
        this.#close();
      }
    });
  }

  close(): Promise<void> {
    return this.#serialise(async () => {
      try {
        if (this.#state.kind === 'open') {
          await this.#syncing;
          await this.#file.close();
        }
      } catch (error) {
        throw toVaultError(error);
      } finally {
        this.#close();
      }
    });
  }

  async #append(data: Uint8Array): Promise<void> {
    let at = 0;
    while (at < data.length) {
      if (this.#fill === 0 && data.length - at >= VAULT_CHUNK_SIZE) {
        // Whole chunks straight from the caller's buffer: no copy into the staging chunk.
        this.#seal(data.subarray(at, at + VAULT_CHUNK_SIZE), false);
        at += VAULT_CHUNK_SIZE;
      } else {
        const take = Math.min(VAULT_CHUNK_SIZE - this.#fill, data.length - at);
        this.#chunk.set(data.subarray(at, at + take), this.#fill);
        this.#fill += take;
        at += take;
        if (this.#fill === VAULT_CHUNK_SIZE) {
          this.#seal(this.#chunk, false);
          this.#fill = 0;
        }
      }
      if (this.#pendingBytes >= MAX_PENDING_BYTES) await this.#flush();
    }
    await this.#flush();
  }

  #seal(plain: Uint8Array, final: boolean): void {
    const index = this.#chunks + this.#pendingChunks;
    // 2^32 chunks (256 TiB) cannot happen for a court document; treat it as running out of room.
    if (index >= MAX_CHUNKS) throw new VaultFullError();
    // Both consume `plain` synchronously, so the staging chunk can be refilled right after.
    this.#hash.update(plain);
    const pieces = this.#cipher.seal(index, plain, final);
    for (const piece of pieces) this.#pendingBytes += piece.length;
    this.#pending.push(...pieces);
    this.#pendingChunks++;
    this.#pendingFinal = final;
  }

  async #flush(): Promise<void> {
    if (this.#pendingChunks === 0) return;
    const bytes = this.#pendingBytes;
    const written = this.#pending;
    await writeFully(this.#file, written, chunkOffset(this.#chunks));
    // Written, so nothing refers to the ciphertext any more: its memory goes back now (release-buffer.ts).
    for (const piece of written) releaseBuffer(piece);
    this.#chunks += this.#pendingChunks - (this.#pendingFinal ? 1 : 0);
    this.#pending = [];
    this.#pendingFinal = false;
    this.#pendingChunks = 0;
    this.#pendingBytes = 0;
    this.#unsyncedBytes += bytes;
    if (this.#unsyncedBytes >= this.#options.syncIntervalBytes) {
      // Waiting for each sync before writing on would leave the CPU idle while the disk flushes (about a
      // quarter of the write speed on the 2-core test machine); overlapping them keeps both busy.
      await this.#settleSync();
      this.#unsyncedBytes = 0;
      this.#syncing = this.#file.datasync().then(
        () => undefined,
        (error: unknown) => {
          this.#syncError = error;
        },
      );
    }
  }

  /** Waits for the periodic sync in flight, if any, and reports its failure. */
  async #settleSync(): Promise<void> {
    if (this.#syncing) await this.#syncing;
    this.#syncing = null;
    if (this.#syncError !== null) throw this.#syncError;
  }

  /**
   * After any failure the writer stops for good. A write that failed half-way may have left part of a
   * chunk on disk; cutting the file back to the last whole chunk keeps the partial consistent (a
   * resume would also discard it, but a clean file is cheaper to resume). Shrinking needs no space,
   * so this works on a full disk.
   */
  async #fail(error: unknown): Promise<VaultError> {
    const typed = toVaultError(error);
    if (this.#state.kind !== 'open') return typed;
    // The id stays taken until close() or abort() (or a newer openWriter, which closes this one), so
    // a late abort() here can never delete a newer writer's partial file.
    this.#state = { kind: 'failed', error: typed };
    await this.#syncing;
    try {
      await this.#file.truncate(chunkOffset(this.#chunks));
    } catch {
      // Best effort only: resume verifies every chunk and cuts a torn tail itself.
    }
    try {
      await this.#file.close();
    } catch {
      // Already closed by finish() before its rename failed; the failure being reported is `typed`.
    }
    return typed;
  }

  #assertOpen(): void {
    if (this.#state.kind === 'failed') throw this.#state.error;
    if (this.#state.kind === 'closed') throw new VaultWriterClosedError();
  }

  #close(): void {
    if (this.#state.kind === 'closed') return;
    this.#state = { kind: 'closed' };
    this.#options.onClose();
  }

  #serialise<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}
