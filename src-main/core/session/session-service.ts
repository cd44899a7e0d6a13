import path from 'node:path';
import type { SessionStatus } from '../../../src-preload/api';
import { AuthSession, createFileTokenVault, SignInRequiredError, type SessionUser } from '../auth';
import type { EventBus } from '../events';
import { deriveKey, type KeyProvider } from '../keys';

export interface SessionServiceOptions {
  bus: EventBus;
  dataDir: string;
  keyProvider: KeyProvider;
  /** Where CP (or the sandbox) is now; null when nothing is configured. */
  baseUrl: () => string | null;
  /** A sign-in completed: the caller starts a sync. */
  onSignedIn: (user: SessionUser) => void;
  /** Tests shorten these; production uses AuthSession's defaults. */
  authOptions?: { signInTimeoutMs?: number; refreshSkewSeconds?: number };
}

const SIGNED_OUT: SessionStatus = { state: 'signedOut', user: null };
export const TOKEN_FILE = 'session.tokens';

/**
 * The user's Common Platform session for whichever server is configured now. Holds one AuthSession per
 * base URL (the sandbox or a CP address); switching server drops the old one without touching its
 * stored tokens, which the AuthSession refuses to send anywhere else anyway.
 */
export class SessionService {
  readonly #o: SessionServiceOptions;
  #session: AuthSession | null = null;
  #forUrl: string | null = null;
  #unsubscribe: (() => void) | null = null;
  #status: SessionStatus = SIGNED_OUT;
  /** The restore under way for #forUrl: a second caller waits for it rather than reading a stale status. */
  #following: Promise<SessionStatus> | null = null;

  constructor(options: SessionServiceOptions) {
    this.#o = options;
  }

  /** Follows the configured server: call after the mode or the sandbox's address changed. */
  follow(): Promise<SessionStatus> {
    const url = this.#o.baseUrl();
    // Callers act on the answer (start the outbox, sync): while the stored session is still being
    // restored, "signed out" would be the wrong one, and nothing would tell them later.
    if (url === this.#forUrl) return this.#following ?? Promise.resolve(this.#status);
    const following = this.#follow(url).finally(() => {
      if (this.#following === following) this.#following = null;
    });
    this.#following = following;
    return following;
  }

  async #follow(url: string | null): Promise<SessionStatus> {
    this.#session?.cancelSignIn();
    this.#unsubscribe?.();
    this.#session = null;
    this.#forUrl = url;
    if (url === null) {
      this.#set(SIGNED_OUT);
      return this.#status;
    }
    const master = await this.#o.keyProvider.masterKey();
    const session = new AuthSession({
      baseUrl: url,
      tokenVault: createFileTokenVault(path.join(this.#o.dataDir, TOKEN_FILE), deriveKey(master, 'tokens')),
      ...this.#o.authOptions,
    });
    this.#session = session;
    this.#unsubscribe = session.onChange((status) => this.#set(status));
    const restored = await session.restore();
    this.#set(restored.status);
    return this.#status;
  }

  status(): SessionStatus {
    return this.#status;
  }

  currentUser(): SessionUser | null {
    return this.#session?.currentUser() ?? null;
  }

  async signIn(): Promise<{ authorizationUrl: string }> {
    const session = await this.#require();
    const { authorizationUrl, done } = await session.beginSignIn();
    void done.then(
      (user) => this.#o.onSignedIn(user),
      () => undefined, // cancelled, timed out or refused: the UI hears it from the status it already shows
    );
    return { authorizationUrl };
  }

  cancelSignIn(): SessionStatus {
    this.#session?.cancelSignIn();
    return this.#status;
  }

  async signOut(): Promise<SessionStatus> {
    await this.#session?.signOut();
    return this.#status;
  }

  /** A valid access token for CP calls, refreshed when due; SignInRequiredError when there is none. */
  accessToken(): Promise<string> {
    if (!this.#session) return Promise.reject(new SignInRequiredError());
    return this.#session.accessToken();
  }

  dispose(): void {
    this.#session?.cancelSignIn();
    this.#unsubscribe?.();
  }

  async #require(): Promise<AuthSession> {
    await this.follow();
    if (!this.#session) throw new SignInRequiredError('no-server');
    return this.#session;
  }

  #set(status: SessionStatus): void {
    const same = status.state === this.#status.state && status.user?.displayName === this.#status.user?.displayName;
    this.#status = status;
    if (!same) this.#o.bus.emit('session.changed', status);
  }
}
