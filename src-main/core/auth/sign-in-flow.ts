import * as oauth from 'oauth4webapi';
import { toAuthError } from './error-mapping';
import { SignInFailedError } from './errors';
import { openLoopbackReceiver, type LoopbackReceiver } from './loopback-receiver';
import type { CpOAuthClient, TokenGrant } from './oauth-client';
import type { SessionUser } from './stored-tokens';

export interface SignInFlowOptions {
  readonly client: CpOAuthClient;
  readonly timeoutMs: number;
  /** Persists the outcome; runs before the browser is told sign-in finished, so the page never lies. */
  readonly commit: (grant: TokenGrant, user: SessionUser) => Promise<void>;
}

/**
 * One browser sign-in attempt: PKCE verifier and state live only here, in memory, for the life of the
 * attempt. Settles exactly once — by the callback, a cancel or the timeout, whichever comes first.
 */
export class SignInFlow {
  readonly done: Promise<SessionUser>;
  #resolve!: (user: SessionUser) => void;
  #reject!: (error: unknown) => void;
  #settled = false;
  /** Set once tokens are being saved: from then on a cancel or timeout is too late to undo the sign-in. */
  #committing = false;
  readonly #abort = new AbortController();
  #timer: NodeJS.Timeout | null = null;
  #receiver: LoopbackReceiver | null = null;
  #authorizationUrl = '';

  private constructor() {
    this.done = new Promise<SessionUser>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    // Marks the rejection handled, so an attempt nobody awaits cannot crash the main process with an
    // unhandled rejection; callers that chain on `done` still see it.
    this.done.catch(() => undefined);
  }

  get authorizationUrl(): string {
    return this.#authorizationUrl;
  }

  static async start(opts: SignInFlowOptions): Promise<SignInFlow> {
    const flow = new SignInFlow();
    const as = await opts.client.discover();
    const codeVerifier = oauth.generateRandomCodeVerifier();
    const codeChallenge = await oauth.calculatePKCECodeChallenge(codeVerifier);
    const state = oauth.generateRandomState();
    const receiver = await openLoopbackReceiver((params) => flow.#onCallback(opts, as, params, state, codeVerifier));
    flow.#receiver = receiver;
    try {
      flow.#authorizationUrl = opts.client.authorizationUrl(as, { redirectUri: receiver.redirectUri, codeChallenge, state });
    } catch (error) {
      receiver.close();
      throw error;
    }
    flow.#timer = setTimeout(() => flow.#fail(new SignInFailedError('timedOut'), true), opts.timeoutMs);
    // An abandoned sign-in must not keep a headless process (tests, scripts) alive on its own.
    flow.#timer.unref();
    return flow;
  }

  cancel(): void {
    this.#fail(new SignInFailedError('cancelled'), true);
  }

  async #onCallback(opts: SignInFlowOptions, as: oauth.AuthorizationServer, params: URLSearchParams, state: string, codeVerifier: string): Promise<boolean> {
    const redirectUri = this.#receiver?.redirectUri;
    if (this.#settled || redirectUri === undefined) return false;
    try {
      const callback = opts.client.validateCallback(as, params, state);
      const grant = await opts.client.exchangeCode(as, callback, redirectUri, codeVerifier, this.#abort.signal);
      const user = await opts.client.fetchUser(grant.accessToken, this.#abort.signal);
      // Cancelled or timed out while the exchange was in flight: the user has moved on, keep nothing.
      if (this.#settled) return false;
      this.#committing = true;
      await opts.commit(grant, user);
      this.#succeed(user);
      return true;
    } catch (error) {
      // Not forced: the receiver still answers the browser with the failure page, then closes itself.
      this.#fail(toAuthError(error), false);
      return false;
    }
  }

  #finish(): Promise<void> {
    this.#settled = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#abort.abort();
    const receiver = this.#receiver;
    if (receiver === null) return Promise.resolve();
    return receiver.closed;
  }

  #succeed(user: SessionUser): void {
    if (this.#settled) return;
    // The receiver closes itself once the browser has its page; `done` waits for that so callers can
    // rely on the port being free when it resolves.
    void this.#finish().then(() => this.#resolve(user));
  }

  #fail(error: unknown, forceClose: boolean): void {
    // A forced stop (cancel, timeout) racing the save would leave `done` rejected while the session is
    // signed in; the save wins, and if it fails that failure is what `done` reports.
    if (this.#settled || (forceClose && this.#committing)) return;
    const closing = this.#finish();
    if (forceClose) this.#receiver?.close();
    void closing.then(() => this.#reject(error));
  }
}
