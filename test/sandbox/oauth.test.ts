import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src-sandbox/index';
import { SCRIPT_CLIENT } from '../../src-sandbox/seed/firms';
import { api, apiJson, authorize, control, exchangeCode, login, pkcePair, REDIRECT_URI, startTestSandbox, FIRM1_SOLICITOR } from './helpers';

let sb: Sandbox;

beforeAll(async () => {
  sb = await startTestSandbox({ accessTokenTtlSeconds: 900 });
}, 180_000);

afterAll(async () => {
  await sb.stop();
});

function refresh(refreshToken: string): Promise<Response> {
  return fetch(`${sb.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', client_id: 'bluebag-desktop', refresh_token: refreshToken }),
  });
}

describe('OAuth 2.0 (authorization code + PKCE, refresh rotation, client credentials)', () => {
  it('publishes authorization server metadata', async () => {
    for (const p of ['/.well-known/oauth-authorization-server', '/.well-known/openid-configuration']) {
      const { status, body } = await apiJson<Record<string, unknown>>(sb, null, p);
      expect(status).toBe(200);
      expect(body['issuer']).toBe(sb.url);
      expect(body['authorization_endpoint']).toBe(`${sb.url}/oauth2/authorize`);
      expect(body['token_endpoint']).toBe(`${sb.url}/oauth2/token`);
      expect(body['code_challenge_methods_supported']).toEqual(['S256']);
      expect(body['grant_types_supported']).toEqual(expect.arrayContaining(['authorization_code', 'refresh_token', 'client_credentials']));
      expect(body['token_endpoint_auth_methods_supported']).toEqual(expect.arrayContaining(['none', 'client_secret_basic']));
    }
  });

  it('serves an accessible login page without scripts or external assets', async () => {
    const { challenge } = pkcePair();
    const q = new URLSearchParams({ response_type: 'code', client_id: 'bluebag-desktop', redirect_uri: 'http://127.0.0.1:49152/cb', code_challenge: challenge, code_challenge_method: 'S256', state: 's1' });
    const res = await fetch(`${sb.url}/oauth2/authorize?${q.toString()}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const page = await res.text();
    expect(page).toContain('<label for="username">');
    expect(page).toContain('<label for="password">');
    expect(page).toContain('lang="en-GB"');
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/(src|href)="https?:/i);
  });

  it('refuses a non-loopback redirect_uri or unknown client with an error page (no redirect)', async () => {
    const { challenge } = pkcePair();
    for (const [clientId, redirect] of [['bluebag-desktop', 'https://evil.example/cb'], ['bluebag-desktop', 'http://localhost.evil.example:80/cb'], ['someone-else', 'http://127.0.0.1:5000/cb']] as const) {
      const q = new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: redirect, code_challenge: challenge, code_challenge_method: 'S256' });
      const res = await fetch(`${sb.url}/oauth2/authorize?${q.toString()}`, { redirect: 'manual' });
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
    }
  });

  it('redirects with invalid_request when PKCE is missing or not S256', async () => {
    const q = new URLSearchParams({ response_type: 'code', client_id: 'bluebag-desktop', redirect_uri: REDIRECT_URI, state: 'abc', code_challenge: 'x'.repeat(43), code_challenge_method: 'plain' });
    const res = await fetch(`${sb.url}/oauth2/authorize?${q.toString()}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const loc = new URL(res.headers.get('location') ?? '');
    expect(loc.searchParams.get('error')).toBe('invalid_request');
    expect(loc.searchParams.get('state')).toBe('abc');
  });

  it('shows the page again with an error on a wrong password', async () => {
    const { challenge } = pkcePair();
    const res = await authorize(sb, FIRM1_SOLICITOR, challenge, 'wrong-password');
    expect(res.status).toBe(401);
    const page = await res.text();
    expect(page).toContain('role="alert"');
    expect(page).toContain('value="sokafor"');
  });

  it('runs the whole code flow: code → tokens → /me; wrong verifier refused; code single-use', async () => {
    const { verifier, challenge } = pkcePair();
    const res = await authorize(sb, 'sarah.okafor@carterlloyd.example', challenge, undefined, 'state-123');
    expect(res.status).toBe(302);
    const loc = new URL(res.headers.get('location') ?? '');
    expect(`${loc.origin}${loc.pathname}`).toBe(REDIRECT_URI);
    expect(loc.searchParams.get('state')).toBe('state-123');
    const code = loc.searchParams.get('code') ?? '';

    const wrong = await exchangeCode(sb, code, pkcePair().verifier);
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: string }).error).toBe('invalid_grant');
    // The failed attempt burned the code (single use).
    const reuse = await exchangeCode(sb, code, verifier);
    expect(reuse.status).toBe(400);

    const second = pkcePair();
    const res2 = await authorize(sb, FIRM1_SOLICITOR, second.challenge);
    const code2 = new URL(res2.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const wrongRedirect = await exchangeCode(sb, code2, second.verifier, 'http://127.0.0.1:1/other');
    expect(wrongRedirect.status).toBe(400);

    const third = pkcePair();
    const res3 = await authorize(sb, FIRM1_SOLICITOR, third.challenge);
    const code3 = new URL(res3.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const ok = await exchangeCode(sb, code3, third.verifier);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    const tokens = (await ok.json()) as Record<string, unknown>;
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 900, scope: 'cp offline_access' });
    expect(typeof tokens['access_token']).toBe('string');
    expect(typeof tokens['refresh_token']).toBe('string');
    const me = await apiJson<{ email: string; role: string; organisation: { organisationName: string; laaContractNumbers: string[] } }>(sb, String(tokens['access_token']), '/me');
    expect(me.status).toBe(200);
    expect(me.body.email).toBe('sarah.okafor@carterlloyd.example');
    expect(me.body.role).toBe('SOLICITOR');
    expect(me.body.organisation.organisationName).toBe('Carter Lloyd Solicitors LLP');

    // Replaying a used code is refused and revokes the tokens it produced (RFC 6749 §4.1.2).
    const again = await exchangeCode(sb, code3, third.verifier);
    expect(again.status).toBe(400);
    expect((await api(sb, String(tokens['access_token']), '/me')).status).toBe(401);
  });

  it('rotates refresh tokens; replaying an old one is refused and revokes the family', async () => {
    const first = await login(sb, FIRM1_SOLICITOR);
    const r1 = await refresh(first.refreshToken);
    expect(r1.status).toBe(200);
    const t1 = (await r1.json()) as { access_token: string; refresh_token: string };
    expect(t1.refresh_token).not.toBe(first.refreshToken);
    expect((await api(sb, t1.access_token, '/me')).status).toBe(200);

    const replay = await refresh(first.refreshToken);
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as { error: string }).error).toBe('invalid_grant');
    // Reuse detection revoked the newer tokens of that family too.
    expect((await refresh(t1.refresh_token)).status).toBe(400);
    expect((await api(sb, t1.access_token, '/me')).status).toBe(401);
  });

  it('POST /tokens/expire makes access tokens fail; refresh then recovers; /tokens/revoke ends refresh', async () => {
    const session = await login(sb, FIRM1_SOLICITOR);
    expect((await api(sb, session.accessToken, '/me')).status).toBe(200);
    const expired = await control(sb, '/tokens/expire', { method: 'POST' });
    expect(expired.status).toBe(200);
    const after = await api(sb, session.accessToken, '/me');
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toContain('expired');
    const r = await refresh(session.refreshToken);
    expect(r.status).toBe(200);
    const fresh = (await r.json()) as { access_token: string; refresh_token: string };
    expect((await api(sb, fresh.access_token, '/me')).status).toBe(200);

    expect((await control(sb, '/tokens/revoke', { method: 'POST' })).status).toBe(200);
    const refused = await refresh(fresh.refresh_token);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('access tokens expire by the server clock (clockOffsetMs)', async () => {
    const session = await login(sb, FIRM1_SOLICITOR);
    await sb.setFaults({ clockOffsetMs: 901_000 });
    try {
      expect((await api(sb, session.accessToken, '/me')).status).toBe(401);
    } finally {
      await sb.resetFaults();
    }
    expect((await api(sb, session.accessToken, '/me')).status).toBe(200);
  });

  it('client_credentials works with the secret in the body or HTTP Basic, and acts as the firm-1 solicitor', async () => {
    const viaBody = await fetch(`${sb.url}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: SCRIPT_CLIENT.clientId, client_secret: SCRIPT_CLIENT.clientSecret }),
    });
    expect(viaBody.status).toBe(200);
    const viaBasic = await fetch(`${sb.url}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Basic ${Buffer.from(`${SCRIPT_CLIENT.clientId}:${SCRIPT_CLIENT.clientSecret}`).toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
    });
    expect(viaBasic.status).toBe(200);
    const body = (await viaBasic.json()) as Record<string, unknown>;
    expect(body['refresh_token']).toBeUndefined();
    const me = await apiJson<{ userId: string }>(sb, String(body['access_token']), '/me');
    expect(me.body.userId).toBe(SCRIPT_CLIENT.actsAsUserId);

    const bad = await fetch(`${sb.url}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Basic ${Buffer.from(`${SCRIPT_CLIENT.clientId}:nope`).toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
    });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error: string }).error).toBe('invalid_client');
  });

  it('token endpoint errors are RFC 6749 shaped', async () => {
    const unsupported = await fetch(`${sb.url}/oauth2/token`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'grant_type=password' });
    expect(unsupported.status).toBe(400);
    expect(await unsupported.json()).toMatchObject({ error: 'unsupported_grant_type' });
    const notForm = await fetch(`${sb.url}/oauth2/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(notForm.status).toBe(400);
    expect(await notForm.json()).toMatchObject({ error: 'invalid_request' });
  });
});
