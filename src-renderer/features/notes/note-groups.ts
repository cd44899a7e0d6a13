import type { CaseDetail, Note } from '../../../src-preload/api';

export type NoteVersion = { kind: 'current' } | { kind: 'earlier'; published: string } | { kind: 'unlisted' };

export interface NotePageGroup {
  key: string;
  materialId: string;
  page: number;
  version: NoteVersion;
  notes: Note[];
}

export interface NoteDocumentGroup {
  documentId: string;
  /** Null when CP no longer lists the document; its notes are still shown. */
  name: string | null;
  section: string | null;
  /** The document open in the viewer beside the panel. */
  open: boolean;
  pages: NotePageGroup[];
}

const SECTION_ORDER = ['IDPC', 'MCEB', 'WS', 'EX', 'UM', 'DEFENCE'];

/**
 * A case's notes as the panel lists them (and as the export files do): by document in bundle order —
 * the open document first — then the current version before earlier ones, then page.
 */
export function groupNotes(notes: readonly Note[], documents: CaseDetail['documents'], currentMaterialId?: string): NoteDocumentGroup[] {
  const documentById = new Map(documents.map((document) => [document.id, document] as const));
  const byDocument = new Map<string, Note[]>();
  for (const note of notes) byDocument.set(note.documentId, [...(byDocument.get(note.documentId) ?? []), note]);

  const groups = [...byDocument].map(([documentId, documentNotes]): NoteDocumentGroup & { rank: number } => {
    const document = documentById.get(documentId);
    // Materials arrive oldest first (as the case screen shows them): the last is the current version.
    const materials = document?.materials ?? [];
    const pages = new Map<string, NotePageGroup & { order: number }>();
    for (const note of documentNotes) {
      const index = materials.findIndex((material) => material.id === note.materialId);
      const material = materials[index];
      const version: NoteVersion =
        material === undefined ? { kind: 'unlisted' } : index === materials.length - 1 ? { kind: 'current' } : { kind: 'earlier', published: material.publishedDate ?? material.uploadedAt };
      const key = `${note.materialId}:${note.page}`;
      const group = pages.get(key) ?? { key, materialId: note.materialId, page: note.page, version, notes: [], order: index === -1 ? -1 : index };
      group.notes.push(note);
      pages.set(key, group);
    }
    const sectionRank = document ? SECTION_ORDER.indexOf(document.section) : -1;
    return {
      documentId,
      name: document?.name ?? null,
      section: document?.section ?? null,
      open: currentMaterialId !== undefined && (materials.some((material) => material.id === currentMaterialId) || documentNotes.some((note) => note.materialId === currentMaterialId)),
      // Newest version first; a version no longer listed sorts last.
      pages: [...pages.values()]
        .sort((x, y) => y.order - x.order || x.page - y.page)
        .map(({ order: _order, ...group }) => ({ ...group, notes: [...group.notes].sort((x, y) => compare(x.createdAt, y.createdAt)) })),
      rank: document === undefined ? SECTION_ORDER.length + 1 : sectionRank === -1 ? SECTION_ORDER.length : sectionRank,
    };
  });
  return groups
    .sort((x, y) => Number(y.open) - Number(x.open) || x.rank - y.rank || compare(x.name ?? x.documentId, y.name ?? y.documentId))
    .map(({ rank: _rank, ...group }) => group);
}

function compare(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
