import type { ServiceForecast } from '../../../src-preload/api';

/** When a document counts as served (CrimPR r.4.11), from CP's receipt time. */
export interface DeemedServiceDate {
  readonly servedOn: string;
  readonly lateReason: 'after230' | 'nonBusinessDay' | null;
  /** The bank-holiday list does not reach the days this rests on: the date may be wrong. */
  readonly beyondCalendar: boolean;
}

/**
 * CP's clock and the business calendar, as serving needs them: injected (app.ts builds it from
 * core/service-dates and core/server-time), so serving is tested without either. The laptop's clock is
 * never used for service.
 */
export interface ServiceClock {
  /** Null when it cannot be computed (no bank-holiday list): the receipt is kept without a date. */
  deemed(receivedAt: string): DeemedServiceDate | null;
  /** "If it reached CP now": by CP's clock as last seen. */
  forecast(): ServiceForecast;
  /**
   * Today in England and Wales by CP's clock as last seen, or by this machine's before CP was ever
   * reached. For check-in only (CP checks the day again); never for service.
   */
  today(): string;
}
