/**
 * CP's case-search answer shape as strict zod schemas: `{ cases, totalResults }`
 * and nothing else, anywhere (CP's JSON schemas set additionalProperties: false).
 * The sandbox's search route is tested against these; the app can reuse them.
 */
import { z } from 'zod';

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const dateTime = z.iso.datetime({ offset: true });

export const OffenceSummarySchema = z
  .object({
    offenceId: uuid,
    offenceCode: z.string().min(1),
    offenceTitle: z.string().min(1),
    wording: z.string().optional(),
    modeOfTrial: z.string().optional(),
    startDate: date.optional(),
    chargeDate: date.optional(),
    orderIndex: z.number().int().positive().optional(),
  })
  .strict();

const defendantCommon = {
  defendantId: uuid,
  masterDefendantId: uuid.optional(),
  defendantDOB: date.optional(),
  dateOfNextHearing: date.optional(),
  proceedingsConcluded: z.boolean().optional(),
  offenceSummary: z.array(OffenceSummarySchema).min(1),
};

/** Named by `defendantName` alone… */
export const DefendantSummaryByNameSchema = z.object({ ...defendantCommon, defendantName: z.string().min(1) }).strict();
/** …or by all three name parts, never both. */
export const DefendantSummaryByPartsSchema = z
  .object({ ...defendantCommon, defendantFirstName: z.string().min(1), defendantMiddleName: z.string(), defendantLastName: z.string().min(1) })
  .strict();
export const DefendantSummarySchema = z.union([DefendantSummaryByNameSchema, DefendantSummaryByPartsSchema]);

export const SearchCourtCentreSchema = z
  .object({ id: uuid, name: z.string().min(1), welshName: z.string().optional(), roomName: z.string().optional() })
  .strict();

export const SearchHearingDaySchema = z
  .object({ sittingDay: dateTime, listingSequence: z.number().int().positive().optional(), listedDurationMinutes: z.number().int().positive() })
  .strict();

export const SearchDefenceCounselSchema = z
  .object({
    id: uuid,
    title: z.string().optional(),
    firstName: z.string().optional(),
    middleName: z.string().optional(),
    lastName: z.string().optional(),
    status: z.string().optional(),
    defendants: z.array(uuid).min(1),
    attendanceDays: z.array(date).min(1),
  })
  .strict();

export const HearingSummarySchema = z
  .object({
    hearingId: uuid,
    jurisdictionType: z.enum(['MAGISTRATES', 'CROWN']),
    courtCentre: SearchCourtCentreSchema,
    hearingType: z.object({ id: uuid, description: z.string().min(1) }).strict(),
    defendantIds: z.array(uuid).min(1),
    hearingDays: z.array(SearchHearingDaySchema).min(1).optional(),
    estimatedDuration: z.string().optional(),
    defenceCounsel: z.array(SearchDefenceCounselSchema).min(1).optional(),
  })
  .strict();

export const ProsecutionCaseSummarySchema = z
  .object({
    prosecutionCaseId: uuid,
    prosecutionCaseReference: z.string().regex(/^[0-9]{2}[0-9A-Z]{2}[0-9]{5}[0-9]{2}$/),
    caseStatus: z.enum(['ACTIVE', 'INACTIVE']),
    defendantSummary: z.array(DefendantSummarySchema).min(1),
    hearingSummary: z.array(HearingSummarySchema).optional(),
  })
  .strict();

export const CaseSearchResponseSchema = z
  .object({
    cases: z.array(ProsecutionCaseSummarySchema),
    totalResults: z.number().int().min(0),
  })
  .strict();

export type CaseSearchResponse = z.infer<typeof CaseSearchResponseSchema>;
export type ProsecutionCaseSummary = z.infer<typeof ProsecutionCaseSummarySchema>;
export type DefendantSummary = z.infer<typeof DefendantSummarySchema>;
export type HearingSummary = z.infer<typeof HearingSummarySchema>;
