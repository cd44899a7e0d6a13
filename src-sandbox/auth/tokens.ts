/**
 * OAuth state: authorization codes (single use, PKCE-bound), access tokens and
 * rotating refresh tokens. Opaque random strings; expiry is judged by the server
 * clock so the clockOffsetMs fault makes tokens expire as a real skewed server would.
 * Tokens are kept by their sha256, as a real server would, so a saved state file
 * (persistence/) holds no usable bearer credentials.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface Principal {
  readonly userId: string;
  readonly organisationId: string;
  readonly clientId: string;
  readonly scope: string;
}

interface AccessToken extends Principal {
  expiresAtMs: number;
  readonly family: string | null;
}

interface RefreshToken extends Principal {
  readonly expiresAtMs: number;
  readonly family: string;
}

export interface AuthCode extends Principal {
  readonly redirectUri: string;
  readonly codeChallenge: string;
  readonly expiresAtMs: number;
  used: boolean;
  /** Token family minted from this code: revoked if the code is replayed. */
  family: string | null;
}

export type TokenCheck = { readonly ok: true; readonly principal: Principal } | { readonly ok: false; readonly reason: 'unknown' | 'expired' };

export type RefreshResult = { readonly ok: true; readonly principal: Principal; readonly family: string } | { readonly ok: false; readonly reason: 'unknown' | 'expired' | 'reused' | 'wrongClient' };

/** What outlives a restart (persistence/): live tokens and the retired refresh tokens that still guard a live family. */
export interface DurableTokens {
  readonly access: (Principal & { readonly tokenHash: string; readonly expiresAtMs: number; readonly family: string | null })[];
  readonly refresh: (Principal & { readonly tokenHash: string; readonly expiresAtMs: number; readonly family: string })[];
  readonly retired: { readonly tokenHash: string; readonly family: string }[];
}

const CODE_TTL_MS = 60_000;

function opaque(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function principalOf(p: Principal): Principal {
  return { userId: p.userId, organisationId: p.organisationId, clientId: p.clientId, scope: p.scope };
}

export class TokenStore {
  /** Keyed by tokenHash(token). */
  private readonly access = new Map<string, AccessToken>();
  private readonly refresh = new Map<string, RefreshToken>();
  /** Rotated-out refresh tokens (by hash) → family, to detect replay (RFC 9700 §4.14). */
  private readonly retired = new Map<string, string>();
  private readonly codes = new Map<string, AuthCode>();

  constructor(
    readonly accessTtlSeconds: number,
    readonly refreshTtlSeconds: number,
  ) {}

  issueCode(p: Principal, redirectUri: string, codeChallenge: string, nowMs: number): string {
    const code = opaque('ac');
    this.codes.set(code, { ...p, redirectUri, codeChallenge, expiresAtMs: nowMs + CODE_TTL_MS, used: false, family: null });
    return code;
  }

  /** Looks a code up; the caller checks PKCE and redirect_uri, then calls `consumeCode`. */
  findCode(code: string): AuthCode | undefined {
    return this.codes.get(code);
  }

  issueAccess(p: Principal, nowMs: number, family: string | null): { token: string; expiresIn: number } {
    const token = opaque('at');
    this.access.set(tokenHash(token), { ...principalOf(p), expiresAtMs: nowMs + this.accessTtlSeconds * 1000, family });
    return { token, expiresIn: this.accessTtlSeconds };
  }

  issueRefresh(p: Principal, nowMs: number, family: string): string {
    const token = opaque('rt');
    this.refresh.set(tokenHash(token), { ...principalOf(p), expiresAtMs: nowMs + this.refreshTtlSeconds * 1000, family });
    return token;
  }

  newFamily(): string {
    return randomBytes(12).toString('base64url');
  }

  checkAccess(token: string, nowMs: number): TokenCheck {
    const t = this.access.get(tokenHash(token));
    if (!t) return { ok: false, reason: 'unknown' };
    if (nowMs >= t.expiresAtMs) return { ok: false, reason: 'expired' };
    return { ok: true, principal: { userId: t.userId, organisationId: t.organisationId, clientId: t.clientId, scope: t.scope } };
  }

  /** Validates and retires a refresh token (rotation); a replayed one revokes its whole family. */
  useRefresh(token: string, clientId: string, nowMs: number): RefreshResult {
    const hash = tokenHash(token);
    const t = this.refresh.get(hash);
    if (!t) {
      const family = this.retired.get(hash);
      if (family !== undefined) {
        this.revokeFamily(family);
        return { ok: false, reason: 'reused' };
      }
      return { ok: false, reason: 'unknown' };
    }
    if (t.clientId !== clientId) return { ok: false, reason: 'wrongClient' };
    this.refresh.delete(hash);
    this.retired.set(hash, t.family);
    if (nowMs >= t.expiresAtMs) return { ok: false, reason: 'expired' };
    return { ok: true, principal: { userId: t.userId, organisationId: t.organisationId, clientId: t.clientId, scope: t.scope }, family: t.family };
  }

  revokeFamily(family: string): void {
    for (const [k, v] of this.refresh) if (v.family === family) this.refresh.delete(k);
    for (const [k, v] of this.access) if (v.family === family) this.access.delete(k);
  }

  /** Control API: every access token now fails as expired (refresh still works). */
  expireAllAccess(): number {
    for (const t of this.access.values()) t.expiresAtMs = Number.NEGATIVE_INFINITY;
    return this.access.size;
  }

  /** Control API: every refresh token is revoked (the user must sign in again). */
  revokeAllRefresh(): number {
    const n = this.refresh.size;
    for (const [k, v] of this.refresh) this.retired.set(k, v.family);
    this.refresh.clear();
    return n;
  }

  /** Snapshot for the state file. Expired tokens are dropped; retired ones only matter while their family lives. */
  exportDurable(nowMs: number): DurableTokens {
    const refresh = [...this.refresh].filter(([, t]) => t.expiresAtMs > nowMs).map(([tokenHash, t]) => ({ tokenHash, ...principalOf(t), expiresAtMs: t.expiresAtMs, family: t.family }));
    const liveFamilies = new Set(refresh.map((t) => t.family));
    return {
      access: [...this.access].filter(([, t]) => t.expiresAtMs > nowMs).map(([tokenHash, t]) => ({ tokenHash, ...principalOf(t), expiresAtMs: t.expiresAtMs, family: t.family })),
      refresh,
      retired: [...this.retired].filter(([, family]) => liveFamilies.has(family)).map(([tokenHash, family]) => ({ tokenHash, family })),
    };
  }

  /** Loads a snapshot taken by exportDurable (into a fresh store, at start). */
  importDurable(d: DurableTokens): void {
    for (const t of d.access) this.access.set(t.tokenHash, { ...principalOf(t), expiresAtMs: t.expiresAtMs, family: t.family });
    for (const t of d.refresh) this.refresh.set(t.tokenHash, { ...principalOf(t), expiresAtMs: t.expiresAtMs, family: t.family });
    for (const t of d.retired) this.retired.set(t.tokenHash, t.family);
  }
}
