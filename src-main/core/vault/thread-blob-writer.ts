import { rm } from 'node:fs/promises';
import { type BlobWriter, type WriteOptions } from './blob-writer';
import { toVaultError, VaultWriterClosedError, type VaultError } from './vault-errors';
import { WriterThreadUnavailableError, type WriterAnswer, type WriterCall, type WriterConnection } from './writer-thread';

type State = { kind: 'open' } | { kind: 'closed' } | { kind: 'failed'; error: VaultError };

/**
 * A BlobWriter whose work happens in the vault's writer thread: every call is one message, and the
 * thread's VaultBlobWriter does the rest with the same guarantees. committedBytes is what the thread
 * reported with its last answer, so it is never ahead of what was handed to the OS.
 */
export class ThreadBlobWriter implements BlobWriter {
  readonly #connection: WriterConnection;
  readonly #handle: number;
  readonly #partial: string;
  readonly #onClose: () => void;
  #committed: number;
  #state: State = { kind: 'open' };

  constructor(connection: WriterConnection, opened: WriterAnswer, partial: string, onClose: () => void) {
    this.#connection = connection;
    this.#handle = opened.writer;
    this.#committed = opened.committedBytes;
    this.#partial = partial;
    this.#onClose = onClose;
  }

  get committedBytes(): number {
    return this.#committed;
  }

  /**
   * With `transfer`, bytes at the start of an ArrayBuffer of their own — the whole of it, or the filled
   * front of a batch — are moved to the thread with that buffer (no copy), which is detached here: the
   * caller must not touch it again. Anything else is copied first. A buffer given back is whole again,
   * so a batch sent part-filled (a document's last MiB) can be refilled rather than reallocated.
   */
  async write(data: Uint8Array, options: WriteOptions = {}): Promise<void> {
    this.#assertOpen();
    const owned = options.transfer === true && data.buffer instanceof ArrayBuffer && data.byteOffset === 0;
    const payload = owned ? data : new Uint8Array(data);
    const buffer = payload.buffer;
    if (!(buffer instanceof ArrayBuffer)) throw new TypeError('unreachable: a copied Uint8Array owns an ArrayBuffer');
    const answer = await this.#call({ op: 'write', writer: this.#handle, data: payload }, [buffer]);
    if (owned && answer.returned && options.recycle) options.recycle(new Uint8Array(answer.returned.buffer));
  }

  async finish(): Promise<{ size: number; sha256: string }> {
    this.#assertOpen();
    const answer = await this.#call({ op: 'finish', writer: this.#handle });
    this.#close();
    if (!answer.finished) throw toVaultError(new Error('writer thread finished without a result'));
    return answer.finished;
  }

  async abort(): Promise<void> {
    if (this.#state.kind === 'closed') return;
    try {
      if (this.#connection.alive) await this.#call({ op: 'abort', writer: this.#handle });
      // The thread died holding it: nobody writes this partial any more, so it can go from here.
      else await rm(this.#partial, { force: true });
    } catch (error) {
      throw toVaultError(error);
    } finally {
      this.#close();
    }
  }

  async close(): Promise<void> {
    if (this.#state.kind === 'closed') return;
    try {
      // A dead thread has nothing open to close; what it wrote stays for the next open to resume.
      if (this.#connection.alive) await this.#call({ op: 'close', writer: this.#handle });
    } catch (error) {
      throw toVaultError(error);
    } finally {
      this.#close();
    }
  }

  async #call(request: WriterCall, transfer: ArrayBuffer[] = []): Promise<WriterAnswer> {
    try {
      const answer = await this.#connection.call(request, transfer);
      this.#committed = answer.committedBytes;
      return answer;
    } catch (error) {
      const typed = toVaultError(error instanceof WriterThreadUnavailableError ? new Error(error.message) : error);
      // Failures are final, as they are for an inline writer (the thread keeps its own copy of the
      // state; this one answers at once, without asking the thread again).
      if (this.#state.kind === 'open' && request.op !== 'abort' && request.op !== 'close') this.#state = { kind: 'failed', error: typed };
      throw typed;
    }
  }

  #assertOpen(): void {
    if (this.#state.kind === 'failed') throw this.#state.error;
    if (this.#state.kind === 'closed') throw new VaultWriterClosedError();
  }

  #close(): void {
    if (this.#state.kind === 'closed') return;
    this.#state = { kind: 'closed' };
    this.#onClose();
  }
}
