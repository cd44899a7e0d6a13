/**
 * Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm). Good Friday
 * and Easter Monday are non-business days in their own right under CrimPR r.2.2, so the calendar knows
 * them for any year, even one the bank-holiday list does not cover yet.
 */
import { addDays, civilDate, type CivilDate } from './civil-date';

export function easterSunday(year: number): CivilDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return civilDate(year, month, day);
}

export function goodFriday(year: number): CivilDate {
  return addDays(easterSunday(year), -2);
}

export function easterMonday(year: number): CivilDate {
  return addDays(easterSunday(year), 1);
}
