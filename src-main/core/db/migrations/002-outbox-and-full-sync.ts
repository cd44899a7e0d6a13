import type { Migration } from './migration';

/**
 * The durable outbox (everything the app sends to CP: association requests now; documents to serve,
 * form submissions and check-ins later) and the mark a full sync uses to find cases CP no longer lists.
 *
 * An outbox job is written in the same transaction as whatever it belongs to, carries the idempotency
 * key CP honours, and keeps its attempts, next retry and last error, so a crash or a kill loses nothing
 * and never sends twice.
 */
export const migration002: Migration = {
  version: 2,
  name: 'outbox-and-full-sync',
  up: `
    CREATE TABLE outbox_jobs (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      case_id TEXT,
      idempotency_key TEXT NOT NULL UNIQUE,
      payload_json TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'active', 'done', 'failed', 'cancelled')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT,
      last_error_key TEXT,
      result_json TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX outbox_jobs_due ON outbox_jobs(state, next_attempt_at, created_at);
    CREATE INDEX outbox_jobs_case ON outbox_jobs(case_id, kind);

    ALTER TABLE cases ADD COLUMN full_sync_seen INTEGER NOT NULL DEFAULT 1 CHECK (full_sync_seen IN (0, 1));
  `,
};
