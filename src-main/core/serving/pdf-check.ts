/**
 * Opens a staged document with pdf.js, in a worker thread (never on the main thread: a hostile or
 * broken PDF can make pdf.js spin), to refuse before it is queued what CP or the court could not read:
 * a password-protected PDF, or one too damaged to open. It is the search index's extraction worker,
 * asked to extract from past the last page: pdf.js opens the document, counts its pages, and stops.
 */
import { ExtractionPool, MAX_PAGES, type PageSource } from '../search';

export type PdfCheck =
  | { readonly kind: 'ok'; readonly pageCount: number }
  | { readonly kind: 'passwordProtected' }
  | { readonly kind: 'unreadable' }
  /** No worker could be started (a build without the worker entry): nothing is known about the file. */
  | { readonly kind: 'unavailable' };

/** Past any page a document can have, so the worker opens it and extracts nothing. */
const OPEN_ONLY_FROM_PAGE = MAX_PAGES + 1;

export class PdfChecker {
  readonly #pool: ExtractionPool;
  /** One document at a time: the pool has one worker, and staging is one file after another anyway. */
  #last: Promise<unknown> = Promise.resolve();

  constructor(source: PageSource, options: { stallMs?: number; idleMs?: number } = {}) {
    this.#pool = new ExtractionPool({ source, workers: 1, stallMs: options.stallMs ?? 60_000, idleMs: options.idleMs ?? 15_000 });
  }

  check(id: string, size: number): Promise<PdfCheck> {
    const run = this.#last.then(() => this.#check(id, size));
    this.#last = run.catch(() => undefined);
    return run;
  }

  stop(): Promise<void> {
    return this.#pool.stop();
  }

  async #check(id: string, size: number): Promise<PdfCheck> {
    const outcome = await this.#pool.run({ materialId: id, size, fromPage: OPEN_ONLY_FROM_PAGE, onPages: () => false });
    switch (outcome.kind) {
      case 'done':
        return { kind: 'ok', pageCount: outcome.pageCount };
      case 'failed':
        return outcome.reason === 'passwordProtected' ? { kind: 'passwordProtected' } : { kind: 'unreadable' };
      case 'readFailed':
        // Our own copy could not be read back: the caller reports the vault's error, not the file's.
        throw outcome.error;
      case 'writeFailed':
      case 'cancelled':
        // Only reachable if pages were sent, which this never asks for; the file is not trusted then.
        return { kind: 'unreadable' };
      case 'stopped':
      case 'unavailable':
        return { kind: 'unavailable' };
    }
  }
}
