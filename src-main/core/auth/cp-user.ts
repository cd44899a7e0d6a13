import { z } from 'zod';
import { toNetworkError } from './error-mapping';
import { AuthProtocolError, AuthServerUnavailableError, SignInRequiredError, type AuthError } from './errors';
import type { SessionUser } from './stored-tokens';

/** Only the fields Bluebag keeps; the rest of /me (email, role, contract numbers) is ignored on purpose. */
const MeSchema = z.object({
  userId: z.string().min(1),
  firstName: z.string(),
  lastName: z.string(),
  organisation: z.object({ organisationId: z.string().min(1), organisationName: z.string().min(1) }),
});

function statusError(status: number): AuthError {
  if (status === 401) return new SignInRequiredError('me:401');
  if (status >= 500 || status === 429) return new AuthServerUnavailableError(`http:${String(status)}`);
  return new AuthProtocolError(`me:${String(status)}`);
}

/** GET /me with the new access token: who signed in and for which firm. */
export async function fetchSessionUser(fetchImpl: typeof fetch, meUrl: URL, accessToken: string, signal: AbortSignal): Promise<SessionUser> {
  let response: Response;
  let body: unknown;
  try {
    response = await fetchImpl(meUrl, { headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' }, signal, redirect: 'manual' });
    if (response.status !== 200) {
      await response.body?.cancel();
      throw statusError(response.status);
    }
    body = await response.json();
  } catch (error) {
    if (error instanceof SignInRequiredError || error instanceof AuthServerUnavailableError || error instanceof AuthProtocolError) throw error;
    if (error instanceof SyntaxError) throw new AuthProtocolError('me:json');
    throw toNetworkError(error);
  }
  const parsed = MeSchema.safeParse(body);
  if (!parsed.success) throw new AuthProtocolError('me:shape');
  const me = parsed.data;
  const displayName = `${me.firstName} ${me.lastName}`.trim();
  if (displayName === '') throw new AuthProtocolError('me:name');
  return { userId: me.userId, displayName, organisationId: me.organisation.organisationId, organisationName: me.organisation.organisationName };
}
