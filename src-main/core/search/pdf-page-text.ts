/**
 * Page text with pdf.js (legacy build, for Node), inside the extraction worker. The document comes
 * through a range transport, a piece at a time as pdf.js asks for it, so main never holds a whole one.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { withoutMarkers } from './snippet-segments';
import { MAX_PAGES, MAX_READ_BYTES, RANGE_CHUNK_BYTES, type ExtractedPage, type ExtractionFailure } from './worker-messages';

type PdfJs = typeof PdfJsModule;

/** Reads plaintext bytes [begin, end) of the document, at most MAX_READ_BYTES at a time. */
export type ReadRange = (begin: number, end: number) => Promise<Uint8Array>;

export class ExtractionError extends Error {
  constructor(readonly reason: ExtractionFailure) {
    super(reason);
    this.name = 'ExtractionError';
  }
}

/** Freeing pdf.js's font and object caches this often keeps a 2,000-page bundle's memory flat. */
const CLEANUP_EVERY_PAGES = 100;

let pdfjsLoading: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
  pdfjsLoading ??= (async () => {
    // pdf.js 6 targets Node 22; Node 20 lacks this one (the legacy build polyfills the rest).
    if (typeof (Promise as { withResolvers?: unknown }).withResolvers !== 'function') {
      Object.defineProperty(Promise, 'withResolvers', {
        configurable: true,
        writable: true,
        value: function withResolvers<T>() {
          let resolve!: (value: T | PromiseLike<T>) => void;
          let reject!: (reason?: unknown) => void;
          const promise = new Promise<T>((res, rej) => {
            resolve = res;
            reject = rej;
          });
          return { promise, resolve, reject };
        },
      });
    }
    // The legacy build's core-js replaces a few built-ins V8 already has, to fix edge cases text
    // extraction never meets (push onto a 2^53-long array-like, JSON source-text access). Its push
    // alone cost a tenth of extraction time; the natives go back once pdf.js has loaded. This thread
    // runs nothing else, so nothing else sees the swap.
    const natives = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
    // This thread is already off the main thread: pdf.js's own "worker" runs here too (its fake
    // worker), found through this global rather than by a dynamic import of a path a bundle may move.
    const handler = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = handler;
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    Object.defineProperty(Array.prototype, 'push', { value: natives.push, writable: true, configurable: true, enumerable: false });
    JSON.parse = natives.parse;
    JSON.stringify = natives.stringify;
    return pdfjs;
  })();
  return pdfjsLoading;
}

const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/**
 * Standard-font metrics and CMaps from pdfjs-dist's own folders, read with fs. Given explicitly because
 * pdf.js decides "am I in Node?" by a test that says no inside an Electron worker thread, and would
 * then try fetch() on a file path.
 */
class FileBinaryDataFactory {
  static readonly #dirs: Readonly<Record<string, string>> = {
    cMapUrl: path.join(pdfjsRoot, 'cmaps'),
    standardFontDataUrl: path.join(pdfjsRoot, 'standard_fonts'),
  };
  /** Every document asks again for the same few fonts: read each file once per worker. */
  static readonly #cache = new Map<string, Promise<Uint8Array>>();

  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const dir = FileBinaryDataFactory.#dirs[kind];
    if (dir === undefined || filename.includes('/') || filename.includes('\\')) throw new Error(`no ${kind} data`);
    const file = path.join(dir, filename);
    let data = FileBinaryDataFactory.#cache.get(file);
    if (!data) {
      data = readFile(file).then((bytes) => new Uint8Array(bytes));
      FileBinaryDataFactory.#cache.set(file, data);
      data.catch(() => FileBinaryDataFactory.#cache.delete(file));
    }
    // A copy: pdf.js may transfer what it is given, which would empty the cached one.
    return (await data).slice();
  }
}

/**
 * Extracts pages fromPage..last, handing them over in order in batches (`emit` resolves when the caller
 * is ready for more). Resolves with the document's page count; throws ExtractionError for a document
 * that cannot be read.
 */
