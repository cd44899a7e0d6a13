/**
 * Associating a firm with a defendant and disassociating, with CP's rules
 * (cpp-context-defence DefenceAssociation): refused if already associated or if
 * the defendant is locked to another firm by a representation order; only the
 * associated firm may disassociate; a representation order granted to a firm
 * displaces another firm's association.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ApiError } from '../errors';
import { readJsonBody } from '../http/body';
import { caseOr404, param, principalOf, type RouteContext } from '../http/context';
import { idempotencyKey } from '../http/idempotency';
import { empty, json, type Reply } from '../http/reply';
import { validate } from '../http/validate';
import { REPRESENTATION_TYPES, type AssociationRecord } from '../model';
import { findOrganisation } from '../seed/firms';
import { route, type RouteEntry } from './types';

const AssociateBodySchema = z
  .object({
    representationType: z.enum(REPRESENTATION_TYPES),
    laaContractNumber: z.string().regex(/^[0-9][A-Z][0-9]{3}[A-Z]$/, 'LAA account numbers look like 2N378D').optional(),
  })
  .strict();

function defendantOf(ctx: RouteContext): { caseId: string; defendantId: string } {
  const c = caseOr404(ctx, param(ctx, 'caseId'));
  const defendantId = param(ctx, 'defendantId');
  if (!c.record.defendants.some((d) => d.id === defendantId)) throw new ApiError(404, 'DEFENDANT_NOT_FOUND', 'no such defendant in this case');
  return { caseId: c.record.id, defendantId };
}

function associationView(a: AssociationRecord): Record<string, unknown> {
  return {
    defendantId: a.defendantId,
    prosecutionCaseId: a.caseId,
    organisationId: a.organisationId,
    organisationName: findOrganisation(a.organisationId)?.organisationName ?? null,
    representationType: a.representationType,
    ...(a.laaContractNumber === undefined ? {} : { laaContractNumber: a.laaContractNumber }),
    associationStartDate: a.associationDate,
  };
}

async function associate(ctx: RouteContext): Promise<Reply> {
  const p = principalOf(ctx);
  const { caseId, defendantId } = defendantOf(ctx);
  const key = idempotencyKey(ctx.req, false);
  const raw = await readJsonBody(ctx.req);
  const body = validate(AssociateBodySchema, raw, 'association');
  const fingerprint = createHash('sha256').update(`POST ${ctx.url.pathname}\n${JSON.stringify(body)}`).digest('hex');
  return ctx.app.idempotency.run(p.organisationId, key, fingerprint, async () => {
    const state = ctx.app.state;
    const org = findOrganisation(p.organisationId);
    if (!org) throw new ApiError(500, 'INTERNAL_ERROR', 'unknown organisation');
    if (body.laaContractNumber !== undefined && !org.laaContractNumbers.includes(body.laaContractNumber)) {
      throw new ApiError(422, 'UNKNOWN_LAA_CONTRACT', 'that LAA contract number does not belong to your organisation');
    }
    const current = state.associations.get(defendantId);
    if (current?.organisationId === p.organisationId) throw new ApiError(409, 'ALREADY_ASSOCIATED', 'your organisation is already associated with this defendant');
    if (current && current.representationType === 'REPRESENTATION_ORDER') {
      throw new ApiError(409, 'LOCKED_BY_REPRESENTATION_ORDER', 'another organisation holds a representation order for this defendant');
    }
    const record: AssociationRecord = {
      defendantId,
      caseId,
      organisationId: p.organisationId,
      representationType: body.representationType,
      ...(body.laaContractNumber === undefined ? {} : { laaContractNumber: body.laaContractNumber }),
      associationDate: ctx.app.clock.isoWithOffset(),
    };
    state.associations.set(defendantId, record);
    state.bump(caseId);
    // The displaced firm (the defendant changed solicitor) loses the case if this was its last defendant there.
    if (current) state.noteRemovalIfGone(current.organisationId, caseId);
    ctx.app.stats.associationCreated();
    return json(201, { association: associationView(record) });
  });
}

async function disassociate(ctx: RouteContext): Promise<Reply> {
  const p = principalOf(ctx);
  const { caseId, defendantId } = defendantOf(ctx);
  const key = idempotencyKey(ctx.req, false);
  ctx.req.resume();
  const fingerprint = `DELETE ${ctx.url.pathname}`;
  return ctx.app.idempotency.run(p.organisationId, key, fingerprint, async () => {
    const state = ctx.app.state;
    const current = state.associations.get(defendantId);
    if (current?.organisationId !== p.organisationId) {
      throw new ApiError(403, 'NOT_ASSOCIATED_ORGANISATION', 'only the associated organisation can disassociate');
    }
    state.associations.delete(defendantId);
    state.bump(caseId);
    state.noteRemovalIfGone(p.organisationId, caseId);
    ctx.app.stats.associationRemoved();
    return empty(204);
  });
}

export const associationRoutes: readonly RouteEntry[] = [
  route('POST', '/prosecutionCases/:caseId/defendants/:defendantId/associations', associate),
  route('DELETE', '/prosecutionCases/:caseId/defendants/:defendantId/associations', disassociate),
];
