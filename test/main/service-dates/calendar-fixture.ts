/** The calendar from the shipped list, as the app builds it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { calendarFromTexts, shippedBankHolidaysFile, type BusinessCalendar } from '../../../src-main/core/service-dates';

export const RESOURCES_DIR = path.resolve('resources');
export const SHIPPED_TEXT = readFileSync(shippedBankHolidaysFile(RESOURCES_DIR), 'utf8');

export function shippedCalendar(): BusinessCalendar {
  return calendarFromTexts(SHIPPED_TEXT, null).calendar;
}
