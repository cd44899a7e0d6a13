import { describe, expect, it } from 'vitest';
import { BusinessCalendar, parseBankHolidayFile } from '../../../src-main/core/service-dates';
import { shippedCalendar } from './calendar-fixture';

const calendar = shippedCalendar();

describe('BusinessCalendar (CrimPR r.2.2)', () => {
  it('knows how far the list reaches', () => {
    expect(calendar.startsOn).toBe('2018-01-01');
    expect(calendar.endsOn).toBe('2028-12-31');
    expect(calendar.covers('2028-12-31')).toBe(true);
    expect(calendar.covers('2029-01-01')).toBe(false);
    expect(calendar.covers('2017-12-31')).toBe(false);
  });

  it('weekdays are business days; weekends are not', () => {
    expect(calendar.nonBusinessReason('2026-06-10')).toBeNull();
    expect(calendar.nonBusinessReason('2026-06-13')).toBe('saturday');
    expect(calendar.nonBusinessReason('2026-06-14')).toBe('sunday');
  });

  it('names the days r.2.2 names, and other bank holidays as bank holidays', () => {
    expect(calendar.nonBusinessReason('2026-12-25')).toBe('christmasDay');
    expect(calendar.nonBusinessReason('2025-12-26')).toBe('boxingDay');
    expect(calendar.nonBusinessReason('2026-04-03')).toBe('goodFriday');
    expect(calendar.nonBusinessReason('2026-04-06')).toBe('easterMonday');
    expect(calendar.nonBusinessReason('2026-12-28')).toBe('bankHoliday');
    expect(calendar.nonBusinessReason('2026-05-25')).toBe('bankHoliday');
    expect(calendar.bankHoliday('2026-12-28')?.title).toBe('Boxing Day');
  });

  it('when Christmas is on a Saturday, the 25th and both substitute days are non-business', () => {
    // 2027: Christmas Saturday, Boxing Day Sunday, substitutes Monday 27 and Tuesday 28.
    for (const d of ['2027-12-25', '2027-12-26', '2027-12-27', '2027-12-28']) expect(calendar.isBusinessDay(d), d).toBe(false);
    expect(calendar.nextBusinessDay('2027-12-24')).toBe('2027-12-29');
  });

  it('Christmas Day and Boxing Day are non-business on their dates even if the list lacks them', () => {
    // A list with only the substitute days (as if GOV.UK listed nothing on the 25th) still leaves Christmas non-business.
    const thin = new BusinessCalendar(parseBankHolidayFile(JSON.stringify({ division: 'england-and-wales', events: [{ title: 'Christmas Day', date: '2026-12-28', notes: 'Substitute day', bunting: true }] }), 'update'));
    expect(thin.nonBusinessReason('2026-12-25')).toBe('christmasDay');
    expect(thin.nonBusinessReason('2026-12-28')).toBe('bankHoliday');
  });

  it('beyond the list, weekends, Christmas, Boxing Day and Easter are still known', () => {
    expect(calendar.nonBusinessReason('2030-12-25')).toBe('christmasDay'); // a Wednesday
    expect(calendar.nonBusinessReason('2030-04-19')).toBe('goodFriday');
    expect(calendar.nonBusinessReason('2030-04-22')).toBe('easterMonday');
    // …but not the other bank holidays: 6 May 2030 will almost surely be the early May bank holiday, and nothing says so yet.
    expect(calendar.isBusinessDay('2030-05-06')).toBe(true);
  });

  it('nextBusinessDay skips runs of non-business days', () => {
    expect(calendar.nextBusinessDay('2026-06-12')).toBe('2026-06-15'); // Friday → Monday
    expect(calendar.nextBusinessDay('2026-04-02')).toBe('2026-04-07'); // Thursday before Easter → Tuesday after
    expect(calendar.nextBusinessDay('2026-12-24')).toBe('2026-12-29');
    expect(calendar.nextBusinessDay('2026-12-31')).toBe('2027-01-04');
  });

  it('refuses a list with no years', () => {
    expect(() => new BusinessCalendar({ holidays: [], years: [] })).toThrow(RangeError);
  });
});
