/** What every route handler receives, and the services it may use. */
import type { IncomingMessage } from 'node:http';
import type { Principal, TokenStore } from '../auth/tokens';
import type { ServerClock } from '../clock';
import { ApiError } from '../errors';
import type { CaseState, SandboxState } from '../state/store';
import type { StatsRecorder } from '../stats';
import type { IdempotencyStore } from './idempotency';
import type { Reply } from './reply';

export interface AppServices {
  readonly state: SandboxState;
  readonly tokens: TokenStore;
  readonly clock: ServerClock;
  readonly stats: StatsRecorder;
  readonly idempotency: IdempotencyStore;
  /** http://127.0.0.1:PORT: the issuer and base of every URL the sandbox hands out. */
  readonly baseUrl: () => string;
  readonly lockTtlMs: number;
  readonly maxUploadBytes: number;
  /** This instance's scratch folder: uploads and republished bundles (never the shared cache). */
  readonly runtimeDir: string;
}

export interface RouteContext {
  readonly req: IncomingMessage;
  readonly url: URL;
  readonly params: Readonly<Record<string, string>>;
  /** Set for routes that need auth (the dispatcher refuses the request otherwise). */
  readonly principal: Principal | null;
  readonly app: AppServices;
}

export type Handler = (ctx: RouteContext) => Promise<Reply>;

export interface RouteSpec {
  /** Stable name for stats, e.g. "GET /prosecutionCases/:caseId". */
  readonly name: string;
  readonly auth: boolean;
  readonly handler: Handler;
}

export function principalOf(ctx: RouteContext): Principal {
  if (!ctx.principal) throw new ApiError(401, 'UNAUTHORIZED', 'sign in required', {}, { 'WWW-Authenticate': 'Bearer realm="cp-sandbox", error="invalid_token"' });
  return ctx.principal;
}

export function param(ctx: RouteContext, name: string): string {
  const v = ctx.params[name];
  if (v === undefined) throw new Error(`route has no :${name}`);
  return v;
}

export function caseOr404(ctx: RouteContext, caseId: string): CaseState {
  const c = ctx.app.state.cases.get(caseId);
  if (!c) throw new ApiError(404, 'CASE_NOT_FOUND', 'no prosecution case with that id');
  return c;
}

/** CP lets a firm see a case's details only once it is associated with one of its defendants. */
export function requireAssociated(ctx: RouteContext, caseId: string): Principal {
  const p = principalOf(ctx);
  if (!ctx.app.state.isFirmAssociated(p.organisationId, caseId)) {
    throw new ApiError(403, 'NOT_ASSOCIATED_ORGANISATION', 'your organisation is not associated with a defendant in this case');
  }
  return p;
}
