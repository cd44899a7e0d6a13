/**
 * Calendar dates as 'YYYY-MM-DD' strings (the shape CP, GOV.UK's list and the database all use).
 * Arithmetic goes through Date.UTC so no time zone — the machine's or London's — can shift a date.
 */

/** A date on the calendar with no time of day, 'YYYY-MM-DD'. */
export type CivilDate = string;

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a well-formed date that exists (rejects 2026-02-30 and 2026-13-01). */
export function isCivilDate(text: string): boolean {
  const m = CIVIL_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return formatUtcDate(Date.UTC(year, month - 1, day)) === text;
}

export function civilDate(year: number, month: number, day: number): CivilDate {
  return formatUtcDate(Date.UTC(year, month - 1, day));
}

function utcMs(date: CivilDate): number {
  const m = CIVIL_DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function formatUtcDate(ms: number): CivilDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return formatUtcDate(utcMs(date) + days * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday, like Date#getDay. */
export function dayOfWeek(date: CivilDate): number {
  return new Date(utcMs(date)).getUTCDay();
}

export function yearOf(date: CivilDate): number {
  return Number(date.slice(0, 4));
}
