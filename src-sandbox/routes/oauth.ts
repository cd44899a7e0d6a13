/**
 * OAuth 2.0 for a native app (RFC 8252): authorization code with PKCE S256 to a
 * loopback redirect, rotating refresh tokens, and client_credentials for scripts.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ApiError, OAuthError } from '../errors';
import { readFormBody } from '../http/body';
import type { RouteContext, RouteSpec } from '../http/context';
import { empty, html, json, type Reply } from '../http/reply';
import { PUBLIC_CLIENT_ID, SCRIPT_CLIENT, USERS, findUser } from '../seed/firms';
import type { Principal } from '../auth/tokens';
import { errorPage, loginPage } from './login-page';

export const SUPPORTED_SCOPES = ['cp', 'offline_access'] as const;
const DEFAULT_SCOPE = SUPPORTED_SCOPES.join(' ');
const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' } as const;
const PAGE_HEADERS = { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'", 'Cache-Control': 'no-store', 'X-Frame-Options': 'DENY' } as const;

const pkceValue = z.string().regex(/^[A-Za-z0-9\-._~]{43,128}$/);

export function metadata(ctx: RouteContext): Promise<Reply> {
  const issuer = ctx.app.baseUrl();
  return Promise.resolve(
    json(200, {
      issuer,
      authorization_endpoint: `${issuer}/oauth2/authorize`,
      token_endpoint: `${issuer}/oauth2/token`,
      userinfo_endpoint: `${issuer}/me`,
      grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none', 'client_secret_basic', 'client_secret_post'],
      scopes_supported: [...SUPPORTED_SCOPES],
      subject_types_supported: ['public'],
    }),
  );
}

/** RFC 8252 §7.3: loopback IP literal, any port, plain http. */
export function isLoopbackRedirect(uri: string): boolean {
  let u: URL;
  try {
    u = new URL(uri);
  } catch {
    return false;
  }
  return u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === '[::1]') && u.hash === '' && u.username === '' && u.password === '';
}

interface AuthorizeParams {
  readonly response_type: string;
  readonly client_id: string;
  readonly redirect_uri: string;
  readonly code_challenge: string;
  readonly code_challenge_method: string;
  readonly state: string;
  readonly scope: string;
}

const AUTH_PARAM_NAMES = ['response_type', 'client_id', 'redirect_uri', 'code_challenge', 'code_challenge_method', 'state', 'scope'] as const;

function readAuthorizeParams(source: URLSearchParams): AuthorizeParams {
  const get = (k: string): string => source.get(k) ?? '';
  return { response_type: get('response_type'), client_id: get('client_id'), redirect_uri: get('redirect_uri'), code_challenge: get('code_challenge'), code_challenge_method: get('code_challenge_method'), state: get('state'), scope: get('scope') };
}

function redirectWith(p: AuthorizeParams, values: Record<string, string>): Reply {
  const target = new URL(p.redirect_uri);
  for (const [k, v] of Object.entries(values)) target.searchParams.set(k, v);
  if (p.state !== '') target.searchParams.set('state', p.state);
  return empty(302, { Location: target.toString(), 'Cache-Control': 'no-store' });
}

/**
 * Checks the request; answers an error page when the client or redirect cannot be
 * trusted (never redirect there), or an error redirect for the other problems.
 */
function checkAuthorize(p: AuthorizeParams): Reply | null {
  if (p.client_id !== PUBLIC_CLIENT_ID) return html(400, errorPage('Unknown application', 'The application asking you to sign in is not registered with this server.'), PAGE_HEADERS);
  if (!isLoopbackRedirect(p.redirect_uri)) return html(400, errorPage('Invalid redirect address', 'redirect_uri must be a loopback address such as http://127.0.0.1:PORT/callback (RFC 8252).'), PAGE_HEADERS);
  if (p.response_type !== 'code') return redirectWith(p, { error: 'unsupported_response_type', error_description: 'response_type must be code' });
  if (!pkceValue.safeParse(p.code_challenge).success) return redirectWith(p, { error: 'invalid_request', error_description: 'code_challenge (PKCE) is required' });
  if (p.code_challenge_method !== 'S256') return redirectWith(p, { error: 'invalid_request', error_description: 'code_challenge_method must be S256' });
  const scopes = p.scope === '' ? [] : p.scope.split(' ');
  if (scopes.some((s) => !(SUPPORTED_SCOPES as readonly string[]).includes(s))) return redirectWith(p, { error: 'invalid_scope', error_description: 'unknown scope' });
  return null;
}

