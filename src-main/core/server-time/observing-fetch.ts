/**
 * A fetch that notes CP's clock from every response. Hand it to the CP client (`createCpClient({ fetch })`)
 * so every call — sync, downloads, uploads — keeps the estimate fresh without the client knowing.
 */
import type { ServerClockEstimate } from './server-clock-estimate';

export function observingFetch(inner: typeof fetch, estimate: ServerClockEstimate, localNow: () => number = Date.now): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    // fetch resolves when the headers arrive, which is the moment the Date header describes.
    estimate.observe(response.headers.get('date'), localNow());
    return response;
  };
}
