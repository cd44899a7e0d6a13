/**
 * reviseUncertainDeemedDates on a real database, with the real r.4.11 calculation over real calendars
 * (the shipped list, and the shipped list with a newer year laid over it): only accepted items whose
 * date was uncertain or missing are computed again; each changed date is written with one audit entry.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src-main/core/db';
import { reviseUncertainDeemedDates, type ServiceClock } from '../../../src-main/core/serving';
import { deemedService, loadBusinessCalendar, type BusinessCalendar } from '../../../src-main/core/service-dates';
import { makeTempDir } from '../../helpers/temp-dir';

const temps: Array<() => void> = [];
afterEach(() => temps.splice(0).forEach((cleanup) => cleanup()));
function database(): Database {
  const { dir, cleanup } = makeTempDir();
  temps.push(cleanup);
  const opened = openDatabase({ file: path.join(dir, 'cache.db'), key: randomBytes(32) });
  temps.unshift(() => opened.close());
  return opened.db;
}

/** The clock serving is given, over one calendar (null: no list could be loaded). */
function clockOver(calendar: BusinessCalendar | null): ServiceClock {
  return {
    deemed: (receivedAt) => (calendar === null ? null : { ...deemedService(receivedAt, calendar) }),
    forecast: () => {
      throw new Error('not used here');
    },
    today: () => '2026-12-02',
  };
}

const RESOURCES = path.resolve(__dirname, '../../../resources');
/** The shipped list, with an update file laid over it when `events` are given (as the app loads it). */
async function calendarWith(events: Array<{ title: string; date: string }> | null): Promise<BusinessCalendar> {
  const { dir, cleanup } = makeTempDir();
  temps.push(cleanup);
  const updateFile = path.join(dir, 'bank-holidays.json');
  if (events) writeFileSync(updateFile, JSON.stringify({ division: 'england-and-wales', events: events.map((e) => ({ ...e, notes: '', bunting: true })) }));
  const loaded = await loadBusinessCalendar({ resourcesDir: RESOURCES, updateFile });
  expect(loaded.update.status).toBe(events ? 'applied' : 'none');
  return loaded.calendar;
}

function insertAccepted(db: Database, id: string, receivedAt: string, deemed: { on: string | null; late: string | null; beyond: 0 | 1 }, state = 'accepted'): void {
  db.prepare(
    `INSERT INTO service_items (id, case_id, urn, name, size, sha256, state, created_at, receipt_id, court_document_id, material_id, received_at, deemed_served_on, late_reason, beyond_calendar)
     VALUES (?, 'c1', '39GD1116822', 'doc.pdf', 10, 'aa', ?, 't', ?, 'cd', 'm', ?, ?, ?, ?)`,
  ).run(id, state, `r-${id}`, receivedAt, deemed.on, deemed.late, deemed.beyond);
}

const row = (db: Database, id: string) => db.prepare('SELECT deemed_served_on AS servedOn, late_reason AS late, beyond_calendar AS beyond FROM service_items WHERE id = ?').get(id);
const audits = (db: Database) => db.prepare('SELECT event, item_id AS itemId, deemed_served_on AS servedOn, cp_received_at AS receivedAt, receipt_id AS receiptId FROM audit_log ORDER BY seq').all();

describe('reviseUncertainDeemedDates', () => {
  it('computes again only the uncertain and the missing dates, and audits each change once', async () => {
    const db = database();
    // Friday 25 August 2017, 15:00 in London: the shipped list (from 2018) cannot know Monday 28 August.
    insertAccepted(db, 'uncertain', '2017-08-25T14:00:00Z', { on: '2017-08-28', late: 'after230', beyond: 1 });
    // Friday 18 August 2017, 15:00: Monday 21 August was no bank holiday, so a list reaching it confirms the date.
    insertAccepted(db, 'confirmed', '2017-08-18T14:00:00Z', { on: '2017-08-21', late: 'after230', beyond: 1 });
    // Received while no list could be loaded: no date at all.
    insertAccepted(db, 'missing', '2026-03-13T15:00:00Z', { on: null, late: null, beyond: 0 });
    // Certain when computed: never touched, even if (here, deliberately) it disagrees with today's list.
    insertAccepted(db, 'certain', '2026-03-13T15:00:00Z', { on: '2026-03-17', late: 'after230', beyond: 0 });
    // Not accepted: no receipt to compute from.
    insertAccepted(db, 'refused', '2017-08-25T14:00:00Z', { on: null, late: null, beyond: 0 }, 'refused');

    const shipped = await calendarWith(null);
    // With the shipped list the 2017 date is still uncertain and unchanged; the missing one is computed.
    expect(reviseUncertainDeemedDates(db, clockOver(shipped), new Date('2026-12-02T10:00:00Z'))).toEqual(['missing']);
    expect(row(db, 'uncertain')).toEqual({ servedOn: '2017-08-28', late: 'after230', beyond: 1 });
    expect(row(db, 'missing')).toEqual({ servedOn: '2026-03-16', late: 'after230', beyond: 0 });

    // A list reaching 2017 (the shipped years kept): the date moves past the bank holiday and is certain.
    const reaching = await calendarWith([{ title: 'Summer bank holiday', date: '2017-08-28' }]);
    expect(reviseUncertainDeemedDates(db, clockOver(reaching), new Date('2026-12-02T11:00:00Z')).sort()).toEqual(['confirmed', 'uncertain']);
    expect(row(db, 'uncertain')).toEqual({ servedOn: '2017-08-29', late: 'after230', beyond: 0 });
    // The same date, now certain: its "check this date" mark goes, and the audit log (which records dates) has no entry.
    expect(row(db, 'confirmed')).toEqual({ servedOn: '2017-08-21', late: 'after230', beyond: 0 });
    expect(row(db, 'certain')).toEqual({ servedOn: '2026-03-17', late: 'after230', beyond: 0 });
    // Nothing left to revise, and no list at all changes nothing.
    expect(reviseUncertainDeemedDates(db, clockOver(reaching), new Date())).toEqual([]);
    expect(reviseUncertainDeemedDates(db, clockOver(null), new Date())).toEqual([]);

    expect(audits(db)).toEqual([
      { event: 'deemedDateRevised', itemId: 'missing', servedOn: '2026-03-16', receivedAt: '2026-03-13T15:00:00Z', receiptId: 'r-missing' },
      { event: 'deemedDateRevised', itemId: 'uncertain', servedOn: '2017-08-29', receivedAt: '2017-08-25T14:00:00Z', receiptId: 'r-uncertain' },
    ]);
  });
});
