import { protocol } from 'electron';
import { Readable } from 'node:stream';
import { DOCUMENT_PATH_PREFIX, RENDERER_SECURITY_HEADERS, readRendererFile, type CoreApp } from '../core';

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
 * pdf.js can make Range requests without CORS).
 */
export function serveRenderer(rendererDir: string, core: Pick<CoreApp, 'openDocument'>): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
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
