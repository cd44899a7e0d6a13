/** The shipped list plus an optional newer GOV.UK file: a bad newer file is reported, never fatal. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BankHolidayFileError,
  bankHolidaysUpdateFile,
  calendarFromTexts,
  deemedService,
  loadBusinessCalendar,
  type BankHolidayFileProblem,
  type LoadedCalendar,
} from '../../../src-main/core/service-dates';
import { RESOURCES_DIR, SHIPPED_TEXT } from './calendar-fixture';

const event = (date: string, title = 'Bank holiday'): { title: string; date: string; notes: string; bunting: boolean } => ({ title, date, notes: '', bunting: true });
const division = (name: string, dates: readonly string[]): { division: string; events: ReturnType<typeof event>[] } => ({ division: name, events: dates.map((d) => event(d)) });

const Y2029 = ['2029-01-01', '2029-03-30', '2029-04-02', '2029-05-07', '2029-05-28', '2029-08-27', '2029-12-25', '2029-12-26'];
const Y2030 = ['2030-01-01', '2030-04-19', '2030-04-22', '2030-05-06', '2030-05-27', '2030-08-26', '2030-12-25', '2030-12-26'];

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'bluebag-bank-holidays-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

async function loadWith(contents: string | null): Promise<LoadedCalendar> {
  const updateFile = bankHolidaysUpdateFile(dataDir);
  if (contents !== null) writeFileSync(updateFile, contents);
  return loadBusinessCalendar({ resourcesDir: RESOURCES_DIR, updateFile });
}

function expectRejected(loaded: LoadedCalendar, problem: BankHolidayFileProblem): void {
  expect(loaded.update.status).toBe('rejected');
  if (loaded.update.status !== 'rejected') return;
  expect(loaded.update.error).toBeInstanceOf(BankHolidayFileError);
  expect(loaded.update.error.source).toBe('update');
  expect(loaded.update.error.problem).toBe(problem);
  // The shipped list is still in force.
  expect(loaded.calendar.endsOn).toBe('2028-12-31');
  expect(loaded.calendar.isBusinessDay('2026-12-28')).toBe(false);
}

describe('loadBusinessCalendar', () => {
  it('uses the shipped list when no update file is named', async () => {
    const loaded = await loadBusinessCalendar({ resourcesDir: RESOURCES_DIR });
    expect(loaded.update).toEqual({ status: 'none' });
    expect(loaded.calendar.endsOn).toBe('2028-12-31');
  });

  it('an update file that is not there is no problem', async () => {
    const loaded = await loadWith(null);
    expect(loaded.update).toEqual({ status: 'none' });
    expect(loaded.calendar.endsOn).toBe('2028-12-31');
  });

  it('a newer list extends the years: 2029 and 2030 become certain', async () => {
    const loaded = await loadWith(JSON.stringify(division('england-and-wales', [...Y2029, ...Y2030])));
    expect(loaded.update).toEqual({ status: 'applied', years: [2029, 2030] });
    expect(loaded.calendar.startsOn).toBe('2018-01-01');
    expect(loaded.calendar.endsOn).toBe('2030-12-31');
    expect(loaded.calendar.nonBusinessReason('2029-01-01')).toBe('bankHoliday');
    // The case the shipped list could only call uncertain is now certain, and lands a day later.
    expect(deemedService('2028-12-29T15:00:00Z', loaded.calendar)).toEqual({ servedOn: '2029-01-02', lateReason: 'after230', beyondCalendar: false });
    // The shipped years are untouched.
    expect(loaded.calendar.isBusinessDay('2026-12-28')).toBe(false);
  });

  it("accepts GOV.UK's whole file (all three divisions) and takes only England and Wales", async () => {
    const file = {
      'england-and-wales': division('england-and-wales', Y2029),
      scotland: division('scotland', ['2029-01-02', '2029-08-06']),
      'northern-ireland': division('northern-ireland', ['2029-03-19', '2029-07-12']),
    };
    const loaded = await loadWith(JSON.stringify(file));
    expect(loaded.update).toEqual({ status: 'applied', years: [2029] });
    expect(loaded.calendar.isBusinessDay('2029-01-02')).toBe(true);
    expect(loaded.calendar.isBusinessDay('2029-03-19')).toBe(true);
    expect(loaded.calendar.isBusinessDay('2029-05-07')).toBe(false);
  });

  it('for a year both lists cover, the newer one wins (a moved holiday does not linger)', async () => {
    // As if GOV.UK had moved 2026's early May bank holiday from Monday 4 to Friday 8 May.
    const y2026 = ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-08', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'];
    const loaded = await loadWith(JSON.stringify(division('england-and-wales', y2026)));
    expect(loaded.calendar.isBusinessDay('2026-05-04')).toBe(true);
    expect(loaded.calendar.isBusinessDay('2026-05-08')).toBe(false);
    expect(loaded.calendar.endsOn).toBe('2028-12-31');
    expect(loaded.calendar.isBusinessDay('2025-05-05')).toBe(false);
  });

  it('a newer list that starts later keeps the shipped earlier years; one with a gap extends only to the gap', async () => {
    const loaded = await loadWith(JSON.stringify(division('england-and-wales', Y2030)));
    expect(loaded.calendar.startsOn).toBe('2018-01-01');
    expect(loaded.calendar.isBusinessDay('2020-05-08')).toBe(false);
    // 2029 is missing, so the list speaks for everything only up to the end of 2028…
    expect(loaded.calendar.endsOn).toBe('2028-12-31');
    // …though 2030's holidays are still used.
    expect(loaded.calendar.isBusinessDay('2030-05-06')).toBe(false);
  });

  it.each<[string, string, BankHolidayFileProblem]>([
    ['not JSON', '{"division": "england-and-wales", "events": [', 'notJson'],
    ['an HTML error page saved as JSON', '<!doctype html><title>Bad gateway</title>', 'notJson'],
    ['no events array', '{"division": "england-and-wales"}', 'invalidShape'],
    ['a date that does not exist', JSON.stringify(division('england-and-wales', ['2029-02-30'])), 'invalidShape'],
    ['a date in another format', JSON.stringify(division('england-and-wales', ['01/01/2029'])), 'invalidShape'],
    ['an event with no title', '{"division":"england-and-wales","events":[{"date":"2029-01-01"}]}', 'invalidShape'],
    ['a JSON array', '[]', 'invalidShape'],
    ["Scotland's list", JSON.stringify(division('scotland', Y2029)), 'wrongDivision'],
    ['an empty list', JSON.stringify(division('england-and-wales', [])), 'noEvents'],
  ])('a malformed update file (%s) is reported and the shipped list used', async (_label, contents, problem) => {
    expectRejected(await loadWith(contents), problem);
  });

  it('an update path that cannot be read is reported as unreadable', async () => {
    mkdirSync(bankHolidaysUpdateFile(dataDir));
    expectRejected(await loadBusinessCalendar({ resourcesDir: RESOURCES_DIR, updateFile: bankHolidaysUpdateFile(dataDir) }), 'unreadable');
  });

  it('a missing shipped list is a packaging bug and throws a typed error', async () => {
    const error = await loadBusinessCalendar({ resourcesDir: dataDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BankHolidayFileError);
    expect(error).toMatchObject({ source: 'shipped', problem: 'unreadable' });
  });

  it('calendarFromTexts is the same logic without files', () => {
    expect(calendarFromTexts(SHIPPED_TEXT, JSON.stringify(division('england-and-wales', Y2029))).calendar.endsOn).toBe('2029-12-31');
    expect(() => calendarFromTexts('nope', null)).toThrow(BankHolidayFileError);
  });
});
