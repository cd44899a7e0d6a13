import i18next from 'i18next';
import type { ServiceForecast } from '../../../src-preload/api';
import { formatDate } from '../../ui/format';

/**
 * What the user should know about the bank-holiday list a service date rests on, in the current
 * language: none at all (no date can be given), a GOV.UK file of theirs that could not be used (so they
 * know their update did not take), or a date past the list's end.
 */
export function forecastCautions(forecast: ServiceForecast): string[] {
  switch (forecast.bankHolidayList) {
    case 'unavailable':
      return [i18next.t('serving.forecast.noBankHolidayList')];
    case 'updateRefused':
    case 'shipped':
    case 'updated': {
      const cautions: string[] = [];
      if (forecast.bankHolidayList === 'updateRefused') cautions.push(i18next.t('serving.forecast.bankHolidayUpdateRefused', { date: formatDate(forecast.calendarEndsOn) }));
      if (forecast.beyondCalendar) cautions.push(i18next.t('serving.forecast.beyondCalendar', { date: formatDate(forecast.calendarEndsOn) }));
      return cautions;
    }
  }
}
