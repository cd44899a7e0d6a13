/**
 * The stored text of an indexed material's pages, for code that compares or quotes pages (new bundle
 * versions, notes). Found through the material's rowid range (see migration 003), which is a seek;
 * `WHERE material_id = ?` on page_fts scans every page of every document (150 ms over 48,000 pages).
 */
import type { Database } from '../db';
import { PAGE_SLOTS } from './page-index-writes';

export interface IndexedPage {
  readonly page: number;
  /** '' for a page with no text layer. */
  readonly text: string;
  readonly hasText: boolean;
}

/** Every page of the material in order, or null when it is not (fully) indexed. */
export function readIndexedPages(db: Database, materialId: string): IndexedPage[] | null {
  const material = db
    .prepare(
      `SELECT fm.seq AS seq FROM materials m JOIN page_fts_materials fm ON fm.material_id = m.id
        WHERE m.id = ? AND m.index_state = 'indexed'`,
    )
    .get(materialId) as { seq: number } | undefined;
  if (!material) return null;
  const first = material.seq * PAGE_SLOTS;
  const bodies = new Map<number, string>();
  const rows = db
    .prepare('SELECT rowid AS rowid, body FROM page_fts WHERE rowid IN (SELECT id FROM page_fts_content WHERE id BETWEEN ? AND ?)')
    .all(first, first + PAGE_SLOTS - 1) as Array<{ rowid: number; body: string }>;
  for (const row of rows) bodies.set(row.rowid - first, row.body);
  const pages = db.prepare('SELECT page, has_text AS hasText FROM page_texts WHERE material_id = ? ORDER BY page').all(materialId) as Array<{ page: number; hasText: number }>;
  return pages.map(({ page, hasText }) => ({ page, text: bodies.get(page) ?? '', hasText: hasText === 1 }));
}
