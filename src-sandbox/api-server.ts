/**
 * The API listener: routing, bearer auth, and the request-level faults (offline,
 * latency, rate limit, error injection). Going offline closes the listener and
 * destroys open sockets so clients get "connection refused", like a dead server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, OAuthError } from './errors';
import type { FaultController } from './faults';
import type { AppServices, RouteContext, RouteSpec } from './http/context';
import { Listener } from './http/listener';
import { json, type Reply } from './http/reply';
import { Router, type RouteMatch } from './http/router';
import { NO_RESPONSE_FAULTS, sendReply } from './http/send';
import { associationRoutes } from './routes/associations';
import { caseRoutes } from './routes/cases';
import { checkInRoutes } from './routes/check-in';
import { formRoutes } from './routes/forms';
import { materialRoutes } from './routes/materials';
import { oauthRoutes } from './routes/oauth';
import { serveRoutes } from './routes/serve';
import { systemRoutes } from './routes/system';
import type { RouteEntry } from './routes/types';

export interface ApiServerOptions {
  readonly host: string;
  readonly services: Omit<AppServices, 'baseUrl'>;
  readonly faults: FaultController;
  /** A "timeout" fault never answers, but the socket is closed after this long. */
  readonly hungRequestCloseMs: number;
  /**
   * Called after every handled POST/PUT/DELETE, whatever its outcome: even refusals can change
   * state (a lock request is noted, a replayed code revokes tokens), and a needless save is harmless.
   */
  readonly onMutation?: () => void;
}

const INVALID_TOKEN = (description: string): ApiError =>
  new ApiError(401, 'UNAUTHORIZED', description, {}, { 'WWW-Authenticate': `Bearer realm="cp-sandbox", error="invalid_token", error_description="${description}"` });

export class ApiServer {
  private readonly listener: Listener;
  private readonly router = new Router<RouteSpec>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private boundPort = 0;
  private listening = false;
  private readonly services: AppServices;

  constructor(private readonly opts: ApiServerOptions) {
    this.services = { ...opts.services, baseUrl: () => `http://${opts.host}:${this.boundPort}` };
    const all: readonly RouteEntry[] = [...systemRoutes, ...oauthRoutes, ...caseRoutes, ...materialRoutes, ...associationRoutes, ...formRoutes, ...serveRoutes, ...checkInRoutes];
    for (const r of all) this.router.add(r.method, r.pattern, r.spec);
    this.listener = new Listener(opts.host, (req, res) => this.handle(req, res), { keepAliveTimeout: 5000 });
  }

  get port(): number {
    return this.boundPort;
  }

  get url(): string {
    return this.services.baseUrl();
  }

  async listen(port: number): Promise<void> {
    await this.listener.listen(port);
    this.boundPort = this.listener.port;
    this.listening = true;
  }

  /** offline = true: refuse connections. The port is kept so coming back online reuses it. */
  async setOffline(offline: boolean): Promise<void> {
    if (offline && this.listening) {
      this.listening = false;
      await this.listener.close();
      // Let in-process clients see their pooled connections close before anyone sends again.
      await new Promise((resolve) => setTimeout(resolve, 20));
    } else if (!offline && !this.listening) {
      await this.listen(this.boundPort);
    }
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    if (this.listening) await this.setOffline(true);
    this.listener.destroySockets();
  }

