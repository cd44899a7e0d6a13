/**
 * CP's case-search answer, `{ cases: prosecutionCaseSummary[], totalResults }`, exactly: CP's own JSON
 * schemas forbid additional properties, so unlike the case bodies these objects are strict, and the
 * result is handed back in CP's shape untouched (no normalising). Minimum counts follow CP's schema.
 */
import { z } from 'zod';
import { CaseStatus, IsoDate, IsoDateTime, JurisdictionType, NonEmpty, Urn, Uuid } from './common';

export const WireOffenceSummarySchema = z
  .object({
    offenceId: Uuid,
    offenceCode: NonEmpty,
    offenceTitle: NonEmpty,
    wording: z.string().optional(),
    modeOfTrial: z.string().optional(),
    startDate: IsoDate.optional(),
    chargeDate: IsoDate.optional(),
    orderIndex: z.number().int().positive().optional(),
  })
  .strict();

const defendantSummaryCommon = {
  defendantId: Uuid,
  masterDefendantId: Uuid.optional(),
  defendantDOB: IsoDate.optional(),
  dateOfNextHearing: IsoDate.optional(),
  proceedingsConcluded: z.boolean().optional(),
  offenceSummary: z.array(WireOffenceSummarySchema).min(1),
};

/** Named by `defendantName` alone… */
export const WireDefendantSummaryByNameSchema = z.object({ ...defendantSummaryCommon, defendantName: NonEmpty }).strict();
/** …or by all three parts (the middle one may be empty), never both: strictness rejects a mixture. */
export const WireDefendantSummaryByPartsSchema = z
  .object({ ...defendantSummaryCommon, defendantFirstName: NonEmpty, defendantMiddleName: z.string(), defendantLastName: NonEmpty })
  .strict();
export const WireDefendantSummarySchema = z.union([WireDefendantSummaryByNameSchema, WireDefendantSummaryByPartsSchema]);

export const WireSearchCourtCentreSchema = z.object({ id: Uuid, name: NonEmpty, welshName: z.string().optional(), roomName: z.string().optional() }).strict();

export const WireSearchHearingDaySchema = z
  .object({ sittingDay: IsoDateTime, listingSequence: z.number().int().positive().optional(), listedDurationMinutes: z.number().int().positive() })
  .strict();

export const WireSearchDefenceCounselSchema = z
  .object({
    id: Uuid,
    title: z.string().optional(),
    firstName: z.string().optional(),
    middleName: z.string().optional(),
    lastName: z.string().optional(),
    status: z.string().optional(),
    defendants: z.array(Uuid).min(1),
    attendanceDays: z.array(IsoDate).min(1),
  })
  .strict();

export const WireHearingSummarySchema = z
  .object({
    hearingId: Uuid,
    jurisdictionType: JurisdictionType,
    courtCentre: WireSearchCourtCentreSchema,
    hearingType: z.object({ id: Uuid, description: NonEmpty }).strict(),
    defendantIds: z.array(Uuid).min(1),
    hearingDays: z.array(WireSearchHearingDaySchema).min(1).optional(),
    estimatedDuration: z.string().optional(),
    defenceCounsel: z.array(WireSearchDefenceCounselSchema).min(1).optional(),
  })
  .strict();

export const WireProsecutionCaseSummarySchema = z
  .object({
    prosecutionCaseId: Uuid,
    prosecutionCaseReference: Urn,
    caseStatus: CaseStatus,
    defendantSummary: z.array(WireDefendantSummarySchema).min(1),
    hearingSummary: z.array(WireHearingSummarySchema).optional(),
  })
  .strict();

export const CaseSearchResultSchema = z
  .object({
    cases: z.array(WireProsecutionCaseSummarySchema),
    totalResults: z.number().int().nonnegative(),
  })
  .strict();

export type WireOffenceSummary = z.infer<typeof WireOffenceSummarySchema>;
export type WireDefendantSummaryByName = z.infer<typeof WireDefendantSummaryByNameSchema>;
export type WireDefendantSummaryByParts = z.infer<typeof WireDefendantSummaryByPartsSchema>;
export type WireDefendantSummary = z.infer<typeof WireDefendantSummarySchema>;
export type WireHearingSummary = z.infer<typeof WireHearingSummarySchema>;
export type WireProsecutionCaseSummary = z.infer<typeof WireProsecutionCaseSummarySchema>;
export type CaseSearchResult = z.infer<typeof CaseSearchResultSchema>;
