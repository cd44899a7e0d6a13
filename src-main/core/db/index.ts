export { openDatabase, databaseSize, type OpenedDatabase, type OpenDatabaseOptions, type RecoveryReport } from './open-database';
export { DatabaseDamagedError, DatabaseTooNewError } from './database-errors';
export { MIGRATIONS, LOCAL_ONLY_TABLES, type Migration } from './migrations';
export type { Database } from './sqlite';
export { prepared } from './prepared';
export * from './queries';
export { startWalCheckpointer, type WalCheckpointer, type WalCheckpointerOptions } from './wal-checkpointer';
