import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LOCAL_ONLY_TABLES, MIGRATIONS, openDatabase } from '../../../src-main/core/db';
import { tempDatabaseFile } from './db-fixtures';

/** Migration 004: service items, check-ins, the append-only audit log, CP's clock as last seen. */
describe('migration 004 (serving)', () => {
  it('upgrades a version-3 database in place, keeping its outbox jobs', () => {
    const file = tempDatabaseFile();
    const key = randomBytes(32);
    const v3 = openDatabase({ file, key, migrations: MIGRATIONS.slice(0, 3) });
    v3.db
      .prepare("INSERT INTO outbox_jobs (id, kind, idempotency_key, payload_json, created_at, updated_at) VALUES ('j1', 'associate', 'k1', '{}', 't', 't')")
      .run();
    v3.close();

    const v4 = openDatabase({ file, key, migrations: MIGRATIONS.slice(0, 4) });
    expect(v4.db.pragma('user_version', { simple: true })).toBe(4);
    expect(v4.db.prepare('SELECT id FROM outbox_jobs').all()).toEqual([{ id: 'j1' }]);
    const tables = (v4.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as Array<{ name: string }>).map((row) => row.name);
    expect(tables).toEqual(expect.arrayContaining(['service_items', 'check_ins', 'audit_log', 'server_clock']));
    v4.close();
  });

  it('checks states and sizes, and keeps the audit log append-only', () => {
    const { db, close } = openDatabase({ file: tempDatabaseFile(), key: randomBytes(32) });
    const item = db.prepare(
      "INSERT INTO service_items (id, case_id, urn, name, size, sha256, state, created_at) VALUES (?, 'c', 'U', 'a.pdf', ?, 'h', ?, 't')",
    );
    item.run('s1', 10, 'draft');
    expect(() => item.run('s2', 10, 'uploading')).toThrow(/CHECK/);
    expect(() => item.run('s3', 0, 'draft')).toThrow(/CHECK/);
    const checkIn = db.prepare(
      "INSERT INTO check_ins (id, case_id, hearing_id, advocate_status, defendant_ids_json, attendance_day, created_at) VALUES (?, 'c', 'h', ?, '[]', '2026-03-10', 't')",
    );
    checkIn.run('k1', 'junior');
    expect(() => checkIn.run('k2', 'QC')).toThrow(/CHECK/);

    db.prepare("INSERT INTO audit_log (at, event, item_id, urn, size, sha256) VALUES ('t', 'queued', 's1', 'U', 10, 'h')").run();
    expect(() => db.prepare("UPDATE audit_log SET urn = 'X'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => db.prepare("INSERT INTO audit_log (at, event, item_id) VALUES ('t', 'served', 's1')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO server_clock (id, estimate_json, updated_at) VALUES (2, '{}', 't')").run()).toThrow(/CHECK/);
    close();
  });

  it('lists its local-only tables for salvage after damage', () => {
    expect(LOCAL_ONLY_TABLES).toEqual(expect.arrayContaining(['outbox_jobs', 'service_items', 'check_ins', 'audit_log']));
  });
});
