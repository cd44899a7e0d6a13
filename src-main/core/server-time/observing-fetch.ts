/**
 * Wrappers that note CP's clock from every response. Hand them to the CP client (`createCpClient({
 * fetch, streamGet })`) so every call — sync, downloads, uploads — keeps the estimate fresh without
 * the client knowing.
 */
import type { StreamGet } from '../cp';
import type { ServerClockEstimate } from './server-clock-estimate';

export function observingFetch(inner: typeof fetch, estimate: ServerClockEstimate, localNow: () => number = Date.now): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    // fetch resolves when the headers arrive, which is the moment the Date header describes.
    estimate.observe(response.headers.get('date'), localNow());
    return response;
  };
}

export function observingStreamGet(inner: StreamGet, estimate: ServerClockEstimate, localNow: () => number = Date.now): StreamGet {
  return async (url, headers, signal) => {
    const answer = await inner(url, headers, signal);
    // As for fetch: the answer comes once its headers have arrived.
    estimate.observe(answer.headers.get('date'), localNow());
    return answer;
  };
}
