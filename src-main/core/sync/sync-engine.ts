import { readSyncValue, removeCase, writeCase, writeSyncValue, type Database } from '../db';
import type { DownloadQueue } from './download-queue';
import type { BlobStore, FailureClassifier, SyncSource } from './sync-source';

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

/**
 * Pulls the associated-cases delta since the stored cursor. Each page is applied in ONE transaction
 * together with the cursor that follows it, so a crash or a bad page can never leave the cache half
 * updated or make the next run skip or repeat a change. Blobs of materials that left are deleted only
 * after their rows are gone (a crash in between leaves an orphan blob, swept later, never a row
 * pointing at nothing).
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
    const { db, source, store, queue } = this.#options;
    this.#set({ ...this.#state, state: 'syncing', errorKey: null });
    try {
      let cursor = readSyncValue(db, CURSOR_KEY);
      if (cursor === null) {
        // A full sync lists only what the firm has now: anything cached it does not list has left.
        // The marks are persisted, so a full sync cut short by a crash still finishes the job.
        db.transaction(() => {
          db.prepare('UPDATE cases SET full_sync_seen = 0').run();
          writeSyncValue(db, FULL_SYNC_KEY, '1');
        })();
      }
      for (;;) {
        const page = await source.associatedCases(cursor);
        const syncedAt = this.#options.now();
        const leftMaterials: string[] = [];
        const changedIds: string[] = [];
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
          writeSyncValue(db, CURSOR_KEY, page.cursor);
          writeSyncValue(db, LAST_SYNCED_KEY, syncedAt.toISOString());
        })();
        for (const id of leftMaterials) await store.delete(id).catch(() => undefined);
        if (changedIds.length > 0) this.#options.onCasesChanged?.(changedIds);
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
      this.#set({ state: 'idle', lastSyncedAt: readSyncValue(db, LAST_SYNCED_KEY), errorKey: null, offline: false });
      queue.resume();
    } catch (error) {
      const { failure, messageKey } = this.#options.classify(error);
      this.#set({ ...this.#state, state: 'error', errorKey: messageKey, offline: failure.kind === 'offline' });
    }
    return this.#state;
  }

  #set(state: SyncRunState): void {
    this.#state = state;
    this.#options.onState?.(state);
  }
}
