/** A hearing as CP lists it on a case (case detail and the delta). Non-strict; optional fields → null. */
import { z } from 'zod';
import { IsoDate, IsoDateTime, JurisdictionType, NonEmpty, Uuid, nullable } from './common';
import { WireAddressSchema } from './case';

export const WireCourtCentreSchema = z.object({
  id: Uuid,
  name: NonEmpty,
  welshName: nullable(z.string()),
  roomName: nullable(z.string()),
  address: nullable(WireAddressSchema),
});

export const WireHearingDaySchema = z.object({
  sittingDay: IsoDateTime,
  listingSequence: nullable(z.number().int().nonnegative()),
  listedDurationMinutes: z.number().int().nonnegative(),
});

/** A check-in: the advocate attending for some defendants on some days. */
export const WireDefenceCounselSchema = z.object({
  id: Uuid,
  status: nullable(z.string()),
  title: nullable(z.string()),
  firstName: nullable(z.string()),
  middleName: nullable(z.string()),
  lastName: nullable(z.string()),
  defendants: z.array(Uuid),
  attendanceDays: z.array(IsoDate),
});

export const WireHearingSchema = z.object({
  id: Uuid,
  jurisdictionType: JurisdictionType,
  courtCentre: WireCourtCentreSchema,
  type: z.object({ id: nullable(Uuid), description: NonEmpty }),
  hearingDays: z.array(WireHearingDaySchema),
  // CP leaves the language out for most English hearings.
  hearingLanguage: z.enum(['ENGLISH', 'WELSH']).default('ENGLISH'),
  defendantIds: z.array(Uuid),
  estimatedDuration: nullable(z.string()),
  defenceCounsels: z.array(WireDefenceCounselSchema).default([]),
});

export type WireCourtCentre = z.infer<typeof WireCourtCentreSchema>;
export type WireHearingDay = z.infer<typeof WireHearingDaySchema>;
export type WireDefenceCounsel = z.infer<typeof WireDefenceCounselSchema>;
export type WireHearing = z.infer<typeof WireHearingSchema>;
export type HearingLanguage = WireHearing['hearingLanguage'];
