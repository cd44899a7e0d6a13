import { describe, expect, it } from 'vitest';
import { parseHttpDate } from '../../../src-main/core/server-time';

describe('parseHttpDate (RFC 9110 §5.6.7, IMF-fixdate)', () => {
  it('reads IMF-fixdate', () => {
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
  });

  it('reads what Node and browsers write', () => {
    const ms = Date.UTC(2026, 5, 10, 13, 31, 2);
    expect(parseHttpDate(new Date(ms).toUTCString())).toBe(ms);
  });

  it.each([
    '',
    '2026-06-10T13:31:02Z',
    '2026',
    'Mon, 06 Nov 1994 08:49:37 GMT', // 6 Nov 1994 was a Sunday
    'Sun, 31 Feb 1994 08:49:37 GMT',
    'Sun, 06 Nov 1994 25:49:37 GMT',
    'Sun, 06 Nov 1994 08:49:37 BST',
    'Sun, 06 Foo 1994 08:49:37 GMT',
    'sun, 06 nov 1994 08:49:37 gmt',
    // The obsolete forms are refused, not guessed at (RFC 850's two-digit year).
    'Sunday, 06-Nov-94 08:49:37 GMT',
    'Sun Nov  6 08:49:37 1994',
  ])('refuses %j', (text) => {
    expect(parseHttpDate(text)).toBeNull();
  });
});
