import type Database from 'better-sqlite3-multiple-ciphers';
import { DatabaseTooNewError } from './database-errors';
import type { Migration } from './migrations';

/**
 * Brings the schema up to date in ONE transaction (all pending steps or none), recording the version in
 * `user_version`. A database from a newer app is refused untouched.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[]): { from: number; to: number } {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) throw new DatabaseTooNewError(current, latest);
  const pending = migrations.filter((migration) => migration.version > current);
  if (pending.length === 0) return { from: current, to: current };
  db.transaction(() => {
    for (const migration of pending) db.exec(migration.up);
    db.pragma(`user_version = ${latest}`);
  })();
  return { from: current, to: latest };
}
