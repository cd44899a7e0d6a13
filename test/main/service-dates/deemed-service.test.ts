/**
 * CrimPR r.4.11: served the day it is sent if a business day and by 2.30pm (London time), otherwise the
 * next business day. Every case runs with the process in three zones, because the laptop's zone must
 * never matter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deemedService, InvalidReceiptTimeError } from '../../../src-main/core/service-dates';
import { shippedCalendar } from './calendar-fixture';

const calendar = shippedCalendar();
const served = (receivedAt: string): ReturnType<typeof deemedService> => deemedService(receivedAt, calendar);

describe.each(['UTC', 'America/New_York', 'Australia/Sydney'])('deemedService with the laptop in %s', (zone) => {
  const before = process.env['TZ'];
  beforeAll(() => {
    process.env['TZ'] = zone;
  });
  afterAll(() => {
    if (before === undefined) delete process.env['TZ'];
    else process.env['TZ'] = before;
  });

  it('the zone really is in force (so the cases below prove something)', () => {
    // 2026-01-15 12:00Z: UTC offset 0, New York +300 minutes, Sydney −660.
    expect(new Date('2026-01-15T12:00:00Z').getTimezoneOffset()).toBe({ UTC: 0, 'America/New_York': 300, 'Australia/Sydney': -660 }[zone]);
  });

  describe('the 2.30pm boundary: "by 2.30pm" includes 14:30:00.000 and nothing after', () => {
    it.each([
      ['2026-06-10T14:29:59.999+01:00', '2026-06-10', null],
      ['2026-06-10T14:30:00.000+01:00', '2026-06-10', null],
      ['2026-06-10T14:30:00+01:00', '2026-06-10', null],
      ['2026-06-10T14:30:00.000000000+01:00', '2026-06-10', null],
      ['2026-06-10T14:30:00.001+01:00', '2026-06-11', 'after230'],
      ['2026-06-10T14:30:00.0001+01:00', '2026-06-11', 'after230'],
      ['2026-06-10T14:30:01+01:00', '2026-06-11', 'after230'],
      // The same instants written in UTC and in another offset.
      ['2026-06-10T13:30:00.000Z', '2026-06-10', null],
      ['2026-06-10T13:30:00.001Z', '2026-06-11', 'after230'],
      ['2026-06-10T09:30:00.000-04:00', '2026-06-10', null],
      // Winter: London is on GMT, so 14:30Z is 2.30pm.
      ['2026-01-14T14:30:00.000Z', '2026-01-14', null],
      ['2026-01-14T14:30:00.001Z', '2026-01-15', 'after230'],
      ['2026-01-14T14:30:00.000+00:00', '2026-01-14', null],
    ])('%s → %s (%s)', (receivedAt, servedOn, lateReason) => {
      expect(served(receivedAt)).toEqual({ servedOn, lateReason, beyondCalendar: false });
    });
  });

  describe('across the clock changes (BST starts Sun 29 Mar 2026, ends Sun 25 Oct 2026)', () => {
    it.each([
      // Friday before BST starts: still GMT.
      ['2026-03-27T14:30:00.000Z', '2026-03-27', null],
      ['2026-03-27T14:30:00.001Z', '2026-03-30', 'after230'],
      // Monday after: BST, so 2.30pm is 13:30Z and 14:00Z is already late.
      ['2026-03-30T13:30:00.000Z', '2026-03-30', null],
      ['2026-03-30T14:00:00.000Z', '2026-03-31', 'after230'],
      // The change itself happens on a Sunday: either side of 01:00Z is still Sunday.
      ['2026-03-29T00:59:59.999Z', '2026-03-30', 'nonBusinessDay'],
      ['2026-03-29T01:00:00.000Z', '2026-03-30', 'nonBusinessDay'],
      // Friday before BST ends: BST.
      ['2026-10-23T13:30:00.000Z', '2026-10-23', null],
      ['2026-10-23T14:00:00.000Z', '2026-10-26', 'after230'],
      // Monday after: GMT again.
      ['2026-10-26T14:30:00.000Z', '2026-10-26', null],
      ['2026-10-26T14:30:00.001Z', '2026-10-27', 'after230'],
    ])('%s → %s (%s)', (receivedAt, servedOn, lateReason) => {
      expect(served(receivedAt)).toEqual({ servedOn, lateReason, beyondCalendar: false });
    });

    it('uses the London date, not the UTC one, around midnight', () => {
      // 23:30Z on Tuesday 9 June is 00:30 BST on Wednesday 10 June: served that Wednesday.
      expect(served('2026-06-09T23:30:00.000Z')).toEqual({ servedOn: '2026-06-10', lateReason: null, beyondCalendar: false });
      // 23:30Z on Friday 12 June is 00:30 on Saturday in London: a non-business day, so Monday.
      expect(served('2026-06-12T23:30:00.000Z')).toEqual({ servedOn: '2026-06-15', lateReason: 'nonBusinessDay', beyondCalendar: false });
      // …and 18:30 in New York on a Friday is already Friday 23:30 in London: after 2.30pm, so Monday.
      expect(served('2026-06-12T18:30:00.000-04:00')).toEqual({ servedOn: '2026-06-15', lateReason: 'after230', beyondCalendar: false });
    });
  });

  describe('weekends and bank holidays', () => {
    it.each([
      ['Saturday morning → Monday', '2026-06-13T10:00:00+01:00', '2026-06-15', 'nonBusinessDay'],
      ['Sunday → Monday', '2026-06-14T09:00:00+01:00', '2026-06-15', 'nonBusinessDay'],
      ['Friday after 2.30pm → Monday', '2026-06-12T16:00:00+01:00', '2026-06-15', 'after230'],
      ['spring bank holiday → Tuesday', '2026-05-25T10:00:00+01:00', '2026-05-26', 'nonBusinessDay'],
      ['Friday before the summer bank holiday, late → Tuesday', '2026-08-28T15:00:00+01:00', '2026-09-01', 'after230'],
      ['2020: 4 May was a business day (the holiday moved to VE Day)', '2020-05-04T10:00:00+01:00', '2020-05-04', null],
      ['2020: Thursday before VE Day, late → Monday 11 May', '2020-05-07T15:00:00+01:00', '2020-05-11', 'after230'],
      ['2022: Wednesday before the Jubilee, late → Monday 6 June', '2022-06-01T15:00:00+01:00', '2022-06-06', 'after230'],
      ['2022: 30 May was a business day (spring holiday moved)', '2022-05-30T10:00:00+01:00', '2022-05-30', null],
      ['2022: Friday before the State Funeral, late → Tuesday 20 September', '2022-09-16T15:00:00+01:00', '2022-09-20', 'after230'],
      ['2023: Coronation bank holiday → Tuesday', '2023-05-08T11:00:00+01:00', '2023-05-09', 'nonBusinessDay'],
    ])('%s', (_label, receivedAt, servedOn, lateReason) => {
      expect(served(receivedAt)).toEqual({ servedOn, lateReason, beyondCalendar: false });
    });
  });

  describe('Christmas, New Year and Easter runs', () => {
    it.each([
      ['Thu 24 Dec 2026 at 3pm → Tue 29 Dec (Christmas Fri, weekend, Boxing Day substitute Mon)', '2026-12-24T15:00:00Z', '2026-12-29', 'after230'],
      ['Thu 24 Dec 2026 at 2pm → that day', '2026-12-24T14:00:00Z', '2026-12-24', null],
      ['Christmas Day 2026 → Tue 29 Dec', '2026-12-25T10:00:00Z', '2026-12-29', 'nonBusinessDay'],
      ['Thu 31 Dec 2026 at 3pm → Mon 4 Jan 2027', '2026-12-31T15:00:00Z', '2027-01-04', 'after230'],
      ['Fri 24 Dec 2027 at 3pm → Wed 29 Dec (Christmas Sat, substitutes Mon and Tue)', '2027-12-24T15:00:00Z', '2027-12-29', 'after230'],
      ['Fri 31 Dec 2027 at 3pm → Tue 4 Jan 2028 (New Year Sat, substitute Mon 3 Jan)', '2027-12-31T15:00:00Z', '2028-01-04', 'after230'],
      ['Fri 23 Dec 2022 at 3pm → Wed 28 Dec (Boxing Day Mon, Christmas substitute Tue)', '2022-12-23T15:00:00Z', '2022-12-28', 'after230'],
      ['Fri 31 Dec 2021 at 3pm → Tue 4 Jan 2022 (New Year substitute Mon 3 Jan)', '2021-12-31T15:00:00Z', '2022-01-04', 'after230'],
      ['Thu 2 Apr 2026 (before Good Friday) after 2.30pm → Tue 7 Apr', '2026-04-02T14:30:00.001+01:00', '2026-04-07', 'after230'],
      ['Thu 2 Apr 2026 by 2.30pm → that day', '2026-04-02T14:30:00.000+01:00', '2026-04-02', null],
      ['Good Friday 2026 → Tue 7 Apr', '2026-04-03T09:00:00+01:00', '2026-04-07', 'nonBusinessDay'],
      ['Easter Monday 2026 → Tue 7 Apr', '2026-04-06T09:00:00+01:00', '2026-04-07', 'nonBusinessDay'],
      ['Thu 28 Mar 2024 (before Good Friday) at 4pm → Tue 2 Apr', '2024-03-28T16:00:00Z', '2024-04-02', 'after230'],
    ])('%s', (_label, receivedAt, servedOn, lateReason) => {
      expect(served(receivedAt)).toEqual({ servedOn, lateReason, beyondCalendar: false });
    });
  });

  describe('beyond the list', () => {
    it('says so when the answer rests on a day the list does not cover', () => {
      // Fri 29 Dec 2028 late: the next weekday is Mon 1 Jan 2029, which the list does not cover (it will be New Year's Day).
      expect(served('2028-12-29T15:00:00Z')).toEqual({ servedOn: '2029-01-01', lateReason: 'after230', beyondCalendar: true });
      expect(served('2028-12-29T10:00:00Z')).toEqual({ servedOn: '2028-12-29', lateReason: null, beyondCalendar: false });
      expect(served('2017-06-01T10:00:00+01:00')).toMatchObject({ servedOn: '2017-06-01', beyondCalendar: true });
    });
  });

  describe('receipt times that are not ISO 8601 with an offset are refused', () => {
    it.each(['2026-06-10T14:30:00', '2026-06-10', '2026-02-30T10:00:00Z', '2026-06-10T24:00:00Z', '2026-06-10T14:30:00+25:00', 'yesterday', '', '2026-06-10 14:30:00Z'])('%j', (text) => {
      expect(() => served(text)).toThrow(InvalidReceiptTimeError);
    });
  });
});
