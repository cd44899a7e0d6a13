import type { Migration } from './migration';

/**
 * PET and BCM forms. `cp_forms` is CP's copy as last fetched (CP data: it leaves with its case and at
 * sign-out). `form_drafts` is the user's work on a form, which exists only on this laptop until CP takes
 * it: it has no foreign key to `cases` on purpose, so a case leaving the cache never takes a draft
 * with it, and it is salvaged when a damaged database is moved aside.
 *
 * A draft keeps the CP answers it started from (`base_json`, `base_version`): that is the common base
 * of the field-by-field merge when CP's copy has changed since, so nothing typed is ever lost.
 */
export const migration005: Migration = {
  version: 5,
  name: 'forms',
  up: `
    CREATE TABLE cp_forms (
      form_id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      form_type TEXT NOT NULL CHECK (form_type IN ('PET', 'BCM')),
      record_id TEXT NOT NULL,
      defendant_ids_json TEXT NOT NULL,
      version INTEGER NOT NULL,
      last_updated TEXT NOT NULL,
      data_json TEXT NOT NULL,
      sections_json TEXT NOT NULL,
      history_json TEXT NOT NULL,
      fetched_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX cp_forms_case ON cp_forms(case_id);

    CREATE TABLE form_drafts (
      form_id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL,
      form_type TEXT NOT NULL CHECK (form_type IN ('PET', 'BCM')),
      base_version INTEGER NOT NULL,
      base_json TEXT NOT NULL,
      answers_json TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('editing', 'queued', 'conflict', 'refused')),
      conflicts_json TEXT,
      theirs_version INTEGER,
      theirs_json TEXT,
      job_id TEXT,
      error_key TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX form_drafts_case ON form_drafts(case_id);
  `,
};
