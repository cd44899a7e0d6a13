import { z } from 'zod';
import { RepresentationTypeSchema, type PendingAssociation } from '../../../src-preload/api';
import type { CpClient } from '../cp';
import type { Database } from '../db';
import { listOpenJobs, type OutboxHandler, type OutboxJob } from '../outbox';

export const ASSOCIATE_JOB = 'associate';
export const DISASSOCIATE_JOB = 'disassociate';

/** What an association job carries: enough to send it, and to show it while it waits. */
export const AssociationPayloadSchema = z
  .object({
    caseId: z.string(),
    defendantId: z.string(),
    urn: z.string(),
    defendantName: z.string(),
    representationType: RepresentationTypeSchema.optional(),
    laaContractNumber: z.string().optional(),
  })
  .strict();
export type AssociationPayload = z.infer<typeof AssociationPayloadSchema>;

export function associationHandlers(client: CpClient): Record<string, OutboxHandler> {
  return {
    [ASSOCIATE_JOB]: async (job) => {
      const p = AssociationPayloadSchema.parse(job.payload);
      if (!p.representationType) throw new Error('an association job without a representation type');
      const association = await client.associate(
        p.caseId,
        p.defendantId,
        { representationType: p.representationType, ...(p.laaContractNumber ? { laaContractNumber: p.laaContractNumber } : {}) },
        job.idempotencyKey,
      );
      return { representationType: association.representationType };
    },
    [DISASSOCIATE_JOB]: async (job) => {
      const p = AssociationPayloadSchema.parse(job.payload);
      await client.disassociate(p.caseId, p.defendantId, job.idempotencyKey);
      return {};
    },
  };
}

export function pendingAssociations(db: Database): PendingAssociation[] {
  return [...listOpenJobs(db, ASSOCIATE_JOB), ...listOpenJobs(db, DISASSOCIATE_JOB)]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .flatMap((job) => toPending(job));
}

function toPending(job: OutboxJob): PendingAssociation[] {
  const parsed = AssociationPayloadSchema.safeParse(job.payload);
  if (!parsed.success || job.state === 'done' || job.state === 'cancelled') return [];
  return [
    {
      jobId: job.id,
      action: job.kind === ASSOCIATE_JOB ? 'associate' : 'disassociate',
      caseId: parsed.data.caseId,
      defendantId: parsed.data.defendantId,
      urn: parsed.data.urn,
      defendantName: parsed.data.defendantName,
      state: job.state,
      errorKey: job.lastErrorKey,
    },
  ];
}
