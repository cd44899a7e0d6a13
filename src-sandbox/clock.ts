/**
 * The server clock: real time plus the `clockOffsetMs` fault. Everything the
 * sandbox stamps or compares (receipts, token expiry, "today", lock expiry) reads it.
 */
export class ServerClock {
  constructor(private readonly offsetMs: () => number) {}

  nowMs(): number {
    return Date.now() + this.offsetMs();
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  /** Today's date (YYYY-MM-DD) in England and Wales, where the courts sit. */
  today(): string {
    return londonParts(this.nowMs()).date;
  }

  /** ISO 8601 with the Europe/London offset, e.g. 2026-06-10T14:31:02.123+01:00 (CrimPR r.4.11's 2.30pm is local time). */
  isoWithOffset(ms: number = this.nowMs()): string {
    const p = londonParts(ms);
    const sign = p.offsetMinutes >= 0 ? '+' : '-';
    const abs = Math.abs(p.offsetMinutes);
    const millis = String(ms % 1000 < 0 ? (ms % 1000) + 1000 : ms % 1000).padStart(3, '0');
    return `${p.date}T${p.time}.${millis}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  }
}

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function londonParts(ms: number): { date: string; time: string; offsetMinutes: number } {
  const parts = Object.fromEntries(LONDON.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const date = `${parts['year']}-${parts['month']}-${parts['day']}`;
  const time = `${parts['hour']}:${parts['minute']}:${parts['second']}`;
  const asUtc = Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']), Number(parts['second']));
  const offsetMinutes = Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
  return { date, time, offsetMinutes };
}
