import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

/** The database handle type, so other modules need not import the driver. */
export type Database = BetterSqlite3.Database;
