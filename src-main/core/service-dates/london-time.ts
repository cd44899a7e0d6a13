/**
 * Instants to Europe/London wall-clock time. CrimPR r.4.11's "2.30pm" is the time in England and Wales
 * (GMT in winter, BST in summer), whatever zone the laptop is set to, so this asks Intl for London
 * explicitly and never uses the machine's zone.
 */
import type { CivilDate } from './civil-date';

export interface LondonWallClock {
  readonly date: CivilDate;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** London's offset from UTC at that instant: 0 (GMT) or 60 (BST). */
  readonly offsetMinutes: number;
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

export function londonWallClock(epochMs: number): LondonWallClock {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of LONDON.formatToParts(new Date(epochMs))) parts[part.type] = part.value;
  const [year, month, day] = [Number(parts.year), Number(parts.month), Number(parts.day)];
  const [hour, minute, second] = [Number(parts.hour), Number(parts.minute), Number(parts.second)];
  // London's offset is whole minutes, so the millisecond is the instant's own.
  const millisecond = ((epochMs % 1000) + 1000) % 1000;
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  return {
    date: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    hour,
    minute,
    second,
    millisecond,
    offsetMinutes: Math.round((wallAsUtc - epochMs) / 60_000),
  };
}

/** ISO 8601 with London's offset, e.g. 2026-06-10T14:31:02.123+01:00: the shape CP stamps receipts in. */
export function londonIso(epochMs: number): string {
  const t = londonWallClock(epochMs);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const sign = t.offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(t.offsetMinutes);
  return `${t.date}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}.${pad(t.millisecond, 3)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
