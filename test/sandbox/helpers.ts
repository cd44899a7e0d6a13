/** Shared helpers for the sandbox tests: start an in-process sandbox, sign in, call the API. */
import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox, type StartSandboxOptions } from '../../src-sandbox/index';
import { generateDataset, type SeedDataset } from '../../src-sandbox/seed/dataset';
import { SANDBOX_PASSWORD, SCRIPT_CLIENT } from '../../src-sandbox/seed/firms';

export const SEED = 20240607;
/** Fixed, so tests are reproducible; tests that need "today" move the server clock there. */
export const ANCHOR = '2026-03-10';
/** Shared between test files: the first to start generates, the others wait on the cache lock. */
export const TEST_CACHE_DIR = path.join(os.tmpdir(), 'bluebag-sandbox-test-cache');

export const FIRM1_SOLICITOR = 'sokafor';
export const FIRM1_BARRISTER = 'rpritchard';
export const FIRM2_SOLICITOR = 'twhitfield';
export const PASSWORD = SANDBOX_PASSWORD;

export function startTestSandbox(extra: Partial<StartSandboxOptions> = {}): Promise<Sandbox> {
  return startSandbox({ dataset: 'small', seed: SEED, anchorDate: ANCHOR, cacheDir: TEST_CACHE_DIR, port: 0, controlPort: 0, ...extra });
}

let cachedSeed: SeedDataset | null = null;
/** The same seeded world the sandbox serves (pure function of seed + anchor). */
export function seedData(): SeedDataset {
  cachedSeed ??= generateDataset('small', SEED, ANCHOR);
  return cachedSeed;
}

export async function clientCredentialsToken(sb: Sandbox): Promise<string> {
  const res = await fetch(`${sb.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: SCRIPT_CLIENT.clientId, client_secret: SCRIPT_CLIENT.clientSecret }),
  });
  if (res.status !== 200) throw new Error(`client_credentials failed: ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

export interface PkceLogin {
  readonly accessToken: string;
  readonly refreshToken: string;
}

export const REDIRECT_URI = 'http://127.0.0.1:53682/callback';

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Posts the login form; answers the authorization code (or throws). */
export async function authorize(sb: Sandbox, username: string, challenge: string, password = PASSWORD, state = 'xyz'): Promise<Response> {
  return fetch(`${sb.url}/oauth2/authorize`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ response_type: 'code', client_id: 'bluebag-desktop', redirect_uri: REDIRECT_URI, code_challenge: challenge, code_challenge_method: 'S256', state, scope: 'cp offline_access', username, password }),
  });
}

export async function exchangeCode(sb: Sandbox, code: string, verifier: string, redirectUri = REDIRECT_URI): Promise<Response> {
  return fetch(`${sb.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: 'bluebag-desktop', code, code_verifier: verifier, redirect_uri: redirectUri }),
  });
}

export async function login(sb: Sandbox, username: string): Promise<PkceLogin> {
  const { verifier, challenge } = pkcePair();
  const res = await authorize(sb, username, challenge);
  const location = res.headers.get('location');
  if (res.status !== 302 || location === null) throw new Error(`login failed: ${res.status}`);
  const code = new URL(location).searchParams.get('code');
  if (code === null) throw new Error('no code');
  const tokenRes = await exchangeCode(sb, code, verifier);
  const body = (await tokenRes.json()) as { access_token: string; refresh_token: string };
  return { accessToken: body.access_token, refreshToken: body.refresh_token };
}

export function api(sb: Sandbox, token: string | null, pathAndQuery: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (token !== null) headers.set('Authorization', `Bearer ${token}`);
  return fetch(`${sb.url}${pathAndQuery}`, { ...init, headers });
}

export async function apiJson<T>(sb: Sandbox, token: string | null, pathAndQuery: string, init: RequestInit = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await api(sb, token, pathAndQuery, init);
  const text = await res.text();
  return { status: res.status, body: (text === '' ? null : JSON.parse(text)) as T, headers: res.headers };
}

export function control(sb: Sandbox, pathname: string, init: RequestInit = {}): Promise<Response> {
  if (sb.controlUrl === null) throw new Error('no control listener');
  return fetch(`${sb.controlUrl}${pathname}`, init);
}

export function jsonBody(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } };
}

/** Server clock offset that puts the server at 12:00 London time on `date`. */
export function offsetToNoon(date: string): number {
  return Date.parse(`${date}T12:00:00Z`) - Date.now();
}

/** A tiny valid PDF, different per `label`, so uploads can be told apart. */
export function tinyPdf(label: string, padTo = 0): Buffer {
  const content = `BT /F1 12 Tf 72 720 Td (${label}) Tj ET`;
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const pdf = Buffer.from(out, 'latin1');
  // Padding after %%EOF as a comment keeps it a valid PDF for readers.
  return padTo > pdf.length ? Buffer.concat([pdf, Buffer.alloc(padTo - pdf.length, 0x20)]) : pdf;
}

export function sha256Hex(b: Buffer | Uint8Array): string {
  return createHash('sha256').update(b).digest('hex');
}
