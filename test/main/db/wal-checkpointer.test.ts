import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase, startWalCheckpointer, type Database } from '../../../src-main/core/db';
import { waitFor } from '../../helpers/wait-for';
import { tempDatabaseFile } from './db-fixtures';

const MARKER = 'Harvey-Tyrone-Ashworth-MARKER';

/** Rows enough to pass SQLite's own 1000-page checkpoint threshold several times over. */
function writeRows(db: Database, count: number, prefix = 'k'): void {
  const insert = db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?)');
  for (let i = 0; i < count; i++) insert.run(`${prefix}${i}`, `${MARKER} ${randomBytes(2048).toString('hex')}`);
}

const dbFileBytes = (file: string): number => statSync(file).size;

describe('the WAL checkpoint thread', () => {
  it('takes checkpoints off main: main stops checkpointing, the thread copies the WAL into the file, encrypted', async () => {
    const file = tempDatabaseFile();
    const key = randomBytes(32);
    const opened = openDatabase({ file, key });
    const frames: number[] = [];
    const checkpointer = startWalCheckpointer(opened.db, { file, key, intervalMs: 20, onCheckpoint: (n) => frames.push(n) });
    try {
      expect(await checkpointer.ready).toBe(true);
      expect(opened.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      const before = dbFileBytes(file);
      // ~8 MB, one transaction per row: with main's own checkpoints off, only the thread can move these
      // pages into the database file (it does so while they are written: it runs beside main).
      writeRows(opened.db, 2000);
      // Its reports arrive as messages, so they are waited for, not read straight after the writes.
      await waitFor('the thread to report its checkpoints', () => frames.reduce((a, b) => a + b, 0) > 1000);
      expect(dbFileBytes(file)).toBeGreaterThan(before + 4_000_000);
      expect(readFileSync(file).includes(Buffer.from(MARKER))).toBe(false);
    } finally {
      await checkpointer.stop();
    }
    // Main checkpoints itself again once the thread has gone.
    expect(opened.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    opened.close();
    const reopened = openDatabase({ file, key });
    expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(reopened.db.prepare("SELECT count(*) AS n FROM sync_state WHERE key LIKE 'k%'").get()).toEqual({ n: 2000 });
    reopened.close();
  });

  it('a thread that cannot open the database (wrong key) leaves main checkpointing itself', async () => {
    const file = tempDatabaseFile();
    const opened = openDatabase({ file, key: randomBytes(32) });
    const checkpointer = startWalCheckpointer(opened.db, { file, key: randomBytes(32), intervalMs: 20 });
    // Until the thread says it is ready, main keeps its own threshold.
    expect(opened.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(await checkpointer.ready).toBe(false);
    expect(opened.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    const before = dbFileBytes(file);
    writeRows(opened.db, 2000);
    expect(dbFileBytes(file)).toBeGreaterThan(before + 4_000_000);
    await checkpointer.stop();
    opened.close();
  });

  it('copies only committed pages: a write transaction open across its checkpoints loses nothing', async () => {
    const file = tempDatabaseFile();
    const key = randomBytes(32);
    const opened = openDatabase({ file, key });
    const checkpointer = startWalCheckpointer(opened.db, { file, key, intervalMs: 5 });
    try {
      expect(await checkpointer.ready).toBe(true);
      const before = dbFileBytes(file);
      writeRows(opened.db, 1500, 'a');
      opened.db.transaction(() => {
        // Big enough to spill uncommitted pages into the WAL while the thread keeps checkpointing.
        writeRows(opened.db, 1500, 'b');
        const until = performance.now() + 100;
        while (performance.now() < until) opened.db.prepare('SELECT count(*) FROM sync_state').get();
      })();
      await waitFor('the thread to checkpoint both', () => dbFileBytes(file) > before + 10_000_000);
    } finally {
      await checkpointer.stop();
    }
    opened.close();
    const reopened = openDatabase({ file, key });
    expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(reopened.db.prepare("SELECT count(*) AS n FROM sync_state WHERE key LIKE 'a%' OR key LIKE 'b%'").get()).toEqual({ n: 3000 });
    reopened.close();
  });
});
