import { protocol } from 'electron';
import { RENDERER_SECURITY_HEADERS, readRendererFile } from '../core';

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

/** Serves the built renderer on the app scheme, with the same CSP and headers as browser mode. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || request.method !== 'GET') return new Response('Not found', { status: 404 });
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
