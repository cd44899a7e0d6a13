import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LOCAL_ONLY_TABLES, MIGRATIONS, openDatabase } from '../../../src-main/core/db';
import { tempDatabaseFile } from './db-fixtures';

const CASE = "INSERT INTO cases (id, urn, status, version, synced_at) VALUES ('c1', '39GD1116822', 'ACTIVE', 1, 't')";
const FORM = `INSERT INTO cp_forms (form_id, case_id, form_type, record_id, defendant_ids_json, version, last_updated, data_json, sections_json, history_json, fetched_at)
  VALUES ('f1', 'c1', 'PET', 'r1', '[]', 1, 't', '{}', '[]', '[]', 't')`;
const DRAFT = `INSERT INTO form_drafts (form_id, case_id, form_type, base_version, base_json, answers_json, state, created_at, updated_at)
  VALUES ('f1', 'c1', 'PET', 1, '{}', '{"part3":{"plea":"notGuilty"}}', 'editing', 't', 't')`;

/** Migration 005: CP's copy of forms (leaves with its case) and drafts (local-only: stay). */
describe('migration 005 (forms)', () => {
  it('upgrades a version-4 database in place', () => {
    const file = tempDatabaseFile();
    const key = randomBytes(32);
    const v4 = openDatabase({ file, key, migrations: MIGRATIONS.slice(0, 4) });
    v4.db.prepare(CASE).run();
    v4.close();
    const v5 = openDatabase({ file, key, migrations: MIGRATIONS.slice(0, 5) });
    expect(v5.db.pragma('user_version', { simple: true })).toBe(5);
    v5.db.prepare(FORM).run();
    v5.db.prepare(DRAFT).run();
    v5.close();
  });

  it("drops CP's copy with its case but never the draft, which is salvaged as local-only work", () => {
    const { db, close } = openDatabase({ file: tempDatabaseFile(), key: randomBytes(32) });
    db.prepare(CASE).run();
    db.prepare(FORM).run();
    db.prepare(DRAFT).run();
    db.prepare("DELETE FROM cases WHERE id = 'c1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM cp_forms').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT answers_json FROM form_drafts').get()).toEqual({ answers_json: '{"part3":{"plea":"notGuilty"}}' });
    expect(LOCAL_ONLY_TABLES).toContain('form_drafts');
    expect(LOCAL_ONLY_TABLES).not.toContain('cp_forms');
    close();
  });

  it('refuses a draft in a state the app does not know', () => {
    const { db, close } = openDatabase({ file: tempDatabaseFile(), key: randomBytes(32) });
    expect(() => db.prepare(DRAFT.replace("'editing'", "'submitted'")).run()).toThrow(/CHECK/);
    close();
  });
});
