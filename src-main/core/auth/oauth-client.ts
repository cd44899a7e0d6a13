import * as oauth from 'oauth4webapi';
import { z } from 'zod';
import { fetchSessionUser } from './cp-user';
import { assertSafeEndpoint, isPlainHttpAllowed } from './endpoint-policy';
import { toAuthError, toNetworkError } from './error-mapping';
import { AuthError, AuthProtocolError, SignInFailedError, SignInRequiredError } from './errors';
import type { SessionUser } from './stored-tokens';

/** `cp` for the API, `offline_access` for a refresh token so the lawyer is not asked to sign in hourly. */
export const SIGN_IN_SCOPE = 'cp offline_access';

/**
 * A second look at a token response after oauth4webapi's own checks: Bluebag also needs a lifetime to
 * schedule refreshes, and (for the code grant) a refresh token.
 */
const TokenGrantSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.literal('bearer'),
  expires_in: z.number().positive(),
  refresh_token: z.string().min(1).optional(),
  refresh_token_expires_in: z.number().positive().optional(),
  scope: z.string().optional(),
});

export interface TokenGrant {
  readonly accessToken: string;
  readonly expiresInSeconds: number;
  readonly refreshToken: string | null;
  readonly refreshTokenExpiresInSeconds: number | null;
  readonly scope: string | null;
}

export interface OAuthClientOptions {
  readonly baseUrl: string;
  readonly clientId: string;
  readonly fetch: typeof fetch;
  readonly requestTimeoutMs: number;
}

function toGrant(response: oauth.TokenEndpointResponse): TokenGrant {
  const parsed = TokenGrantSchema.safeParse(response);
  if (!parsed.success) throw new AuthProtocolError('token-response-shape');
  const t = parsed.data;
  return {
    accessToken: t.access_token,
    expiresInSeconds: t.expires_in,
    refreshToken: t.refresh_token ?? null,
    refreshTokenExpiresInSeconds: t.refresh_token_expires_in ?? null,
    scope: t.scope ?? null,
  };
}

/** The protocol half of sign-in, on top of oauth4webapi: discovery, PKCE code exchange, refresh, revocation. */
export class CpOAuthClient {
  readonly issuer: URL;
  readonly #client: oauth.Client;
  readonly #clientAuth = oauth.None();
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;
  readonly #allowHttp: boolean;
  #metadata: Promise<oauth.AuthorizationServer> | null = null;

  constructor(opts: OAuthClientOptions) {
    this.issuer = assertSafeEndpoint(opts.baseUrl, 'baseUrl');
    this.#allowHttp = isPlainHttpAllowed(this.issuer);
    this.#client = { client_id: opts.clientId };
    this.#fetch = opts.fetch;
    this.#timeoutMs = opts.requestTimeoutMs;
  }

  /** The Common Platform base URL in canonical form, used to tie stored tokens to their server. */
  get baseUrl(): string {
    return this.issuer.href;
  }

