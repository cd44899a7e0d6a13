import type { Database } from '../db';
import { NO_TEXT, type PageKey } from './page-alignment';
import { normaliseText, pageComparisonText } from './text-normalisation';

/** One indexed material's pages as the version tracker compares them. */
export interface MaterialPages {
  materialId: string;
  /** Index p - 1 holds page p. */
  pages: Array<{ key: PageKey; text: string }>;
}

/**
 * Reads indexed materials' pages from the indexer's tables (schema fixed in migration 003): page_texts
 * says how many pages there are and which have text; page_fts holds the text. material_id is
 * UNINDEXED in FTS5, so finding a material's rows scans the table: the materials wanted are read in
 * one pass rather than one pass each.
 */
export function readMaterialPages(db: Database, materialIds: readonly string[], keys: PageKeyInterner): Map<string, MaterialPages> {
  const ids = JSON.stringify(materialIds);
  const rows = db
    .prepare('SELECT material_id, page, has_text FROM page_texts WHERE material_id IN (SELECT value FROM json_each(?)) ORDER BY material_id, page')
    .all(ids) as Array<{ material_id: string; page: number; has_text: number }>;
  // page is UNINDEXED too, so it comes back as whatever type the indexer stored: cast it.
  const bodies = db
    .prepare('SELECT material_id, CAST(page AS INTEGER) AS page, body FROM page_fts WHERE material_id IN (SELECT value FROM json_each(?)) ORDER BY rowid')
    .all(ids) as Array<{ material_id: string; page: number; body: string | null }>;

  const result = new Map<string, MaterialPages>();
  for (const materialId of materialIds) {
    const text = new Map<number, string>();
    let count = 0;
    const hasText = new Map<number, boolean>();
    for (const row of rows) {
      if (row.material_id !== materialId) continue;
      hasText.set(row.page, row.has_text === 1);
      count = Math.max(count, row.page);
    }
    for (const row of bodies) {
      if (row.material_id !== materialId) continue;
      text.set(row.page, `${text.get(row.page) ?? ''} ${row.body ?? ''}`);
      count = Math.max(count, row.page);
    }
    const pages: MaterialPages['pages'] = [];
    for (let page = 1; page <= count; page++) {
      const body = hasText.get(page) === false ? '' : (text.get(page) ?? '');
      pages.push({ key: keys.keyOf(pageComparisonText(body)), text: normaliseText(body) });
    }
    result.set(materialId, { materialId, pages });
  }
  return result;
}

/**
 * Equal page text gets an equal small number, so the alignment compares integers rather than
 * page-long strings. One interner per tracker run, shared by every material it compares.
 */
export class PageKeyInterner {
  private readonly ids = new Map<string, PageKey>();

  keyOf(comparisonText: string): PageKey {
    if (comparisonText === '') return NO_TEXT;
    let id = this.ids.get(comparisonText);
    if (id === undefined) {
      id = this.ids.size + 1;
      this.ids.set(comparisonText, id);
    }
    return id;
  }
}
