import type { SyncStatus } from '../../../src-preload/api';
import type { Database } from '../db';
import type { DownloadProgress, SyncRunState } from '../sync';

/** The sync screen's whole picture, in one read: run state, downloads, what failed and why, storage. */
export function buildSyncStatus(input: { db: Database; engine: SyncRunState; progress: DownloadProgress; signedIn: boolean; budgetBytes: number | null; cacheRecovered: boolean }): SyncStatus {
  const { db, engine, progress } = input;
  const failures = db
    .prepare(
      `SELECT c.id AS caseId, c.urn, d.name AS documentName, coalesce(m.error_key, 'errors.internal') AS errorKey
       FROM materials m JOIN documents d ON d.id = m.document_id JOIN cases c ON c.id = d.case_id
       WHERE m.download_state = 'failed' ORDER BY c.urn, d.name LIMIT 100`,
    )
    .all() as SyncStatus['failures'];
  const used = db.prepare("SELECT coalesce(sum(size), 0) AS bytes FROM materials WHERE download_state = 'stored'").get() as { bytes: number };
  return {
    state: input.signedIn ? engine.state : 'signedOut',
    lastSyncedAt: engine.lastSyncedAt,
    errorKey: engine.errorKey,
    offline: engine.offline,
    downloads: {
      queued: progress.queued,
      active: progress.active,
      stored: progress.stored,
      failed: progress.failed,
      bytesDone: progress.bytesDone,
      bytesTotal: progress.bytesTotal,
      pausedFor: progress.pausedFor,
      perCase: progress.perCase,
    },
    failures,
    storage: { usedBytes: used.bytes, budgetBytes: input.budgetBytes },
    cacheRecovered: input.cacheRecovered,
  };
}