function hiddenParams(p: AuthorizeParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of AUTH_PARAM_NAMES) if (p[k] !== '') out[k] = p[k];
  return out;
}

export async function authorizeGet(ctx: RouteContext): Promise<Reply> {
  const p = readAuthorizeParams(ctx.url.searchParams);
  const problem = checkAuthorize(p);
  if (problem) return problem;
  return html(200, loginPage({ params: hiddenParams(p), username: '', error: null }), PAGE_HEADERS);
}

export async function authorizePost(ctx: RouteContext): Promise<Reply> {
  const form = await readFormBody(ctx.req);
  if (!form) return html(415, errorPage('Unsupported form', 'The sign-in form must be posted as application/x-www-form-urlencoded.'), PAGE_HEADERS);
  const p = readAuthorizeParams(form);
  const problem = checkAuthorize(p);
  if (problem) return problem;
  if (form.get('action') === 'cancel') return redirectWith(p, { error: 'access_denied', error_description: 'the user cancelled sign-in' });
  const username = (form.get('username') ?? '').trim();
  const password = form.get('password') ?? '';
  const user = USERS.find((u) => u.username.toLowerCase() === username.toLowerCase() || u.email.toLowerCase() === username.toLowerCase());
  if (!user || !safeEqual(user.password, password)) {
    return html(401, loginPage({ params: hiddenParams(p), username, error: 'The username or password is not right. Check them and try again.' }), PAGE_HEADERS);
  }
  const principal: Principal = { userId: user.userId, organisationId: user.organisationId, clientId: p.client_id, scope: p.scope === '' ? DEFAULT_SCOPE : p.scope };
  const code = ctx.app.tokens.issueCode(principal, p.redirect_uri, p.code_challenge, ctx.app.clock.nowMs());
  return redirectWith(p, { code });
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function tokenAnswer(ctx: RouteContext, principal: Principal, family: string | null, withRefresh: boolean): Reply {
  const now = ctx.app.clock.nowMs();
  const fam = family ?? ctx.app.tokens.newFamily();
  const access = ctx.app.tokens.issueAccess(principal, now, withRefresh ? fam : null);
  ctx.app.stats.tokenIssued();
  const body: Record<string, unknown> = { access_token: access.token, token_type: 'Bearer', expires_in: access.expiresIn, scope: principal.scope };
  if (withRefresh) {
    body['refresh_token'] = ctx.app.tokens.issueRefresh(principal, now, fam);
    body['refresh_token_expires_in'] = ctx.app.tokens.refreshTtlSeconds;
  }
  return json(200, body, NO_STORE);
}

function clientFromBasic(header: string | undefined): { id: string; secret: string } | null {
  if (!header?.startsWith('Basic ')) return null;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i < 0) return null;
  // RFC 6749 §2.3.1: id and secret are form-urlencoded before Basic encoding.
  return { id: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)) };
}

