/** Shared by the auth tests: a real sandbox over loopback, a scripted "browser", vault files in temp folders. */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { AuthSession, createFileTokenVault, type AuthSessionOptions, type TokenVault } from '../../../src-main/core/auth';
import { SANDBOX_PASSWORD, startSandbox, type Sandbox, type StartSandboxOptions } from '../../../src-sandbox/index';
import { ANCHOR, SEED, TEST_CACHE_DIR } from '../../sandbox/helpers';

export const USERNAME = 'sokafor';
export const PASSWORD = SANDBOX_PASSWORD;

export function startAuthSandbox(extra: Partial<StartSandboxOptions> = {}): Promise<Sandbox> {
  return startSandbox({ dataset: 'small', seed: SEED, anchorDate: ANCHOR, cacheDir: TEST_CACHE_DIR, port: 0, controlPort: 0, ...extra });
}

export function tokenRequests(sb: Sandbox): number {
  return sb.stats().requests.byRoute['POST /oauth2/token'] ?? 0;
}

export function control(sb: Sandbox, pathname: string): Promise<Response> {
  if (sb.controlUrl === null) throw new Error('no control listener');
  return fetch(`${sb.controlUrl}${pathname}`, { method: 'POST' });
}

/** A mutable clock for `now`, so tests can jump past expiry without waiting. */
export class TestClock {
  constructor(public ms = Date.now()) {}
  readonly now = (): number => this.ms;
  advanceSeconds(s: number): void {
    this.ms += s * 1000;
  }
}

export interface VaultFixture {
  readonly file: string;
  readonly key: Buffer;
  vault(key?: Buffer): TokenVault;
}

export function vaultIn(dir: string): VaultFixture {
  const file = path.join(dir, 'auth', 'tokens.bin');
  const key = randomBytes(32);
  return { file, key, vault: (k = key) => createFileTokenVault(file, k) };
}

export function newSession(sb: Sandbox, tokenVault: TokenVault, extra: Partial<AuthSessionOptions> = {}): AuthSession {
  return new AuthSession({ baseUrl: sb.url, tokenVault, ...extra });
}

function unescapeHtml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? '');
}

export interface LoginForm {
  readonly action: URL;
  readonly fields: URLSearchParams;
  readonly html: string;
}

/** What a browser does with the authorization URL: load the sign-in page and read its form. */
export async function openLoginPage(authorizationUrl: string): Promise<LoginForm> {
  const res = await fetch(authorizationUrl);
  if (res.status !== 200) throw new Error(`login page answered ${String(res.status)}`);
  return parseLoginForm(authorizationUrl, await res.text());
}

export function parseLoginForm(pageUrl: string, html: string): LoginForm {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (action === undefined) throw new Error('no form on the page');
  const fields = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) fields.set(unescapeHtml(m[1] ?? ''), unescapeHtml(m[2] ?? ''));
  return { action: new URL(unescapeHtml(action), pageUrl), fields, html };
}

/** Submits the form as the user would (button `signin` or `cancel`); redirects are left to the caller. */
export function submitLogin(form: LoginForm, username: string, password: string, button: 'signin' | 'cancel' = 'signin'): Promise<Response> {
  const body = new URLSearchParams(form.fields);
  body.set('username', username);
  body.set('password', password);
  body.set('action', button);
  return fetch(form.action, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
}

export interface LoopbackVisit {
  readonly location: URL;
  readonly status: number;
  readonly headers: Headers;
  readonly html: string;
}

/** Follows the authorization server's 302 to the app's loopback listener. */
export async function followRedirect(res: Response): Promise<LoopbackVisit> {
  const location = res.headers.get('location');
  if (res.status !== 302 || location === null) throw new Error(`expected a redirect, got ${String(res.status)}`);
  const target = new URL(location);
  const landing = await fetch(target);
  return { location: target, status: landing.status, headers: landing.headers, html: await landing.text() };
}

/** The whole browser side of a sign-in: page, form post, redirect to the loopback. */
export async function browserSignIn(authorizationUrl: string, username = USERNAME, password = PASSWORD): Promise<LoopbackVisit> {
  const form = await openLoginPage(authorizationUrl);
  return followRedirect(await submitLogin(form, username, password));
}

/** Settles to 'pending' when `p` has not settled within `ms`. */
export async function settledWithin<T>(p: Promise<T>, ms: number): Promise<'pending' | 'resolved' | 'rejected'> {
  let timer: NodeJS.Timeout | undefined;
  const pending = new Promise<'pending'>((resolve) => {
    timer = setTimeout(() => resolve('pending'), ms);
  });
  try {
    return await Promise.race([p.then(() => 'resolved' as const, () => 'rejected' as const), pending]);
  } finally {
    clearTimeout(timer);
  }
}
