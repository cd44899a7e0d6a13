/**
 * The `Date` header's HTTP-date, IMF-fixdate form only ("Sun, 06 Nov 1994 08:49:37 GMT"): RFC 9110
 * §5.6.7 requires senders to use it, and CP, its gateways and Node all do. The two obsolete forms are
 * refused rather than half-supported — an unread header just means no observation, which is safe,
 * whereas a misread one (RFC 850's two-digit year) would move a deemed-service warning. Date.parse is
 * not used: it accepts "2026" and other strings no server sends.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const IMF_FIXDATE = /^([A-Z][a-z]{2}), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;

/** Milliseconds since the epoch (a whole second), or null when the text is not a valid IMF-fixdate. */
export function parseHttpDate(text: string): number | null {
  const m = IMF_FIXDATE.exec(text.trim());
  if (!m) return null;
  const field = (i: number): number => Number(m[i]);
  const weekday = DAYS.indexOf(m[1] ?? '');
  const month = MONTHS.indexOf(m[3] ?? '');
  const [day, year, hour, minute, second] = [field(2), field(4), field(5), field(6), field(7)];
  if (month < 0 || hour > 23 || minute > 59 || second > 59) return null;
  const ms = Date.UTC(year, month, day, hour, minute, second);
  const d = new Date(ms);
  // Refuse rolled-over dates (31 Feb) and a weekday that contradicts the date: both mean a broken header.
  if (d.getUTCDate() !== day || d.getUTCMonth() !== month || d.getUTCDay() !== weekday) return null;
  return ms;
}
