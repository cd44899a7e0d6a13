import { prepared } from '../prepared';
import type { Database } from '../sqlite';

export function readSyncValue(db: Database, key: string): string | null {
  const row = prepared(db, 'SELECT value FROM sync_state WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function writeSyncValue(db: Database, key: string, value: string): void {
  prepared(db, 'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}
