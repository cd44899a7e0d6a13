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
    -- No merging inside writes: FTS5's automerge does its work in bursts (60-85 ms in one commit,
    -- measured over 24,000 pages), on the main thread. The search index merges in small steps of its
    -- own between writes instead ('merge' commands, see core/search/page-index-writes.ts).
    INSERT INTO page_fts (page_fts, rank) VALUES ('automerge', 0);

    -- A page's rowid in page_fts is seq * 131072 + page (pages 1..131071), seq numbering the material
    -- here. Search filters hits, and finds a material's rows, by rowid alone, without reading the page
    -- bodies (reading 20,000 bodies to filter them would cost more than the whole search).
    -- AUTOINCREMENT: a seq is never reused, so a row not yet swept can never be taken for another
    -- material's page. page_count and image_only_pages are set when the material is fully indexed.
    CREATE TABLE page_fts_materials (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      material_id TEXT NOT NULL UNIQUE REFERENCES materials(id) ON DELETE CASCADE,
      page_count INTEGER,
      image_only_pages INTEGER,
      indexed_at TEXT
    ) STRICT;

    -- When a material goes (its case left the cache, a bundle was replaced, sign-out), its hits vanish at
    -- once: search only sees seqs still listed above. Deleting its page_fts rows costs about 70 us a page,
    -- too long to do inside sync's transaction for a 2,000-page bundle (or a sign-out), so the trigger
    -- only records the seq and the search index sweeps the rows away in small transactions.
    CREATE TABLE page_fts_orphans (
      seq INTEGER PRIMARY KEY
    ) STRICT;
    CREATE TRIGGER page_fts_materials_gone AFTER DELETE ON page_fts_materials BEGIN
      INSERT OR IGNORE INTO page_fts_orphans (seq) VALUES (old.seq);
    END;

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
