/**
 * Builds the business calendar from the list shipped with the app plus, optionally, a newer GOV.UK file
 * someone has dropped into the data folder. The newer file is a convenience: if it is missing or broken
 * the shipped list is used and the problem is reported, never thrown. The shipped list is part of the
 * build, so if it is broken that is a packaging bug and loading throws.
 *
 * Paths are the caller's: this module never guesses where resources live (source tree, dist/ and the
 * packaged app all differ — see index.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BankHolidayFileError, mergeBankHolidayLists, parseBankHolidayFile, type BankHolidayFileSource } from './bank-holiday-file';
import { BusinessCalendar } from './business-calendar';

/** The shipped list, relative to the resources directory. */
export const SHIPPED_BANK_HOLIDAYS_RELATIVE_PATH = path.join('bank-holidays', 'england-and-wales.json');

/** The name of the optional newer list in the app's data directory. */
export const BANK_HOLIDAYS_UPDATE_FILE_NAME = 'bank-holidays.json';

export function shippedBankHolidaysFile(resourcesDir: string): string {
  return path.join(resourcesDir, SHIPPED_BANK_HOLIDAYS_RELATIVE_PATH);
}

export function bankHolidaysUpdateFile(dataDir: string): string {
  return path.join(dataDir, BANK_HOLIDAYS_UPDATE_FILE_NAME);
}

export type BankHolidayUpdateOutcome =
  | { readonly status: 'none' }
  | { readonly status: 'applied'; readonly years: readonly number[] }
  | { readonly status: 'rejected'; readonly error: BankHolidayFileError };

export interface LoadedCalendar {
  readonly calendar: BusinessCalendar;
  readonly update: BankHolidayUpdateOutcome;
}

/** Pure: the calendar from the shipped file's text and the update file's text (null: there is none). */
export function calendarFromTexts(shippedText: string, updateText: string | null): LoadedCalendar {
  const shipped = parseBankHolidayFile(shippedText, 'shipped');
  if (updateText === null) return { calendar: new BusinessCalendar(shipped), update: { status: 'none' } };
  try {
    const newer = parseBankHolidayFile(updateText, 'update');
    return { calendar: new BusinessCalendar(mergeBankHolidayLists(shipped, newer)), update: { status: 'applied', years: newer.years } };
  } catch (error) {
    if (!(error instanceof BankHolidayFileError)) throw error;
    return { calendar: new BusinessCalendar(shipped), update: { status: 'rejected', error } };
  }
}

export interface LoadCalendarOptions {
  /** The directory holding bank-holidays/england-and-wales.json. */
  readonly resourcesDir: string;
  /** Full path of an optional newer list, usually bankHolidaysUpdateFile(dataDir). Absent file: fine. */
  readonly updateFile?: string | null;
}

/** @throws BankHolidayFileError (source 'shipped') when the shipped list is missing or broken. */
export async function loadBusinessCalendar(options: LoadCalendarOptions): Promise<LoadedCalendar> {
  const shippedText = await readText(shippedBankHolidaysFile(options.resourcesDir), 'shipped');
  if (options.updateFile === undefined || options.updateFile === null) return calendarFromTexts(shippedText, null);
  let updateText: string | null;
  try {
    updateText = await readOptionalText(options.updateFile);
  } catch (error) {
    const calendar = calendarFromTexts(shippedText, null).calendar;
    return { calendar, update: { status: 'rejected', error: new BankHolidayFileError('update', 'unreadable', 'the file could not be read', { cause: error }) } };
  }
  return calendarFromTexts(shippedText, updateText);
}

async function readText(file: string, source: BankHolidayFileSource): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    throw new BankHolidayFileError(source, 'unreadable', 'the file could not be read', { cause });
  }
}

/** The file's text, or null when it simply is not there (the usual case: nobody has dropped one in). */
async function readOptionalText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
}
