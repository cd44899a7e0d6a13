/**
 * The full prosecution case (GET /prosecutionCases/{id} and the associated-cases delta), with CP's field
 * names. Non-strict objects: fields CP adds later are dropped rather than failing a whole sync. Optional
 * fields come out as null so a stored record always has every key.
 */
import { z } from 'zod';
import { CaseStatus, IsoDate, IsoDateTime, LaaContractNumber, NonEmpty, RepresentationTypeSchema, Urn, Uuid, nullable } from './common';

export const WireAddressSchema = z.object({
  address1: NonEmpty,
  address2: nullable(z.string()),
  address3: nullable(z.string()),
  address4: nullable(z.string()),
  address5: nullable(z.string()),
  postcode: nullable(z.string()),
});

export const WirePleaSchema = z.object({ pleaValue: z.enum(['GUILTY', 'NOT_GUILTY']), pleaDate: IsoDate });
export const WireIndicatedPleaSchema = z.object({
  indicatedPleaValue: z.enum(['INDICATED_GUILTY', 'INDICATED_NOT_GUILTY']),
  indicatedPleaDate: IsoDate,
});
export const WireAllocationDecisionSchema = z.object({ motReasonDescription: NonEmpty, allocationDecisionDate: IsoDate });
export const WireVerdictSchema = z.object({ verdictType: NonEmpty, verdictDate: IsoDate });
export const WireCustodyTimeLimitSchema = z.object({ timeLimit: IsoDate, daysSpent: z.number().int().nonnegative() });

export const WireOffenceSchema = z.object({
  id: Uuid,
  offenceCode: NonEmpty,
  offenceTitle: NonEmpty,
  offenceLegislation: nullable(z.string()),
  wording: nullable(z.string()),
  startDate: nullable(IsoDate),
  chargeDate: nullable(IsoDate),
  orderIndex: nullable(z.number().int().positive()),
  modeOfTrial: nullable(z.string()),
  plea: nullable(WirePleaSchema),
  indicatedPlea: nullable(WireIndicatedPleaSchema),
  allocationDecision: nullable(WireAllocationDecisionSchema),
  verdict: nullable(WireVerdictSchema),
  custodyTimeLimit: nullable(WireCustodyTimeLimitSchema),
});

export const WirePersonDetailsSchema = z.object({
  title: nullable(z.string()),
  firstName: NonEmpty,
  middleName: nullable(z.string()),
  lastName: NonEmpty,
  dateOfBirth: nullable(IsoDate),
  gender: nullable(z.string()),
  nationalInsuranceNumber: nullable(z.string()),
  address: nullable(WireAddressSchema),
});

export const WirePersonDefendantSchema = z.object({
  personDetails: WirePersonDetailsSchema,
  arrestSummonsNumber: nullable(z.string()),
  bailStatus: nullable(z.string()),
});

/** A company in the dock. */
export const WireLegalEntityDefendantSchema = z.object({
  organisation: z.object({ name: NonEmpty, incorporationNumber: nullable(z.string()), address: nullable(WireAddressSchema) }),
});

export const WireAssociatedDefenceOrganisationSchema = z.object({
  organisationId: Uuid,
  organisationName: nullable(z.string()),
  representationType: RepresentationTypeSchema,
  laaContractNumber: nullable(LaaContractNumber),
  associationStartDate: IsoDateTime,
  isAssociatedByLAA: nullable(z.boolean()),
});

export const WireDefendantSchema = z
  .object({
    id: Uuid,
    masterDefendantId: nullable(Uuid),
    personDefendant: nullable(WirePersonDefendantSchema),
    legalEntityDefendant: nullable(WireLegalEntityDefendantSchema),
    pncId: nullable(z.string()),
    croNumber: nullable(z.string()),
    proceedingsConcluded: z.boolean().default(false),
    offences: z.array(WireOffenceSchema),
    associatedDefenceOrganisation: nullable(WireAssociatedDefenceOrganisationSchema),
  })
  // A defendant is a person or a company; the app cannot show (or name) one that is neither or both.
  .refine((d) => (d.personDefendant === null) !== (d.legalEntityDefendant === null), {
    message: 'exactly one of personDefendant and legalEntityDefendant',
    path: ['personDefendant'],
  });

export const WireProsecutionCaseSchema = z.object({
  id: Uuid,
  prosecutionCaseIdentifier: z.object({ prosecutionAuthorityCode: NonEmpty, caseURN: Urn }),
  initiationCode: z.enum(['J', 'Q', 'S', 'C', 'R', 'O', 'Z']),
  caseStatus: CaseStatus,
  defendants: z.array(WireDefendantSchema).min(1),
});

export type WireAddress = z.infer<typeof WireAddressSchema>;
export type WirePlea = z.infer<typeof WirePleaSchema>;
export type WireIndicatedPlea = z.infer<typeof WireIndicatedPleaSchema>;
export type WireAllocationDecision = z.infer<typeof WireAllocationDecisionSchema>;
export type WireVerdict = z.infer<typeof WireVerdictSchema>;
export type WireCustodyTimeLimit = z.infer<typeof WireCustodyTimeLimitSchema>;
export type WireOffence = z.infer<typeof WireOffenceSchema>;
export type WirePersonDetails = z.infer<typeof WirePersonDetailsSchema>;
export type WirePersonDefendant = z.infer<typeof WirePersonDefendantSchema>;
export type WireLegalEntityDefendant = z.infer<typeof WireLegalEntityDefendantSchema>;
export type WireAssociatedDefenceOrganisation = z.infer<typeof WireAssociatedDefenceOrganisationSchema>;
export type WireDefendant = z.infer<typeof WireDefendantSchema>;
export type WireProsecutionCase = z.infer<typeof WireProsecutionCaseSchema>;
