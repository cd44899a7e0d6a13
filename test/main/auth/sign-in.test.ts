import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthConfigurationError, AuthNetworkError, AuthSession, SignInFailedError, type SessionStatusValue } from '../../../src-main/core/auth';
import type { Sandbox } from '../../../src-sandbox/index';
import { makeTempDir } from '../../helpers/temp-dir';
import { browserSignIn, followRedirect, newSession, openLoginPage, PASSWORD, settledWithin, startAuthSandbox, submitLogin, USERNAME, vaultIn } from './helpers';

/** Can anything connect to host:port? (false = refused / unreachable) */
function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(1_000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

function redirectPort(authorizationUrl: string): number {
  const redirect = new URL(new URL(authorizationUrl).searchParams.get('redirect_uri') ?? '');
  return Number(redirect.port);
}

describe('sign-in through the browser (authorization code + PKCE, loopback redirect)', () => {
  let sb: Sandbox;
  const temp = makeTempDir();
  const sessions: AuthSession[] = [];

  beforeAll(async () => {
    sb = await startAuthSandbox();
  }, 180_000);
  afterEach(() => {
    for (const s of sessions.splice(0)) s.cancelSignIn();
  });
  afterAll(async () => {
    await sb.stop();
    temp.cleanup();
  });

  function session(extra: Parameters<typeof newSession>[2] = {}): AuthSession {
    const s = newSession(sb, vaultIn(temp.dir).vault(), extra);
    sessions.push(s);
    return s;
  }

  it('builds an S256 PKCE authorization URL to a 127.0.0.1 loopback /callback', async () => {
    const s = session();
    const { authorizationUrl } = await s.beginSignIn();
    const url = new URL(authorizationUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${sb.url}/oauth2/authorize`);
    const q = url.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe('bluebag-desktop');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('scope')).toBe('cp offline_access');
    expect(q.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    // A new attempt gets new secrets.
    const again = new URL((await s.beginSignIn()).authorizationUrl).searchParams;
    expect(again.get('state')).not.toBe(q.get('state'));
    expect(again.get('code_challenge')).not.toBe(q.get('code_challenge'));
  });

  it('completes the whole flow: login page → form → redirect → done resolves with the user; page is bilingual and closed after', async () => {
    const s = session();
    const changes: SessionStatusValue[] = [];
    s.onChange((st) => changes.push(st));
    const { authorizationUrl, done } = await s.beginSignIn();
    const port = redirectPort(authorizationUrl);
    expect(await canConnect('127.0.0.1', port)).toBe(true);

    const landing = await browserSignIn(authorizationUrl);
    expect(landing.location.searchParams.get('code')).toMatch(/^ac_/);
    expect(landing.status).toBe(200);
    expect(landing.html).toContain('You can close this tab');
    expect(landing.html).toContain('lang="cy"');
    expect(landing.html).toContain('Gallwch gau’r tab hwn');
    expect(landing.html).not.toMatch(/<script/i);
    expect(landing.html).not.toMatch(/(src|href)=/i);
    expect(landing.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    expect(landing.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(landing.headers.get('cache-control')).toBe('no-store');

    const user = await done;
    expect(user).toEqual({
      userId: 'a1f4c2d8-6b1e-4e7a-9c3d-000000000101',
      displayName: 'Sarah Okafor',
      organisationId: '5b0c3f7e-3d4a-4c1e-9a53-7f1c2e8d9a01',
      organisationName: 'Carter Lloyd Solicitors LLP',
    });
    expect(s.status()).toEqual({ state: 'signedIn', user: { displayName: 'Sarah Okafor', organisationName: 'Carter Lloyd Solicitors LLP' } });
    expect(changes.at(-1)?.state).toBe('signedIn');

    const token = await s.accessToken();
    const me = await fetch(`${sb.url}/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);

    // One-shot: the listener is gone once `done` has settled.
    expect(await canConnect('127.0.0.1', port)).toBe(false);
  });

  it('binds the loopback listener to 127.0.0.1 only', async () => {
    const s = session();
    const { authorizationUrl } = await s.beginSignIn();
    const port = redirectPort(authorizationUrl);
    expect(await canConnect('127.0.0.1', port)).toBe(true);
    // Another loopback address (Linux routes all of 127/8 to lo) and IPv6 loopback: nobody listens there.
    expect(await canConnect('::1', port)).toBe(false);
    if (process.platform === 'linux') expect(await canConnect('127.0.0.2', port)).toBe(false);
    for (const addrs of Object.values(os.networkInterfaces())) {
      for (const a of addrs ?? []) if (!a.internal && a.family === 'IPv4') expect(await canConnect(a.address, port)).toBe(false);
    }
  });

  it('a wrong password shows the login page again and the flow does not complete', async () => {
    const s = session();
    const { authorizationUrl, done } = await s.beginSignIn();
    const form = await openLoginPage(authorizationUrl);
    const res = await submitLogin(form, USERNAME, 'not-the-password');
    expect(res.status).toBe(401);
    expect(res.headers.get('location')).toBeNull();
    const page = await res.text();
    expect(page).toContain('role="alert"');
    expect(page).toContain('<form method="post"');
    expect(await settledWithin(done, 300)).toBe('pending');
    expect(s.status().state).toBe('signedOut');
    s.cancelSignIn();
    await expect(done).rejects.toMatchObject({ reason: 'cancelled' });
  });

  it('the user pressing Cancel on the login page (access_denied) rejects done with a typed error', async () => {
    const s = session();
    const { authorizationUrl, done } = await s.beginSignIn();
    const form = await openLoginPage(authorizationUrl);
    const landing = await followRedirect(await submitLogin(form, '', '', 'cancel'));
    expect(landing.location.searchParams.get('error')).toBe('access_denied');
    expect(landing.html).toContain('Sign-in did not finish');
    const error = await done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInFailedError);
    expect(error).toMatchObject({ failure: 'denied', messageKey: 'errors.signInCancelled' });
    expect(s.status().state).toBe('signedOut');
    expect(await canConnect('127.0.0.1', redirectPort(authorizationUrl))).toBe(false);
  });

  it('a forged callback with the wrong state rejects done (state mismatch) and no code is exchanged', async () => {
    const s = session();
    const { authorizationUrl, done } = await s.beginSignIn();
    const redirectUri = new URL(authorizationUrl).searchParams.get('redirect_uri') ?? '';
    const before = sb.stats().requests.byRoute['POST /oauth2/token'] ?? 0;
    const forged = await fetch(`${redirectUri}?code=ac_forged&state=not-the-state`);
    expect(forged.status).toBe(200);
    expect(await forged.text()).toContain('Sign-in did not finish');
    await expect(done).rejects.toMatchObject({ name: 'SignInFailedError', failure: 'stateMismatch', messageKey: 'errors.signInFailed' });
    expect(sb.stats().requests.byRoute['POST /oauth2/token'] ?? 0).toBe(before);
    expect(s.status().state).toBe('signedOut');
  });

  it('a real code delivered with a tampered state is refused too', async () => {
    const s = session();
    const { authorizationUrl, done } = await s.beginSignIn();
    const form = await openLoginPage(authorizationUrl);
    const res = await submitLogin(form, USERNAME, PASSWORD);
    const location = new URL(res.headers.get('location') ?? '');
    location.searchParams.set('state', 'tampered');
    await fetch(location);
    await expect(done).rejects.toMatchObject({ failure: 'stateMismatch' });
  });

  it('refuses requests for another Host (DNS rebinding) without ending the sign-in', async () => {
    const s = session();
    const { authorizationUrl, done } = await s.beginSignIn();
    const port = redirectPort(authorizationUrl);
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/callback?code=x&state=y', headers: { Host: `evil.example:${String(port)}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.once('error', reject);
      req.end();
    });
    expect(status).toBe(400);
    expect(await settledWithin(done, 100)).toBe('pending');
    // Other paths (favicon) are 404 and do not end it either.
    expect((await fetch(`http://127.0.0.1:${String(port)}/favicon.ico`)).status).toBe(404);
    expect(await settledWithin(done, 100)).toBe('pending');
    await browserSignIn(authorizationUrl);
    await expect(done).resolves.toMatchObject({ displayName: 'Sarah Okafor' });
  });

  it('an abandoned sign-in times out (configurable) and closes the listener', async () => {
    const s = session({ signInTimeoutMs: 250 });
    const { authorizationUrl, done } = await s.beginSignIn();
    const error = await done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInFailedError);
    expect(error).toMatchObject({ failure: 'timedOut', messageKey: 'errors.signInTimedOut' });
    expect(await canConnect('127.0.0.1', redirectPort(authorizationUrl))).toBe(false);
  });

  it('cancelSignIn rejects done as cancelled; starting again cancels the earlier attempt', async () => {
    const s = session();
    const first = await s.beginSignIn();
    const second = await s.beginSignIn();
    await expect(first.done).rejects.toMatchObject({ failure: 'cancelled', messageKey: 'errors.signInCancelled' });
    expect(await canConnect('127.0.0.1', redirectPort(first.authorizationUrl))).toBe(false);
    s.cancelSignIn();
    await expect(second.done).rejects.toMatchObject({ failure: 'cancelled' });
    expect(await canConnect('127.0.0.1', redirectPort(second.authorizationUrl))).toBe(false);
  });

  it('an attempt nobody awaits does not leave an unhandled rejection behind', async () => {
    const seen: unknown[] = [];
    const onUnhandled = (reason: unknown): void => {
      seen.push(reason);
    };
    process.on('unhandledRejection', onUnhandled);
    try {
      const s = session({ signInTimeoutMs: 50 });
      await s.beginSignIn();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(seen).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('beginSignIn rejects with a retryable network error when the server is unreachable', async () => {
    await sb.setFaults({ offline: true });
    try {
      const s = session();
      const error = await s.beginSignIn().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthNetworkError);
      expect(error).toMatchObject({ retryable: true, messageKey: 'errors.cpOffline' });
    } finally {
      await sb.resetFaults();
    }
  });

  it('refuses plain http to anything but this computer', () => {
    const vault = vaultIn(temp.dir).vault();
    expect(() => new AuthSession({ baseUrl: 'http://cp.example.gov.uk', tokenVault: vault })).toThrow(AuthConfigurationError);
    expect(() => new AuthSession({ baseUrl: 'https://cp.example.gov.uk', tokenVault: vault })).not.toThrow();
  });
});
