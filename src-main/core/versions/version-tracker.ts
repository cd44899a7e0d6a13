import type { VersionChange } from '../../../src-preload/api';
import type { Database } from '../db';
import { readMaterialPages, PageKeyInterner, type MaterialPages } from './material-pages';
import { carryNote } from './note-carrier';
import { alignPages, type PageAlignment } from './page-alignment';
import { dismissVersionChange, listVersionChanges, recordedNewMaterial, writeVersionChange } from './version-changes';

export interface VersionTrackerOptions {
  db: Database;
  /** After a document's change is committed: its case's notes and version banner need re-reading. */
  onChanged?: (caseId: string) => void;
  now?: () => Date;
}

interface MaterialRow {
  id: string;
  uploaded_at: string;
  index_state: 'pending' | 'indexed' | 'failed';
}

interface NoteRow {
  id: string;
  material_id: string;
  page: number;
  quote: string | null;
}

/**
 * Notices when CP has published a new version of a document, says what changed, and carries the
 * user's notes across. A document is processed once its newest material and the one before it are
 * both indexed, in one transaction (notes moved and the change recorded together), so a crash leaves
 * it wholly processed or not at all, and running again finds nothing left to do. Notes are moved or
 * flagged, never deleted.
 */
export class VersionTracker {
  private readonly db: Database;
  private readonly onChanged: (caseId: string) => void;
  private readonly now: () => Date;

  constructor(options: VersionTrackerOptions) {
    this.db = options.db;
    this.onChanged = options.onChanged ?? (() => undefined);
    this.now = options.now ?? (() => new Date());
  }

  /** Processes every document with a newer material not yet handled; returns the changes it recorded. */
  check(): VersionChange[] {
    const candidates = this.db
      .prepare(
        `SELECT d.id AS id, d.case_id AS case_id FROM documents d
         WHERE (SELECT count(*) FROM materials m WHERE m.document_id = d.id) > 1`,
      )
      .all() as Array<{ id: string; case_id: string }>;
    const processed = new Map<string, Set<string>>();
    for (const document of candidates) {
      try {
        if (!this.db.transaction(() => this.processDocument(document.id))()) continue;
      } catch (error) {
        // The transaction rolled back and this document is tried again next time; other documents go on.
        // Only the error's class is logged: messages may quote a document's text.
        console.error('[versions] could not process a new version:', error instanceof Error ? error.name : 'unknown');
        continue;
      }
      const documents = processed.get(document.case_id) ?? new Set<string>();
      documents.add(document.id);
      processed.set(document.case_id, documents);
    }
    const changes: VersionChange[] = [];
    for (const [caseId, documents] of processed) {
      changes.push(...listVersionChanges(this.db, caseId).filter((change) => documents.has(change.documentId)));
      this.onChanged(caseId);
    }
    return changes;
  }

  /** Undismissed changes for one case. */
  list(caseId: string): VersionChange[] {
    return listVersionChanges(this.db, caseId);
  }

  /** The old version is no longer offered. The material row itself is CP's and stays while CP lists it. */
  dismiss(documentId: string): void {
    const { caseId } = dismissVersionChange(this.db, documentId);
    this.onChanged(caseId);
  }

  /** Returns true when a change was recorded (false: nothing new, or not indexed yet). */
  private processDocument(documentId: string): boolean {
    const materials = sortByUpload(
      this.db.prepare('SELECT id, uploaded_at, index_state FROM materials WHERE document_id = ?').all(documentId) as MaterialRow[],
    );
    const current = materials.at(-1);
    const previous = materials.at(-2);
    if (!current || !previous) return false;
    if (recordedNewMaterial(this.db, documentId) === current.id) return false;
    if (current.index_state !== 'indexed' || previous.index_state !== 'indexed') return false;

    const keys = new PageKeyInterner();
    const read = readMaterialPages(this.db, [current.id, previous.id], keys);
    const to = read.get(current.id) as MaterialPages;
    const sources = new Map<string, { pages: MaterialPages; alignment: PageAlignment } | null>();
    const source = (materialId: string) => {
      if (!sources.has(materialId)) {
        const indexed = materials.find((material) => material.id === materialId)?.index_state === 'indexed';
        const pages = indexed ? (read.get(materialId) ?? readMaterialPages(this.db, [materialId], keys).get(materialId)) : undefined;
        sources.set(materialId, pages ? { pages, alignment: alignPages(keyList(pages), keyList(to)) } : null);
      }
      return sources.get(materialId) ?? null;
    };
    const fromPrevious = source(previous.id);
    if (!fromPrevious) return false;

    // Every note still on an older version of this document, not just the previous one: a version
    // that arrived and was replaced before it was ever indexed must not strand its notes.
    const notes = this.db
      .prepare(
        `SELECT id, material_id, page, quote FROM notes
         WHERE (document_id = ? OR material_id IN (SELECT id FROM materials WHERE document_id = ?))
           AND material_id <> ? AND left_on_old_version = 0`,
      )
      .all(documentId, documentId, current.id) as NoteRow[];
    // A carried note keeps its updated_at: that date is when the user last wrote it, not when it moved.
    const move = this.db.prepare('UPDATE notes SET document_id = ?, material_id = ?, page = ?, rects_json = CASE WHEN ? THEN rects_json ELSE ? END WHERE id = ?');
    const flag = this.db.prepare('UPDATE notes SET left_on_old_version = 1 WHERE id = ?');
    let carried = 0;
    let left = 0;
    for (const note of notes) {
      const outcome = carryNote(note, source(note.material_id), to);
      if (outcome.kind === 'carried') {
        move.run(documentId, current.id, outcome.page, outcome.keepRects ? 1 : 0, '[]', note.id);
        carried++;
      } else {
        flag.run(note.id);
        left++;
      }
    }

    writeVersionChange(
      this.db,
      {
        documentId,
        oldMaterialId: previous.id,
        newMaterialId: current.id,
        oldPages: fromPrevious.pages.pages.length,
        newPages: to.pages.length,
        pagesAdded: fromPrevious.alignment.added,
        pagesRemoved: fromPrevious.alignment.removed,
        notesCarried: carried,
        notesLeft: left,
      },
      this.now(),
    );
    return true;
  }
}

function keyList(pages: MaterialPages): number[] {
  return pages.pages.map((page) => page.key);
}

/**
 * Oldest first by upload time. CP's times carry offsets, so they are compared as instants rather than
 * as strings; the id breaks ties so every run picks the same "newest".
 */
function sortByUpload(materials: MaterialRow[]): MaterialRow[] {
  const at = (material: MaterialRow) => {
    const ms = Date.parse(material.uploaded_at);
    return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
  };
  return [...materials].sort((x, y) => at(x) - at(y) || (x.uploaded_at < y.uploaded_at ? -1 : x.uploaded_at > y.uploaded_at ? 1 : x.id < y.id ? -1 : 1));
}
