import type { ServiceForecast } from '../../../src-preload/api';
import { londonDay } from '../../ui/format';

/** Today in England and Wales, and whose clock says so. */
export interface CourtToday {
  day: string;
  basis: 'commonPlatform' | 'laptop';
}

/** CP decides whether today is a sitting day; its clock as last seen beats the laptop's, which is only the fallback. */
export function courtToday(forecast: ServiceForecast | null, localNow: Date = new Date()): CourtToday {
  if (forecast?.serverNow) return { day: londonDay(forecast.serverNow), basis: 'commonPlatform' };
  return { day: londonDay(localNow.toISOString()), basis: 'laptop' };
}

/** Whether a hearing sits on `day` (sitting days are instants; the day is where the court is). */
export function sitsOn(sittingDays: ReadonlyArray<{ sittingDay: string }>, day: string): boolean {
  return sittingDays.some((sitting) => (sitting.sittingDay.length === 10 ? sitting.sittingDay : londonDay(sitting.sittingDay)) === day);
}
