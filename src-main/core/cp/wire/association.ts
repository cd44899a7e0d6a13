/** The answer to associating a firm with a defendant. */
import { z } from 'zod';
import { IsoDateTime, LaaContractNumber, RepresentationTypeSchema, Uuid, nullable } from './common';

export const WireAssociationSchema = z.object({
  defendantId: Uuid,
  prosecutionCaseId: Uuid,
  organisationId: Uuid,
  organisationName: nullable(z.string()),
  representationType: RepresentationTypeSchema,
  laaContractNumber: nullable(LaaContractNumber),
  associationStartDate: IsoDateTime,
});

export const AssociationResponseSchema = z.object({ association: WireAssociationSchema });

export type WireAssociation = z.infer<typeof WireAssociationSchema>;
