/**
 * Deemed-service dates for documents served through Common Platform (CrimPR r.4.11) on the England and
 * Wales business-day calendar (r.2.2).
 *
 * Where the shipped list lives at run time — pass the directory holding `bank-holidays/` as
 * `resourcesDir`:
 * - source tree (tsx, vitest): `<repo>/resources`;
 * - esbuild build (`dist/main/*.js`, run from the repo): `path.join(dirname(fileURLToPath(import.meta.url)), '../../resources')`;
 * - packaged Electron app: `process.resourcesPath`, once electron-builder.yml copies
 *   `resources/bank-holidays` to `bank-holidays` under extraResources (app.asar holds only dist/).
 */
export { type CivilDate } from './civil-date';
export { easterMonday, easterSunday, goodFriday } from './easter';
export {
  BankHolidayFileError,
  ENGLAND_AND_WALES,
  mergeBankHolidayLists,
  parseBankHolidayFile,
  type BankHoliday,
  type BankHolidayFileProblem,
  type BankHolidayFileSource,
  type BankHolidayList,
} from './bank-holiday-file';
export {
  BANK_HOLIDAYS_UPDATE_FILE_NAME,
  SHIPPED_BANK_HOLIDAYS_RELATIVE_PATH,
  bankHolidaysUpdateFile,
  calendarFromTexts,
  loadBusinessCalendar,
  shippedBankHolidaysFile,
  type BankHolidayUpdateOutcome,
  type LoadCalendarOptions,
  type LoadedCalendar,
} from './bank-holiday-loader';
export { BusinessCalendar, type NonBusinessReason } from './business-calendar';
export { deemedService, type DeemedService, type LateReason } from './deemed-service';
export { InvalidReceiptTimeError } from './receipt-time';
export { londonIso } from './london-time';
