/**
 * The search index's reads: ranked hits with snippets, the index's status, one document's pages.
 * Hits are filtered by rowid (seq = rowid / PAGE_SLOTS) against the materials a search may show, so
 * the filter never reads a page body; only the top `limit` rows are read, for their snippets.
 */
import type { SearchHit, SearchStatus } from '../../../src-preload/api';
import type { Database } from '../db';
import { toFtsQuery } from './fts-query';
import { PAGE_SLOTS } from './page-index-writes';
import { ELLIPSIS, HIT_CLOSE, HIT_OPEN, SNIPPET_TOKENS, toSegments } from './snippet-segments';

export interface SearchQuery {
  readonly query: string;
  readonly caseId?: string | undefined;
  readonly limit: number;
}

export interface SearchAnswer {
  readonly hits: SearchHit[];
  readonly total: number;
}

export interface PageInfo {
  readonly indexed: boolean;
  readonly pageCount: number | null;
  readonly imageOnlyPages: number[];
}

// Materials whose rows a search must not show: not (fully) indexed, not stored, of a case that left,
// or deleted and not yet swept. Listed by exclusion because it is short (usually empty) and found
// through indexes, where listing what may be shown would walk every material. The IN lists spell out
// every value but the searchable one (the columns' CHECK constraints list them all).
const NOT_SEARCHABLE = `
  SELECT fm.seq FROM materials m JOIN page_fts_materials fm ON fm.material_id = m.id
   WHERE m.index_state IN ('pending', 'failed') OR m.download_state IN ('queued', 'downloading', 'failed')
  UNION ALL
  SELECT fm.seq FROM cases c CROSS JOIN documents d ON d.case_id = c.id CROSS JOIN materials m ON m.document_id = d.id
    JOIN page_fts_materials fm ON fm.material_id = m.id
   WHERE c.association_state = 'removed'
  UNION ALL
  SELECT seq FROM page_fts_orphans`;

export class SearchReads {
  readonly #s: Statements;

  constructor(db: Database) {
    this.#s = prepare(db);
  }

