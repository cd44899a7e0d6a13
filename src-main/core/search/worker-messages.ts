/**
 * The messages between the main thread and an extraction worker. The worker never sees the vault key
 * or a file path: it asks for plaintext byte ranges, which main decrypts a bounded piece at a time.
 * Main writes every page to SQLite (better-sqlite3 is synchronous and lives in main).
 */

export interface ExtractedPage {
  readonly page: number;
  /** Normalised text; '' when the page has no text layer (a scan). */
  readonly text: string;
}

/** Why a document could not be indexed. None of them is retried: the bytes would be the same. */
export type ExtractionFailure =
  | 'unreadable' // not a PDF, or damaged beyond what pdf.js repairs
  | 'passwordProtected'
  | 'noPages'
  | 'tooManyPages'
  | 'crashed' // the worker died on it (out of memory, say)
  | 'timedOut'; // no progress for a long time

export type ToWorker =
  | { readonly type: 'extract'; readonly jobId: number; readonly size: number; readonly fromPage: number }
  /** Answer to a read; `data` is transferred, not copied. */
  | { readonly type: 'range'; readonly requestId: number; readonly data: Uint8Array }
  /** Main has written the last batch of pages: the worker may send the next. */
  | { readonly type: 'ack'; readonly jobId: number };

export type FromWorker =
  /** Plaintext bytes [begin, end) of the job's document, at most MAX_READ_BYTES. */
  | { readonly type: 'read'; readonly jobId: number; readonly requestId: number; readonly begin: number; readonly end: number }
  | { readonly type: 'pages'; readonly jobId: number; readonly pages: readonly ExtractedPage[] }
  | { readonly type: 'done'; readonly jobId: number; readonly pageCount: number }
  | { readonly type: 'failed'; readonly jobId: number; readonly reason: ExtractionFailure };

/** Largest read the worker asks for: what main holds for one read, and one vault range decrypts. */
export const MAX_READ_BYTES = 1024 * 1024;
/**
 * pdf.js's range size. pdf.js loads every stream it parses, scanned images included (it reads a
 * stream's bytes to know what it is), so a document is read nearly whole: big ranges, few round trips.
 */
export const RANGE_CHUNK_BYTES = 1024 * 1024;
/** A batch of pages is one SQLite transaction in main: bounded so no write blocks main for long. */
export const BATCH_MAX_PAGES = 32;
export const BATCH_MAX_CHARS = 192 * 1024;
/** Highest page number the rowid scheme holds (see migration 003). */
export const MAX_PAGES = 131_071;
