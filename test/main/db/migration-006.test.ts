import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, openDatabase } from '../../../src-main/core/db';
import { tempDatabaseFile } from './db-fixtures';

const ENTRY = (event: string, item: string) =>
  `INSERT INTO audit_log (at, event, item_id, urn, receipt_id, deemed_served_on) VALUES ('t', '${event}', '${item}', '39GD1116822', 'r-${item}', '2029-01-01')`;

/** Migration 006: the audit log rebuilt for the 'deemedDateRevised' event, every row and its guard kept. */
describe('migration 006 (deemed-date revisions in the audit log)', () => {
  it('keeps every entry of a version-5 audit log, in order, and its seq numbers go on from the last', () => {
    const file = tempDatabaseFile();
    const key = randomBytes(32);
    const v5 = openDatabase({ file, key, migrations: MIGRATIONS.slice(0, 5) });
    for (const [event, item] of [['queued', 'a'], ['sent', 'a'], ['accepted', 'a'], ['checkedIn', 'b']] as const) v5.db.prepare(ENTRY(event, item)).run();
    expect(() => v5.db.prepare(ENTRY('deemedDateRevised', 'a')).run()).toThrow(/CHECK/);
    const before = v5.db.prepare('SELECT * FROM audit_log ORDER BY seq').all();
    v5.close();

    const v6 = openDatabase({ file, key, migrations: MIGRATIONS.slice(0, 6) });
    expect(v6.db.pragma('user_version', { simple: true })).toBe(6);
    expect(v6.db.prepare('SELECT * FROM audit_log ORDER BY seq').all()).toEqual(before);
    v6.db.prepare(ENTRY('deemedDateRevised', 'a')).run();
    expect(v6.db.prepare('SELECT seq, event FROM audit_log ORDER BY seq DESC LIMIT 1').get()).toEqual({ seq: 5, event: 'deemedDateRevised' });
    v6.close();
  });

  it('is still append-only, and still refuses an event it does not know', () => {
    const { db, close } = openDatabase({ file: tempDatabaseFile(), key: randomBytes(32) });
    db.prepare(ENTRY('accepted', 'a')).run();
    expect(() => db.prepare("UPDATE audit_log SET receipt_id = 'forged'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => db.prepare(ENTRY('served', 'a')).run()).toThrow(/CHECK/);
    expect(db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
    close();
  });
});
