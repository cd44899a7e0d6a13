import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthNetworkError,
  AuthServerUnavailableError,
  SignInRequiredError,
  TokenVaultUnreadableError,
  type AuthSession,
  type SessionStatusValue,
} from '../../../src-main/core/auth';
import { SessionStatusSchema, type SessionStatus } from '../../../src-preload/api';
import type { Sandbox } from '../../../src-sandbox/index';
import { makeTempDir } from '../../helpers/temp-dir';
import { browserSignIn, control, newSession, startAuthSandbox, TestClock, tokenRequests, vaultIn, type VaultFixture } from './helpers';

describe('the session: stored tokens, restore, refresh, sign-out', () => {
  let sb: Sandbox;
  let temp: ReturnType<typeof makeTempDir>;
  let dataDir: string;
  let fixture: VaultFixture;

  beforeAll(async () => {
    sb = await startAuthSandbox();
  }, 180_000);
  afterAll(async () => {
    await sb.stop();
  });
  afterEach(async () => {
    await sb.resetFaults();
    temp.cleanup();
  });

  /** A data folder like the app's: the token file in auth/, plus local data the session must never touch. */
  async function freshDataDir(): Promise<void> {
    temp = makeTempDir();
    dataDir = temp.dir;
    fixture = vaultIn(dataDir);
    await fs.writeFile(path.join(dataDir, 'cases.db'), 'local case data marker');
  }

  async function signIn(session: AuthSession): Promise<void> {
    const { authorizationUrl, done } = await session.beginSignIn();
    await browserSignIn(authorizationUrl);
    await done;
  }

  async function me(token: string): Promise<number> {
    return (await fetch(`${sb.url}/me`, { headers: { Authorization: `Bearer ${token}` } })).status;
  }

  it('keeps the tokens encrypted on disk and restores them after a restart', async () => {
    await freshDataDir();
    const first = newSession(sb, fixture.vault());
    await signIn(first);
    const token = await first.accessToken();

    const raw = await fs.readFile(fixture.file);
    for (const secret of [token, 'Sarah', 'Okafor', 'Carter Lloyd', '5b0c3f7e']) expect(raw.includes(Buffer.from(secret))).toBe(false);
    if (process.platform !== 'win32') expect((await fs.stat(fixture.file)).mode & 0o777).toBe(0o600);

    // "Restart": a new session and a new vault object on the same file and key.
    const second = newSession(sb, fixture.vault());
    expect(second.status()).toEqual({ state: 'signedOut', user: null });
    const changes: SessionStatusValue[] = [];
    second.onChange((s) => changes.push(s));
    const restored = await second.restore();
    expect(restored.problem).toBeNull();
    expect(restored.status).toEqual({ state: 'signedIn', user: { displayName: 'Sarah Okafor', organisationName: 'Carter Lloyd Solicitors LLP' } });
    expect(changes).toEqual([restored.status]);
    // The status crosses the contract as-is: it must fit its schema (and its type, checked by tsc).
    const contractStatus: SessionStatus = second.status();
    expect(SessionStatusSchema.parse(contractStatus)).toEqual(contractStatus);
    expect(second.currentUser()).toMatchObject({ userId: 'a1f4c2d8-6b1e-4e7a-9c3d-000000000101', organisationId: '5b0c3f7e-3d4a-4c1e-9a53-7f1c2e8d9a01' });

    const before = tokenRequests(sb);
    const restoredToken = await second.accessToken();
    expect(restoredToken).toBe(token);
    expect(tokenRequests(sb)).toBe(before);
    expect(await me(restoredToken)).toBe(200);
  });

  it('a wrong key at restore means signed out with a typed error, and sign-in still works after', async () => {
    await freshDataDir();
    await signIn(newSession(sb, fixture.vault()));
    const other = newSession(sb, fixture.vault(randomBytes(32)));
    const restored = await other.restore();
    expect(restored.status).toEqual({ state: 'signedOut', user: null });
    expect(restored.problem).toBeInstanceOf(TokenVaultUnreadableError);
    expect(restored.problem?.messageKey).toBe('errors.savedSignInUnreadable');
    await expect(other.accessToken()).rejects.toBeInstanceOf(SignInRequiredError);
    // Signing in again replaces the unreadable file with one this key can read.
    await signIn(other);
    expect(await newSession(sb, fixture.vault(randomBytes(32))).restore()).toMatchObject({ problem: { reason: 'vaultUnreadable' } });
  });

  it('restores as expired (with the user shown) when the refresh token is past its expiry', async () => {
    await freshDataDir();
    const clock = new TestClock();
    await signIn(newSession(sb, fixture.vault(), { now: clock.now }));
    clock.advanceSeconds(8 * 3600 + 1);
    const later = newSession(sb, fixture.vault(), { now: clock.now });
    const restored = await later.restore();
    expect(restored.status).toEqual({ state: 'expired', user: { displayName: 'Sarah Okafor', organisationName: 'Carter Lloyd Solicitors LLP' } });
    const before = tokenRequests(sb);
    await expect(later.accessToken()).rejects.toBeInstanceOf(SignInRequiredError);
    expect(tokenRequests(sb)).toBe(before);
  });

  it('ignores stored tokens issued by another server', async () => {
    await freshDataDir();
    await signIn(newSession(sb, fixture.vault()));
    const elsewhere = await startAuthSandbox();
    try {
      const restored = await newSession(elsewhere, fixture.vault()).restore();
      expect(restored).toEqual({ status: { state: 'signedOut', user: null }, problem: null });
    } finally {
      await elsewhere.stop();
    }
  });

  it('refreshes near expiry; concurrent callers share ONE refresh; the rotated token is stored', async () => {
    await freshDataDir();
    const clock = new TestClock();
    const session = newSession(sb, fixture.vault(), { now: clock.now, refreshSkewSeconds: 60 });
    await signIn(session);
    const original = await session.accessToken();

    // 841 s into a 900 s token: inside the 60 s skew, so the next call must refresh.
    clock.advanceSeconds(841);
    const before = tokenRequests(sb);
    const tokens = await Promise.all(Array.from({ length: 8 }, () => session.accessToken()));
    expect(tokenRequests(sb) - before).toBe(1);
    expect(new Set(tokens).size).toBe(1);
    const fresh = tokens[0] ?? '';
    expect(fresh).not.toBe(original);
    expect(await me(fresh)).toBe(200);

    // The fresh token is used until it too nears expiry.
    expect(await session.accessToken()).toBe(fresh);
    expect(tokenRequests(sb) - before).toBe(1);

    // The rotated refresh token was persisted: a restarted session can refresh with it.
    const stored = await fixture.vault().load();
    expect(stored?.accessToken).toBe(fresh);
    const restarted = newSession(sb, fixture.vault(), { now: clock.now });
    await restarted.restore();
    clock.advanceSeconds(900);
    const afterRestart = await restarted.accessToken();
    expect(afterRestart).not.toBe(fresh);
    expect(await me(afterRestart)).toBe(200);
  });

  it('refreshes for real when the server issues short-lived tokens (no fake clock)', async () => {
    await freshDataDir();
    const shortLived = await startAuthSandbox({ accessTokenTtlSeconds: 30 });
    try {
      // 30 s tokens with a 60 s skew: every call is "near expiry".
      const session = newSession(shortLived, fixture.vault(), { refreshSkewSeconds: 60 });
      await signIn(session);
      const before = tokenRequests(shortLived);
      const [a, b] = await Promise.all([session.accessToken(), session.accessToken()]);
      expect(a).toBe(b);
      expect(tokenRequests(shortLived) - before).toBe(1);
      expect((await fetch(`${shortLived.url}/me`, { headers: { Authorization: `Bearer ${a ?? ''}` } })).status).toBe(200);
    } finally {
      await shortLived.stop();
    }
  });

  it('a revoked refresh token → SignInRequiredError, state expired, tokens cleared, local data untouched', async () => {
    await freshDataDir();
    const clock = new TestClock();
    const session = newSession(sb, fixture.vault(), { now: clock.now });
    await signIn(session);
    const refreshToken = (await fixture.vault().load())?.refreshToken ?? '';
    const changes: SessionStatusValue[] = [];
    session.onChange((s) => changes.push(s));

    expect((await control(sb, '/tokens/revoke')).status).toBe(200);
    clock.advanceSeconds(900);
    const error = await session.accessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInRequiredError);
    expect(error).toMatchObject({ messageKey: 'errors.signInRequired', retryable: false });
    // Nothing secret or personal in what an error can show or log.
    const shown = `${String(error)} ${JSON.stringify(error)}`;
    expect(shown).not.toContain(refreshToken);
    expect(shown).not.toContain('Okafor');

    expect(session.status()).toEqual({ state: 'expired', user: { displayName: 'Sarah Okafor', organisationName: 'Carter Lloyd Solicitors LLP' } });
    expect(changes.map((c) => c.state)).toEqual(['expired']);
    await expect(fixture.vault().load()).resolves.toBeNull();
    await expect(fs.readFile(path.join(dataDir, 'cases.db'), 'utf8')).resolves.toBe('local case data marker');
    // Later calls fail fast without asking the server again.
    const before = tokenRequests(sb);
    await expect(session.accessToken()).rejects.toBeInstanceOf(SignInRequiredError);
    expect(tokenRequests(sb)).toBe(before);
    // Signing in again recovers.
    await signIn(session);
    expect(session.status().state).toBe('signedIn');
  });

  it('a network failure during refresh is retryable and keeps the tokens', async () => {
    await freshDataDir();
    const clock = new TestClock();
    const session = newSession(sb, fixture.vault(), { now: clock.now, requestTimeoutMs: 2_000 });
    await signIn(session);
    const storedBefore = await fixture.vault().load();
    clock.advanceSeconds(900);

    await sb.setFaults({ offline: true });
    const error = await session.accessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthNetworkError);
    expect(error).toMatchObject({ retryable: true, reason: 'network' });
    expect(session.status().state).toBe('signedIn');
    await expect(fixture.vault().load()).resolves.toEqual(storedBefore);

    await sb.setFaults({ offline: false });
    const token = await session.accessToken();
    expect(await me(token)).toBe(200);
  });

  it('a hung token endpoint is cut off by the request timeout (retryable)', async () => {
    await freshDataDir();
    const clock = new TestClock();
    const session = newSession(sb, fixture.vault(), { now: clock.now, requestTimeoutMs: 300 });
    await signIn(session);
    clock.advanceSeconds(900);
    await sb.setFaults({ latencyMs: 2_000, pathPrefix: '/oauth2/token' });
    const started = Date.now();
    await expect(session.accessToken()).rejects.toMatchObject({ name: 'AuthNetworkError', messageKey: 'errors.cpTimeout', retryable: true });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(session.status().state).toBe('signedIn');
  });

  it('a 503 from the token endpoint is a retryable server error, tokens kept', async () => {
    await freshDataDir();
    const clock = new TestClock();
    const session = newSession(sb, fixture.vault(), { now: clock.now });
    await signIn(session);
    clock.advanceSeconds(900);
    await sb.setFaults({ errorRate: 1, errorKinds: ['503'], pathPrefix: '/oauth2/token' });
    const error = await session.accessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthServerUnavailableError);
    expect(error).toMatchObject({ retryable: true, messageKey: 'errors.cpServer' });
    expect(session.status().state).toBe('signedIn');
    await sb.resetFaults();
    expect(await me(await session.accessToken())).toBe(200);
  });

  it('signOut clears the tokens (file and memory), tells listeners, and leaves local data alone', async () => {
    await freshDataDir();
    const session = newSession(sb, fixture.vault());
    await signIn(session);
    const changes: SessionStatusValue[] = [];
    const unsubscribe = session.onChange((s) => changes.push(s));
    await session.signOut();
    expect(session.status()).toEqual({ state: 'signedOut', user: null });
    expect(changes).toEqual([{ state: 'signedOut', user: null }]);
    await expect(fs.stat(fixture.file)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(session.accessToken()).rejects.toBeInstanceOf(SignInRequiredError);
    await expect(fs.readFile(path.join(dataDir, 'cases.db'), 'utf8')).resolves.toBe('local case data marker');
    unsubscribe();
    await signIn(session);
    expect(changes).toHaveLength(1);
  });

  it('signOut while a refresh is in flight does not bring the tokens back', async () => {
    await freshDataDir();
    const clock = new TestClock();
    const session = newSession(sb, fixture.vault(), { now: clock.now });
    await signIn(session);
    clock.advanceSeconds(900);
    await sb.setFaults({ latencyMs: 300, pathPrefix: '/oauth2/token' });
    const pending = session.accessToken();
    await session.signOut();
    await expect(pending).rejects.toBeInstanceOf(SignInRequiredError);
    expect(session.status().state).toBe('signedOut');
    await expect(fixture.vault().load()).resolves.toBeNull();
  });
});
