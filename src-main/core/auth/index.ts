/** Sign-in to Common Platform (authorization code + PKCE, loopback redirect) and the token session. */
export { AuthSession, DEFAULT_CLIENT_ID, type AuthSessionOptions, type RestoreResult, type SessionState, type SessionStatusValue } from './auth-session';
export { createFileTokenVault, TOKEN_VAULT_KEY_BYTES } from './file-token-vault';
export { SessionUserSchema, StoredTokensSchema, type SessionUser, type StoredTokens, type TokenVault } from './stored-tokens';
export {
  AuthConfigurationError,
  AuthError,
  AuthNetworkError,
  AuthProtocolError,
  AuthServerUnavailableError,
  SignInFailedError,
  SignInRequiredError,
  TokenVaultUnreadableError,
  TokenVaultWriteError,
  type AuthErrorReason,
  type SignInFailureReason,
} from './errors';
