/** A small method + path-pattern router (no express): `/forms/:formId/sections/:section/lock`. */

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';

export interface RouteDef<H> {
  readonly method: HttpMethod;
  readonly pattern: string;
  readonly handler: H;
}

interface Compiled<H> extends RouteDef<H> {
  readonly regex: RegExp;
  readonly names: readonly string[];
}

export type RouteMatch<H> =
  | { readonly kind: 'found'; readonly route: RouteDef<H>; readonly params: Readonly<Record<string, string>> }
  | { readonly kind: 'methodNotAllowed'; readonly allow: readonly HttpMethod[] }
  | { readonly kind: 'notFound' };

export class Router<H> {
  private readonly routes: Compiled<H>[] = [];

  add(method: HttpMethod, pattern: string, handler: H): this {
    const names: string[] = [];
    const source = pattern
      .split('/')
      .map((seg) => {
        if (seg.startsWith(':')) {
          names.push(seg.slice(1));
          return '([^/]+)';
        }
        return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    this.routes.push({ method, pattern, handler, regex: new RegExp(`^${source}$`), names });
    return this;
  }

  match(method: string, pathname: string): RouteMatch<H> {
    const allow: HttpMethod[] = [];
    for (const r of this.routes) {
      const m = r.regex.exec(pathname);
      if (!m) continue;
      // HEAD is answered by the GET handler (without a body).
      if (r.method === method || (method === 'HEAD' && r.method === 'GET')) {
        const params: Record<string, string> = {};
        let bad = false;
        r.names.forEach((name, i) => {
          try {
            params[name] = decodeURIComponent(m[i + 1] ?? '');
          } catch {
            bad = true;
          }
        });
        if (bad) return { kind: 'notFound' };
        return { kind: 'found', route: r, params };
      }
      allow.push(r.method);
    }
    return allow.length > 0 ? { kind: 'methodNotAllowed', allow } : { kind: 'notFound' };
  }
}
