/**
 * A real encrypted cache on a temp folder, filled directly through SQL the way sync and the indexer
 * leave it (only their schema, migration 003, is relied on — not their code).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openDatabase, type Database } from '../../../src-main/core/db';
import { makeTempDir } from '../../helpers/temp-dir';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

export interface TestDb {
  db: Database;
  dir: string;
  /** Closes and opens the same file again, as a restart would. */
  reopen(): TestDb;
}

export function openTestDb(): TestDb {
  const temp = makeTempDir('bluebag-notes-');
  cleanups.push(temp.cleanup);
  return openAt(temp.dir, randomBytes(32));
}

function openAt(dir: string, key: Buffer): TestDb {
  const opened = openDatabase({ file: path.join(dir, 'cache.db'), key });
  let closed = false;
  const close = () => {
    if (!closed) opened.close();
    closed = true;
  };
  cleanups.push(close);
  return {
    db: opened.db,
    dir,
    reopen: () => {
      close();
      return openAt(dir, key);
    },
  };
}

export function seedCase(
  db: Database,
  input: { id: string; urn: string; defendants: Array<{ first?: string; last?: string; organisation?: string }> },
): void {
  db.prepare(`INSERT INTO cases (id, urn, status, version, synced_at) VALUES (?, ?, 'ACTIVE', 1, '2025-03-01T09:00:00.000Z')`).run(input.id, input.urn);
  input.defendants.forEach((defendant, position) => {
    db.prepare('INSERT INTO defendants (id, case_id, position, first_name, last_name, organisation_name) VALUES (?, ?, ?, ?, ?, ?)').run(
      `${input.id}-def-${position}`,
      input.id,
      position,
      defendant.first ?? null,
      defendant.last ?? null,
      defendant.organisation ?? null,
    );
  });
}

export function seedDocument(db: Database, input: { id: string; caseId: string; name: string; section: string }): void {
  db.prepare(`INSERT INTO documents (id, case_id, section, name, defendant_ids_json, is_removed) VALUES (?, ?, ?, ?, '[]', 0)`).run(
    input.id,
    input.caseId,
    input.section,
    input.name,
  );
}

/**
 * A material; `pages` given means it is indexed with that text per page ('' = a scanned page with no
 * text layer). Every text page gets a "Page n of N" footer, as real bundles do.
 */
export function seedMaterial(
  db: Database,
  input: { id: string; documentId: string; uploadedAt: string; publishedDate?: string; pages?: readonly string[]; footers?: boolean },
): void {
  db.prepare(
    `INSERT INTO materials (id, document_id, uploaded_at, published_date, size, page_count, sha256, download_state, index_state)
     VALUES (?, ?, ?, ?, 1000, ?, 'abc', 'stored', 'pending')`,
  ).run(input.id, input.documentId, input.uploadedAt, input.publishedDate ?? input.uploadedAt.slice(0, 10), input.pages?.length ?? null);
  if (input.pages) indexMaterial(db, input.id, input.pages, input.footers ?? true);
}

/** What the indexer does once a material's text is extracted. */
export function indexMaterial(db: Database, materialId: string, pages: readonly string[], footers = true): void {
  const total = pages.length;
  pages.forEach((text, index) => {
    const page = index + 1;
    db.prepare('INSERT INTO page_texts (material_id, page, has_text, chars) VALUES (?, ?, ?, ?)').run(materialId, page, text === '' ? 0 : 1, text.length);
    if (text !== '') {
      const body = footers ? `OFFICIAL-SENSITIVE\n${text}\nPage ${page} of ${total}` : text;
      db.prepare('INSERT INTO page_fts (body, material_id, page) VALUES (?, ?, ?)').run(body, materialId, page);
    }
  });
  db.prepare("UPDATE materials SET index_state = 'indexed' WHERE id = ?").run(materialId);
}

export interface NoteRowView {
  id: string;
  material_id: string;
  page: number;
  quote: string | null;
  rects_json: string | null;
  left_on_old_version: number;
  body: string;
}

export function noteRows(db: Database): NoteRowView[] {
  return db.prepare('SELECT id, material_id, page, quote, rects_json, left_on_old_version, body FROM notes ORDER BY id').all() as NoteRowView[];
}

export function insertNote(
  db: Database,
  input: {
    id: string;
    caseId: string;
    documentId: string;
    materialId: string;
    page: number;
    quote?: string | null;
    rects?: Array<{ x: number; y: number; w: number; h: number }>;
    body?: string;
    colour?: 'yellow' | 'green' | 'blue' | 'pink';
    createdAt?: string;
    updatedAt?: string;
    leftOnOldVersion?: boolean;
  },
): void {
  const createdAt = input.createdAt ?? '2025-03-02T10:00:00.000Z';
  db.prepare(
    `INSERT INTO notes (id, case_id, document_id, material_id, page, quote, rects_json, body, colour, left_on_old_version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    input.id,
    input.caseId,
    input.documentId,
    input.materialId,
    input.page,
    input.quote ?? null,
    JSON.stringify(input.rects ?? [{ x: 0.1, y: 0.2, w: 0.3, h: 0.02 }]),
    input.body ?? '',
    input.colour ?? 'yellow',
    input.leftOnOldVersion ? 1 : 0,
    createdAt,
    input.updatedAt ?? createdAt,
  );
}
