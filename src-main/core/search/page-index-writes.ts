/**
 * Every write the search index makes, each a short transaction. A document is indexed in batches of
 * pages (page_texts and page_fts together, in page order), so a kill leaves it 'pending' with pages
 * 1..k written, and indexing resumes at k + 1. It becomes 'indexed' only once every page is in.
 */
import type { Database } from '../db';
import type { ExtractedPage } from './worker-messages';

/** rowid = seq * PAGE_SLOTS + page; see migration 003. */
export const PAGE_SLOTS = 131_072;
/** page_fts rows deleted per sweep transaction: a few milliseconds of main's time. */
const SWEEP_ROWS = 64;
/** Index pages one merge step writes: about 15-25 ms of main's time at most. */
const MERGE_PAGES = 32;

export interface PendingMaterial {
  readonly id: string;
}

export interface IndexingStart {
  readonly seq: number;
  /** 1, or where an interrupted run left off. */
  readonly fromPage: number;
}

export class PageIndexWrites {
  readonly #db: Database;
  readonly #s: Statements;

  constructor(db: Database) {
    this.#db = db;
    this.#s = prepare(db);
  }

  pending(limit: number): PendingMaterial[] {
    return this.#s.pending.all(limit) as PendingMaterial[];
  }

  isStored(id: string): boolean {
    return this.#s.isStored.get(id) !== undefined;
  }

  /** Null when the material is gone or no longer waiting to be indexed. */
  begin(id: string): IndexingStart | null {
    return this.#db.transaction((): IndexingStart | null => {
      if (this.#s.stillWanted.get(id) === undefined) return null;
      this.#s.addSeq.run(id);
      const { seq } = this.#s.seq.get(id) as { seq: number };
      const { page } = this.#s.lastPage.get(id) as { page: number | null };
      return { seq, fromPage: (page ?? 0) + 1 };
    })();
  }

  /** One batch, in one transaction. False when the material is gone or no longer pending: stop. */
  writePages(id: string, seq: number, pages: readonly ExtractedPage[]): boolean {
    return this.#db.transaction((): boolean => {
      if (this.#s.stillWanted.get(id) === undefined) return false;
      for (const { page, text } of pages) {
        const hasText = text === '' ? 0 : 1;
        this.#s.insertPage.run(id, page, hasText, text.length);
        if (hasText) this.#s.insertFts.run(seq * PAGE_SLOTS + page, text, id, page);
      }
      return true;
    })();
  }

  /** Marks the material indexed once every one of its pages is in. */
  finish(id: string, pageCount: number, now: Date): 'indexed' | 'gone' | 'incomplete' {
    return this.#db.transaction((): 'indexed' | 'gone' | 'incomplete' => {
      if (this.#s.stillWanted.get(id) === undefined) return 'gone';
      const counts = this.#s.counts.get(id) as { pages: number; imageOnly: number };
      if (counts.pages !== pageCount) return 'incomplete';
      this.#s.complete.run(pageCount, counts.imageOnly, now.toISOString(), id);
      this.#s.setState.run('indexed', id);
      return 'indexed';
    })();
  }

  /**
   * The document cannot be indexed: it is marked failed and what was written of it goes (its page_fts
   * rows through the orphan sweep). A material that is no longer stored is left pending instead.
   */
  fail(id: string): void {
    this.#db.transaction(() => {
      if (this.#s.stillWanted.get(id) === undefined) return;
      this.#s.deletePages.run(id);
      this.#s.dropSeq.run(id);
      this.#s.setState.run('failed', id);
    })();
  }

  /**
   * One bounded step of merging the index's segments (automerge is off, see migration 003): true if
   * it did some work, so the caller repeats, yielding between steps, until it returns false. Without
   * merging, every write adds a segment and queries slow down.
   */
  mergeStep(): boolean {
    const before = (this.#s.totalChanges.get() as { n: number }).n;
    this.#s.merge.run(MERGE_PAGES);
    // FTS5's documented test: a change count up by 2 or more means the merge found work.
    return (this.#s.totalChanges.get() as { n: number }).n - before >= 2;
  }

  /**
   * Deletes up to SWEEP_ROWS page_fts rows of materials that are gone; returns how many it deleted, so
   * the caller repeats (yielding to the event loop between calls) until it returns 0.
   */
  sweepOrphans(): number {
    return this.#db.transaction((): number => {
      const orphan = this.#s.anyOrphan.get() as { seq: number } | undefined;
      if (!orphan) return 0;
      const first = orphan.seq * PAGE_SLOTS;
      const rows = this.#s.orphanRows.all(first, first + PAGE_SLOTS - 1, SWEEP_ROWS) as Array<{ rowid: number }>;
      for (const { rowid } of rows) this.#s.deleteFts.run(rowid);
      // The orphan's entry goes with its last rows; a material with no text rows costs one round.
      if (rows.length < SWEEP_ROWS) this.#s.dropOrphan.run(orphan.seq);
      return Math.max(rows.length, 1);
    })();
  }
}

