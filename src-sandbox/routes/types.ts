/** How route modules declare their routes for the API server's router. */
import type { RouteSpec } from '../http/context';
import type { HttpMethod } from '../http/router';

export interface RouteEntry {
  readonly method: HttpMethod;
  readonly pattern: string;
  readonly spec: RouteSpec;
}

export function route(method: HttpMethod, pattern: string, handler: RouteSpec['handler'], auth = true): RouteEntry {
  return { method, pattern, spec: { name: `${method} ${pattern}`, auth, handler } };
}
