/**
 * GETs whose bodies are streamed to disk (material content) go through node:http(s) rather than
 * fetch. A downloaded body is the app's largest traffic by far, and fetch hands it over through a
 * WHATWG stream — a promise, a read result and a copy of every network read, all on the main thread,
 * where the sync also runs SQLite and the UI's IPC. Node's own client gives the socket's reads to an
 * async iterator as they are: the sync benchmark measured fetch at ~1.6 times the CPU per byte
 * (docs/BENCHMARKS.md, ninth round). Everything else (JSON calls, uploads) stays on fetch.
 *
 * Like fetch here: no redirects are followed (node:http never does), no body decoding (the caller
 * asks for identity), the caller's signal ends the request and its body.
 */
import http from 'node:http';
import https from 'node:https';

/** What a streamed GET answered: the status, the headers, and a body to be read or destroyed. */
export interface StreamedAnswer {
  readonly status: number;
  /** As fetch's Headers has them (a repeated header joined with ', '). */
  readonly headers: Headers;
  /** The body's bytes as they arrive; throws if the connection breaks or the signal aborts. */
  readonly body: AsyncIterable<Uint8Array>;
  /** Releases the connection without reading the rest of the body. */
  destroy(): void;
}

/** Sends a GET; rejects (with the transport's error, `code` on it where there is one) when no answer came. */
export type StreamGet = (url: string, headers: Readonly<Record<string, string>>, signal: AbortSignal) => Promise<StreamedAnswer>;

/** Errors of a kept-alive socket the server closed as the request went out: safe to send again once. */
const STALE_SOCKET_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

function answerOf(res: http.IncomingMessage): StreamedAnswer {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return {
    status: res.statusCode ?? 0,
    headers,
    body: res,
    destroy: () => res.destroy(),
  };
}

function errorCode(error: unknown): string | null {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : null;
}

/**
 * A StreamGet with its own kept-alive connections (one pool for http:, one for https:), so a sync's
 * thousands of downloads reuse a few sockets as fetch's would.
 */
export function createStreamGet(): StreamGet {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, scheduling: 'lifo' }),
    'https:': new https.Agent({ keepAlive: true, scheduling: 'lifo' }),
  };
  /** `fresh`: on a connection of its own (agent false), never a kept-alive one. */
  const attempt = (url: URL, headers: Readonly<Record<string, string>>, signal: AbortSignal, fresh: boolean): Promise<{ answer: StreamedAnswer } | { stale: unknown }> =>
    new Promise((resolve, reject) => {
      const secure = url.protocol === 'https:';
      const options = { agent: fresh ? false : secure ? agents['https:'] : agents['http:'], headers, signal };
      const req = (secure ? https : http).get(url, options, (res) => resolve({ answer: answerOf(res) }));
      req.once('error', (error) => {
        // A reused socket the server had just closed fails before any answer: not the network being
        // down, and not the server refusing — the same GET on a fresh socket is the right next step.
        if (req.reusedSocket && !signal.aborted && STALE_SOCKET_CODES.has(errorCode(error) ?? '')) resolve({ stale: error });
        else reject(error);
      });
    });
  return async (href, headers, signal) => {
    const url = new URL(href);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RangeError('only http(s) URLs can be fetched');
    const first = await attempt(url, headers, signal, false);
    if ('answer' in first) return first.answer;
    // Sent again on a new connection: the pool's next kept-alive socket may have been closed by the
    // server at the same moment, and a second stale failure would read as being offline.
    const second = await attempt(url, headers, signal, true);
    if ('answer' in second) return second.answer;
    throw second.stale;
  };
}
