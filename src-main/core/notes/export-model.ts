import { formatUrn, type Note } from '../../../src-preload/api';
import { displayName, type Database } from '../db';
import { BluebagError } from '../errors';
import { listNotes } from './notes-store';

/** Which version of its document a group of notes sits on. */
export type ExportVersion = { kind: 'current' } | { kind: 'earlier'; published: string } | { kind: 'unlisted' };

export interface ExportPageGroup {
  version: ExportVersion;
  page: number;
  notes: Note[];
}

export interface ExportDocument {
  /** Null when CP no longer lists the document: its notes are still exported, never dropped. */
  name: string | null;
  section: string | null;
  groups: ExportPageGroup[];
}

export interface ExportModel {
  urn: string;
  defendants: string[];
  documents: ExportDocument[];
  noteCount: number;
}

/** The order sections appear in on the case screen, so the export reads like the bundle list. */
const SECTION_ORDER = ['IDPC', 'MCEB', 'WS', 'EX', 'UM', 'DEFENCE'];

interface DocumentRow {
  id: string;
  name: string;
  section: string;
}

interface MaterialRow {
  id: string;
  document_id: string;
  uploaded_at: string;
  published_date: string | null;
}

/** A case's notes arranged for export: by document, then version (current first), then page. */
export function loadExportModel(db: Database, caseId: string): ExportModel {
  const caseRow = db.prepare('SELECT urn FROM cases WHERE id = ?').get(caseId) as { urn: string } | undefined;
  if (!caseRow) throw new BluebagError('not_found', 'errors.caseNotFound');
  const defendants = (
    db.prepare('SELECT first_name, middle_name, last_name, organisation_name FROM defendants WHERE case_id = ? ORDER BY position').all(caseId) as Array<
      Parameters<typeof displayName>[0]
    >
  ).map(displayName);
  const documents = new Map(
    (db.prepare('SELECT id, name, section FROM documents WHERE case_id = ?').all(caseId) as DocumentRow[]).map((row) => [row.id, row] as const),
  );
  const materials = db
    .prepare('SELECT m.id, m.document_id, m.uploaded_at, m.published_date FROM materials m JOIN documents d ON d.id = m.document_id WHERE d.case_id = ?')
    .all(caseId) as MaterialRow[];
  const newestOf = new Map<string, MaterialRow>();
  for (const material of materials) {
    const best = newestOf.get(material.document_id);
    if (!best || uploadTime(material) > uploadTime(best)) newestOf.set(material.document_id, material);
  }
  const materialById = new Map(materials.map((material) => [material.id, material] as const));

  const notes = listNotes(db, caseId);
  const byDocument = new Map<string, Note[]>();
  for (const note of notes) byDocument.set(note.documentId, [...(byDocument.get(note.documentId) ?? []), note]);

  const exported: Array<ExportDocument & { order: [number, string] }> = [];
  for (const [documentId, documentNotes] of byDocument) {
    const document = documents.get(documentId) ?? null;
    const groups = new Map<string, ExportPageGroup & { rank: number }>();
    for (const note of documentNotes) {
      const material = materialById.get(note.materialId);
      const version: ExportVersion =
        material === undefined
          ? { kind: 'unlisted' }
          : newestOf.get(documentId)?.id === material.id
            ? { kind: 'current' }
            : { kind: 'earlier', published: material.published_date ?? material.uploaded_at };
      // Current version first, then earlier ones newest first, then versions CP no longer lists.
      const rank = version.kind === 'current' ? Number.NEGATIVE_INFINITY : material ? -uploadTime(material) : Number.POSITIVE_INFINITY;
      const key = `${note.materialId}\u0000${note.page}`;
      const group = groups.get(key) ?? { version, page: note.page, notes: [], rank };
      group.notes.push(note);
      groups.set(key, group);
    }
    const ordered = [...groups.values()]
      .sort((x, y) => x.rank - y.rank || x.page - y.page)
      .map(({ version, page, notes: groupNotes }) => ({ version, page, notes: [...groupNotes].sort((x, y) => compare(x.createdAt, y.createdAt)) }));
    const sectionRank = document ? SECTION_ORDER.indexOf(document.section) : -1;
    exported.push({
      name: document?.name ?? null,
      section: document?.section ?? null,
      groups: ordered,
      order: [document === null ? SECTION_ORDER.length + 1 : sectionRank === -1 ? SECTION_ORDER.length : sectionRank, document?.name ?? documentId],
    });
  }
  exported.sort((x, y) => x.order[0] - y.order[0] || compare(x.order[1], y.order[1]));

  return {
    urn: formatUrn(caseRow.urn),
    defendants,
    documents: exported.map(({ order: _order, ...document }) => document),
    noteCount: notes.length,
  };
}

function uploadTime(material: MaterialRow): number {
  const ms = Date.parse(material.uploaded_at);
  return Number.isNaN(ms) ? 0 : ms;
}

function compare(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
