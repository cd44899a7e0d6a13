/**
 * The control listener (separate port, never faulted): read and change fault
 * switches, read stats, expire or revoke tokens, republish a bundle. For tests,
 * demos and the app's developer tools; it has no auth, so it binds to loopback only.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { ApiError } from './errors';
import { errorReply } from './api-server';
import { FaultsPatchSchema, type Faults } from './faults-schema';
import { readJsonBody } from './http/body';
import { Listener } from './http/listener';
import { json, type Reply } from './http/reply';
import { Router } from './http/router';
import { NO_RESPONSE_FAULTS, sendReply } from './http/send';
import { validate } from './http/validate';
import type { SandboxStats } from './stats';

export interface ControlTarget {
  getFaults(): Faults;
  setFaults(patch: Partial<Faults>): Promise<Faults>;
  resetFaults(): Promise<Faults>;
  stats(): SandboxStats;
  expireAccessTokens(): number;
  revokeRefreshTokens(): number;
  republishIdpc(caseId: string): Promise<{ courtDocumentId: string; materialId: string; pageCount: number }>;
  info(): Record<string, unknown>;
}

type ControlHandler = (req: IncomingMessage, params: Readonly<Record<string, string>>) => Promise<Reply>;

export class ControlServer {
  private readonly listener: Listener;
  private readonly router = new Router<ControlHandler>();

  constructor(
    private readonly host: string,
    target: ControlTarget,
  ) {
    this.router
      .add('GET', '/', async () => json(200, { ...target.info(), routes: ['GET /health', 'GET /faults', 'PUT /faults', 'POST /faults/reset', 'GET /stats', 'POST /tokens/expire', 'POST /tokens/revoke', 'POST /cases/:caseId/republish-idpc'] }))
      .add('GET', '/health', async () => json(200, { status: 'UP' }))
      .add('GET', '/faults', async () => json(200, target.getFaults()))
      .add('PUT', '/faults', async (req) => json(200, await target.setFaults(validate(FaultsPatchSchema, await readJsonBody(req), 'faults patch'))))
      .add('POST', '/faults/reset', async () => json(200, await target.resetFaults()))
      .add('GET', '/stats', async () => json(200, target.stats()))
      .add('POST', '/tokens/expire', async () => json(200, { expired: target.expireAccessTokens() }))
      .add('POST', '/tokens/revoke', async () => json(200, { revoked: target.revokeRefreshTokens() }))
      .add('POST', '/cases/:caseId/republish-idpc', async (_req, params) => json(201, await target.republishIdpc(z.string().parse(params['caseId']))));
    this.listener = new Listener(host, (req, res) => this.handle(req, res));
  }

  get port(): number {
    return this.listener.port;
  }

  listen(port: number): Promise<void> {
    return this.listener.listen(port);
  }

  stop(): Promise<void> {
    return this.listener.close();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://control.invalid');
    const match = this.router.match(req.method ?? 'GET', url.pathname);
    let reply: Reply;
    try {
      switch (match.kind) {
        case 'found':
          reply = await match.route.handler(req, match.params);
          break;
        case 'methodNotAllowed':
          throw new ApiError(405, 'METHOD_NOT_ALLOWED', `use ${match.allow.join(', ')}`, {}, { Allow: match.allow.join(', ') });
        case 'notFound':
          throw new ApiError(404, 'NOT_FOUND', `no control route ${url.pathname}`);
      }
    } catch (err) {
      req.resume();
      reply = errorReply(err);
    }
    await sendReply(req, res, reply, NO_RESPONSE_FAULTS);
  }
}
