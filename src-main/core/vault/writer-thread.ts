/**
 * Main's side of the vault's writer thread: starts it (through core/workers, so it runs the same from
 * source and from the build), matches replies to requests, keeps the thread from holding the process
 * open while nothing is asked of it, and turns the thread dying into a typed failure of every request
 * in flight. A new thread is started for the next open; the writers of the dead one stay failed, and
 * their partial files — everything handed to the OS before it died — are resumed by the next open.
 */
import { Worker } from 'node:worker_threads';
import { workerLaunch } from '../workers';
import { VaultIoError, type VaultError } from './vault-errors';
import { fromWireError, type WriterReply, type WriterRequest, type WriterThreadData } from './writer-messages';

export const WRITER_WORKER_BASENAME = 'vault-writer-worker';

/** A request without its id (the connection numbers it); distributive, so each op keeps its fields. */
export type WriterCall = WithoutReq<WriterRequest>;
type WithoutReq<T> = T extends unknown ? Omit<T, 'req'> : never;

export interface WriterAnswer {
  writer: number;
  committedBytes: number;
  finished: { size: number; sha256: string } | null;
  returned: Uint8Array | null;
}

/** The thread could not be started at all (no worker entry in this build, or it died before answering). */
export class WriterThreadUnavailableError extends Error {
  constructor(reason: string) {
    super(`vault writer thread unavailable: ${reason}`);
    this.name = 'WriterThreadUnavailableError';
  }
}

interface Pending {
  resolve: (answer: WriterAnswer) => void;
  reject: (error: Error) => void;
}

/** One running writer thread. Once it has exited, every call fails with `lost`. */
export class WriterConnection {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #nextReq = 1;
  #spoke = false;
  #lost: VaultError | null = null;
  readonly exited: Promise<void>;

  constructor(worker: Worker) {
    this.#worker = worker;
    worker.unref();
    worker.on('message', (reply: WriterReply) => this.#onReply(reply));
    // 'error' (an uncaught exception in the thread) is always followed by 'exit', where it is handled.
    worker.on('error', () => undefined);
    this.exited = new Promise((resolve) => {
      worker.on('exit', (code) => {
        this.#lost = new VaultIoError({ cause: new Error(`vault writer thread exited (${code})`) });
        const failure = this.#spoke ? this.#lost : new WriterThreadUnavailableError(`exited (${code}) before answering`);
        const pending = [...this.#pending.values()];
        this.#pending.clear();
        for (const { reject } of pending) reject(failure);
        resolve();
      });
    });
  }

  get alive(): boolean {
    return this.#lost === null;
  }

  /** The failure of every call once the thread has gone. */
  get lostError(): VaultError | null {
    return this.#lost;
  }

  call(request: WriterCall, transfer: ArrayBuffer[] = []): Promise<WriterAnswer> {
    if (this.#lost) return Promise.reject(this.#lost);
    const req = this.#nextReq++;
    return new Promise<WriterAnswer>((resolve, reject) => {
      this.#pending.set(req, { resolve, reject });
      // Only a thread with work asked of it may keep the process alive (a script awaiting a write
      // must not exit under it; an idle vault must not keep it running).
      if (this.#pending.size === 1) this.#worker.ref();
      this.#worker.postMessage({ ...request, req }, transfer);
    });
  }

  async terminate(): Promise<void> {
    await this.#worker.terminate();
    await this.exited;
  }

  #onReply(reply: WriterReply): void {
    this.#spoke = true;
    const pending = this.#pending.get(reply.req);
    if (!pending) return;
    this.#pending.delete(reply.req);
    if (this.#pending.size === 0) this.#worker.unref();
    if (reply.ok) pending.resolve({ writer: reply.writer, committedBytes: reply.committedBytes, finished: reply.finished, returned: reply.returned });
    else pending.reject(fromWireError(reply.error));
  }
}

export interface WriterThreadOptions {
  vaultKey: Buffer;
  /** See WriterThreadData.openFileModule (tests only). */
  openFileModule?: string;
  openFileConfig?: unknown;
}

/** Starts the writer thread on first use and again after it died; null when this build has no entry. */
export class WriterThread {
  readonly #options: WriterThreadOptions;
  #connection: WriterConnection | null = null;

  constructor(options: WriterThreadOptions) {
    this.#options = options;
  }

  /** A live connection, or null when the thread cannot be started in this build. */
  connection(): WriterConnection | null {
    if (this.#connection?.alive) return this.#connection;
    const launch = workerLaunch(import.meta.url, WRITER_WORKER_BASENAME);
    if (!launch) return null;
    const data: WriterThreadData = {
      vaultKey: new Uint8Array(this.#options.vaultKey),
      openFileModule: this.#options.openFileModule ?? null,
      openFileConfig: this.#options.openFileConfig ?? null,
    };
    try {
      this.#connection = new WriterConnection(new Worker(launch.source, { eval: launch.eval, workerData: { ...data, ...launch.workerData } }));
    } catch {
      return null;
    }
    return this.#connection;
  }

  async stop(): Promise<void> {
    const connection = this.#connection;
    this.#connection = null;
    if (connection?.alive) await connection.terminate();
  }
}
