import { prepared, readSyncValue, removeCase, writeCase, writeSyncValue, type Database } from '../db';
import type { DownloadQueue } from './download-queue';
import { yieldToEventLoop } from './event-loop-turn';
import { CursorRejectedError, type BlobStore, type DeltaPage, type FailureClassifier, type SyncSource } from './sync-source';

export interface SyncRunState {
  state: 'idle' | 'syncing' | 'error';
  lastSyncedAt: string | null;
  errorKey: string | null;
  /** True while the last failure was a lost connection: the app retries by itself when it returns. */
  offline: boolean;
}

export interface SyncEngineOptions {
  db: Database;
  source: SyncSource;
  store: BlobStore;
  queue: DownloadQueue;
  classify: FailureClassifier;
  now?: () => Date;
  onState?: (state: SyncRunState) => void;
  onCasesChanged?: (caseIds: string[]) => void;
}

const CURSOR_KEY = 'associatedCases.cursor';
const LAST_SYNCED_KEY = 'associatedCases.lastSyncedAt';
/** Set while a full sync (from no cursor) is under way: its end removes every case it did not see. */
const FULL_SYNC_KEY = 'associatedCases.fullSyncPending';
/** Blobs of materials that left, written in the same transaction as their removal and cleared once deleted. */
const PENDING_DELETES_KEY = 'vault.pendingDeletes';

/**
 * Pulls the associated-cases delta since the stored cursor. Each page is applied in ONE transaction
 * together with the cursor that follows it, so a crash or a bad page can never leave the cache half
 * updated or make the next run skip or repeat a change. Blobs of materials that left are deleted only
 * after their rows are gone, from a list written in the same transaction as the removal: a crash (or a
 * failed delete) in between leaves the ids on the list for the next run, never a row pointing at nothing
 * and never a lost case's document left on disk.
 */
export class SyncEngine {
  #state: SyncRunState;
  #running: Promise<SyncRunState> | null = null;
  readonly #options: SyncEngineOptions & { now: () => Date };

  constructor(options: SyncEngineOptions) {
    this.#options = { now: () => new Date(), ...options };
    this.#state = { state: 'idle', lastSyncedAt: readSyncValue(options.db, LAST_SYNCED_KEY), errorKey: null, offline: false };
  }

  get state(): SyncRunState {
    return this.#state;
  }

  /** Runs a sync now; callers arriving while one runs share it. */
  syncNow(): Promise<SyncRunState> {
    this.#running ??= this.#run().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #run(): Promise<SyncRunState> {
    const { db, source, queue } = this.#options;
    this.#set({ ...this.#state, state: 'syncing', errorKey: null });
    try {
      await this.#deletePendingBlobs();
      let cursor = readSyncValue(db, CURSOR_KEY);
      if (cursor === null) this.#beginFullSync();
      let restarted = false;
      for (;;) {
        let page: DeltaPage;
        try {
          page = await source.associatedCases(cursor);
        } catch (error) {
          // An expired cursor would otherwise fail every sync for ever: start again from nothing, once.
          if (!(error instanceof CursorRejectedError) || restarted) throw error;
          restarted = true;
          cursor = null;
          this.#beginFullSync();
          continue;
        }
        // The page was validated and mapped in the tick its response arrived; the transaction gets a
        // turn of its own, so the two (~20-40 ms each for a 25-case page on a busy 2-core machine)
        // never hold the event loop at once. It is still one transaction.
        await yieldToEventLoop();
        const syncedAt = this.#options.now();
        const leftMaterials: string[] = [];
        const changedIds: string[] = [];
        // The queue's pending marks land first, on the rows they were made for (see writeMarks).
        queue.writeMarks();
        db.transaction(() => {
          for (const record of page.changed) {
            leftMaterials.push(...writeCase(db, record, syncedAt).removedMaterialIds);
            changedIds.push(record.id);
          }
          for (const caseId of page.removed) {
            leftMaterials.push(...removeCase(db, caseId).materialIds);
            changedIds.push(caseId);
          }
          if (!page.hasMore && readSyncValue(db, FULL_SYNC_KEY) === '1') {
            const unseen = db.prepare('SELECT id FROM cases WHERE full_sync_seen = 0').all() as Array<{ id: string }>;
            for (const { id } of unseen) {
              leftMaterials.push(...removeCase(db, id).materialIds);
              changedIds.push(id);
            }
            db.prepare('DELETE FROM sync_state WHERE key = ?').run(FULL_SYNC_KEY);
          }
          if (leftMaterials.length > 0) writePendingDeletes(db, [...new Set([...readPendingDeletes(db), ...leftMaterials])]);
          writeSyncValue(db, CURSOR_KEY, page.cursor);
          writeSyncValue(db, LAST_SYNCED_KEY, syncedAt.toISOString());
        })();
        // Listeners hear of the change once it is committed; the deletions after it survive a crash.
        if (changedIds.length > 0) this.#options.onCasesChanged?.(changedIds);
        await this.#deletePendingBlobs();
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
      this.#set({ state: 'idle', lastSyncedAt: readSyncValue(db, LAST_SYNCED_KEY), errorKey: null, offline: false });
      // CP answered: whatever waited on connectivity or the server may go now (a user's pause stays).
      queue.retryNow();
    } catch (error) {
      const { failure, messageKey } = this.#options.classify(error);
      this.#set({ ...this.#state, state: 'error', errorKey: messageKey, offline: failure.kind === 'offline' });
    }
    return this.#state;
  }

  /**
   * A full sync lists only what the firm has now: anything cached it does not list has left. The marks
   * are persisted, so a full sync cut short by a crash still finishes the job.
   */
  #beginFullSync(): void {
    const { db } = this.#options;
    db.transaction(() => {
      db.prepare('UPDATE cases SET full_sync_seen = 0').run();
      db.prepare('DELETE FROM sync_state WHERE key = ?').run(CURSOR_KEY);
      writeSyncValue(db, FULL_SYNC_KEY, '1');
    })();
  }

  /** Deletes the blobs of materials that left; ids whose delete fails stay listed for the next run. */
  async #deletePendingBlobs(): Promise<void> {
    const { db, store } = this.#options;
    const pending = readPendingDeletes(db);
    if (pending.length === 0) return;
    const done = new Set<string>();
    for (const id of pending) {
      // Back in the cache since (its case returned): the same id is the same bytes, so keep them.
      const live = prepared(db, 'SELECT 1 FROM materials WHERE id = ?').get(id) !== undefined;
      if (live || (await store.delete(id).then(() => true, () => false))) done.add(id);
    }
    // Syncs never overlap, so nothing was added to the list meanwhile.
    writePendingDeletes(db, pending.filter((id) => !done.has(id)));
  }

  #set(state: SyncRunState): void {
    this.#state = state;
    this.#options.onState?.(state);
  }
}

function readPendingDeletes(db: Database): string[] {
  const value = readSyncValue(db, PENDING_DELETES_KEY);
  return value === null ? [] : (JSON.parse(value) as string[]);
}

function writePendingDeletes(db: Database, ids: readonly string[]): void {
  if (ids.length === 0) db.prepare('DELETE FROM sync_state WHERE key = ?').run(PENDING_DELETES_KEY);
  else writeSyncValue(db, PENDING_DELETES_KEY, JSON.stringify(ids));
}
