/**
 * Building blocks of the wire schemas. Strict on formats the app relies on (ids, dates, URNs, enums);
 * the object schemas built from these are non-strict so fields CP adds later are dropped, not fatal.
 */
import { z } from 'zod';

/** CP ids are UUIDs; the version/variant nibbles are not checked because CP's are not all v4. */
export const Uuid = z.guid();

/** A calendar date, YYYY-MM-DD (and a real one: no 30 February). */
export const IsoDate = z.iso.date();

/** A date-time with `Z` or an explicit offset (CP sends both). */
export const IsoDateTime = z.iso.datetime({ offset: true });

/** CP's URN rule (cpp-context-defence UrnRegex): 2 digits, 2 letters/digits, 5 digits, 2 digits. */
export const Urn = z.string().regex(/^[0-9]{2}[0-9A-Z]{2}[0-9]{5}[0-9]{2}$/);

/** LAA account numbers look like 2N378D. */
export const LaaContractNumber = z.string().regex(/^[0-9][A-Z][0-9]{3}[A-Z]$/);

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const NonEmpty = z.string().min(1);

/**
 * A field CP may send as null or leave out: normalised to null, so the stored record has one way of
 * saying "none" and the key is always present.
 */
export function nullable<T extends z.ZodType>(schema: T) {
  return schema.nullable().default(null);
}

export const JURISDICTION_TYPES = ['MAGISTRATES', 'CROWN'] as const;
export const CASE_STATUSES = ['ACTIVE', 'INACTIVE'] as const;
export const REPRESENTATION_TYPES = ['REPRESENTATION_ORDER', 'REPRESENTATION_ORDER_APPLIED_FOR', 'COURT_APPOINTED', 'PRO_BONO', 'PRIVATE'] as const;

export const JurisdictionType = z.enum(JURISDICTION_TYPES);
export const CaseStatus = z.enum(CASE_STATUSES);
export const RepresentationTypeSchema = z.enum(REPRESENTATION_TYPES);

export type JurisdictionType = z.infer<typeof JurisdictionType>;
export type CaseStatus = z.infer<typeof CaseStatus>;
export type RepresentationType = z.infer<typeof RepresentationTypeSchema>;
