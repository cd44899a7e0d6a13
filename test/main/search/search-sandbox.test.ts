/**
 * Search over what a real sync brings: firm 1's cases pulled from the CP sandbox over loopback into the
 * encrypted cache, their generated PDFs (typed pages with text layers, scanned pages without) indexed
 * from the vault, then found by what a lawyer would type. A case CP stops listing takes its hits along.
 */
import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../src-main/core/search';
import { partPages } from '../../../src-sandbox/pdf/plan';
import { disassociateFirm1, firm1Token, openTestCache, sandboxForTest, seedData, seededFirm1CaseIds, syncFully } from '../sync/sync-fixtures';
import { until } from './search-fixtures';

/** Page numbers of a generated material's scanned parts: the pages search must report as image-only. */
function scannedPages(plan: { parts: ReadonlyArray<Parameters<typeof partPages>[0]> }): number[] {
  const pages: number[] = [];
  let next = 1;
  for (const part of plan.parts) {
    const count = partPages(part);
    if (part.kind === 'scans') for (let i = 0; i < count; i++) pages.push(next + i);
    next += count;
  }
  return pages;
}

describe('search over a synced cache', () => {
  it('indexes every synced document, reports its scans, finds names and URNs, and forgets a case that leaves', { timeout: 120_000 }, async () => {
    const sb = await sandboxForTest();
    const { cache } = await openTestCache(sb);
    await syncFully(cache);
    const index = new SearchIndex({ db: cache.db, vault: cache.vault, workers: 1 });
    try {
      index.start();
      const status = await until(() => index.status(), (s) => s.pendingDocuments === 0, 90_000);
      const stored = (cache.db.prepare("SELECT count(*) AS n FROM materials WHERE download_state = 'stored'").get() as { n: number }).n;
      expect(status).toMatchObject({ indexedDocuments: stored, failedDocuments: 0 });
      expect(status.imageOnlyPages).toBeGreaterThan(0);

      const seed = seedData();
      const firm1 = new Set(seededFirm1CaseIds());
      const documents = seed.documents.filter((d) => firm1.has(d.caseId));
      for (const document of documents.slice(0, 12)) {
        for (const material of document.materials) {
          expect(index.pageInfo(material.id), document.name).toEqual({ indexed: true, pageCount: expect.any(Number), imageOnlyPages: scannedPages(material.plan) });
        }
      }

      const [caseId] = [...firm1];
      const c = seed.cases.find((x) => x.id === caseId);
      const surname = c?.defendants[0]?.personDetails.lastName;
      if (!c || !surname) throw new Error('no firm-1 defendant');
      const byName = index.query({ query: surname, caseId: c.id, limit: 50 });
      expect(byName.total).toBeGreaterThan(0);
      expect(byName.hits.every((h) => h.caseId === c.id && h.urn === c.urn)).toBe(true);
      expect(byName.hits.some((h) => h.section === 'IDPC')).toBe(true);
      expect(byName.hits[0]?.snippet.some((s) => s.hit && s.text.toLowerCase().startsWith(surname.toLowerCase()))).toBe(true);
      // The URN is printed in every typed page's header: found in its own case's documents.
      const byUrn = index.query({ query: c.urn, limit: 200 });
      expect(byUrn.hits.length).toBeGreaterThan(0);
      expect(new Set(byUrn.hits.map((h) => h.caseId))).toEqual(new Set([c.id]));

      // CP stops listing the case for firm 1; the next sync removes it from the cache, and from search.
      await disassociateFirm1(sb, await firm1Token(sb), c.id);
      await syncFully(cache);
      expect(cache.db.prepare('SELECT 1 FROM cases WHERE id = ?').get(c.id)).toBeUndefined();
      expect(index.query({ query: c.urn, limit: 200 }).total).toBe(0);
      index.kick();
      await until(() => (cache.db.prepare('SELECT count(*) AS n FROM page_fts_orphans').get() as { n: number }).n, (n) => n === 0);
      const left = cache.db.prepare('SELECT count(*) AS n FROM page_fts WHERE rowid / 131072 NOT IN (SELECT seq FROM page_fts_materials)').get() as { n: number };
      expect(left.n).toBe(0);
    } finally {
      await index.stop();
    }
  });
});
