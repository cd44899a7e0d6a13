import type { Migration } from './migration';

/**
 * A new audit event, 'deemedDateRevised': an accepted document's deemed-service date computed again
 * once a bank-holiday list reaches the days it rests on (serving/deemed-date-revision.ts). The event
 * list is a CHECK constraint, which SQLite cannot alter: the table is rebuilt with every row, its seq
 * numbers (AUTOINCREMENT's counter moves with the rename) and its append-only triggers, which are
 * dropped with the old table and made again on the new one. The rows are copied before the drop.
 */
export const migration006: Migration = {
  version: 6,
  name: 'deemed-date-revisions',
  up: `
    CREATE TABLE audit_log_next (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      event TEXT NOT NULL CHECK (event IN (
        'queued', 'sent', 'accepted', 'refused', 'cancelled', 'retried', 'discarded',
        'checkInQueued', 'checkedIn', 'checkInRefused', 'deemedDateRevised'
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
    INSERT INTO audit_log_next SELECT * FROM audit_log ORDER BY seq;
    DROP TABLE audit_log;
    ALTER TABLE audit_log_next RENAME TO audit_log;
    CREATE INDEX audit_log_item ON audit_log(item_id, seq);
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
      SELECT RAISE(ABORT, 'the audit log is append-only');
    END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
      SELECT RAISE(ABORT, 'the audit log is append-only');
    END;
  `,
};
