import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LOOPBACK_PAGE_CSP, loopbackPage, type LoopbackOutcome } from './loopback-page';

export const LOOPBACK_HOST = '127.0.0.1';
export const CALLBACK_PATH = '/callback';

/** Handles the one real callback; resolves true when sign-in completed (decides which page is shown). */
export type CallbackHandler = (params: URLSearchParams) => Promise<boolean>;

export interface LoopbackReceiver {
  readonly redirectUri: string;
  readonly port: number;
  /** Resolves once the listener is closed and every connection to it has ended. */
  readonly closed: Promise<void>;
  /** Stops listening at once and drops open connections (cancel, timeout). Safe to call twice. */
  close(): void;
}

const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': LOOPBACK_PAGE_CSP,
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // One request per connection, so nothing keeps the listener alive after the answer.
  Connection: 'close',
} as const;

function sendPage(res: http.ServerResponse, status: number, outcome: LoopbackOutcome): void {
  res.writeHead(status, PAGE_HEADERS);
  res.end(loopbackPage(outcome));
}

function sendPlain(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' });
  res.end(text);
}

/**
 * RFC 8252 §7.3 loopback redirect: a one-shot HTTP listener on 127.0.0.1 (never 0.0.0.0, so nothing on
 * the network can reach it) on a port the OS picks. The first GET to /callback is handed to `onCallback`;
 * after answering it the listener closes itself.
 */
export async function openLoopbackReceiver(onCallback: CallbackHandler): Promise<LoopbackReceiver> {
  let handled = false;
  let port = 0;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${LOOPBACK_HOST}`);
    // A page on another site that rebinds its DNS to 127.0.0.1 would send its own Host: refuse it, so
    // it cannot end (or race) the real sign-in with a forged callback.
    if (req.headers.host !== `${LOOPBACK_HOST}:${String(port)}`) return sendPlain(res, 400, 'Bad request');
    if (url.pathname !== CALLBACK_PATH) return sendPlain(res, 404, 'Not found');
    if (req.method !== 'GET') {
      res.setHeader('Allow', 'GET');
      return sendPlain(res, 405, 'Method not allowed');
    }
    if (handled) return sendPage(res, 200, 'alreadyHandled');
    handled = true;
    void onCallback(url.searchParams)
      .catch(() => false)
      .then((ok) => {
        res.on('close', closeNow);
        sendPage(res, 200, ok ? 'success' : 'failure');
      });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
  let closing = false;
  function closeNow(): void {
    if (closing) return;
    closing = true;
    server.close();
    server.closeAllConnections();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: LOOPBACK_HOST, port: 0, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return { redirectUri: `http://${LOOPBACK_HOST}:${String(port)}${CALLBACK_PATH}`, port, closed, close: closeNow };
}
