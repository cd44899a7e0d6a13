/**
 * Calendar helpers for generation. Everything is relative to the anchor date
 * (a YYYY-MM-DD string, UTC) so "past" and "upcoming" hearings stay realistic
 * whatever day the sandbox is generated on.
 */

const DAY_MS = 86_400_000;

export function parseIsoDate(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`not a real date: ${date}`);
  return ms;
}

export function formatIsoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return formatIsoDate(parseIsoDate(date) + days * DAY_MS);
}

/** Courts sit Monday to Friday: move a weekend date forward (or back) to a weekday. */
export function toWeekday(date: string, direction: 1 | -1 = 1): string {
  let d = date;
  for (;;) {
    const dow = new Date(parseIsoDate(d)).getUTCDay();
    if (dow !== 0 && dow !== 6) return d;
    d = addDays(d, direction);
  }
}

export function atTime(date: string, hhmm: string): string {
  return `${date}T${hhmm}:00.000Z`;
}

/** "23 November 2026", as printed on court papers. */
export function longDate(date: string): string {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const d = new Date(parseIsoDate(date));
  return `${d.getUTCDate()} ${months[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()}`;
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
