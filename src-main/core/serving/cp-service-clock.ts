/**
 * The ServiceClock the app runs on: CP's clock as last seen (core/server-time, fed by every CP answer's
 * Date header) and the England and Wales business calendar (core/service-dates). The estimate is kept
 * in the database, so after a restart offline the app can still say "by CP's clock as last seen N
 * minutes ago" instead of falling back to the laptop's clock.
 */
import type { Database } from '../db';
import { ServerClockEstimate, serviceForecast } from '../server-time';
import { deemedService, londonIso, type BusinessCalendar } from '../service-dates';
import type { DeemedServiceDate, ServiceClock } from './service-clock';

/** Often enough that a restart loses little; rarely enough that a sync's hundred answers write once. */
const SAVE_EVERY_MS = 30_000;

export function readClockEstimate(db: Database): ServerClockEstimate {
  const row = db.prepare('SELECT estimate_json FROM server_clock WHERE id = 1').get() as { estimate_json: string } | undefined;
  if (!row) return new ServerClockEstimate();
  try {
    return ServerClockEstimate.restore(JSON.parse(row.estimate_json));
  } catch {
    return new ServerClockEstimate();
  }
}

export function saveClockEstimate(db: Database, estimate: ServerClockEstimate, now: Date): void {
  const snapshot = estimate.snapshot();
  if (snapshot === null) return;
  db.prepare(
    `INSERT INTO server_clock (id, estimate_json, updated_at) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET estimate_json = excluded.estimate_json, updated_at = excluded.updated_at`,
  ).run(JSON.stringify(snapshot), now.toISOString());
}

/**
 * Saves the estimate at most every SAVE_EVERY_MS after it changed; `flush` on shutdown. A failure to
 * save (disk full, database closing) only costs the estimate after a restart, so it is not raised.
 */
export class ClockEstimateSaver {
  #lastSavedMs = 0;
  #dirty = false;

  constructor(
    private readonly db: Database,
    private readonly estimate: () => ServerClockEstimate,
    private readonly nowMs: () => number = Date.now,
  ) {}

  observed(): void {
    this.#dirty = true;
    if (this.nowMs() - this.#lastSavedMs >= SAVE_EVERY_MS) this.flush();
  }

  flush(): void {
    if (!this.#dirty) return;
    try {
      saveClockEstimate(this.db, this.estimate(), new Date(this.nowMs()));
      this.#dirty = false;
      this.#lastSavedMs = this.nowMs();
    } catch {
      // Kept in memory; the next answer from CP tries again.
    }
  }
}

/** Where the business calendar came from (ServiceForecast.bankHolidayList). */
export type BankHolidayListSource = 'shipped' | 'updated' | 'updateRefused';

export function cpServiceClock(options: {
  estimate: () => ServerClockEstimate;
  /** Null when the bank-holiday list could not be loaded: receipts are kept, without a deemed date. */
  calendar: () => { readonly calendar: BusinessCalendar; readonly source: BankHolidayListSource } | null;
  nowMs?: () => number;
}): ServiceClock {
  const nowMs = options.nowMs ?? Date.now;
  return {
    deemed: (receivedAt): DeemedServiceDate | null => {
      const calendar = options.calendar()?.calendar ?? null;
      if (calendar === null) return null;
      try {
        return deemedService(receivedAt, calendar);
      } catch {
        // CP's receipt time is validated on the wire; one deemedService cannot read is kept as it is.
        return null;
      }
    },
    forecast: () => {
      const loaded = options.calendar();
      const now = nowMs();
      if (loaded === null) {
        const estimate = options.estimate().estimate(now);
        return {
          serverNow: estimate === null ? null : londonIso(estimate.serverNowMs),
          observedAgoMs: estimate?.observedAgoMs ?? null,
          servedOnIfSentNow: null,
          lateReason: null,
          calendarEndsOn: '',
          beyondCalendar: true,
          bankHolidayList: 'unavailable',
        };
      }
      const forecast = serviceForecast(options.estimate(), loaded.calendar, now);
      return { ...forecast, beyondCalendar: forecast.beyondCalendar ?? false, bankHolidayList: loaded.source };
    },
    today: () => {
      const estimate = options.estimate().estimate(nowMs());
      return londonIso(estimate?.serverNowMs ?? nowMs()).slice(0, 10);
    },
  };
}
