import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { openBlobFile, type OpenBlobFile } from './blob-file';
import { FINISHED_SUFFIX, PARTIAL_SUFFIX, assertBlobId, fileStem, finishedLayout } from './blob-format';
import { streamPlaintext, type VerifiedTails } from './blob-reader';
import { type BlobWriter, type WriterPaths } from './blob-writer';
import { ThreadBlobWriter } from './thread-blob-writer';
import { isErrno, toVaultError, VaultBusyError, VaultKeyError, VaultNotFoundError, VaultRangeError } from './vault-errors';
import { openVaultBlobWriter } from './writer-open';
import { WriterThread, WriterThreadUnavailableError } from './writer-thread';

export interface VaultOptions {
  /** fdatasync a long write every this many bytes (default 8 MiB): bounds what a power cut can lose. */
  syncIntervalBytes?: number;
  /**
   * Opens partial files for writing, on the calling thread. A seam for fault injection in tests (e.g.
   * a disk that fills up); setting it implies `writers: 'inline'`.
   */
  openFile?: OpenBlobFile;
  /**
   * Where writers hash, seal and write: 'thread' (the default) in the vault's writer thread, so none of
   * it blocks the caller's event loop; 'inline' on the calling thread. A build without the worker
   * entry falls back to inline by itself.
   */
  writers?: 'thread' | 'inline';
  /**
   * Tests only, thread writers: a module (file URL) whose `createOpenFile(openFileConfig)` is the
   * writer thread's file opener, to inject failures where the writing happens.
   */
  threadOpenFile?: { module: string; config?: unknown };
}

const DEFAULT_SYNC_INTERVAL = 8 * 1024 * 1024;
const MAX_REMEMBERED_TAILS = 4096;

/**
 * The encrypted document store: one file per blob in `dir`, chunked so any byte range decrypts on its
 * own (see blob-format.ts for the layout and chunk-cipher.ts for the cryptography). One Vault per
 * folder per process: it is what keeps two writers off the same blob.
 */
export class Vault {
  readonly #dir: string;
  readonly #key: Buffer;
  readonly #syncIntervalBytes: number;
  readonly #openFile: OpenBlobFile;
  readonly #writers = new Map<string, BlobWriter>();
  /** Ids whose openWriter is still preparing the file: a second open for them is refused. */
  readonly #opening = new Set<string>();
  readonly #tails: VerifiedTails & { clear(): void; size: number } = new Set<string>();
  /** Null when writers run inline (asked for, or the thread could not be started in this build). */
  #thread: WriterThread | null;

  constructor(dir: string, key: Buffer, options: VaultOptions = {}) {
    if (key.length !== 32) throw new VaultKeyError();
    this.#dir = path.resolve(dir);
    // A private copy: the caller may zero or reuse its buffer.
    this.#key = Buffer.from(key);
    this.#syncIntervalBytes = options.syncIntervalBytes ?? DEFAULT_SYNC_INTERVAL;
    this.#openFile = options.openFile ?? openBlobFile;
    const inline = options.writers === 'inline' || options.openFile !== undefined;
    this.#thread = inline
      ? null
      : new WriterThread({
          vaultKey: this.#key,
          ...(options.threadOpenFile ? { openFileModule: options.threadOpenFile.module, openFileConfig: options.threadOpenFile.config } : {}),
        });
  }

