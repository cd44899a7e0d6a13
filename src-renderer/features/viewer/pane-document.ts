import { DocumentSession } from './document-session';
import { classifyOpenFailure, openPdf, type OpenFailure, type PasswordRequest, type PdfOpening } from './pdf-loader';

/**
 * The most of the file the pdf.js worker may hold before the document is reopened afresh. pdf.js keeps
 * every byte range it has read until the document closes, so reading a whole 2,000-page bundle would
 * end with all of it in memory; past this much, a fresh copy of the document takes over (what was drawn,
 * read and laid out carries over) and the old worker, with its ranges, goes.
 */
export const RECYCLE_AFTER_BYTES = 96 * 1024 * 1024;

export interface PaneDocumentEvents {
  /** While opening: bytes read so far. */
  progress(loaded: number, total: number): void;
  /** The PDF needs a password (again, if `incorrect`); null once one has been given. */
  password(request: PasswordRequest | null): void;
  /** A fresh copy of the document took over: jobs on the old one must stop. */
  swapped(session: DocumentSession): void;
}

export class OpenFailed extends Error {
  override readonly name = 'OpenFailed';
  readonly failure: OpenFailure;

  constructor(failure: OpenFailure) {
    super(failure);
    this.failure = failure;
  }
}

/**
 * One pane's copy of a stored document: opens it (asking for a password if it has one), and swaps it
 * for a fresh copy whenever pdf.js has read more than RECYCLE_AFTER_BYTES of it — except a PDF opened
 * with a password, which is never reopened behind the reader's back (the password is not kept).
 */
export class PaneDocument {
  readonly #materialId: string;
  readonly #events: PaneDocumentEvents;
  #opening: PdfOpening | null = null;
  #session: DocumentSession | null = null;
  #passwordGiven = false;
  #passwordCancelled = false;
  #recycling = false;
  #recycles = 0;
  #closed = false;

  constructor(materialId: string, events: PaneDocumentEvents) {
    this.#materialId = materialId;
    this.#events = events;
  }

  get session(): DocumentSession | null {
    return this.#session;
  }

  /** How many times the document was reopened to give memory back (benchmarks). */
  get recycles(): number {
    return this.#recycles;
  }

  /** Resolves with the open document (page 1 read), or rejects with an OpenFailed saying why not. */
  async open(): Promise<DocumentSession> {
    const opening = openPdf(this.#materialId, {
      onProgress: (loaded, total) => this.#onProgress(loaded, total),
      onPassword: (request) =>
        this.#events.password({
          incorrect: request.incorrect,
          submit: (password) => {
            this.#passwordGiven = true;
            this.#events.password(null);
            request.submit(password);
          },
          cancel: () => {
            this.#passwordCancelled = true;
            request.cancel();
          },
        }),
    });
    this.#opening = opening;
    try {
      const session = new DocumentSession(await opening.promise, () => opening.destroy());
      await session.page(1);
      if (this.#closed) {
        void session.destroy();
        throw new OpenFailed('unknown');
      }
      this.#session = session;
      return session;
    } catch (error) {
      void opening.destroy();
      if (error instanceof OpenFailed) throw error;
      throw new OpenFailed(this.#passwordCancelled ? 'password' : classifyOpenFailure(error));
    }
  }

  #onProgress(loaded: number, total: number): void {
    if (!this.#session) {
      this.#events.progress(loaded, total);
      return;
    }
    if (loaded > RECYCLE_AFTER_BYTES && !this.#recycling && !this.#passwordGiven && !this.#closed) {
      this.#recycling = true;
      setTimeout(() => void this.#recycle(), 0);
    }
  }

  /** Opens a fresh copy of the same file and, once it answers, hands over to it and closes the old. */
  async #recycle(): Promise<void> {
    const old = this.#session;
    if (!old || this.#closed) return;
    const opening = openPdf(this.#materialId, { onProgress: (loaded, total) => this.#onProgress(loaded, total) });
    let fresh: DocumentSession;
    try {
      fresh = new DocumentSession(await opening.promise, () => opening.destroy());
      await fresh.page(1);
    } catch {
      // Keep reading from the copy that works; try again only when it has grown further.
      void opening.destroy();
      this.#recycling = false;
      return;
    }
    if (this.#closed) {
      void fresh.destroy();
      return;
    }
    fresh.adoptFrom(old);
    this.#session = fresh;
    this.#opening = opening;
    this.#recycles++;
    this.#events.swapped(fresh);
    await old.destroy();
    this.#recycling = false;
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#session) await this.#session.destroy();
    else await this.#opening?.destroy();
  }
}
