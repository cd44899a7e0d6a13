import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Database } from './sqlite';

/** Per connection: a closed or replaced Database takes its statements with it. */
const cache = new WeakMap<Database, Map<string, Statement>>();

/**
 * The statement for `sql` on `db`, compiled on first use and then reused. Compiling is SQLite parsing
 * and planning the query every time; writeCase alone compiled 17 statements per case, about half of a
 * delta page's transaction time, all of it on the main thread. One statement serves every caller, so
 * run it to completion (run, get, all): an iterate() left half-way would leave it busy for the next.
 */
export function prepared(db: Database, sql: string): Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
