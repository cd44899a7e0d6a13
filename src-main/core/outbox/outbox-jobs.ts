import { randomUUID } from 'node:crypto';
import type { Database } from '../db';

export type OutboxJobState = 'queued' | 'active' | 'done' | 'failed' | 'cancelled';

export interface OutboxJob {
  id: string;
  kind: string;
  caseId: string | null;
  idempotencyKey: string;
  payload: unknown;
  state: OutboxJobState;
  attempts: number;
  nextAttemptAt: string | null;
  lastErrorKey: string | null;
  result: unknown;
  createdAt: string;
  updatedAt: string;
}

interface JobRow {
  id: string;
  kind: string;
  case_id: string | null;
  idempotency_key: string;
  payload_json: string;
  state: OutboxJobState;
  attempts: number;
  next_attempt_at: string | null;
  last_error_key: string | null;
  result_json: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * Writes a job. Call it inside the transaction that writes whatever the job belongs to, so the two exist
 * together or not at all. The idempotency key is made here, once, and sent with every attempt: CP
 * answers a repeat with the first answer instead of acting twice.
 */
export function enqueueJob(db: Database, job: { kind: string; caseId: string | null; payload: unknown }, now: Date): OutboxJob {
  const id = randomUUID();
  const at = now.toISOString();
  db.prepare(
    `INSERT INTO outbox_jobs (id, kind, case_id, idempotency_key, payload_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, job.kind, job.caseId, randomUUID(), JSON.stringify(job.payload), at, at);
  return readJob(db, id) as OutboxJob;
}

export function readJob(db: Database, id: string): OutboxJob | null {
  const row = db.prepare('SELECT * FROM outbox_jobs WHERE id = ?').get(id) as JobRow | undefined;
  return row ? fromRow(row) : null;
}

/** Jobs still to send or needing the user's attention, oldest first. */
export function listOpenJobs(db: Database, kind?: string): OutboxJob[] {
  const rows = (
    kind === undefined
      ? db.prepare("SELECT * FROM outbox_jobs WHERE state IN ('queued', 'active', 'failed') ORDER BY created_at").all()
      : db.prepare("SELECT * FROM outbox_jobs WHERE kind = ? AND state IN ('queued', 'active', 'failed') ORDER BY created_at").all(kind)
  ) as JobRow[];
  return rows.map(fromRow);
}

/**
 * The newest job of a kind for a case whose payload has `field` equal to `value`, in any state but
 * withdrawn (cancelled): what became of the latest such request. SQLite picks it, so a long history of
 * done jobs is neither read nor parsed (this runs on every read of a form).
 */
export function newestCaseJob(db: Database, kind: string, caseId: string, match: { field: string; value: string }): OutboxJob | null {
  const row = db
    .prepare(
      `SELECT * FROM outbox_jobs WHERE kind = ? AND case_id = ? AND state <> 'cancelled' AND json_extract(payload_json, '$.' || ?) = ?
       ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    )
    .get(kind, caseId, match.field, match.value) as JobRow | undefined;
  return row ? fromRow(row) : null;
}

/**
 * The next job to send: kinds named in `sendFirst` before all others (in that order), then the oldest
 * due one. A job backing off does not hold up later ones, except among the `inOrder` kinds of a case.
 */
export function nextDueJob(
  db: Database,
  now: Date,
  exclude: readonly string[],
  sendFirst: readonly string[] = [],
  inOrder: readonly string[] = [],
): OutboxJob | null {
  // A job of an `inOrder` kind also waits for any older queued job of those kinds on the same case,
  // even one backing off: "disassociate" must never overtake the "associate" before it.
  const row = db
    .prepare(
      `SELECT * FROM outbox_jobs j WHERE state = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
         AND id NOT IN (SELECT value FROM json_each(?))
         AND NOT (kind IN (SELECT value FROM json_each(?)) AND EXISTS (
           SELECT 1 FROM outbox_jobs o WHERE o.state IN ('queued', 'active') AND o.id <> j.id AND o.case_id IS j.case_id
             AND o.created_at < j.created_at AND o.kind IN (SELECT value FROM json_each(?))))
       ORDER BY coalesce((SELECT CAST(key AS INTEGER) FROM json_each(?) WHERE value = j.kind), 1000000), created_at LIMIT 1`,
    )
    .get(now.toISOString(), JSON.stringify(exclude), JSON.stringify(inOrder), JSON.stringify(inOrder), JSON.stringify(sendFirst)) as JobRow | undefined;
  return row ? fromRow(row) : null;
}

export function earliestRetryAt(db: Database): string | null {
  const row = db.prepare("SELECT min(next_attempt_at) AS at FROM outbox_jobs WHERE state = 'queued' AND next_attempt_at IS NOT NULL").get() as { at: string | null };
  return row.at;
}

export function updateJob(
  db: Database,
  id: string,
  patch: Partial<{ state: OutboxJobState; attempts: number; nextAttemptAt: string | null; lastErrorKey: string | null; result: unknown }>,
  now: Date,
): void {
  const current = readJob(db, id);
  if (!current) return;
  const next = { ...current, ...patch };
  db.prepare(
    `UPDATE outbox_jobs SET state = ?, attempts = ?, next_attempt_at = ?, last_error_key = ?, result_json = ?, updated_at = ? WHERE id = ?`,
  ).run(next.state, next.attempts, next.nextAttemptAt, next.lastErrorKey, next.result === undefined ? null : JSON.stringify(next.result), now.toISOString(), id);
}

/** A run that died mid-send left jobs "active": they go back to the queue (the idempotency key makes the resend safe). */
export function requeueActiveJobs(db: Database): number {
  return db.prepare("UPDATE outbox_jobs SET state = 'queued' WHERE state = 'active'").run().changes;
}

function fromRow(row: JobRow): OutboxJob {
  return {
    id: row.id,
    kind: row.kind,
    caseId: row.case_id,
    idempotencyKey: row.idempotency_key,
    payload: JSON.parse(row.payload_json) as unknown,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastErrorKey: row.last_error_key,
    result: row.result_json === null ? undefined : (JSON.parse(row.result_json) as unknown),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