  /** RFC 8414 metadata, fetched once per session; a failure is not cached so the next call retries. */
  discover(): Promise<oauth.AuthorizationServer> {
    if (this.#metadata === null) {
      const pending = this.#discover();
      this.#metadata = pending;
      pending.catch(() => {
        if (this.#metadata === pending) this.#metadata = null;
      });
    }
    return this.#metadata;
  }

  authorizationUrl(as: oauth.AuthorizationServer, p: { redirectUri: string; codeChallenge: string; state: string }): string {
    const url = new URL(this.#endpoint(as.authorization_endpoint, 'authorization_endpoint'));
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', this.#client.client_id);
    url.searchParams.set('redirect_uri', p.redirectUri);
    url.searchParams.set('scope', SIGN_IN_SCOPE);
    url.searchParams.set('code_challenge', p.codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
    url.searchParams.set('state', p.state);
    return url.href;
  }

  /** Checks state (and iss when the server sends it) before anything else, then surfaces error=… answers. */
  validateCallback(as: oauth.AuthorizationServer, params: URLSearchParams, expectedState: string): URLSearchParams {
    try {
      return oauth.validateAuthResponse(as, this.#client, params, expectedState);
    } catch (error) {
      if (error instanceof oauth.AuthorizationResponseError) {
        if (error.error === 'access_denied') throw new SignInFailedError('denied', 'access_denied');
        throw new AuthProtocolError(`authorize:${error.error}`);
      }
      throw new SignInFailedError('stateMismatch', 'state');
    }
  }

  async exchangeCode(as: oauth.AuthorizationServer, callback: URLSearchParams, redirectUri: string, codeVerifier: string, signal: AbortSignal): Promise<TokenGrant> {
    try {
      const response = await oauth.authorizationCodeGrantRequest(as, this.#client, this.#clientAuth, callback, redirectUri, codeVerifier, this.#http(signal));
      const grant = toGrant(await oauth.processAuthorizationCodeResponse(as, this.#client, response));
      if (grant.refreshToken === null) throw new AuthProtocolError('no-refresh-token');
      return grant;
    } catch (error) {
      // A refused code (expired, replayed, PKCE mismatch) only means this attempt failed: sign in again.
      if (error instanceof oauth.ResponseBodyError && error.error === 'invalid_grant') throw new SignInFailedError('rejected', 'invalid_grant');
      throw toAuthError(error);
    }
  }

  /** Throws SignInRequiredError when the server refuses the refresh token (invalid_grant). */
  async refresh(refreshToken: string): Promise<TokenGrant> {
    try {
      const as = await this.discover();
      const response = await oauth.refreshTokenGrantRequest(as, this.#client, this.#clientAuth, refreshToken, this.#http());
      return toGrant(await oauth.processRefreshTokenResponse(as, this.#client, response));
    } catch (error) {
      if (error instanceof oauth.ResponseBodyError && error.error === 'invalid_grant') throw new SignInRequiredError('invalid_grant');
      throw toAuthError(error);
    }
  }

  /** RFC 7009 revocation when the server offers it; false when it does not. */
  async revoke(as: oauth.AuthorizationServer, token: string, hint: 'refresh_token' | 'access_token'): Promise<boolean> {
    if (as.revocation_endpoint === undefined) return false;
    this.#endpoint(as.revocation_endpoint, 'revocation_endpoint');
    try {
      const response = await oauth.revocationRequest(as, this.#client, this.#clientAuth, token, { ...this.#http(), additionalParameters: { token_type_hint: hint } });
      await oauth.processRevocationResponse(response);
      return true;
    } catch (error) {
      throw toAuthError(error);
    }
  }

  fetchUser(accessToken: string, signal?: AbortSignal): Promise<SessionUser> {
    // Relative to the base so a base URL with a path (an API gateway) keeps its prefix.
    const base = this.issuer.href.endsWith('/') ? this.issuer.href : `${this.issuer.href}/`;
    return fetchSessionUser(this.#fetch, new URL('me', base), accessToken, this.#signal(signal));
  }

  async #discover(): Promise<oauth.AuthorizationServer> {
    try {
      const response = await oauth.discoveryRequest(this.issuer, { ...this.#http(), algorithm: 'oauth2' });
      const as = await oauth.processDiscoveryResponse(this.issuer, response);
      this.#endpoint(as.authorization_endpoint, 'authorization_endpoint');
      this.#endpoint(as.token_endpoint, 'token_endpoint');
      // PKCE S256 is what keeps a stolen code useless; a server that does not offer it is not safe to use.
      const methods = as.code_challenge_methods_supported;
      if (methods !== undefined && !methods.includes('S256')) throw new AuthProtocolError('no-s256');
      return as;
    } catch (error) {
      throw toAuthError(error);
    }
  }

  /** Metadata must not lure the tokens to plain http elsewhere, whatever the base URL allowed. */
  #endpoint(value: string | undefined, what: string): string {
    if (value === undefined) throw new AuthProtocolError(`missing:${what}`);
    try {
      return assertSafeEndpoint(value, what).href;
    } catch (error) {
      if (error instanceof AuthError) throw new AuthProtocolError(`unsafe:${what}`);
      throw error;
    }
  }

  #signal(extra?: AbortSignal): AbortSignal {
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    return extra === undefined ? timeout : AbortSignal.any([timeout, extra]);
  }

  #http<Method extends string, Body>(extra?: AbortSignal): oauth.HttpRequestOptions<Method, Body> {
    const fetchImpl = this.#fetch;
    return {
      // A fresh timeout per request (the factory is called for each one).
      signal: () => this.#signal(extra),
      [oauth.customFetch]: async (url: string, init: oauth.CustomFetchOptions<Method, Body>) => {
        try {
          // oauth4webapi only ever hands over fetch-compatible bodies (URLSearchParams, strings).
          return await fetchImpl(url, init as RequestInit);
        } catch (error) {
          throw toNetworkError(error);
        }
      },
      [oauth.allowInsecureRequests]: this.#allowHttp,
    };
  }
}
