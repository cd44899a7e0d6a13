import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { CpClient } from '../cp';
import { openDatabase, startWalCheckpointer, type Database, type OpenedDatabase, type WalCheckpointer } from '../db';
import { deriveKey } from '../keys';
import { classifyFailure, cpSyncSource, DownloadQueue, SyncEngine, type DownloadProgress, type SyncRunState } from '../sync';
import { Vault, type VaultOptions } from '../vault';

export interface CaseCacheOptions {
  /** The folder holding the encrypted database and the vault. */
  dir: string;
  masterKey: Buffer;
  client: CpClient;
  concurrency?: number;
  budgetBytes?: () => number | null;
  now?: () => Date;
  onProgress?: (progress: DownloadProgress) => void;
  onSyncState?: (state: SyncRunState) => void;
  onCasesChanged?: (caseIds: string[]) => void;
  vaultOptions?: VaultOptions;
  /**
   * Cases per associated-cases page (1–200, default DEFAULT_DELTA_PAGE_SIZE). Each page is validated
   * and applied in one synchronous stretch: 200 cases held the main thread for 110–170 ms.
   */
  deltaPageSize?: number;
}

export interface CaseCache {
  readonly db: Database;
  readonly opened: OpenedDatabase;
  readonly vault: Vault;
  readonly queue: DownloadQueue;
  readonly engine: SyncEngine;
  /** Checkpoints the database's WAL off the main thread (wal-checkpointer.ts). */
  readonly checkpointer: WalCheckpointer;
  /** Stops downloads (partials are kept for resuming) and closes the database cleanly. */
  close(): Promise<void>;
}

export const CACHE_DB_FILE = 'cache.db';
/**
 * Cases per delta page. Each page is applied in one transaction on the main thread, so its size bounds
 * the event loop's longest stall: 25 cases take ~20-30 ms to write on the busy 2-core test machine
 * (50 took up to 70, enough with a GC pause to pass 100 ms). An idle re-sync is still one request; a
 * first sync of 220 cases takes 9 pages instead of 2.
 */
export const DEFAULT_DELTA_PAGE_SIZE = 25;
/**
 * Cases in the first page a run of the app asks for. That page runs cold code (the validators compiled
 * on first use, the statements prepared, nothing optimised yet): at 25 cases it was the longest tick of
 * a whole first sync on the 2-core test machine (40-57 ms, the rest under 40).
 */
export const FIRST_DELTA_PAGE_SIZE = 5;
export const VAULT_DIR = 'vault';

/**
 * The local cache of associated cases, assembled: the encrypted database, the encrypted vault, the
 * persisted download queue and the sync engine, all keyed from the one master key. The app, the
 * reliability tests and the benchmarks build it the same way, through here.
 */
export function openCaseCache(options: CaseCacheOptions): CaseCache {
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const dbFile = path.join(options.dir, CACHE_DB_FILE);
  const dbKey = deriveKey(options.masterKey, 'database');
  const opened = openDatabase({ file: dbFile, key: dbKey });
  const db = opened.db;
  const checkpointer = startWalCheckpointer(db, { file: dbFile, key: dbKey });
  const vault = new Vault(path.join(options.dir, VAULT_DIR), deriveKey(options.masterKey, 'vault'), options.vaultOptions);
  const source = cpSyncSource(options.client, options.deltaPageSize ?? DEFAULT_DELTA_PAGE_SIZE, FIRST_DELTA_PAGE_SIZE);
  const queue = new DownloadQueue({
    db,
    store: vault,
    source,
    classify: classifyFailure,
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    ...(options.budgetBytes ? { budgetBytes: options.budgetBytes } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const engine = new SyncEngine({
    db,
    source,
    store: vault,
    queue,
    classify: classifyFailure,
    ...(options.now ? { now: options.now } : {}),
    ...(options.onSyncState ? { onState: options.onSyncState } : {}),
    ...(options.onCasesChanged ? { onCasesChanged: options.onCasesChanged } : {}),
  });
  let closed = false;
  return {
    db,
    opened,
    vault,
    queue,
    engine,
    checkpointer,
    close: async () => {
      if (closed) return;
      closed = true;
      await queue.stop();
      // Writers were closed by the stop (partials kept); this ends the vault's writer thread.
      await vault.close();
      // Before main's closing checkpoint, which would otherwise wait for one of the thread's.
      await checkpointer.stop();
      opened.close();
    },
  };
}
