import { SignInRequiredError, TokenVaultUnreadableError, type AuthError } from './errors';
import { CpOAuthClient, type TokenGrant } from './oauth-client';
import { SignInFlow } from './sign-in-flow';
import type { SessionUser, StoredTokens, TokenVault } from './stored-tokens';

export const DEFAULT_CLIENT_ID = 'bluebag-desktop';
const DEFAULT_REFRESH_SKEW_SECONDS = 60;
const DEFAULT_SIGN_IN_TIMEOUT_MS = 5 * 60_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

export interface AuthSessionOptions {
  /** Common Platform (or sandbox) base URL; also the OAuth issuer. https, or http to this computer only. */
  baseUrl: string;
  /** Public client id (PKCE, no secret); default 'bluebag-desktop'. */
  clientId?: string;
  tokenVault: TokenVault;
  fetch?: typeof fetch;
  /** Epoch milliseconds; injectable so tests can move time without waiting. */
  now?: () => number;
  /** Refresh this long before the access token expires; default 60. */
  refreshSkewSeconds?: number;
  /** An abandoned browser sign-in gives up after this long; default 5 minutes. */
  signInTimeoutMs?: number;
  /** Every request to the server is aborted after this long; default 15 seconds. */
  requestTimeoutMs?: number;
}

export type SessionState = 'signedOut' | 'signedIn' | 'expired';

/** What the UI may show: never ids or tokens. Same shape as the contract's SessionStatus. */
export interface SessionStatusValue {
  state: SessionState;
  user: { displayName: string; organisationName: string } | null;
}

export interface RestoreResult {
  status: SessionStatusValue;
  /** Set when stored tokens existed but could not be read (wrong key, damaged file): signed out because of it. */
  problem: AuthError | null;
}

/**
 * The user's Common Platform session: sign-in through the system browser, the tokens (kept in the
 * vault), refreshing them, and the signed-in / expired / signed-out state the UI shows. Knows nothing
 * about local case data on purpose: an ended session never deletes anything the lawyer has offline.
 */
export class AuthSession {
  readonly #client: CpOAuthClient;
  readonly #vault: TokenVault;
  readonly #now: () => number;
  readonly #skewMs: number;
  readonly #signInTimeoutMs: number;
  readonly #listeners = new Set<(status: SessionStatusValue) => void>();

  #state: SessionState = 'signedOut';
  #user: SessionUser | null = null;
  #tokens: StoredTokens | null = null;
  #flow: SignInFlow | null = null;
  #refreshing: Promise<string> | null = null;
  /** Bumped whenever the tokens are replaced or dropped, so a refresh that started earlier cannot bring old ones back. */
  #epoch = 0;

  constructor(opts: AuthSessionOptions) {
    const fetchImpl = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#client = new CpOAuthClient({ baseUrl: opts.baseUrl, clientId: opts.clientId ?? DEFAULT_CLIENT_ID, fetch: fetchImpl, requestTimeoutMs: opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS });
    this.#vault = opts.tokenVault;
    this.#now = opts.now ?? Date.now;
    this.#skewMs = (opts.refreshSkewSeconds ?? DEFAULT_REFRESH_SKEW_SECONDS) * 1000;
    this.#signInTimeoutMs = opts.signInTimeoutMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS;
  }

