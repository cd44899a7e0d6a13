import { z } from 'zod';
import type { VersionChange } from '../../../src-preload/api';
import type { Database } from '../db';
import { BluebagError } from '../errors';

interface VersionChangeRow {
  document_id: string;
  document_name: string;
  old_material_id: string;
  new_material_id: string;
  old_pages: number | null;
  new_pages: number | null;
  pages_added_json: string;
  pages_removed_json: string;
  notes_carried: number;
  notes_left: number;
}

const PageListSchema = z.array(z.number().int());

/**
 * The bundles of a case that CP republished and the user has not dismissed. A change is offered only
 * while both versions are still in the cache: once CP stops listing the old one there is nothing left
 * to open, and its notes are still shown (flagged) in the notes panel.
 */
export function listVersionChanges(db: Database, caseId: string): VersionChange[] {
  const rows = db
    .prepare(
      `SELECT v.*, d.name AS document_name FROM version_changes v
       JOIN documents d ON d.id = v.document_id
       WHERE d.case_id = ? AND v.dismissed = 0
         AND EXISTS (SELECT 1 FROM materials m WHERE m.id = v.old_material_id)
         AND EXISTS (SELECT 1 FROM materials m WHERE m.id = v.new_material_id)
       ORDER BY v.created_at DESC, d.name`,
    )
    .all(caseId) as VersionChangeRow[];
  return rows.map(fromRow);
}

/** The old version stops being offered. Dismissing twice is not an error; an unknown document is. */
export function dismissVersionChange(db: Database, documentId: string): { caseId: string } {
  const row = db
    .prepare('SELECT d.case_id AS case_id FROM version_changes v JOIN documents d ON d.id = v.document_id WHERE v.document_id = ?')
    .get(documentId) as { case_id: string } | undefined;
  if (!row) throw new BluebagError('not_found', 'errors.versionChangeNotFound');
  db.prepare('UPDATE version_changes SET dismissed = 1 WHERE document_id = ?').run(documentId);
  return { caseId: row.case_id };
}

export interface VersionChangeRecord {
  documentId: string;
  oldMaterialId: string;
  newMaterialId: string;
  oldPages: number | null;
  newPages: number | null;
  pagesAdded: number[];
  pagesRemoved: number[];
  notesCarried: number;
  notesLeft: number;
}

/**
 * One row per document (the table's key): a later republication replaces the earlier change and is
 * offered again even if the earlier one was dismissed. Runs inside the caller's transaction.
 */
export function writeVersionChange(db: Database, change: VersionChangeRecord, now: Date): void {
  db.prepare(
    `INSERT INTO version_changes (document_id, old_material_id, new_material_id, old_pages, new_pages, pages_added_json, pages_removed_json,
       notes_carried, notes_left, dismissed, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
     ON CONFLICT(document_id) DO UPDATE SET old_material_id = excluded.old_material_id, new_material_id = excluded.new_material_id,
       old_pages = excluded.old_pages, new_pages = excluded.new_pages, pages_added_json = excluded.pages_added_json,
       pages_removed_json = excluded.pages_removed_json, notes_carried = excluded.notes_carried, notes_left = excluded.notes_left,
       dismissed = 0, created_at = excluded.created_at`,
  ).run(
    change.documentId,
    change.oldMaterialId,
    change.newMaterialId,
    change.oldPages,
    change.newPages,
    JSON.stringify(change.pagesAdded),
    JSON.stringify(change.pagesRemoved),
    change.notesCarried,
    change.notesLeft,
    now.toISOString(),
  );
}

/** The material a document's last recorded change moved to, if any. */
export function recordedNewMaterial(db: Database, documentId: string): string | null {
  const row = db.prepare('SELECT new_material_id FROM version_changes WHERE document_id = ?').get(documentId) as { new_material_id: string } | undefined;
  return row?.new_material_id ?? null;
}

function fromRow(row: VersionChangeRow): VersionChange {
  return {
    documentId: row.document_id,
    documentName: row.document_name,
    oldMaterialId: row.old_material_id,
    newMaterialId: row.new_material_id,
    oldPages: row.old_pages,
    newPages: row.new_pages,
    pagesAdded: parsePages(row.pages_added_json),
    pagesRemoved: parsePages(row.pages_removed_json),
    notesCarried: row.notes_carried,
    notesLeft: row.notes_left,
  };
}

function parsePages(json: string): number[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    // Only this summary is lost (an empty page list); the notes themselves are untouched.
    return [];
  }
  const parsed = PageListSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}
