/**
 * Retry-After (RFC 9110 §10.2.3): either delay-seconds or an HTTP-date. Capped, because a misconfigured
 * proxy saying "come back in a week" must not silently park the outbox for a week.
 */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

const DELAY_SECONDS = /^\d{1,10}$/;
// IMF-fixdate and the two obsolete forms all contain a weekday name and a 4- or 2-digit year; anything
// Date.parse would accept beyond that (e.g. "2026-03-10") is not an HTTP-date, so it is refused.
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /;

/** Milliseconds to wait, or null when the header is absent or unreadable. Never negative, never above the cap. */
export function parseRetryAfter(value: string | null, now: number, capMs: number = MAX_RETRY_AFTER_MS): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (DELAY_SECONDS.test(text)) return Math.min(Number(text) * 1000, capMs);
  if (!HTTP_DATE.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(0, at - now), capMs);
}
