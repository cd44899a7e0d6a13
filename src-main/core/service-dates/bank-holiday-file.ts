/**
 * The England and Wales bank-holiday list in GOV.UK's published JSON shape
 * (https://www.gov.uk/bank-holidays.json). Accepts either the one division
 * `{ division: "england-and-wales", events: [...] }` or the whole file GOV.UK serves (all three
 * divisions), because the easiest thing for a firm's IT to drop in is the file exactly as downloaded.
 */
import { z } from 'zod';
import { isCivilDate, yearOf, type CivilDate } from './civil-date';

export const ENGLAND_AND_WALES = 'england-and-wales';

export interface BankHoliday {
  readonly date: CivilDate;
  readonly title: string;
}

/** A validated list: its holidays, date order, and the whole years it speaks for. */
export interface BankHolidayList {
  readonly holidays: readonly BankHoliday[];
  /** Ascending. A year is covered when the list has any event in it (GOV.UK publishes whole years). */
  readonly years: readonly number[];
}

export type BankHolidayFileSource = 'shipped' | 'update';

export type BankHolidayFileProblem = 'unreadable' | 'notJson' | 'invalidShape' | 'wrongDivision' | 'noEvents';

/** A bank-holiday file that cannot be used. Carries no file contents, only what went wrong. */
export class BankHolidayFileError extends Error {
  constructor(
    readonly source: BankHolidayFileSource,
    readonly problem: BankHolidayFileProblem,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${source} bank-holiday file: ${problem}: ${detail}`, options);
    this.name = 'BankHolidayFileError';
  }
}

// Only title and date are used; notes and bunting are GOV.UK's and may change without breaking us.
const EventSchema = z.object({
  title: z.string(),
  date: z.string().refine(isCivilDate, 'expected an existing YYYY-MM-DD date'),
  notes: z.string().optional(),
  bunting: z.boolean().optional(),
});

const DivisionSchema = z.object({ division: z.string(), events: z.array(EventSchema) });

const FileSchema = z.union([DivisionSchema, z.object({ [ENGLAND_AND_WALES]: DivisionSchema })]);

export function parseBankHolidayFile(text: string, source: BankHolidayFileSource): BankHolidayList {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new BankHolidayFileError(source, 'notJson', 'not valid JSON', { cause });
  }
  const parsed = FileSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new BankHolidayFileError(source, 'invalidShape', first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'unexpected shape', { cause: parsed.error });
  }
  const division = 'division' in parsed.data ? parsed.data : parsed.data[ENGLAND_AND_WALES];
  // Scotland and Northern Ireland have other holidays (2 January, St Patrick's Day…): never mix them in.
  if (division.division !== ENGLAND_AND_WALES) throw new BankHolidayFileError(source, 'wrongDivision', `division is ${JSON.stringify(division.division)}`);
  if (division.events.length === 0) throw new BankHolidayFileError(source, 'noEvents', 'the list has no events');
  return listOf(division.events.map((e) => ({ date: e.date, title: e.title })));
}

export function listOf(holidays: readonly BankHoliday[]): BankHolidayList {
  const sorted = [...holidays].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const years = [...new Set(sorted.map((h) => yearOf(h.date)))].sort((a, b) => a - b);
  return { holidays: sorted, years };
}

/**
 * The shipped list with a newer one laid over it: for every year the newer list covers, its holidays
 * replace the shipped ones for that year (rather than adding to them), because GOV.UK moves holidays —
 * 2020's early May bank holiday went from Monday 4 to Friday 8 May — and a stale date must not survive.
 * Years only the shipped list covers are kept, so a newer file that starts later loses nothing.
 */
export function mergeBankHolidayLists(shipped: BankHolidayList, newer: BankHolidayList): BankHolidayList {
  const newerYears = new Set(newer.years);
  return listOf([...shipped.holidays.filter((h) => !newerYears.has(yearOf(h.date))), ...newer.holidays]);
}
