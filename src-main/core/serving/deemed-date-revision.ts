/**
 * A deemed-service date is computed when CP's receipt arrives, with the bank-holiday list of that
 * moment. When that list did not reach the days the date rests on, the date was marked uncertain; when
 * no list could be loaded at all, it was left out. Each time the app starts, with whatever list it
 * loads then (the shipped one, or a newer file dropped in the data folder), those dates are computed
 * again from CP's receipt time, once the list reaches them (a missing date is always filled in, marked
 * uncertain if need be). A date that was certain when it was given is never touched.
 *
 * The audit log records dates: an entry is written when the date itself changes. A date only confirmed
 * by the newer list loses its "check this date" mark without an entry.
 */
import type { Database } from '../db';
import { appendAudit } from './audit-log';
import { auditFacts } from './serve-job';
import { itemsWithUncertainDeemedDate } from './service-items';
import type { ServiceClock } from './service-clock';

/** Returns the ids of the items whose date (or its certainty) changed. */
export function reviseUncertainDeemedDates(db: Database, clock: ServiceClock, now: Date): string[] {
  // Usually none: SQLite picks them, so a start never reads a firm's whole history of served documents.
  const uncertain = itemsWithUncertainDeemedDate(db);
  const update = db.prepare('UPDATE service_items SET deemed_served_on = ?, late_reason = ?, beyond_calendar = ? WHERE id = ?');
  const revised: string[] = [];
  db.transaction(() => {
    for (const item of uncertain) {
      const { receipt, deemedServedOn } = item.view;
      if (receipt === null) continue;
      const deemed = clock.deemed(receipt.receivedAt);
      // No list, or one that still does not reach the date: it stays as it was.
      if (deemed === null || (deemedServedOn !== null && deemed.beyondCalendar)) continue;
      update.run(deemed.servedOn, deemed.lateReason, deemed.beyondCalendar ? 1 : 0, item.id);
      revised.push(item.id);
      if (deemed.servedOn === deemedServedOn) continue;
      appendAudit(
        db,
        {
          event: 'deemedDateRevised',
          ...auditFacts(item),
          receiptId: receipt.receiptId,
          courtDocumentId: receipt.courtDocumentId,
          cpReceivedAt: receipt.receivedAt,
          deemedServedOn: deemed.servedOn,
        },
        now,
      );
    }
  })();
  return revised;
}
