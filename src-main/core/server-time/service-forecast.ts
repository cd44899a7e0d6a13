/**
 * "If this document reached CP now, when would it count as served?" — by CP's clock as last seen,
 * for the warning shown before a document is queued. It is a forecast: the date that counts is the one
 * computed from CP's receipt time once CP accepts the document.
 */
import { deemedService, londonIso, type BusinessCalendar, type CivilDate, type LateReason } from '../service-dates';
import type { ServerClockEstimate } from './server-clock-estimate';

export interface ServiceForecast {
  /** CP's clock now as ISO 8601 with London's offset; null when CP's clock was never seen. */
  readonly serverNow: string | null;
  readonly observedAgoMs: number | null;
  readonly servedOnIfSentNow: CivilDate | null;
  readonly lateReason: LateReason | null;
  readonly calendarEndsOn: CivilDate;
  readonly beyondCalendar: boolean | null;
}

export function serviceForecast(estimate: ServerClockEstimate, calendar: BusinessCalendar, localNowMs: number): ServiceForecast {
  const now = estimate.estimate(localNowMs);
  if (now === null) {
    return { serverNow: null, observedAgoMs: null, servedOnIfSentNow: null, lateReason: null, calendarEndsOn: calendar.endsOn, beyondCalendar: null };
  }
  const serverNow = londonIso(now.serverNowMs);
  const service = deemedService(serverNow, calendar);
  return {
    serverNow,
    observedAgoMs: now.observedAgoMs,
    servedOnIfSentNow: service.servedOn,
    lateReason: service.lateReason,
    calendarEndsOn: calendar.endsOn,
    beyondCalendar: service.beyondCalendar,
  };
}
