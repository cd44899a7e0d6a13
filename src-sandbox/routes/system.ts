/** /health and /me. */
import { ApiError } from '../errors';
import { principalOf, type RouteContext } from '../http/context';
import { json, type Reply } from '../http/reply';
import { findOrganisation, findUser } from '../seed/firms';
import { route, type RouteEntry } from './types';

async function health(): Promise<Reply> {
  return json(200, { status: 'UP' });
}

async function me(ctx: RouteContext): Promise<Reply> {
  const p = principalOf(ctx);
  const user = findUser(p.userId);
  const org = findOrganisation(p.organisationId);
  if (!user || !org) throw new ApiError(500, 'INTERNAL_ERROR', 'token refers to an unknown user');
  return json(200, {
    userId: user.userId,
    username: user.username,
    email: user.email,
    title: user.title,
    firstName: user.firstName,
    lastName: user.lastName,
    role: user.role,
    organisation: { organisationId: org.organisationId, organisationName: org.organisationName, laaContractNumbers: [...org.laaContractNumbers] },
  });
}

export const systemRoutes: readonly RouteEntry[] = [route('GET', '/health', health, false), route('GET', '/me', me)];
