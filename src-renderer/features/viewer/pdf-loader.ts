import {
  AbortException,
  getDocument,
  GlobalWorkerOptions,
  InvalidPDFException,
  PasswordException,
  PasswordResponses,
  ResponseException,
  VerbosityLevel,
  type PDFDocumentLoadingTask,
  type PDFDocumentProxy,
} from 'pdfjs-dist';
import type { DocumentInitParameters } from 'pdfjs-dist/types/src/display/api';
import { DocumentNotServedError, DocumentRangeTransport, DocumentUnreadableError, fetchDocumentStart } from './range-transport';
// Built by Vite from pdfjs-dist (with the lazy-loading patches in vite.config.ts), served from the app.
import workerUrl from 'pdfjs-dist/build/pdf.worker.mjs?worker&url';

GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * Bytes per range request. The vault decrypts 64 KiB chunks, so a multiple of that never decrypts a
 * chunk twice for one request; 128 KiB measured best on the 2,000-page benchmark bundle (fewer round
 * trips than 64 KiB for the xref and page tree, and a scanned page usually in one request).
 */
export const RANGE_CHUNK_SIZE = 128 * 1024;

/** Why a document could not be opened, in terms the reader can act on. */
export type OpenFailure = 'password' | 'damaged' | 'notOnLaptop' | 'unknown';

export interface PasswordRequest {
  /** True when a password was given and it was wrong. */
  incorrect: boolean;
  submit(password: string): void;
  cancel(): void;
}

export interface OpenOptions {
  onProgress?: (loaded: number, total: number) => void;
  /** Asked when the PDF is encrypted with a user password; without it, opening fails with 'password'. */
  onPassword?: (request: PasswordRequest) => void;
}

/** The renderer's own origin serves stored documents at this relative address (both shells). */
export function documentUrl(materialId: string): string {
  return `doc/${encodeURIComponent(materialId)}`;
}

function assetUrl(dir: string): string {
  return new URL(`${import.meta.env.BASE_URL}pdfjs/${dir}/`, window.location.href).href;
}

let wasmAllowedMemo: boolean | null = null;
/**
 * Whether this page may compile WebAssembly. The app's CSP (script-src 'self', no 'wasm-unsafe-eval')
 * forbids it today, so pdf.js is told not to try and uses the plain-JS decoders shipped beside the wasm
 * ones; should the CSP allow wasm one day, the faster decoders are used with no other change.
 */
function wasmAllowed(): boolean {
  if (wasmAllowedMemo === null) {
    try {
      new WebAssembly.Module(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));
      wasmAllowedMemo = true;
    } catch {
      wasmAllowedMemo = false;
    }
  }
  return wasmAllowedMemo;
}

/**
 * How every document is opened: byte ranges loaded lazily — pdf.js reads the trailer, the xref and the
 * pages it draws, never the whole file (no streaming, no auto-fetch) — and every data file from the app
 * itself. Scripts never run (the viewer has no annotation layer and no scripting) and pdf.js 5+ has no
 * eval path left to disable: the old `isEvalSupported` option is gone; PostScript functions compile to
 * wasm when the CSP allows it and are interpreted otherwise.
 */
export function documentParams(materialId: string): DocumentInitParameters {
  return {
    url: documentUrl(materialId),
    rangeChunkSize: RANGE_CHUNK_SIZE,
    disableAutoFetch: true,
    disableStream: true,
    cMapUrl: assetUrl('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assetUrl('standard_fonts'),
    iccUrl: assetUrl('iccs'),
    wasmUrl: assetUrl('wasm'),
    useWasm: wasmAllowed(),
    // JPEGs are decoded by pdf.js's own decoder, not WebCodecs' ImageDecoder: on the 2,000-page scanned
    // benchmark bundle ImageDecoder drew a scan in 84 ms instead of 129, but the renderer process grew to
    // 1.1–1.4 GB (decoded frames held natively) against 0.65 GB, and the reader needs the app to stay up.
    isImageDecoderSupported: false,
    enableXfa: false,
    verbosity: VerbosityLevel.ERRORS,
  };
}

/** A document being opened; `destroy` closes it (and its worker), whatever stage it has reached. */
export interface PdfOpening {
  readonly promise: Promise<PDFDocumentProxy>;
  destroy(): Promise<void>;
}

/**
 * Opens a stored document by id: its first range and its length in one request, then pdf.js asks the
 * range transport for what else it needs (see range-transport.ts for why not pdf.js's own loader).
 */
export function openPdf(materialId: string, options: OpenOptions = {}): PdfOpening {
  const abort = new AbortController();
  let task: PDFDocumentLoadingTask | null = null;
  let transport: DocumentRangeTransport | null = null;
  let failed: (error: unknown) => void = () => undefined;
  const fatal = new Promise<never>((_, reject) => {
    failed = reject;
  });
  fatal.catch(() => undefined);

  const promise = (async () => {
    const { url: _url, ...params } = documentParams(materialId);
    const start = await fetchDocumentStart(documentUrl(materialId), RANGE_CHUNK_SIZE, abort.signal);
    if (abort.signal.aborted) throw new AbortException('closed while opening');
    if (start.kind === 'whole') {
      task = getDocument({ ...params, data: start.data });
    } else {
      transport = new DocumentRangeTransport(documentUrl(materialId), start.length, start.initial, (error) => failed(error));
      task = getDocument({ ...params, range: transport });
    }
    if (options.onProgress) {
      const onProgress = options.onProgress;
      task.onProgress = ({ loaded, total }: { loaded: number; total: number }) => onProgress(loaded, total);
    }
    if (options.onPassword) {
      const onPassword = options.onPassword;
      const opening = task;
      opening.onPassword = (update: (password: string) => void, reason: number) => {
        onPassword({
          incorrect: reason === PasswordResponses.INCORRECT_PASSWORD,
          submit: (password) => update(password),
          cancel: () => void opening.destroy(),
        });
      };
    }
    // A range that cannot be fetched at all (the server went away) fails the opening rather than hang it.
    return Promise.race([task.promise, fatal]);
  })();

  return {
    promise,
    destroy: async () => {
      abort.abort();
      transport?.abort();
      await task?.destroy();
    },
  };
}

export function classifyOpenFailure(error: unknown): OpenFailure {
  if (error instanceof PasswordException) return 'password';
  if (error instanceof DocumentNotServedError) return 'notOnLaptop';
  if (error instanceof DocumentUnreadableError) return 'damaged';
  if (error instanceof InvalidPDFException) return 'damaged';
  if (error instanceof ResponseException) return error.status === 404 ? 'notOnLaptop' : error.missing ? 'notOnLaptop' : 'unknown';
  // pdf.js reports some broken files with a FormatError or UnknownErrorException by name only.
  const name = error instanceof Error ? error.name : '';
  if (name === 'FormatError' || name === 'InvalidPDFException' || name === 'UnknownErrorException') return 'damaged';
  return 'unknown';
}

export type { PDFDocumentProxy };