  /**
   * Starts or resumes writing blob `id`; see BlobWriter.committedBytes for where to resume from. A
   * writer still open for the id (one a failed download dropped without close()) is closed first and
   * its partial resumed, so a retry never waits for a restart.
   */
  async openWriter(id: string): Promise<BlobWriter> {
    assertBlobId(id);
    if (this.#opening.has(id)) throw new VaultBusyError();
    this.#opening.add(id);
    try {
      await this.#writers.get(id)?.close();
      const paths: WriterPaths = { partial: this.#partialPath(id), finished: this.#finishedPath(id), dir: this.#dir };
      const writer = (await this.#openInThread(id, paths)) ?? (await this.#openInline(id, paths));
      this.#writers.set(id, writer);
      return writer;
    } catch (error) {
      throw toVaultError(error);
    } finally {
      this.#opening.delete(id);
    }
  }

  /**
   * Closes every open writer (their partials stay, resumable) and stops the writer thread. The vault
   * can still be used afterwards: a later openWriter starts the thread again.
   */
  async close(): Promise<void> {
    await Promise.all([...this.#writers.values()].map((writer) => writer.close().catch(() => undefined)));
    await this.#thread?.stop();
  }

  async #openInThread(id: string, paths: WriterPaths): Promise<BlobWriter | null> {
    const connection = this.#thread?.connection() ?? null;
    if (!connection) {
      this.#thread = null;
      return null;
    }
    try {
      const opened = await connection.call({ op: 'open', id, paths, syncIntervalBytes: this.#syncIntervalBytes });
      const writer: BlobWriter = new ThreadBlobWriter(connection, opened, paths.partial, () => this.#release(id, writer));
      return writer;
    } catch (error) {
      // The thread never came up (e.g. this runtime cannot start it): write inline from now on.
      if (!(error instanceof WriterThreadUnavailableError)) throw error;
      this.#thread = null;
      return null;
    }
  }

  async #openInline(id: string, paths: WriterPaths): Promise<BlobWriter> {
    const writer: BlobWriter = await openVaultBlobWriter({ id, paths, syncIntervalBytes: this.#syncIntervalBytes }, this.#key, this.#openFile, () =>
      this.#release(id, writer),
    );
    return writer;
  }

  /** True for finished blobs only; a partial write is not a document yet. */
  has(id: string): boolean {
    return this.#statFinished(id) !== null;
  }

  /** Plaintext size of a finished blob, or null if there is none. Throws VaultCorruptError for a file whose length cannot be a blob. */
  size(id: string): number | null {
    const fileBytes = this.#statFinished(id);
    return fileBytes === null ? null : finishedLayout(fileBytes).size;
  }

  /**
   * Streams plaintext bytes [start, endInclusive] of a finished blob, decrypting only the chunks it
   * touches. The range is checked before anything is returned, so a protocol handler can answer 416
   * (VaultRangeError) or 404 (VaultNotFoundError) before it sends headers. Unlike HTTP, an end past the
   * blob is refused rather than clamped, so the caller's Content-Length can never be wrong.
   */
  readRange(id: string, start: number, endInclusive: number): AsyncIterable<Buffer> {
    const size = this.size(id);
    if (size === null) throw new VaultNotFoundError();
    const valid = Number.isSafeInteger(start) && Number.isSafeInteger(endInclusive) && start >= 0 && start <= endInclusive && endInclusive < size;
    if (!valid) throw new VaultRangeError();
    return streamPlaintext(this.#finishedPath(id), this.#key, id, { start, end: endInclusive + 1 }, this.#tails);
  }

  /** The whole blob, every chunk authenticated (including the final one, so truncation is always caught). */
  readAll(id: string): AsyncIterable<Buffer> {
    const size = this.size(id);
    if (size === null) throw new VaultNotFoundError();
    return streamPlaintext(this.#finishedPath(id), this.#key, id, { start: 0, end: size }, this.#tails);
  }

  /** SHA-256 hex of the plaintext, read in ~1 MiB steps so memory stays flat for any size. */
  async sha256(id: string): Promise<string> {
    const hash = createHash('sha256');
    for await (const piece of this.readAll(id)) hash.update(piece);
    return hash.digest('hex');
  }

  /** Removes a blob, finished or partial; an open writer for it is aborted first. */
  async delete(id: string): Promise<void> {
    assertBlobId(id);
    if (this.#opening.has(id)) throw new VaultBusyError();
    await this.#writers.get(id)?.abort();
    try {
      await rm(this.#finishedPath(id), { force: true });
      await rm(this.#partialPath(id), { force: true });
    } catch (error) {
      throw toVaultError(error);
    }
    this.#forgetTails();
  }

  /**
   * Removes an unfinished write of `id` and keeps its finished blob: what is left when a download was
   * started again over a blob already published (its "stored" mark lost in a crash) and was cut short.
   * Refused while a writer for the id is open or opening.
   */
  async discardPartial(id: string): Promise<void> {
    assertBlobId(id);
    if (this.#opening.has(id) || this.#writers.has(id)) throw new VaultBusyError();
    try {
      await rm(this.#partialPath(id), { force: true });
    } catch (error) {
      throw toVaultError(error);
    }
  }

  /** Removes every blob, finished or partial (sign-out). Refused while a writer is open: stop downloads first. */
  async clear(): Promise<void> {
    if (this.#writers.size > 0 || this.#opening.size > 0) throw new VaultBusyError();
    try {
      await rm(this.#dir, { recursive: true, force: true });
    } catch (error) {
      throw toVaultError(error);
    }
    this.#forgetTails();
  }

  /**
   * Removes every blob, finished or partial, that is not one of `ids` and has no open writer: what a
   * process killed while writing left behind (e.g. a file being staged for the outbox when the app
   * died). Returns how many files went.
   */
  async keepOnly(ids: Iterable<string>): Promise<number> {
    const keep = new Set<string>();
    for (const id of ids) keep.add(fileStem(id));
    for (const id of [...this.#writers.keys(), ...this.#opening]) keep.add(fileStem(id));
    let names: string[];
    try {
      names = await readdir(this.#dir);
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return 0;
      throw toVaultError(error);
    }
    let removed = 0;
    for (const name of names) {
      const suffix = name.endsWith(FINISHED_SUFFIX) ? FINISHED_SUFFIX : name.endsWith(PARTIAL_SUFFIX) ? PARTIAL_SUFFIX : null;
      if (suffix === null || keep.has(name.slice(0, -suffix.length))) continue;
      try {
        await rm(path.join(this.#dir, name), { force: true });
        removed++;
      } catch (error) {
        throw toVaultError(error);
      }
    }
    if (removed > 0) this.#forgetTails();
    return removed;
  }

  /** Disk bytes (file lengths) and count of finished blobs; partial downloads are not counted. */
  async usage(): Promise<{ bytes: number; blobs: number }> {
    let names: string[];
    try {
      names = await readdir(this.#dir);
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return { bytes: 0, blobs: 0 };
      throw toVaultError(error);
    }
    let bytes = 0;
    let blobs = 0;
    for (const name of names) {
      if (!name.endsWith(FINISHED_SUFFIX)) continue;
      try {
        bytes += (await stat(path.join(this.#dir, name))).size;
        blobs++;
      } catch (error) {
        // Deleted while we were counting: it no longer uses space.
        if (!isErrno(error, 'ENOENT')) throw toVaultError(error);
      }
    }
    return { bytes, blobs };
  }

  #statFinished(id: string): number | null {
    assertBlobId(id);
    try {
      return statSync(this.#finishedPath(id)).size;
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return null;
      throw toVaultError(error);
    }
  }

  #finishedPath(id: string): string {
    return path.join(this.#dir, fileStem(id) + FINISHED_SUFFIX);
  }

  #partialPath(id: string): string {
    return path.join(this.#dir, fileStem(id) + PARTIAL_SUFFIX);
  }

  #release(id: string, writer: BlobWriter): void {
    if (this.#writers.get(id) === writer) this.#writers.delete(id);
    // A finished write may have replaced a blob whose tail we had verified.
    this.#forgetTails();
  }

  #forgetTails(): void {
    // Identities include inode and mtime, so stale entries are merely useless; clearing bounds memory.
    if (this.#tails.size > MAX_REMEMBERED_TAILS) this.#tails.clear();
  }
}