export async function token(ctx: RouteContext): Promise<Reply> {
  const form = await readFormBody(ctx.req);
  if (!form) throw new OAuthError('invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
  const grant = form.get('grant_type');
  const now = ctx.app.clock.nowMs();
  switch (grant) {
    case 'authorization_code': {
      const clientId = form.get('client_id') ?? '';
      if (clientId !== PUBLIC_CLIENT_ID) throw new OAuthError('invalid_client', 'unknown client_id', 401);
      const code = form.get('code') ?? '';
      const verifier = form.get('code_verifier') ?? '';
      const redirectUri = form.get('redirect_uri') ?? '';
      if (!code || !redirectUri) throw new OAuthError('invalid_request', 'code and redirect_uri are required');
      if (!pkceValue.safeParse(verifier).success) throw new OAuthError('invalid_request', 'code_verifier is required (43-128 characters)');
      const stored = ctx.app.tokens.findCode(code);
      if (!stored || stored.clientId !== clientId) throw new OAuthError('invalid_grant', 'unknown authorization code');
      if (stored.used) {
        // A replayed code: revoke what it produced (RFC 6749 §4.1.2).
        if (stored.family) ctx.app.tokens.revokeFamily(stored.family);
        throw new OAuthError('invalid_grant', 'authorization code already used');
      }
      stored.used = true;
      if (now >= stored.expiresAtMs) throw new OAuthError('invalid_grant', 'authorization code expired');
      if (stored.redirectUri !== redirectUri) throw new OAuthError('invalid_grant', 'redirect_uri does not match the authorization request');
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (challenge !== stored.codeChallenge) throw new OAuthError('invalid_grant', 'PKCE verification failed');
      const family = ctx.app.tokens.newFamily();
      stored.family = family;
      return tokenAnswer(ctx, stored, family, true);
    }
    case 'refresh_token': {
      const clientId = form.get('client_id') ?? '';
      if (clientId !== PUBLIC_CLIENT_ID) throw new OAuthError('invalid_client', 'unknown client_id', 401);
      const refresh = form.get('refresh_token') ?? '';
      if (!refresh) throw new OAuthError('invalid_request', 'refresh_token is required');
      const r = ctx.app.tokens.useRefresh(refresh, clientId, now);
      if (!r.ok) throw new OAuthError('invalid_grant', `refresh token ${r.reason}`);
      return tokenAnswer(ctx, r.principal, r.family, true);
    }
    case 'client_credentials': {
      const basic = clientFromBasic(ctx.req.headers.authorization);
      const id = basic?.id ?? form.get('client_id') ?? '';
      const secret = basic?.secret ?? form.get('client_secret') ?? '';
      if (id !== SCRIPT_CLIENT.clientId || !safeEqual(secret, SCRIPT_CLIENT.clientSecret)) {
        throw new OAuthError('invalid_client', 'client authentication failed', 401, basic ? { 'WWW-Authenticate': 'Basic realm="cp-sandbox"' } : {});
      }
      const user = findUser(SCRIPT_CLIENT.actsAsUserId);
      if (!user) throw new ApiError(500, 'INTERNAL_ERROR', 'script user missing');
      return tokenAnswer(ctx, { userId: user.userId, organisationId: user.organisationId, clientId: id, scope: 'cp' }, null, false);
    }
    default:
      throw new OAuthError(grant ? 'unsupported_grant_type' : 'invalid_request', grant ? `grant_type ${grant} is not supported` : 'grant_type is required');
  }
}

export const oauthRoutes: readonly { method: 'GET' | 'POST'; pattern: string; spec: RouteSpec }[] = [
  { method: 'GET', pattern: '/.well-known/oauth-authorization-server', spec: { name: 'GET /.well-known/oauth-authorization-server', auth: false, handler: metadata } },
  { method: 'GET', pattern: '/.well-known/openid-configuration', spec: { name: 'GET /.well-known/openid-configuration', auth: false, handler: metadata } },
  { method: 'GET', pattern: '/oauth2/authorize', spec: { name: 'GET /oauth2/authorize', auth: false, handler: authorizeGet } },
  { method: 'POST', pattern: '/oauth2/authorize', spec: { name: 'POST /oauth2/authorize', auth: false, handler: authorizePost } },
  { method: 'POST', pattern: '/oauth2/token', spec: { name: 'POST /oauth2/token', auth: false, handler: token } },
];
