import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServerClockEstimate, serviceForecast } from '../../../src-main/core/server-time';
import { calendarFromTexts, shippedBankHolidaysFile } from '../../../src-main/core/service-dates';

const calendar = calendarFromTexts(readFileSync(shippedBankHolidaysFile(path.resolve('resources')), 'utf8'), null).calendar;

/** A clock that saw CP at `serverIso` when the laptop read `localMs` (the header's second plus the half-second estimate). */
function seen(serverIso: string, localMs: number): ServerClockEstimate {
  const clock = new ServerClockEstimate();
  clock.observe(new Date(Date.parse(serverIso) - 500).toUTCString(), localMs);
  return clock;
}

describe('serviceForecast', () => {
  it('says nothing about CP’s clock if CP was never seen, but still how far the calendar reaches', () => {
    expect(serviceForecast(new ServerClockEstimate(), calendar, Date.now())).toEqual({
      serverNow: null,
      observedAgoMs: null,
      servedOnIfSentNow: null,
      lateReason: null,
      calendarEndsOn: '2028-12-31',
      beyondCalendar: null,
    });
  });

  it('forecasts by CP’s clock, not the laptop’s', () => {
    // The laptop thinks it is Wednesday 10 June 2026 at 11:00 BST; CP says Thursday 11 June 15:00 BST.
    const local = Date.parse('2026-06-10T10:00:00Z');
    const clock = seen('2026-06-11T14:00:00.500Z', local);
    expect(serviceForecast(clock, calendar, local + 30_000)).toEqual({
      serverNow: '2026-06-11T15:00:30.500+01:00',
      observedAgoMs: 30_000,
      servedOnIfSentNow: '2026-06-12',
      lateReason: 'after230',
      calendarEndsOn: '2028-12-31',
      beyondCalendar: false,
    });
  });

  it('before 2.30pm by CP’s clock: served today', () => {
    const local = Date.parse('2026-06-10T12:00:00Z');
    const forecast = serviceForecast(seen('2026-06-10T12:00:00.500Z', local), calendar, local);
    expect(forecast).toMatchObject({ serverNow: '2026-06-10T13:00:00.500+01:00', servedOnIfSentNow: '2026-06-10', lateReason: null, beyondCalendar: false });
  });

  it('on a non-business day, and beyond the list', () => {
    const local = Date.parse('2026-12-25T10:00:00Z');
    expect(serviceForecast(seen('2026-12-25T10:00:00.500Z', local), calendar, local)).toMatchObject({ servedOnIfSentNow: '2026-12-29', lateReason: 'nonBusinessDay' });
    const late2028 = Date.parse('2028-12-29T16:00:00Z');
    expect(serviceForecast(seen('2028-12-29T16:00:00.500Z', late2028), calendar, late2028)).toMatchObject({ servedOnIfSentNow: '2029-01-01', beyondCalendar: true });
  });
});
