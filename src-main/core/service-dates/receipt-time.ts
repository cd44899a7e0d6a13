/**
 * CP's receipt time, an ISO 8601 instant with an explicit offset (…Z or …+01:00). A time with no
 * offset is refused rather than guessed: read in the wrong zone it could move a document across the
 * 2.30pm line or onto another day.
 */

export class InvalidReceiptTimeError extends Error {
  constructor(readonly value: string) {
    // The value is a timestamp, never personal data, so it is safe in the message.
    super(`not an ISO 8601 date-time with an offset: ${JSON.stringify(value)}`);
    this.name = 'InvalidReceiptTimeError';
  }
}

export interface ReceiptInstant {
  /** Milliseconds since the epoch, fraction below a millisecond dropped. */
  readonly epochMs: number;
  /** True when the text had a non-zero fraction below the millisecond (so 14:30:00.0001 is after 14:30). */
  readonly subMillisecond: boolean;
}

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?(Z|z|[+-]\d{2}:?\d{2})$/;

export function parseReceiptTime(value: string): ReceiptInstant {
  const m = ISO_WITH_OFFSET.exec(value);
  if (!m) throw new InvalidReceiptTimeError(value);
  const field = (i: number): number => Number(m[i]);
  const [year, month, day, hour, minute, second] = [field(1), field(2), field(3), field(4), field(5), field(6)];
  const fraction = (m[7] ?? '').padEnd(9, '0');
  const zone = m[8] ?? 'Z';
  const local = Date.UTC(year, month - 1, day, hour, minute, second, Number(fraction.slice(0, 3)));
  const check = new Date(local);
  // Date.UTC rolls 2026-02-30 over to March; a real timestamp never needs rolling, so refuse it.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    throw new InvalidReceiptTimeError(value);
  }
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const digits = zone.replace(':', '');
    const hours = Number(digits.slice(1, 3));
    const minutes = Number(digits.slice(3, 5));
    if (hours > 18 || minutes > 59) throw new InvalidReceiptTimeError(value);
    offsetMinutes = (digits.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  }
  return { epochMs: local - offsetMinutes * 60_000, subMillisecond: Number(fraction.slice(3)) > 0 };
}
