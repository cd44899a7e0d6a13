import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { NoteRectSchema, type Note } from '../../../src-preload/api';
import type { Database } from '../db';
import { BluebagError } from '../errors';

interface NoteRow {
  id: string;
  case_id: string;
  document_id: string;
  material_id: string;
  page: number;
  quote: string | null;
  rects_json: string | null;
  body: string;
  colour: Note['colour'];
  left_on_old_version: number;
  created_at: string;
  updated_at: string;
}

const RectsSchema = z.array(NoteRectSchema);

/**
 * Private notes and highlights: kept only in the encrypted database on this machine, never sent to CP,
 * never written into the PDF (as Zotero does: annotations live beside the document, not inside it).
 */
export function listNotes(db: Database, caseId: string): Note[] {
  return (db.prepare('SELECT * FROM notes WHERE case_id = ? ORDER BY material_id, page, created_at').all(caseId) as NoteRow[]).map(fromRow);
}

export function addNote(
  db: Database,
  input: { caseId: string; documentId: string; materialId: string; page: number; quote?: string | undefined; rects: Note['rects']; body: string; colour: Note['colour'] },
  now: Date,
): Note {
  const id = randomUUID();
  const at = now.toISOString();
  db.prepare(
    `INSERT INTO notes (id, case_id, document_id, material_id, page, quote, rects_json, body, colour, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, input.caseId, input.documentId, input.materialId, input.page, input.quote ?? null, JSON.stringify(input.rects), input.body, input.colour, at, at);
  return getNote(db, id);
}

export function updateNote(db: Database, noteId: string, patch: { body?: string | undefined; colour?: Note['colour'] | undefined }, now: Date): Note {
  const current = getNote(db, noteId);
  db.prepare('UPDATE notes SET body = ?, colour = ?, updated_at = ? WHERE id = ?').run(patch.body ?? current.body, patch.colour ?? current.colour, now.toISOString(), noteId);
  return getNote(db, noteId);
}

export function deleteNote(db: Database, noteId: string): string {
  const { caseId } = getNote(db, noteId);
  db.prepare('DELETE FROM notes WHERE id = ?').run(noteId);
  return caseId;
}

export function getNote(db: Database, noteId: string): Note {
  const row = db.prepare('SELECT * FROM notes WHERE id = ?').get(noteId) as NoteRow | undefined;
  if (!row) throw new BluebagError('not_found', 'errors.noteNotFound');
  return fromRow(row);
}

function fromRow(row: NoteRow): Note {
  const rects = RectsSchema.safeParse(row.rects_json === null ? [] : JSON.parse(row.rects_json));
  return {
    id: row.id,
    caseId: row.case_id,
    documentId: row.document_id,
    materialId: row.material_id,
    page: row.page,
    quote: row.quote,
    rects: rects.success ? rects.data : [],
    body: row.body,
    colour: row.colour,
    leftOnOldVersion: row.left_on_old_version === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
