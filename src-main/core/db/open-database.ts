import { existsSync, promises as fs, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey } from './cipher-key';
import { DatabaseDamagedError, DatabaseTooNewError } from './database-errors';
import { migrate } from './migrate';
import { LOCAL_ONLY_TABLES, MIGRATIONS, type Migration } from './migrations';

export interface OpenDatabaseOptions {
  file: string;
  /** 32 bytes, derived for the database from the master key. */
  key: Buffer;
  migrations?: readonly Migration[];
  localOnlyTables?: readonly string[];
  now?: () => Date;
}

export interface RecoveryReport {
  /** Where the unreadable file was moved; it is never deleted. */
  movedTo: string;
  /** Local-only rows copied into the fresh database, per table. */
  salvaged: Record<string, number>;
  reason: 'integrityCheckFailed' | 'unreadable';
}

export interface OpenedDatabase {
  db: Database.Database;
  /** Set when the last run did not close cleanly (the integrity check then ran). */
  uncleanShutdown: boolean;
  recovery: RecoveryReport | null;
  close(): void;
}

/**
 * Opens (creating if needed) the encrypted cache: SQLCipher-compatible encryption with a raw 256-bit key,
 * WAL with synchronous=NORMAL, foreign keys on, migrations applied. A marker file beside it tells whether
 * the previous run closed cleanly; if not, `PRAGMA integrity_check` runs, and a damaged or unreadable file
 * is moved aside (kept, never deleted), its local-only work salvaged into a fresh database, and the rest
 * left for a resync to refill.
 */
export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  const migrations = options.migrations ?? MIGRATIONS;
  const marker = `${options.file}.in-use`;
  const uncleanShutdown = existsSync(marker);
  let recovery: RecoveryReport | null = null;
  let db: Database.Database;
  try {
    db = openAndCheck(options.file, options.key, uncleanShutdown);
    migrate(db, migrations);
  } catch (error) {
    if (error instanceof DatabaseTooNewError) throw error;
    const reason = error instanceof IntegrityError ? 'integrityCheckFailed' : 'unreadable';
    const movedTo = moveAside(options.file, (options.now ?? (() => new Date()))());
    db = openAndCheck(options.file, options.key, false);
    migrate(db, migrations);
    const salvaged = salvage(db, movedTo, options.key, options.localOnlyTables ?? LOCAL_ONLY_TABLES);
    recovery = { movedTo, salvaged, reason };
  }
  writeFileSync(marker, String(process.pid));
  return {
    db,
    uncleanShutdown,
    recovery,
    close: () => {
      // Checkpoint so the next start opens one file, then say we closed cleanly.
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      rmSync(marker, { force: true });
    },
  };
}

class IntegrityError extends Error {}

function openAndCheck(file: string, key: Buffer, check: boolean): Database.Database {
  const db = new Database(file);
  try {
    applyKey(db, key);
    // Reading the schema is what fails for a wrong key or a garbled header ("file is not a database").
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (check) {
      const result = db.pragma('integrity_check', { simple: true });
      if (result !== 'ok') throw new IntegrityError('integrity check failed');
    }
    return db;
  } catch (error) {
    db.close();
    if (error instanceof IntegrityError) throw error;
    throw new DatabaseDamagedError({ cause: error });
  }
}

function moveAside(file: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = path.join(path.dirname(file), `${path.basename(file)}.damaged-${stamp}`);
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return target;
}

/** Copies whatever rows of the local-only tables can still be read from the damaged file. */
function salvage(db: Database.Database, damagedFile: string, key: Buffer, tables: readonly string[]): Record<string, number> {
  const salvaged: Record<string, number> = {};
  if (tables.length === 0) return salvaged;
  let old: Database.Database;
  try {
    old = new Database(damagedFile, { readonly: true, fileMustExist: true });
    applyKey(old, key);
  } catch {
    return salvaged;
  }
  try {
    for (const table of tables) {
      let copied = 0;
      try {
        const columns = (db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((column) => column.name);
        const insert = db.prepare(
          `INSERT OR IGNORE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        );
        for (const row of old.prepare(`SELECT ${columns.join(', ')} FROM ${table}`).iterate() as Iterable<Record<string, unknown>>) {
          try {
            insert.run(...columns.map((column) => row[column]));
            copied += 1;
          } catch {
            // A row that no longer fits is skipped; the damaged file is kept for anything missed.
          }
        }
      } catch {
        // The table itself is unreadable in the damaged file: nothing more to save from it here.
      }
      salvaged[table] = copied;
    }
  } finally {
    old.close();
  }
  return salvaged;
}

/** For tests and the storage budget: bytes the database files take on disk. */
export async function databaseSize(file: string): Promise<number> {
  let total = 0;
  for (const suffix of ['', '-wal']) {
    total += await fs.stat(file + suffix).then((stat) => stat.size, () => 0);
  }
  return total;
}