  /**
   * Starts a browser sign-in and returns the address for the UI to open. Starting again cancels an
   * attempt still in progress. Rejects (before any browser is involved) when the server cannot be reached.
   */
  async beginSignIn(): Promise<{ authorizationUrl: string; done: Promise<SessionUser> }> {
    this.cancelSignIn();
    const flow = await SignInFlow.start({ client: this.#client, timeoutMs: this.#signInTimeoutMs, commit: (grant, user) => this.#commitSignIn(grant, user) });
    // Two overlapping calls: the later one wins, as if the user had cancelled the first.
    this.#flow?.cancel();
    this.#flow = flow;
    void flow.done
      .catch(() => undefined)
      .then(() => {
        if (this.#flow === flow) this.#flow = null;
      });
    return { authorizationUrl: flow.authorizationUrl, done: flow.done };
  }

  cancelSignIn(): void {
    this.#flow?.cancel();
    this.#flow = null;
  }

  /** A valid access token, refreshed first when it expires within the skew. Concurrent callers share one refresh. */
  accessToken(): Promise<string> {
    const tokens = this.#tokens;
    if (tokens === null || this.#state !== 'signedIn') return Promise.reject(new SignInRequiredError());
    if (tokens.accessTokenExpiresAt - this.#skewMs > this.#now()) return Promise.resolve(tokens.accessToken);
    if (this.#refreshing === null) {
      const refreshing = this.#refresh(tokens).finally(() => {
        if (this.#refreshing === refreshing) this.#refreshing = null;
      });
      this.#refreshing = refreshing;
    }
    return this.#refreshing;
  }

  status(): SessionStatusValue {
    return { state: this.#state, user: this.#user === null ? null : { displayName: this.#user.displayName, organisationName: this.#user.organisationName } };
  }

  /** The signed-in (or last, when expired) user with ids, for code that must tell firms apart. */
  currentUser(): SessionUser | null {
    return this.#user === null ? null : { ...this.#user };
  }

  onChange(listener: (status: SessionStatusValue) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /**
   * Forgets the tokens here first (state and file), then asks the server to revoke the refresh token
   * when it offers revocation; a failure there is ignored because the tokens are already gone locally.
   * Rejects only if the token file could not be deleted.
   */
  async signOut(): Promise<void> {
    this.cancelSignIn();
    const tokens = this.#tokens;
    this.#epoch += 1;
    this.#tokens = null;
    this.#setState('signedOut', null);
    let clearFailure: unknown = null;
    await this.#vault.clear().catch((error: unknown) => {
      clearFailure = error;
    });
    if (tokens !== null) await this.#revokeQuietly(tokens);
    if (clearFailure !== null) throw clearFailure;
  }

  /** At start-up: picks up stored tokens. Never throws for an unreadable file: it reports it and stays signed out. */
  async restore(): Promise<RestoreResult> {
    const epoch = this.#epoch;
    let stored: StoredTokens | null;
    try {
      stored = await this.#vault.load();
    } catch (error) {
      if (epoch !== this.#epoch) return { status: this.status(), problem: null };
      const problem = error instanceof TokenVaultUnreadableError ? error : new TokenVaultUnreadableError('load');
      this.#setState('signedOut', null);
      return { status: this.status(), problem };
    }
    // A sign-in or sign-out finished while the file was read: that is newer than the file.
    if (epoch !== this.#epoch) return { status: this.status(), problem: null };
    // Tokens from another server (sandbox vs Common Platform) are not ours to send here.
    if (stored === null || stored.baseUrl !== this.#client.baseUrl) {
      this.#setState('signedOut', null);
      return { status: this.status(), problem: null };
    }
    this.#epoch += 1;
    if (this.#refreshTokenExpired(stored)) {
      this.#tokens = null;
      this.#setState('expired', stored.user);
    } else {
      this.#tokens = stored;
      this.#setState('signedIn', stored.user);
    }
    return { status: this.status(), problem: null };
  }

  async #commitSignIn(grant: TokenGrant, user: SessionUser): Promise<void> {
    const now = this.#now();
    if (grant.refreshToken === null) throw new SignInRequiredError('no-refresh-token');
    const tokens: StoredTokens = {
      version: 1,
      baseUrl: this.#client.baseUrl,
      accessToken: grant.accessToken,
      accessTokenExpiresAt: now + Math.round(grant.expiresInSeconds * 1000),
      refreshToken: grant.refreshToken,
      refreshTokenExpiresAt: grant.refreshTokenExpiresInSeconds === null ? null : now + Math.round(grant.refreshTokenExpiresInSeconds * 1000),
      scope: grant.scope,
      user,
    };
    await this.#vault.save(tokens);
    this.#epoch += 1;
    this.#tokens = tokens;
    this.#setState('signedIn', user);
  }

  async #refresh(tokens: StoredTokens): Promise<string> {
    const epoch = this.#epoch;
    if (this.#refreshTokenExpired(tokens)) {
      await this.#endSession(epoch, false);
      throw new SignInRequiredError('refresh-token-expired');
    }
    let grant: TokenGrant;
    try {
      grant = await this.#client.refresh(tokens.refreshToken);
    } catch (error) {
      if (error instanceof SignInRequiredError) {
        // Refused (revoked, reused, expired server-side): the tokens are worthless, drop them.
        await this.#endSession(epoch, true);
      }
      throw error;
    }
    // Signed out (or in again) while this refresh was in flight: its result belongs to nobody.
    if (epoch !== this.#epoch) throw new SignInRequiredError('session-replaced');
    const now = this.#now();
    const rotated = grant.refreshToken !== null;
    const next: StoredTokens = {
      ...tokens,
      accessToken: grant.accessToken,
      accessTokenExpiresAt: now + Math.round(grant.expiresInSeconds * 1000),
      refreshToken: grant.refreshToken ?? tokens.refreshToken,
      refreshTokenExpiresAt: rotated ? (grant.refreshTokenExpiresInSeconds === null ? null : now + Math.round(grant.refreshTokenExpiresInSeconds * 1000)) : tokens.refreshTokenExpiresAt,
      scope: grant.scope ?? tokens.scope,
    };
    // Memory first: the server has already retired the old refresh token, so the new one must be used
    // from now on even if writing the file fails (the write error still reaches the caller).
    this.#tokens = next;
    await this.#vault.save(next);
    return next.accessToken;
  }

  async #endSession(epoch: number, clearVault: boolean): Promise<void> {
    if (epoch !== this.#epoch) return;
    this.#epoch += 1;
    this.#tokens = null;
    this.#setState('expired', this.#user);
    // A failed delete is not reported: it only leaves dead tokens, which the server refuses again after
    // a restart, and the caller's error (sign in again) is the one that matters.
    if (clearVault) await this.#vault.clear().catch(() => undefined);
  }

  #refreshTokenExpired(tokens: StoredTokens): boolean {
    return tokens.refreshTokenExpiresAt !== null && tokens.refreshTokenExpiresAt <= this.#now();
  }

  async #revokeQuietly(tokens: StoredTokens): Promise<void> {
    try {
      const as = await this.#client.discover();
      await this.#client.revoke(as, tokens.refreshToken, 'refresh_token');
    } catch {
      // Ignored by design: the local copy is already gone; an unreachable server cannot undo a sign-out.
    }
  }

  #setState(state: SessionState, user: SessionUser | null): void {
    const changed = state !== this.#state || user?.userId !== this.#user?.userId || user?.displayName !== this.#user?.displayName;
    this.#state = state;
    this.#user = user;
    if (!changed) return;
    const status = this.status();
    for (const listener of [...this.#listeners]) {
      try {
        listener(status);
      } catch {
        // One faulty listener must not stop the others or break the session's own bookkeeping.
      }
    }
  }
}
