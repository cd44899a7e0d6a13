import { AuthConfigurationError } from './errors';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Plain http is only acceptable to this computer (the sandbox, a developer's local server); anything
 * that leaves the machine must be https, or tokens would travel in clear.
 */
export function isPlainHttpAllowed(url: URL): boolean {
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

export function assertSafeEndpoint(value: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AuthConfigurationError(`${what} is not a URL`);
  }
  if (url.protocol !== 'https:' && !isPlainHttpAllowed(url)) throw new AuthConfigurationError(`${what} must use https`);
  if (url.username !== '' || url.password !== '') throw new AuthConfigurationError(`${what} must not carry credentials`);
  return url;
}
