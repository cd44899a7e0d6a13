/** An advocate's check-in to a hearing (POST /hearings/{id}/defenceCounsels): what is sent, and CP's answer. */
import { z } from 'zod';
import { IsoDate, IsoDateTime, Uuid, nullable } from './common';

export interface CheckInRequest {
  /** CP's own words for the advocate's status ("KC", "Junior", "Solicitor advocate", "Solicitor"). */
  readonly status: string;
  readonly title: string | null;
  readonly firstName: string;
  readonly lastName: string;
  readonly defendants: readonly string[];
  readonly attendanceDays: readonly string[];
}

export const CheckInResponseSchema = z.object({
  id: Uuid,
  hearingId: Uuid,
  status: nullable(z.string()),
  defendants: z.array(Uuid),
  attendanceDays: z.array(IsoDate),
  checkedInAt: IsoDateTime,
});

export type CheckInResponse = z.infer<typeof CheckInResponseSchema>;
