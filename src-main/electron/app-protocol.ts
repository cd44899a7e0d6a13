import { protocol } from 'electron';
import { Readable } from 'node:stream';
import { HTTP_CSRF_HEADER } from '../../src-preload/api';
import { DOCUMENT_PATH_PREFIX, RENDERER_SECURITY_HEADERS, STAGE_PATH, readRendererFile, type CoreApp, type StageResult } from '../core';

/**
 * The renderer is served from `bluebag://app/…`, a privileged standard scheme, rather than file://:
 * file:// pages share one origin with every file on disk, while a custom origin gets the browser's
 * same-origin rules and a CSP of its own.
 */
export const APP_SCHEME = 'bluebag';
export const APP_HOST = 'app';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
    },
  ]);
}

/**
 * Serves the built renderer on the app scheme, with the same CSP and headers as browser mode, and the
 * stored documents under `/doc/<materialId>` (decrypted byte ranges, same origin as the renderer so
 * pdf.js can make Range requests without CORS), and `POST /stage` for a file to serve (see stageFile).
 */
export function serveRenderer(rendererDir: string, core: Pick<CoreApp, 'openDocument' | 'stageDocument'>): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host === APP_HOST && url.pathname === STAGE_PATH) return stageFile(request, url, core);
    const method = request.method === 'HEAD' ? 'HEAD' : request.method === 'GET' ? 'GET' : null;
    if (url.host !== APP_HOST || method === null) return new Response('Not found', { status: 404 });
    if (url.pathname.startsWith(DOCUMENT_PATH_PREFIX)) {
      const answer = await core.openDocument(decodeURIComponent(url.pathname.slice(DOCUMENT_PATH_PREFIX.length)), request.headers.get('range'), method);
      const body = answer.body ? (Readable.toWeb(Readable.from(answer.body)) as ReadableStream<Uint8Array>) : null;
      return new Response(body, { status: answer.status, headers: answer.headers });
    }
    const file = await readRendererFile(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      status: 200,
      headers: { ...RENDERER_SECURITY_HEADERS, 'content-type': file.contentType },
    });
  });
}

/**
 * True only for the app's own top-level page. Node's URL reports "null" as the origin of non-special
 * schemes, so scheme and host are compared instead.
 */
export function isAppUrl(rawUrl: string): boolean {
  try {
    const url = new URL(rawUrl);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * A file's bytes for a draft to serve, as the renderer's XMLHttpRequest sends them: the body is a
 * stream, handed to the core as it comes (never buffered whole). Chromium does not always pass
 * Content-Length to a protocol handler, so when it is missing the core counts the bytes against the
 * same limit as they arrive.
 */
async function stageFile(request: Request, url: URL, core: Pick<CoreApp, 'stageDocument'>): Promise<Response> {
  if (request.method !== 'POST') return new Response('Method not allowed', { status: 405 });
  // The same custom header as every call: the page itself sent this, not a link or a form.
  if (request.headers.get(HTTP_CSRF_HEADER) !== '1') return new Response('Forbidden', { status: 403 });
  const caseId = url.searchParams.get('caseId');
  const name = url.searchParams.get('name');
  const lengthHeader = request.headers.get('content-length');
  let answer: StageResult;
  if (caseId === null || name === null || request.body === null) answer = { status: 400, error: { code: 'invalid_argument', messageKey: 'errors.invalidArgument' } };
  else if (lengthHeader !== null && !/^\d{1,15}$/.test(lengthHeader)) answer = { status: 400, error: { code: 'invalid_argument', messageKey: 'errors.invalidArgument' } };
  else {
    const reader = request.body.getReader();
    try {
      answer = await core.stageDocument(caseId, name, lengthHeader === null ? null : Number(lengthHeader), readAll(reader));
    } finally {
      // A refused file's remaining bytes are not wanted.
      await reader.cancel().catch(() => undefined);
    }
  }
  const body = JSON.stringify('item' in answer ? { item: answer.item } : { error: answer.error });
  return new Response(body, { status: answer.status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } });
}

async function* readAll(reader: ReadableStreamDefaultReader<Uint8Array>): AsyncGenerator<Uint8Array, void, undefined> {
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}
