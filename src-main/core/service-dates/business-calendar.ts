/**
 * Business days in England and Wales (CrimPR r.2.2): every day except Saturday, Sunday, Christmas Day,
 * Boxing Day, Good Friday, Easter Monday or a bank holiday.
 *
 * Christmas Day, Boxing Day, Good Friday and Easter Monday are named by the rule itself, so they are
 * non-business on their real dates whatever the list says — when 25 December is a Saturday, the 25th is
 * not a business day and neither is the substitute bank holiday on the 27th — and they are known for
 * years the list does not cover. Only the other bank holidays depend on the list, which is why the
 * calendar says how far it reaches (`startsOn`…`endsOn`).
 */
import { addDays, civilDate, dayOfWeek, yearOf, type CivilDate } from './civil-date';
import { easterMonday, goodFriday } from './easter';
import type { BankHoliday, BankHolidayList } from './bank-holiday-file';

export type NonBusinessReason = 'saturday' | 'sunday' | 'christmasDay' | 'boxingDay' | 'goodFriday' | 'easterMonday' | 'bankHoliday';

export class BusinessCalendar {
  /** The first day the bank-holiday list speaks for (1 January of its first year). */
  readonly startsOn: CivilDate;
  /**
   * The last day the list speaks for: 31 December of the last year in an unbroken run from the first.
   * After it, a day may be a bank holiday nobody has told us about.
   */
  readonly endsOn: CivilDate;
  private readonly bankHolidays: ReadonlyMap<CivilDate, BankHoliday>;

  constructor(list: BankHolidayList) {
    const first = list.years[0];
    if (first === undefined) throw new RangeError('a business calendar needs a bank-holiday list covering at least one year');
    let last = first;
    while (list.years.includes(last + 1)) last += 1;
    this.startsOn = civilDate(first, 1, 1);
    this.endsOn = civilDate(last, 12, 31);
    this.bankHolidays = new Map(list.holidays.map((h) => [h.date, h]));
  }

  /** True when the list speaks for this date, so a "business day" answer is certain. */
  covers(date: CivilDate): boolean {
    return date >= this.startsOn && date <= this.endsOn;
  }

  /** Why the date is not a business day, or null if it is one. Weekends first, then the named days. */
  nonBusinessReason(date: CivilDate): NonBusinessReason | null {
    const weekday = dayOfWeek(date);
    if (weekday === 6) return 'saturday';
    if (weekday === 0) return 'sunday';
    const monthDay = date.slice(5);
    if (monthDay === '12-25') return 'christmasDay';
    if (monthDay === '12-26') return 'boxingDay';
    const year = yearOf(date);
    if (date === goodFriday(year)) return 'goodFriday';
    if (date === easterMonday(year)) return 'easterMonday';
    if (this.bankHolidays.has(date)) return 'bankHoliday';
    return null;
  }

  isBusinessDay(date: CivilDate): boolean {
    return this.nonBusinessReason(date) === null;
  }

  /** GOV.UK's entry for the date, if it is on the list (for its title: "Christmas Day (substitute day)"…). */
  bankHoliday(date: CivilDate): BankHoliday | undefined {
    return this.bankHolidays.get(date);
  }

  /** The first business day strictly after `date`. */
  nextBusinessDay(date: CivilDate): CivilDate {
    // The longest run of non-business days in England and Wales is a handful (Christmas into a weekend);
    // the cap only guards against a corrupt list that marks every day a holiday.
    let day = addDays(date, 1);
    for (let i = 0; i < 366 && !this.isBusinessDay(day); i++) day = addDays(day, 1);
    return day;
  }
}
