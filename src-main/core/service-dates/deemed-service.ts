/**
 * When a document sent through CP counts as served (CrimPR r.4.11, as substituted by SI 2024/842):
 * on the day it is sent if that is a business day and it is sent by 2.30pm, otherwise on the next
 * business day. "Sent" is CP's receipt time, never the laptop's clock.
 *
 * The boundary: "by 2.30pm" includes 2.30pm itself, so 14:30:00.000 London time is served that day and
 * anything later — even 14:30:00.001, or 14:30:00.0001 when CP sends finer fractions — is late.
 */
import type { BusinessCalendar } from './business-calendar';
import type { CivilDate } from './civil-date';
import { londonWallClock } from './london-time';
import { parseReceiptTime } from './receipt-time';

export type LateReason = 'after230' | 'nonBusinessDay';

export interface DeemedService {
  readonly servedOn: CivilDate;
  /** Why it is not served on the day it was sent; null when it is. */
  readonly lateReason: LateReason | null;
  /** True when a day the answer rests on is outside the bank-holiday list, so the date may be wrong. */
  readonly beyondCalendar: boolean;
}

const CUTOFF_MS_OF_DAY = (14 * 60 + 30) * 60_000;

/** @throws InvalidReceiptTimeError when `receivedAt` is not an ISO 8601 date-time with an offset. */
export function deemedService(receivedAt: string, calendar: BusinessCalendar): DeemedService {
  const instant = parseReceiptTime(receivedAt);
  const london = londonWallClock(instant.epochMs);
  const msOfDay = ((london.hour * 60 + london.minute) * 60 + london.second) * 1000 + london.millisecond;
  const afterCutoff = msOfDay > CUTOFF_MS_OF_DAY || (msOfDay === CUTOFF_MS_OF_DAY && instant.subMillisecond);
  const sentOn = london.date;
  const lateReason: LateReason | null = !calendar.isBusinessDay(sentOn) ? 'nonBusinessDay' : afterCutoff ? 'after230' : null;
  const servedOn = lateReason === null ? sentOn : calendar.nextBusinessDay(sentOn);
  // Every day from sentOn to servedOn was looked at; the list covers a contiguous range, so both ends suffice.
  return { servedOn, lateReason, beyondCalendar: !calendar.covers(sentOn) || !calendar.covers(servedOn) };
}