  private delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const match = this.router.match(req.method ?? 'GET', url.pathname);
    this.services.stats.request(match.kind === 'found' ? match.route.handler.name : match.kind === 'methodNotAllowed' ? `${req.method ?? '?'} (method not allowed)` : 'unmatched');
    const faults = this.opts.faults;
    const applies = faults.appliesTo(url.pathname);
    const isHealth = url.pathname === '/health';
    const latency = faults.get().latencyMs;
    if (applies && latency > 0) await this.delay(latency);
    if (res.destroyed) return;
    if (applies && !isHealth) {
      const rf = faults.requestFault();
      switch (rf.kind) {
        case 'none':
          break;
        case 'rateLimited':
          this.services.stats.faultInjected('429');
          req.resume();
          await sendReply(req, res, json(429, { errorCode: 'RATE_LIMITED', message: 'too many requests' }, { 'Retry-After': String(rf.retryAfterSeconds) }), NO_RESPONSE_FAULTS, this.services.clock.nowMs());
          return;
        case 'error':
          this.services.stats.faultInjected(rf.errorKind);
          switch (rf.errorKind) {
            case '500':
              req.resume();
              await sendReply(req, res, json(500, { errorCode: 'INTERNAL_ERROR', message: 'internal server error (sandbox fault)' }), NO_RESPONSE_FAULTS, this.services.clock.nowMs());
              return;
            case '503':
              req.resume();
              await sendReply(req, res, json(503, { errorCode: 'SERVICE_UNAVAILABLE', message: 'service unavailable (sandbox fault)' }, { 'Retry-After': '1' }), NO_RESPONSE_FAULTS, this.services.clock.nowMs());
              return;
            case 'reset':
              req.socket.destroy();
              return;
            case 'timeout': {
              // Never answer; close after a bound so the test process is not held open for ever.
              const t = setTimeout(() => {
                this.timers.delete(t);
                req.socket.destroy();
              }, this.opts.hungRequestCloseMs);
              this.timers.add(t);
              return;
            }
          }
      }
    }
    const reply = await this.dispatch(req, url, match);
    if (req.method !== 'GET' && req.method !== 'HEAD') this.opts.onMutation?.();
    const current = faults.get();
    const responseFaults = applies && !isHealth ? { corruption: current.corruption, dropAfterBytes: current.dropAfterBytes } : NO_RESPONSE_FAULTS;
    await sendReply(req, res, reply, responseFaults, this.services.clock.nowMs());
  }

  private async dispatch(req: IncomingMessage, url: URL, match: RouteMatch<RouteSpec>): Promise<Reply> {
    try {
      switch (match.kind) {
        case 'notFound':
          req.resume();
          return json(404, { errorCode: 'NOT_FOUND', message: `no route for ${url.pathname}` });
        case 'methodNotAllowed':
          req.resume();
          return json(405, { errorCode: 'METHOD_NOT_ALLOWED', message: `use ${match.allow.join(', ')}` }, { Allow: match.allow.join(', ') });
        case 'found': {
          const principal = match.route.handler.auth ? this.authenticate(req) : null;
          const ctx: RouteContext = { req, url, params: match.params, principal, app: this.services };
          return await match.route.handler.handler(ctx);
        }
      }
    } catch (err) {
      req.resume();
      return errorReply(err);
    }
  }

  private authenticate(req: IncomingMessage): RouteContext['principal'] {
    const header = req.headers.authorization;
    if (header === undefined || !/^Bearer\s+\S+$/i.test(header)) throw INVALID_TOKEN('a bearer access token is required');
    const token = header.replace(/^Bearer\s+/i, '').trim();
    const check = this.services.tokens.checkAccess(token, this.services.clock.nowMs());
    if (!check.ok) throw INVALID_TOKEN(check.reason === 'expired' ? 'the access token expired' : 'the access token is not valid');
    return check.principal;
  }
}

export function errorReply(err: unknown): Reply {
  if (err instanceof ApiError) return json(err.status, { errorCode: err.errorCode, message: err.message, ...err.extra }, err.headers);
  if (err instanceof OAuthError) return json(err.status, { error: err.error, error_description: err.message }, { ...err.headers, 'Cache-Control': 'no-store' });
  // Unexpected: say nothing about the data (it may name people), just that it failed.
  process.emitWarning(`sandbox handler failed: ${err instanceof Error ? err.message : String(err)}`);
  return json(500, { errorCode: 'INTERNAL_ERROR', message: 'internal server error' });
}
