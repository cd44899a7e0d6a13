/**
 * The service_items table: one row per document the user staged, from draft to CP's receipt. What the
 * screens see is the row joined with its outbox job: "uploading" is the job being active, attempts and
 * the next retry are the job's, so there is one truth for each.
 */
import { z } from 'zod';
import { ServeDocumentTypeSchema, type ServeState, type ServiceItem } from '../../../src-preload/api';
import type { Database } from '../db';

export type StoredServeState = 'draft' | 'queued' | 'accepted' | 'refused' | 'cancelled';

interface ItemRow {
  id: string;
  case_id: string;
  urn: string;
  defendant_ids_json: string;
  defendant_names_json: string;
  document_type: string | null;
  name: string;
  note: string | null;
  size: number;
  page_count: number | null;
  sha256: string;
  state: StoredServeState;
  job_id: string | null;
  error_key: string | null;
  created_at: string;
  queued_at: string | null;
  receipt_id: string | null;
  court_document_id: string | null;
  material_id: string | null;
  received_at: string | null;
  deemed_served_on: string | null;
  late_reason: 'after230' | 'nonBusinessDay' | null;
  beyond_calendar: number;
  accepted_at: string | null;
  job_state: string | null;
  job_attempts: number | null;
  job_next_attempt_at: string | null;
  job_last_error_key: string | null;
  job_idempotency_key: string | null;
}

/** A row as the serving code works with it (the view the renderer gets is ServiceItem). */
export interface StoredItem {
  readonly id: string;
  readonly caseId: string;
  readonly urn: string;
  readonly defendantIds: string[];
  readonly defendantNames: string[];
  readonly documentType: ServiceItem['documentType'];
  readonly name: string;
  readonly note: string | null;
  readonly size: number;
  readonly pageCount: number | null;
  readonly sha256: string;
  readonly state: StoredServeState;
  readonly jobId: string | null;
  readonly jobState: string | null;
  readonly idempotencyKey: string | null;
  readonly view: Omit<ServiceItem, 'sentBytes'>;
}

const SELECT = `SELECT s.*, j.state AS job_state, j.attempts AS job_attempts, j.next_attempt_at AS job_next_attempt_at,
    j.last_error_key AS job_last_error_key, j.idempotency_key AS job_idempotency_key
  FROM service_items s LEFT JOIN outbox_jobs j ON j.id = s.job_id`;

const StringList = z.array(z.string());

export function insertDraft(
  db: Database,
  item: { id: string; caseId: string; urn: string; name: string; size: number; pageCount: number | null; sha256: string },
  now: Date,
): void {
  db.prepare(
    `INSERT INTO service_items (id, case_id, urn, name, size, page_count, sha256, state, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'draft', ?)`,
  ).run(item.id, item.caseId, item.urn, item.name, item.size, item.pageCount, item.sha256, now.toISOString());
}

export function readItem(db: Database, id: string): StoredItem | null {
  const row = db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as ItemRow | undefined;
  return row ? fromRow(row) : null;
}

export function listItems(db: Database, filter: { caseId?: string | undefined; states?: readonly ServeState[] | undefined }): StoredItem[] {
  const rows = (
    filter.caseId === undefined
      ? db.prepare(`${SELECT} ORDER BY s.created_at, s.id`).all()
      : db.prepare(`${SELECT} WHERE s.case_id = ? ORDER BY s.created_at, s.id`).all(filter.caseId)
  ) as ItemRow[];
  const items = rows.map(fromRow);
  const states = filter.states;
  return states === undefined ? items : items.filter((item) => states.includes(item.view.state));
}

/** Accepted items whose deemed-service date was uncertain (past the bank-holiday list) or left out. */
export function itemsWithUncertainDeemedDate(db: Database): StoredItem[] {
  const rows = db
    .prepare(`${SELECT} WHERE s.state = 'accepted' AND s.received_at IS NOT NULL AND (s.deemed_served_on IS NULL OR s.beyond_calendar = 1) ORDER BY s.created_at, s.id`)
    .all() as ItemRow[];
  return rows.map(fromRow);
}

/** Items CP has not accepted: the ones a sign-out with "discard" removes. */
export function unsentItemIds(db: Database): string[] {
  return (db.prepare("SELECT id FROM service_items WHERE state IN ('draft', 'queued', 'refused')").all() as Array<{ id: string }>).map((row) => row.id);
}

export function countByState(db: Database): { queued: number; uploading: number; refused: number } {
  const row = db
    .prepare(
      `SELECT
         coalesce(sum(s.state = 'queued' AND coalesce(j.state, '') <> 'active' AND coalesce(j.state, '') <> 'failed'), 0) AS queued,
         coalesce(sum(s.state = 'queued' AND j.state = 'active'), 0) AS uploading,
         coalesce(sum(s.state = 'refused' OR (s.state = 'queued' AND j.state = 'failed')), 0) AS refused
       FROM service_items s LEFT JOIN outbox_jobs j ON j.id = s.job_id`,
    )
    .get() as { queued: number; uploading: number; refused: number };
  return row;
}

function viewState(row: ItemRow): ServeState {
  if (row.state !== 'queued') return row.state;
  // The job is the truth while it runs, and if a refusal was recorded on the job before the item.
  if (row.job_state === 'active') return 'uploading';
  if (row.job_state === 'failed') return 'refused';
  return 'queued';
}

function fromRow(row: ItemRow): StoredItem {
  const state = viewState(row);
  const waiting = state === 'queued' || state === 'uploading';
  const documentType = row.document_type === null ? null : ServeDocumentTypeSchema.parse(row.document_type);
  const defendantIds = StringList.parse(JSON.parse(row.defendant_ids_json));
  const defendantNames = StringList.parse(JSON.parse(row.defendant_names_json));
  const receipt =
    row.receipt_id !== null && row.court_document_id !== null && row.material_id !== null && row.received_at !== null
      ? { receiptId: row.receipt_id, courtDocumentId: row.court_document_id, materialId: row.material_id, receivedAt: row.received_at }
      : null;
  // The fields the serving code and the renderer's view share, read once.
  const common = {
    id: row.id,
    caseId: row.case_id,
    urn: row.urn,
    defendantIds,
    defendantNames,
    documentType,
    name: row.name,
    note: row.note,
    size: row.size,
    pageCount: row.page_count,
    sha256: row.sha256,
  };
  return {
    ...common,
    state: row.state,
    jobId: row.job_id,
    jobState: row.job_state,
    idempotencyKey: row.job_idempotency_key,
    view: {
      ...common,
      state,
      createdAt: row.created_at,
      queuedAt: row.queued_at,
      attempts: row.job_attempts ?? 0,
      nextAttemptAt: waiting ? row.job_next_attempt_at : null,
      errorKey: row.error_key ?? (state === 'accepted' || state === 'cancelled' ? null : row.job_last_error_key),
      receipt,
      deemedServedOn: row.deemed_served_on,
      lateReason: row.late_reason,
      deemedDateUncertain: row.deemed_served_on !== null && row.beyond_calendar === 1,
    },
  };
}
