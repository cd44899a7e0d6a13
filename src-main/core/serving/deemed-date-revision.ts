/**
 * A deemed-service date is computed when CP's receipt arrives, with the bank-holiday list of that
 * moment. When that list did not reach the days the date rests on (or could not be loaded at all),
 * the date was marked uncertain (or left out). Each time the app starts, with whatever list it loads
 * then (the shipped one, or a newer file dropped in the data folder), those dates are computed again
 * from CP's receipt time; each one that changes is written with an audit entry saying so. A date
 * computed on a list that covered it is never touched: it was right when it was given.
 */
import type { Database } from '../db';
import { appendAudit } from './audit-log';
import type { ServiceClock } from './service-clock';

interface UncertainRow {
  id: string;
  urn: string;
  name: string;
  size: number;
  sha256: string;
  receipt_id: string | null;
  court_document_id: string | null;
  received_at: string;
  deemed_served_on: string | null;
  late_reason: string | null;
  beyond_calendar: number;
}

/** Returns the ids of the items whose date (or its certainty) changed. */
export function reviseUncertainDeemedDates(db: Database, clock: ServiceClock, now: Date): string[] {
  const rows = db
    .prepare(
      `SELECT id, urn, name, size, sha256, receipt_id, court_document_id, received_at, deemed_served_on, late_reason, beyond_calendar
       FROM service_items
       WHERE state = 'accepted' AND received_at IS NOT NULL AND (deemed_served_on IS NULL OR beyond_calendar = 1)`,
    )
    .all() as UncertainRow[];
  const revised: string[] = [];
  const update = db.prepare('UPDATE service_items SET deemed_served_on = ?, late_reason = ?, beyond_calendar = ? WHERE id = ?');
  db.transaction(() => {
    for (const row of rows) {
      const deemed = clock.deemed(row.received_at);
      if (deemed === null) continue;
      const beyond = deemed.beyondCalendar ? 1 : 0;
      if (deemed.servedOn === row.deemed_served_on && deemed.lateReason === row.late_reason && beyond === row.beyond_calendar) continue;
      update.run(deemed.servedOn, deemed.lateReason, beyond, row.id);
      appendAudit(
        db,
        {
          event: 'deemedDateRevised',
          itemId: row.id,
          urn: row.urn,
          documentName: row.name,
          size: row.size,
          sha256: row.sha256,
          receiptId: row.receipt_id,
          courtDocumentId: row.court_document_id,
          cpReceivedAt: row.received_at,
          deemedServedOn: deemed.servedOn,
        },
        now,
      );
      revised.push(row.id);
    }
  })();
  return revised;
}
