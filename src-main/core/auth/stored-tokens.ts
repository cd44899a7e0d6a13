import { z } from 'zod';

/** Who is signed in, as learned from GET /me after the code exchange. */
export const SessionUserSchema = z
  .object({
    userId: z.string().min(1),
    displayName: z.string().min(1),
    organisationId: z.string().min(1),
    organisationName: z.string().min(1),
  })
  .strict();
export type SessionUser = z.infer<typeof SessionUserSchema>;

/**
 * What the vault keeps between runs. Times are epoch milliseconds by this machine's clock at the moment
 * the token response arrived; `refreshTokenExpiresAt` is null when the server did not say.
 * `baseUrl` ties the tokens to the server that issued them, so switching between the sandbox and
 * Common Platform never sends one server's token to the other.
 */
export const StoredTokensSchema = z
  .object({
    version: z.literal(1),
    baseUrl: z.string().min(1),
    accessToken: z.string().min(1),
    accessTokenExpiresAt: z.number().int().nonnegative(),
    refreshToken: z.string().min(1),
    refreshTokenExpiresAt: z.number().int().nonnegative().nullable(),
    scope: z.string().nullable(),
    user: SessionUserSchema,
  })
  .strict();
export type StoredTokens = z.infer<typeof StoredTokensSchema>;

/** Where the session keeps its tokens. Implementations must never log what they store. */
export interface TokenVault {
  /** Null when nothing is stored; throws TokenVaultUnreadableError when something is stored but unreadable. */
  load(): Promise<StoredTokens | null>;
  save(tokens: StoredTokens): Promise<void>;
  clear(): Promise<void>;
}