export async function extractPages(options: {
  size: number;
  fromPage: number;
  read: ReadRange;
  batch: { maxPages: number; maxChars: number };
  emit: (pages: ExtractedPage[]) => Promise<void>;
}): Promise<number> {
  const pdfjs = await loadPdfJs();
  if (options.size === 0) throw new ExtractionError('unreadable');
  const transport = createRangeTransport(pdfjs, options.size, options.read);
  const task = pdfjs.getDocument({
    range: transport,
    length: options.size,
    rangeChunkSize: RANGE_CHUNK_BYTES,
    // Fetch what parsing asks for, as it asks, rather than streaming the rest in behind it.
    disableAutoFetch: true,
    disableStream: true,
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWasm: false,
    // Placeholders: pdf.js only asks for this data when they are set, and FileBinaryDataFactory reads
    // it from pdfjs-dist's own folders whatever they say.
    cMapUrl: 'pdfjs/cmaps/',
    standardFontDataUrl: 'pdfjs/standard_fonts/',
    useWorkerFetch: false,
    BinaryDataFactory: FileBinaryDataFactory,
    // Errors only: warnings about odd fonts name nothing personal but would flood the log.
    verbosity: 0,
  } as Parameters<PdfJs['getDocument']>[0]);
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw new ExtractionError(isPasswordError(error) ? 'passwordProtected' : 'unreadable');
  }
  try {
    if (doc.numPages < 1) throw new ExtractionError('noPages');
    if (doc.numPages > MAX_PAGES) throw new ExtractionError('tooManyPages');
    let batch: ExtractedPage[] = [];
    let batchChars = 0;
    let sending: Promise<void> = Promise.resolve();
    for (let n = options.fromPage; n <= doc.numPages; n++) {
      const text = await pageText(doc, n);
      batch.push({ page: n, text });
      batchChars += text.length;
      if (n % CLEANUP_EVERY_PAGES === 0) await doc.cleanup();
      if (batch.length >= options.batch.maxPages || batchChars >= options.batch.maxChars || n === doc.numPages) {
        // One batch in flight: the next is extracted while main writes this one.
        await sending;
        sending = options.emit(batch);
        batch = [];
        batchChars = 0;
      }
    }
    await sending;
    return doc.numPages;
  } catch (error) {
    if (error instanceof ExtractionError) throw error;
    throw new ExtractionError('unreadable');
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

async function pageText(doc: PDFDocumentProxy, n: number): Promise<string> {
  const page = await doc.getPage(n);
  try {
    const content = await page.getTextContent();
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str;
      if (item.hasEOL) text += '\n';
    }
    return normalise(text);
  } finally {
    page.cleanup();
  }
}

/** C0 controls but tab and line feed, and DEL: noise in page text, never content. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

function normalise(text: string): string {
  const cleaned = withoutMarkers(text)
    .replace(CONTROL_CHARACTERS, ' ')
    // A soft hyphen only marks where a word may break: "defen\u00ADdant" is one word.
    .replace(/\u00AD/g, '')
    .replace(/[ \t\u00A0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return /\S/u.test(cleaned) ? cleaned : '';
}

function isPasswordError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'PasswordException';
}

/**
 * pdf.js asks for a range; this fetches it in reads of at most MAX_READ_BYTES and hands pdf.js the
 * whole range. (When a damaged cross-reference table makes pdf.js want the whole file at once, the
 * file is assembled here in the worker, not in main.)
 */
function createRangeTransport(pdfjs: PdfJs, size: number, read: ReadRange): InstanceType<PdfJs['PDFDataRangeTransport']> {
  class Transport extends pdfjs.PDFDataRangeTransport {
    override requestDataRange(begin: number, end: number): void {
      void this.#fetch(begin, Math.min(end, size)).then(
        (data) => this.onDataRange(begin, data),
        // A failed read ends the job from main's side (it terminates this worker); nothing to do here.
        () => undefined,
      );
    }
    async #fetch(begin: number, end: number): Promise<Uint8Array> {
      if (end - begin <= MAX_READ_BYTES) return read(begin, end);
      const out = new Uint8Array(end - begin);
      for (let at = begin; at < end; at += MAX_READ_BYTES) {
        out.set(await read(at, Math.min(end, at + MAX_READ_BYTES)), at - begin);
      }
      return out;
    }
  }
  return new Transport(size, null);
}
