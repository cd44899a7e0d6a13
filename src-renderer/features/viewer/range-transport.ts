import { PDFDataRangeTransport } from 'pdfjs-dist';

/** At most this many range requests in flight per document (a burst never floods the browser). */
const MAX_PARALLEL = 4;
const ATTEMPTS = 3;

/** The document is not served here (not stored yet, or gone). */
export class DocumentNotServedError extends Error {
  override readonly name = 'DocumentNotServedError';
}

/** The server answered something that is not a document (an empty file, a refused range). */
export class DocumentUnreadableError extends Error {
  override readonly name = 'DocumentUnreadableError';
}

export type DocumentStart = { kind: 'ranges'; length: number; initial: Uint8Array } | { kind: 'whole'; data: Uint8Array };

/**
 * The first bytes of a stored document and its length, in one request: `Range: bytes=0-…` answered 206
 * with `Content-Range: bytes 0-n/length`. A small file may come whole (200).
 */
export async function fetchDocumentStart(url: string, firstBytes: number, signal: AbortSignal): Promise<DocumentStart> {
  const response = await fetch(url, { headers: { range: `bytes=0-${firstBytes - 1}` }, cache: 'no-store', credentials: 'same-origin', signal });
  if (response.status === 404) throw new DocumentNotServedError('not stored');
  if (response.status === 200) return { kind: 'whole', data: new Uint8Array(await response.arrayBuffer()) };
  const length = Number(/\/(\d+)$/.exec(response.headers.get('content-range') ?? '')?.[1]);
  if (response.status !== 206 || !Number.isSafeInteger(length) || length <= 0) throw new DocumentUnreadableError(`status ${response.status}`);
  return { kind: 'ranges', length, initial: new Uint8Array(await response.arrayBuffer()) };
}

/**
 * Feeds pdf.js the byte ranges it asks for, fetched from the renderer's own origin by relative address.
 * pdf.js's own loader asks for ranges only over http(s); the desktop app serves documents on its own
 * scheme (bluebag://app/doc/…), where pdf.js would download the whole file. This works the same in both
 * shells, keeps a bounded number of requests in flight (newest first: the page on screen waits least),
 * and retries a range that failed in transit.
 */
export class DocumentRangeTransport extends PDFDataRangeTransport {
  readonly #url: string;
  readonly #onFatal: (error: unknown) => void;
  readonly #controller = new AbortController();
  #queue: Array<{ begin: number; end: number; attempt: number }> = [];
  #inFlight = 0;
  #aborted = false;

  constructor(url: string, length: number, initial: Uint8Array, onFatal: (error: unknown) => void) {
    super(length, initial);
    this.#url = url;
    this.#onFatal = onFatal;
  }

  override requestDataRange(begin: number, end: number): void {
    this.#queue.push({ begin, end, attempt: 1 });
    this.#pump();
  }

  override abort(): void {
    this.#aborted = true;
    this.#queue = [];
    this.#controller.abort();
  }

  #pump(): void {
    while (!this.#aborted && this.#inFlight < MAX_PARALLEL && this.#queue.length > 0) {
      const next = this.#queue.pop();
      if (!next) return;
      this.#inFlight++;
      void this.#fetch(next).finally(() => {
        this.#inFlight--;
        this.#pump();
      });
    }
  }

  async #fetch(request: { begin: number; end: number; attempt: number }): Promise<void> {
    try {
      const response = await fetch(this.#url, {
        headers: { range: `bytes=${request.begin}-${request.end - 1}` },
        cache: 'no-store',
        credentials: 'same-origin',
        signal: this.#controller.signal,
      });
      if (response.status !== 206) throw new DocumentUnreadableError(`status ${response.status}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (!this.#aborted) this.onDataRange(request.begin, bytes);
    } catch (error) {
      if (this.#aborted) return;
      if (request.attempt < ATTEMPTS && !(error instanceof DocumentUnreadableError)) {
        await new Promise((resolve) => setTimeout(resolve, 200 * request.attempt));
        this.#queue.push({ ...request, attempt: request.attempt + 1 });
        return;
      }
      this.#onFatal(error);
    }
  }
}
