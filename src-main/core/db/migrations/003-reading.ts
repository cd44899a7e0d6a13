import type { Migration } from './migration';

/**
 * Reading offline: the full-text index of every stored document's pages (FTS5, inside the encrypted
 * database), where the user was in each document, private notes and highlights, and what changed when
 * CP republished a bundle.
 *
 * Notes and reading positions are local-only work: no foreign key to CP's rows, so a case that leaves
 * the cache (or a bundle replaced by a new version) never takes them with it; they are salvaged if the
 * database is ever damaged.
 */
export const migration003: Migration = {
  version: 3,
  name: 'reading',
  up: `
    ALTER TABLE materials ADD COLUMN index_state TEXT NOT NULL DEFAULT 'pending'
      CHECK (index_state IN ('pending', 'indexed', 'failed'));
    CREATE INDEX materials_index_state ON materials(index_state, download_state);

    -- One row per page of an indexed material; has_text = 0 marks image-only (scanned) pages.
    CREATE TABLE page_texts (
      material_id TEXT NOT NULL REFERENCES materials(id) ON DELETE CASCADE,
      page INTEGER NOT NULL CHECK (page >= 1),
      has_text INTEGER NOT NULL CHECK (has_text IN (0, 1)),
      chars INTEGER NOT NULL,
      PRIMARY KEY (material_id, page)
    ) STRICT;

    CREATE VIRTUAL TABLE page_fts USING fts5(
      body,
      material_id UNINDEXED,
      page UNINDEXED,
      tokenize = 'unicode61 remove_diacritics 2'
    );

    CREATE TABLE reading_positions (
      material_id TEXT PRIMARY KEY,
      page INTEGER NOT NULL CHECK (page >= 1),
      zoom TEXT NOT NULL,
      rotation INTEGER NOT NULL CHECK (rotation IN (0, 90, 180, 270)),
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE notes (
      id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL,
      document_id TEXT NOT NULL,
      material_id TEXT NOT NULL,
      page INTEGER NOT NULL CHECK (page >= 1),
      quote TEXT,
      rects_json TEXT,
      body TEXT NOT NULL,
      colour TEXT NOT NULL DEFAULT 'yellow',
      -- Set when a new version of the bundle came and this note's text was not found in it.
      left_on_old_version INTEGER NOT NULL DEFAULT 0 CHECK (left_on_old_version IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX notes_case ON notes(case_id, material_id, page);

    CREATE TABLE version_changes (
      document_id TEXT PRIMARY KEY,
      old_material_id TEXT NOT NULL,
      new_material_id TEXT NOT NULL,
      old_pages INTEGER,
      new_pages INTEGER,
      pages_added_json TEXT NOT NULL,
      pages_removed_json TEXT NOT NULL,
      notes_carried INTEGER NOT NULL DEFAULT 0,
      notes_left INTEGER NOT NULL DEFAULT 0,
      dismissed INTEGER NOT NULL DEFAULT 0 CHECK (dismissed IN (0, 1)),
      created_at TEXT NOT NULL
    ) STRICT;
  `,
};
