/** GET /me: the signed-in user and their firm. */
import { z } from 'zod';
import { LaaContractNumber, NonEmpty, Uuid, nullable } from './common';

export const CP_USER_ROLES = ['SOLICITOR', 'BARRISTER'] as const;

export const WireOrganisationSchema = z.object({
  organisationId: Uuid,
  organisationName: NonEmpty,
  laaContractNumbers: z.array(LaaContractNumber),
});

export const CpUserSchema = z.object({
  userId: Uuid,
  username: NonEmpty,
  email: z.email(),
  title: nullable(z.string()),
  firstName: NonEmpty,
  lastName: NonEmpty,
  // The app offers check-in to barristers and association to solicitors, so an unknown role must not pass.
  role: z.enum(CP_USER_ROLES),
  organisation: WireOrganisationSchema,
});

export type WireOrganisation = z.infer<typeof WireOrganisationSchema>;
export type CpUser = z.infer<typeof CpUserSchema>;
export type CpUserRole = CpUser['role'];
