/** The Common Platform session for the configured server (sign-in, tokens, refresh). */
export { SessionService, TOKEN_FILE, type SessionServiceOptions } from './session-service';
