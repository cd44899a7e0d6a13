/**
 * The shipped England and Wales list, checked against the rules that produce it: Easter by an
 * algorithm independent of the module's, the first/last-Monday holidays, substitute days for
 * Christmas, Boxing Day and New Year, and the one-off holidays of 2020, 2022 and 2023.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { easterSunday, parseBankHolidayFile, shippedBankHolidaysFile, type BankHoliday } from '../../../src-main/core/service-dates';

const list = parseBankHolidayFile(readFileSync(shippedBankHolidaysFile(path.resolve('resources')), 'utf8'), 'shipped');
const YEARS = Array.from({ length: 11 }, (_, i) => 2018 + i);

const iso = (y: number, m: number, d: number): string => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();
const plusDays = (date: string, n: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Gauss's Easter algorithm (with the Gregorian corrections), deliberately not the module's Meeus/Jones/Butcher. */
function gaussEaster(year: number): string {
  const a = year % 19;
  const b = year % 4;
  const c = year % 7;
  const k = Math.floor(year / 100);
  const p = Math.floor((13 + 8 * k) / 25);
  const q = Math.floor(k / 4);
  const M = (15 - p + k - q) % 30;
  const N = (4 + k - q) % 7;
  const d = (19 * a + M) % 30;
  const e = (2 * b + 4 * c + 6 * d + N) % 7;
  let day = 22 + d + e; // in March
  if (d === 29 && e === 6) day = 50; // 19 April
  if (d === 28 && e === 6 && (11 * M + 11) % 30 < 19) day = 49; // 18 April
  return day > 31 ? iso(year, 4, day - 31) : iso(year, 3, day);
}

function firstMonday(year: number, month: number): string {
  let d = iso(year, month, 1);
  while (weekday(d) !== 1) d = plusDays(d, 1);
  return d;
}
function lastMonday(year: number, month: number): string {
  let d = plusDays(iso(year, month + 1, 1), -1);
  while (weekday(d) !== 1) d = plusDays(d, -1);
  return d;
}
/** Substitute rule for 25/26 December: a holiday on a weekend moves to the next weekday not already taken. */
function christmasHolidays(year: number): [string, string] {
  const dates: string[] = [];
  for (const day of [25, 26]) {
    let d = iso(year, 12, day);
    while (weekday(d) === 0 || weekday(d) === 6 || dates.includes(d)) d = plusDays(d, 1);
    dates.push(d);
  }
  return [dates[0] ?? '', dates[1] ?? ''];
}
function newYearHoliday(year: number): string {
  let d = iso(year, 1, 1);
  while (weekday(d) === 0 || weekday(d) === 6) d = plusDays(d, 1);
  return d;
}

const inYear = (year: number): BankHoliday[] => list.holidays.filter((h) => h.date.startsWith(`${year}-`));
const dates = (year: number): string[] => inYear(year).map((h) => h.date);

describe('Easter', () => {
  it("the module's algorithm agrees with Gauss's for 1900–2199", () => {
    for (let y = 1900; y < 2200; y++) expect(easterSunday(y), String(y)).toBe(gaussEaster(y));
  });

  it('matches known Easter Sundays', () => {
    expect(gaussEaster(2024)).toBe('2024-03-31');
    expect(gaussEaster(2026)).toBe('2026-04-05');
    expect(gaussEaster(2019)).toBe('2019-04-21');
  });
});

describe('the shipped England and Wales list', () => {
  it('covers 2018 to 2028, whole years, in date order', () => {
    expect(list.years).toEqual(YEARS);
    expect(list.holidays.map((h) => h.date)).toEqual([...list.holidays.map((h) => h.date)].sort());
    expect(list.holidays.every((h) => h.title.length > 0)).toBe(true);
  });

  it('has eight holidays a year, plus the Platinum Jubilee and State Funeral in 2022 and the Coronation in 2023', () => {
    for (const y of YEARS) expect(inYear(y).length, String(y)).toBe(y === 2022 ? 10 : y === 2023 ? 9 : 8);
  });

  it('never puts a bank holiday on a weekend (weekend holidays have substitute days)', () => {
    for (const h of list.holidays) expect([0, 6], h.date).not.toContain(weekday(h.date));
  });

  it.each(YEARS)('%i: Good Friday and Easter Monday match the computed Easter', (y) => {
    const easter = gaussEaster(y);
    expect(dates(y)).toContain(plusDays(easter, -2));
    expect(dates(y)).toContain(plusDays(easter, 1));
  });

  it.each(YEARS)('%i: New Year, Christmas and Boxing Day (or their substitute days)', (y) => {
    expect(dates(y)).toContain(newYearHoliday(y));
    for (const d of christmasHolidays(y)) expect(dates(y)).toContain(d);
  });

  it.each(YEARS.filter((y) => y !== 2020))('%i: early May bank holiday is the first Monday in May', (y) => {
    expect(dates(y)).toContain(firstMonday(y, 5));
  });

  it.each(YEARS.filter((y) => y !== 2022))('%i: spring bank holiday is the last Monday in May', (y) => {
    expect(dates(y)).toContain(lastMonday(y, 5));
  });

  it.each(YEARS)('%i: summer bank holiday is the last Monday in August', (y) => {
    expect(dates(y)).toContain(lastMonday(y, 8));
  });

  it('has the one-off and moved holidays', () => {
    // 2020: early May bank holiday moved to Friday 8 May (75th anniversary of VE Day).
    expect(dates(2020)).toContain('2020-05-08');
    expect(dates(2020)).not.toContain('2020-05-04');
    // 2022: spring bank holiday moved to Thursday 2 June, Platinum Jubilee Friday 3 June; State Funeral 19 September.
    expect(dates(2022)).toEqual(expect.arrayContaining(['2022-06-02', '2022-06-03', '2022-09-19']));
    expect(dates(2022)).not.toContain('2022-05-30');
    // 2023: Coronation of King Charles III, Monday 8 May.
    expect(dates(2023)).toContain('2023-05-08');
  });

  it('has the substitute days explicitly', () => {
    expect(dates(2020)).toContain('2020-12-28'); // Boxing Day on a Saturday
    expect(dates(2021)).toEqual(expect.arrayContaining(['2021-12-27', '2021-12-28'])); // Christmas on a Saturday
    expect(dates(2022)).toEqual(expect.arrayContaining(['2022-01-03', '2022-12-26', '2022-12-27'])); // New Year Sat, Christmas Sun
    expect(dates(2023)).toContain('2023-01-02'); // New Year on a Sunday
    expect(dates(2026)).toContain('2026-12-28');
    expect(dates(2027)).toEqual(expect.arrayContaining(['2027-12-27', '2027-12-28']));
    expect(dates(2028)).toContain('2028-01-03');
  });
});
