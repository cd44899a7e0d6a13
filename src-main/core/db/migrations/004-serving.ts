import type { Migration } from './migration';

/**
 * Serving documents on the court and hearing check-in: local-only work, salvaged if the database is
 * ever damaged, never removed by a sync (no foreign key to CP's rows: a case leaving the cache, or the
 * cache wiped at sign-out with "keep", must not take a queued document with it).
 *
 * A row's `job_id` is the outbox job that sends it (written in the same transaction). "uploading" and
 * "sending" are not stored: they are the job being active, which a restart resets to queued.
 *
 * The audit log is append-only (triggers refuse UPDATE and DELETE): what was queued, sent, accepted,
 * refused or cancelled, when by this machine's clock and by CP's, with receipt ids, document name, size,
 * SHA-256 and URN. Never document contents, never defendants' names.
 */
export const migration004: Migration = {
  version: 4,
  name: 'serving',
  up: `
    CREATE TABLE service_items (
      id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL,
      urn TEXT NOT NULL,
      defendant_ids_json TEXT NOT NULL DEFAULT '[]',
      defendant_names_json TEXT NOT NULL DEFAULT '[]',
      document_type TEXT,
      name TEXT NOT NULL,
      note TEXT,
      size INTEGER NOT NULL CHECK (size > 0),
      page_count INTEGER,
      sha256 TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'queued', 'accepted', 'refused', 'cancelled')),
      job_id TEXT,
      error_key TEXT,
      created_at TEXT NOT NULL,
      queued_at TEXT,
      receipt_id TEXT,
      court_document_id TEXT,
      material_id TEXT,
      -- CP's receipt time, as CP wrote it (with its offset): the only time service is computed from.
      received_at TEXT,
      deemed_served_on TEXT,
      late_reason TEXT CHECK (late_reason IN ('after230', 'nonBusinessDay')),
      beyond_calendar INTEGER NOT NULL DEFAULT 0 CHECK (beyond_calendar IN (0, 1)),
      accepted_at TEXT
    ) STRICT;
    CREATE INDEX service_items_case ON service_items(case_id, created_at);
    CREATE INDEX service_items_state ON service_items(state, created_at);
    CREATE INDEX service_items_job ON service_items(job_id);

    CREATE TABLE check_ins (
      id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL,
      hearing_id TEXT NOT NULL,
      advocate_status TEXT NOT NULL CHECK (advocate_status IN ('KC', 'junior', 'solicitorAdvocate', 'solicitor')),
      defendant_ids_json TEXT NOT NULL,
      attendance_day TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'checkedIn', 'refused', 'cancelled')),
      job_id TEXT,
      error_key TEXT,
      created_at TEXT NOT NULL,
      counsel_id TEXT,
      checked_in_at TEXT
    ) STRICT;
    CREATE INDEX check_ins_case ON check_ins(case_id, created_at);
    CREATE INDEX check_ins_job ON check_ins(job_id);

    CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      event TEXT NOT NULL CHECK (event IN (
        'queued', 'sent', 'accepted', 'refused', 'cancelled', 'retried', 'discarded',
        'checkInQueued', 'checkedIn', 'checkInRefused'
      )),
      item_id TEXT NOT NULL,
      urn TEXT,
      document_name TEXT,
      size INTEGER,
      sha256 TEXT,
      attempt INTEGER,
      idempotency_key TEXT,
      receipt_id TEXT,
      court_document_id TEXT,
      cp_received_at TEXT,
      deemed_served_on TEXT,
      error_key TEXT
    ) STRICT;
    CREATE INDEX audit_log_item ON audit_log(item_id, seq);
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
      SELECT RAISE(ABORT, 'the audit log is append-only');
    END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
      SELECT RAISE(ABORT, 'the audit log is append-only');
    END;

    -- CP's clock as last seen (from its answers' Date headers), so offline the app can still say what
    -- time it is by CP's clock, and how old that estimate is. One row.
    CREATE TABLE server_clock (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      estimate_json TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
  `,
};