type Statements = ReturnType<typeof prepare>;

function prepare(db: Database) {
  return {
    // Cases with the nearest hearing first (as downloads are), then small documents: they finish soonest.
    pending: db.prepare(
      `SELECT m.id AS id FROM materials m
         JOIN documents d ON d.id = m.document_id JOIN cases c ON c.id = d.case_id
        WHERE m.index_state = 'pending' AND m.download_state = 'stored'
        ORDER BY c.next_hearing_at IS NULL, c.next_hearing_at, m.size, m.id
        LIMIT ?`,
    ),
    stillWanted: db.prepare("SELECT 1 FROM materials WHERE id = ? AND index_state = 'pending' AND download_state = 'stored'"),
    isStored: db.prepare("SELECT 1 FROM materials WHERE id = ? AND download_state = 'stored'"),
    addSeq: db.prepare('INSERT OR IGNORE INTO page_fts_materials (material_id) VALUES (?)'),
    seq: db.prepare('SELECT seq FROM page_fts_materials WHERE material_id = ?'),
    lastPage: db.prepare('SELECT max(page) AS page FROM page_texts WHERE material_id = ?'),
    insertPage: db.prepare('INSERT INTO page_texts (material_id, page, has_text, chars) VALUES (?, ?, ?, ?)'),
    insertFts: db.prepare('INSERT INTO page_fts (rowid, body, material_id, page) VALUES (?, ?, ?, ?)'),
    counts: db.prepare('SELECT count(*) AS pages, coalesce(sum(has_text = 0), 0) AS imageOnly FROM page_texts WHERE material_id = ?'),
    complete: db.prepare('UPDATE page_fts_materials SET page_count = ?, image_only_pages = ?, indexed_at = ? WHERE material_id = ?'),
    setState: db.prepare('UPDATE materials SET index_state = ? WHERE id = ?'),
    deletePages: db.prepare('DELETE FROM page_texts WHERE material_id = ?'),
    dropSeq: db.prepare('DELETE FROM page_fts_materials WHERE material_id = ?'),
    anyOrphan: db.prepare('SELECT seq FROM page_fts_orphans ORDER BY seq LIMIT 1'),
    // From FTS5's own content table (page_fts_content, id = rowid): a rowid range on page_fts itself
    // is not a seek in FTS5 (measured: 140 ms over 48,000 pages, against 0.1 ms here).
    orphanRows: db.prepare('SELECT id AS rowid FROM page_fts_content WHERE id BETWEEN ? AND ? ORDER BY id LIMIT ?'),
    deleteFts: db.prepare('DELETE FROM page_fts WHERE rowid = ?'),
    dropOrphan: db.prepare('DELETE FROM page_fts_orphans WHERE seq = ?'),
    merge: db.prepare("INSERT INTO page_fts (page_fts, rank) VALUES ('merge', ?)"),
    totalChanges: db.prepare('SELECT total_changes() AS n'),
  };
}
