import type { Migration } from './migration';

/**
 * The local cache of associated cases. Rows mirror CP's records (ids are CP's UUIDs); download state
 * lives on the material row so the persisted queue survives restarts. STRICT tables: a wrong type is
 * an error, not a silent coercion.
 */
export const migration001: Migration = {
  version: 1,
  name: 'cache',
  up: `
    CREATE TABLE sync_state (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE cases (
      id TEXT PRIMARY KEY,
      urn TEXT NOT NULL,
      status TEXT NOT NULL,
      initiation_code TEXT,
      prosecution_authority TEXT,
      jurisdiction TEXT,
      version INTEGER NOT NULL,
      next_hearing_at TEXT,
      keep_offline INTEGER NOT NULL DEFAULT 1 CHECK (keep_offline IN (0, 1)),
      association_state TEXT NOT NULL DEFAULT 'associated' CHECK (association_state IN ('associated', 'removed')),
      new_material INTEGER NOT NULL DEFAULT 0 CHECK (new_material IN (0, 1)),
      synced_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX cases_urn ON cases(urn);

    CREATE TABLE defendants (
      id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      master_defendant_id TEXT,
      first_name TEXT,
      middle_name TEXT,
      last_name TEXT,
      organisation_name TEXT,
      date_of_birth TEXT,
      pnc_id TEXT,
      associated_organisation_id TEXT
    ) STRICT;
    CREATE INDEX defendants_case ON defendants(case_id);

    CREATE TABLE offences (
      id TEXT PRIMARY KEY,
      defendant_id TEXT NOT NULL REFERENCES defendants(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      code TEXT NOT NULL,
      title TEXT NOT NULL,
      wording TEXT,
      start_date TEXT,
      mode_of_trial TEXT,
      plea TEXT,
      indicated_plea TEXT,
      verdict TEXT,
      custody_time_limit TEXT
    ) STRICT;
    CREATE INDEX offences_defendant ON offences(defendant_id);

    CREATE TABLE hearings (
      id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      jurisdiction TEXT NOT NULL,
      court_name TEXT NOT NULL,
      court_welsh_name TEXT,
      room_name TEXT,
      hearing_type TEXT NOT NULL,
      language TEXT,
      first_sitting_at TEXT,
      days_json TEXT NOT NULL
    ) STRICT;
    CREATE INDEX hearings_case ON hearings(case_id, first_sitting_at);

    CREATE TABLE documents (
      id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      section TEXT NOT NULL,
      name TEXT NOT NULL,
      type_description TEXT,
      mime_type TEXT,
      defendant_ids_json TEXT NOT NULL,
      is_removed INTEGER NOT NULL CHECK (is_removed IN (0, 1))
    ) STRICT;
    CREATE INDEX documents_case ON documents(case_id, section);

    CREATE TABLE materials (
      id TEXT PRIMARY KEY,
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      uploaded_at TEXT NOT NULL,
      published_date TEXT,
      size INTEGER NOT NULL CHECK (size >= 0),
      page_count INTEGER,
      sha256 TEXT NOT NULL,
      download_state TEXT NOT NULL DEFAULT 'queued'
        CHECK (download_state IN ('queued', 'downloading', 'stored', 'failed')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT,
      error_key TEXT
    ) STRICT;
    CREATE INDEX materials_document ON materials(document_id);
    CREATE INDEX materials_queue ON materials(download_state, next_attempt_at);
  `,
};
