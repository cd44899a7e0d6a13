import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openDatabase, prepared, readSyncValue, writeSyncValue } from '../../../src-main/core/db';
import { tempDatabaseFile } from './db-fixtures';

describe('prepared', () => {
  it('compiles each statement once per connection and reuses it', () => {
    const { db, close } = openDatabase({ file: tempDatabaseFile(), key: randomBytes(32) });
    try {
      const sql = 'SELECT value FROM sync_state WHERE key = ?';
      const first = prepared(db, sql);
      expect(prepared(db, sql)).toBe(first);
      expect(prepared(db, 'SELECT count(*) AS n FROM sync_state')).not.toBe(first);
      // Reused statements still see every write made since they were compiled.
      writeSyncValue(db, 'cursor', 'a');
      expect(readSyncValue(db, 'cursor')).toBe('a');
      writeSyncValue(db, 'cursor', 'b');
      expect(readSyncValue(db, 'cursor')).toBe('b');
      expect((prepared(db, 'SELECT count(*) AS n FROM sync_state').get() as { n: number }).n).toBe(1);
    } finally {
      close();
    }
  });

  it('gives another connection statements of its own', () => {
    const file = tempDatabaseFile();
    const key = randomBytes(32);
    const sql = 'SELECT value FROM sync_state WHERE key = ?';
    const one = openDatabase({ file, key });
    writeSyncValue(one.db, 'cursor', 'kept');
    const fromFirst = prepared(one.db, sql);
    one.close();
    const two = openDatabase({ file, key });
    try {
      const fromSecond = prepared(two.db, sql);
      expect(fromSecond).not.toBe(fromFirst);
      expect(fromSecond.database).toBe(two.db);
      expect(readSyncValue(two.db, 'cursor')).toBe('kept');
    } finally {
      two.close();
    }
  });
});