  query(args: SearchQuery): SearchAnswer {
    const match = toFtsQuery(args.query);
    if (match === null) return { hits: [], total: 0 };
    let ranked: Array<{ rowid: number }>;
    let total: number;
    if (args.caseId === undefined) {
      const excluded = JSON.stringify((this.#s.notSearchable.all() as Array<{ seq: number }>).map((row) => row.seq));
      ranked = this.#s.rankedExcept.all(match, excluded, args.limit) as Array<{ rowid: number }>;
      total = ranked.length < args.limit ? ranked.length : (this.#s.countExcept.get(match, excluded) as { n: number }).n;
    } else {
      const included = JSON.stringify((this.#s.searchableInCase.all(args.caseId) as Array<{ seq: number }>).map((row) => row.seq));
      ranked = this.#s.rankedWithin.all(match, included, args.limit) as Array<{ rowid: number }>;
      total = ranked.length < args.limit ? ranked.length : (this.#s.countWithin.get(match, included) as { n: number }).n;
    }
    if (ranked.length === 0) return { hits: [], total };
    const snippets = new Map<number, string>();
    const rowids = JSON.stringify(ranked.map((row) => row.rowid));
    for (const row of this.#s.snippets.all(HIT_OPEN, HIT_CLOSE, ELLIPSIS, SNIPPET_TOKENS, match, rowids) as Array<{ rowid: number; snippet: string }>) {
      snippets.set(row.rowid, row.snippet);
    }
    const seqs = JSON.stringify([...new Set(ranked.map((row) => Math.floor(row.rowid / PAGE_SLOTS)))]);
    const documents = new Map<number, Omit<SearchHit, 'page' | 'snippet'>>();
    for (const row of this.#s.documents.all(seqs) as Array<Omit<SearchHit, 'page' | 'snippet'> & { seq: number }>) {
      const { seq, ...document } = row;
      documents.set(seq, document);
    }
    const hits: SearchHit[] = [];
    for (const { rowid } of ranked) {
      const document = documents.get(Math.floor(rowid / PAGE_SLOTS));
      if (!document) continue;
      hits.push({ ...document, page: rowid % PAGE_SLOTS, snippet: toSegments(snippets.get(rowid) ?? '') });
    }
    return { hits, total };
  }

  status(): SearchStatus {
    const documents = this.#s.documentCounts.get() as { indexed: number; pending: number; failed: number };
    const pages = this.#s.pageCounts.get() as { pages: number; imageOnly: number };
    return {
      indexedDocuments: documents.indexed,
      pendingDocuments: documents.pending,
      failedDocuments: documents.failed,
      indexedPages: pages.pages,
      imageOnlyPages: pages.imageOnly,
    };
  }

  pageInfo(materialId: string): PageInfo {
    const row = this.#s.material.get(materialId) as { state: string; indexedPages: number | null; cpPages: number | null } | undefined;
    if (!row) return { indexed: false, pageCount: null, imageOnlyPages: [] };
    if (row.state !== 'indexed') return { indexed: false, pageCount: row.cpPages, imageOnlyPages: [] };
    const imageOnly = (this.#s.imageOnlyPages.all(materialId) as Array<{ page: number }>).map((r) => r.page);
    return { indexed: true, pageCount: row.indexedPages ?? row.cpPages, imageOnlyPages: imageOnly };
  }
}

type Statements = ReturnType<typeof prepare>;

function prepare(db: Database) {
  const seqOf = `f.rowid / ${PAGE_SLOTS}`;
  // ORDER BY bm25() rather than FTS5's rank column: with a filter on the rows, SQLite then keeps only
  // the best `limit` as it goes, where rank first sorts every match (measured: 2-3x slower on common words).
  const ranked = (filter: string) =>
    db.prepare(`SELECT f.rowid AS rowid FROM page_fts f WHERE page_fts MATCH ? AND ${filter} ORDER BY bm25(page_fts) LIMIT ?`);
  const count = (filter: string) => db.prepare(`SELECT count(*) AS n FROM page_fts f WHERE page_fts MATCH ? AND ${filter}`);
  const except = `${seqOf} NOT IN (SELECT value FROM json_each(?))`;
  const within = `${seqOf} IN (SELECT value FROM json_each(?))`;
  return {
    notSearchable: db.prepare(NOT_SEARCHABLE),
    searchableInCase: db.prepare(
      `SELECT fm.seq FROM documents d CROSS JOIN materials m ON m.document_id = d.id
         JOIN page_fts_materials fm ON fm.material_id = m.id JOIN cases c ON c.id = d.case_id
        WHERE d.case_id = ? AND m.index_state = 'indexed' AND m.download_state = 'stored' AND c.association_state = 'associated'`,
    ),
    rankedExcept: ranked(except),
    countExcept: count(except),
    rankedWithin: ranked(within),
    countWithin: count(within),
    // "+rowid": SQLite tests the list itself in one pass over the matches. Handed to FTS5 as a rowid
    // constraint, the list becomes one FTS5 query per rowid, and a prefix term is expanded afresh for
    // each (measured: 50 snippets of a common prefix took 60-120 ms that way, 2-3 ms this way).
    snippets: db.prepare(
      `SELECT rowid AS rowid, snippet(page_fts, 0, ?, ?, ?, ?) AS snippet
         FROM page_fts WHERE page_fts MATCH ? AND +rowid IN (SELECT value FROM json_each(?))`,
    ),
    documents: db.prepare(
      `SELECT fm.seq AS seq, c.id AS caseId, c.urn AS urn, d.id AS documentId, d.name AS documentName, d.section AS section,
              m.id AS materialId
         FROM page_fts_materials fm
         JOIN materials m ON m.id = fm.material_id
         JOIN documents d ON d.id = m.document_id
         JOIN cases c ON c.id = d.case_id
        WHERE fm.seq IN (SELECT value FROM json_each(?))`,
    ),
    documentCounts: db.prepare(
      `SELECT coalesce(sum(index_state = 'indexed'), 0) AS indexed, coalesce(sum(index_state = 'pending'), 0) AS pending,
              coalesce(sum(index_state = 'failed'), 0) AS failed
         FROM materials WHERE download_state = 'stored'`,
    ),
    pageCounts: db.prepare(
      `SELECT coalesce(sum(fm.page_count), 0) AS pages, coalesce(sum(fm.image_only_pages), 0) AS imageOnly
         FROM page_fts_materials fm JOIN materials m ON m.id = fm.material_id
        WHERE m.index_state = 'indexed' AND m.download_state = 'stored'`,
    ),
    material: db.prepare(
      `SELECT m.index_state AS state, fm.page_count AS indexedPages, m.page_count AS cpPages
         FROM materials m LEFT JOIN page_fts_materials fm ON fm.material_id = m.id WHERE m.id = ?`,
    ),
    imageOnlyPages: db.prepare('SELECT page FROM page_texts WHERE material_id = ? AND has_text = 0 ORDER BY page'),
  };
}
