import { randomBytes } from 'node:crypto';
import { existsSync, openSync, readFileSync, readdirSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError, MIGRATIONS, openDatabase, type Migration } from '../../../src-main/core/db';
import { tempDatabaseFile } from './db-fixtures';

/** A schema from a later app version than this one. */
const fromTheFuture: readonly Migration[] = [
  ...MIGRATIONS,
  { version: MIGRATIONS.length + 1, name: 'future', up: 'CREATE TABLE future_things (id TEXT PRIMARY KEY) STRICT;' },
];

describe('the encrypted database', () => {
  it('has contiguous migrations from 1', () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
  });

  it('creates the schema, runs in WAL with foreign keys, and reopens with the same key', () => {
    const file = tempDatabaseFile();
    const key = randomBytes(32);
    const first = openDatabase({ file, key });
    expect(first.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(first.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(first.db.pragma('foreign_keys', { simple: true })).toBe(1);
    first.db.prepare("INSERT INTO sync_state (key, value) VALUES ('cursor', 'abc')").run();
    first.close();
    const second = openDatabase({ file, key });
    expect(second.uncleanShutdown).toBe(false);
    expect(second.recovery).toBeNull();
    expect(second.db.prepare("SELECT value FROM sync_state WHERE key = 'cursor'").get()).toEqual({ value: 'abc' });
    second.close();
  });

  it('keeps nothing readable on disk without the key', () => {
    const file = tempDatabaseFile();
    const opened = openDatabase({ file, key: randomBytes(32) });
    const marker = 'Harvey-Tyrone-Ashworth-MARKER';
    opened.db
      .prepare("INSERT INTO cases (id, urn, status, version, synced_at) VALUES ('c1', '01EE4342226', 'ACTIVE', 1, 'now')")
      .run();
    opened.db.prepare("INSERT INTO defendants (id, case_id, position, first_name) VALUES ('d1', 'c1', 0, ?)").run(marker);
    opened.close();
    const raw = readFileSync(file);
    expect(raw.includes(Buffer.from(marker))).toBe(false);
    expect(raw.includes(Buffer.from('01EE4342226'))).toBe(false);
    expect(raw.includes(Buffer.from('SQLite format 3'))).toBe(false);
  });

  it('refuses a database written by a newer version, leaving it untouched', () => {
    const file = tempDatabaseFile();
    const key = randomBytes(32);
    openDatabase({ file, key, migrations: fromTheFuture }).close();
    const before = readFileSync(file);
    expect(() => openDatabase({ file, key })).toThrow(DatabaseTooNewError);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('runs the integrity check after an unclean shutdown', () => {
    const file = tempDatabaseFile();
    const key = randomBytes(32);
    openDatabase({ file, key }); // never closed: the marker stays, as after a crash
    const reopened = openDatabase({ file, key });
    expect(reopened.uncleanShutdown).toBe(true);
    expect(reopened.recovery).toBeNull();
    reopened.close();
  });

  it('moves a damaged database aside, keeps it, and salvages local-only work into a fresh one', () => {
    const file = tempDatabaseFile();
    const key = randomBytes(32);
    // The real local-only tables: private notes must survive a damaged cache.
    const opened = openDatabase({ file, key });
    const insert = opened.db.prepare(
      "INSERT INTO notes (id, case_id, document_id, material_id, page, body, created_at, updated_at) VALUES (?, 'c', 'd', 'm', 1, ?, 't', 't')",
    );
    for (let i = 0; i < 200; i += 1) insert.run(`n${i}`, `note ${i} ${'x'.repeat(300)}`);
    // One leaf page of the notes table, in the middle of it: the schema grows with each migration, so
    // "the middle of the file" could land on a page whose loss takes the whole table with it.
    const leaves = (opened.db.prepare("SELECT pageno FROM dbstat WHERE name = 'notes' AND pagetype = 'leaf' ORDER BY pageno").all() as Array<{ pageno: number }>).map((r) => r.pageno);
    const pageSize = opened.db.pragma('page_size', { simple: true }) as number;
    opened.close();
    expect(leaves.length).toBeGreaterThan(2);
    const page = leaves[Math.floor(leaves.length / 2)] ?? 1;
    // Garble it, as a bad sector or a torn write would.
    const fd = openSync(file, 'r+');
    writeSync(fd, randomBytes(pageSize), 0, pageSize, (page - 1) * pageSize);
    closeSync(fd);
    writeFileMarker(file);

    const recovered = openDatabase({ file, key });
    expect(recovered.recovery).not.toBeNull();
    expect(existsSync(recovered.recovery?.movedTo ?? '')).toBe(true);
    expect(readdirSync(path.dirname(file)).some((name) => name.includes('.damaged-'))).toBe(true);
    const salvaged = recovered.recovery?.salvaged.notes ?? 0;
    const count = (recovered.db.prepare('SELECT count(*) AS n FROM notes').get() as { n: number }).n;
    expect(count).toBe(salvaged);
    expect(count).toBeGreaterThan(0); // most notes survive a single bad page
    recovered.close();
  });

  it('moves aside a file it cannot open with this key, and starts a fresh one', () => {
    const file = tempDatabaseFile();
    openDatabase({ file, key: randomBytes(32) }).close();
    const reopened = openDatabase({ file, key: randomBytes(32) });
    expect(reopened.recovery?.reason).toBe('unreadable');
    expect(existsSync(reopened.recovery?.movedTo ?? '')).toBe(true);
    expect(reopened.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    reopened.close();
  });
});

function writeFileMarker(file: string): void {
  const fd = openSync(`${file}.in-use`, 'w');
  closeSync(fd);
}
