/**
 * The search index end to end on a real disk: an encrypted database, the real vault, PDFs drawn with
 * pdfkit, text extracted by pdf.js in a worker thread, FTS5 queries with snippets.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SearchStatus } from '../../../src-preload/api';
import { readIndexedPages, SearchIndex } from '../../../src-main/core/search';
import { makeTempDir } from '../../helpers/temp-dir';
import { addCase, addDocument, indexState, makePdf, openStore, statementText, until, type TestStore } from './search-fixtures';

const open: Array<{ index: SearchIndex; store: TestStore; cleanup: () => void }> = [];
afterEach(async () => {
  for (const { index, store, cleanup } of open.splice(0).reverse()) {
    await index.stop();
    store.opened.close();
    cleanup();
  }
});

function setUp(onStatus?: (s: SearchStatus) => void): { index: SearchIndex; store: TestStore } {
  const temp = makeTempDir('bluebag-search-');
  const store = openStore(temp.dir);
  const index = new SearchIndex({ db: store.db, vault: store.vault, workers: 1, ...(onStatus ? { onStatus } : {}) });
  open.push({ index, store, cleanup: temp.cleanup });
  return { index, store };
}

const allDone = (s: SearchStatus): boolean => s.pendingDocuments === 0;

describe('SearchIndex', () => {
  it('indexes stored documents in a worker and finds a word with its case, document, page and a marked snippet', async () => {
    const statuses: SearchStatus[] = [];
    const { index, store } = setUp((s) => statuses.push(s));
    const one = addCase(store.db, '01AB1234567');
    const pdf = await makePdf([statementText(1), statementText(2, 'The knife was found under the blue Vauxhall Corsa.'), null, statementText(3)]);
    const doc = await addDocument(store, one.caseId, pdf, { name: 'MG11 statement of PC Turner', section: 'IDPC' });
    index.start();
    await until(() => index.status(), allDone);
    expect(indexState(store.db, doc.materialId)).toBe('indexed');
    expect(index.status()).toEqual({ indexedDocuments: 1, pendingDocuments: 0, failedDocuments: 0, indexedPages: 4, imageOnlyPages: 1 });

    const result = index.query({ query: 'vauxhall', limit: 50 });
    expect(result.total).toBe(1);
    expect(result.tookMs).toBeGreaterThanOrEqual(0);
    expect(result.hits).toHaveLength(1);
    const hit = result.hits[0];
    expect(hit).toMatchObject({ caseId: one.caseId, urn: '01AB1234567', documentId: doc.documentId, documentName: 'MG11 statement of PC Turner', section: 'IDPC', materialId: doc.materialId, page: 2 });
    expect(hit?.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['Vauxhall']);
    expect(hit?.snippet.map((s) => s.text).join('')).toContain('found under the blue Vauxhall Corsa');
    await until(() => statuses.at(-1), (s) => s?.indexedDocuments === 1);
  });
});

describe('SearchIndex queries', () => {
  it('matches phrases exactly, prefixes as you type, ANDs terms, ranks by relevance, filters by case', async () => {
    const { index, store } = setUp();
    const a = addCase(store.db, '01AA0000001');
    const b = addCase(store.db, '01BB0000002');
    const docA = await addDocument(
      store,
      a.caseId,
      await makePdf([
        'The body worn video was switched on. Body worn video footage shows the defendant. The body worn video camera.',
        'Worn out, the officer said the video was not available.',
        'Nothing to see on this page but a date: 10 March 2026.',
      ]),
      { name: 'Statement of PC Holroyd' },
    );
    const docB = await addDocument(store, b.caseId, await makePdf(['A single mention of body worn video here, among many other words that dilute it.', 'Burglary of a dwelling at Acacia Avenue.']), {
      name: 'Case summary',
      section: 'CASE_SUMMARY',
    });
    index.start();
    await until(() => index.status(), (s) => s.indexedDocuments === 2);

    const phrase = index.query({ query: '"body worn video"', limit: 50 });
    expect(phrase.hits.map((h) => [h.materialId, h.page])).toEqual([
      [docA.materialId, 1],
      [docB.materialId, 1],
    ]);
    // Page 2 of A has all three words, but not as the phrase.
    const words = index.query({ query: 'worn video officer', limit: 50 });
    expect(words.hits.map((h) => [h.materialId, h.page])).toEqual([[docA.materialId, 2]]);
    // A phrase is marked as one hit.
    expect(phrase.hits[0]?.snippet.filter((s) => s.hit).map((s) => s.text.toLowerCase())).toContain('body worn video');

    const prefix = index.query({ query: 'burgl', limit: 50 });
    expect(prefix.hits.map((h) => [h.materialId, h.page])).toEqual([[docB.materialId, 2]]);
    expect(prefix.hits[0]?.snippet.find((s) => s.hit)?.text).toBe('Burglary');
    expect(index.query({ query: '"burgl"', limit: 50 }).total).toBe(0);

    const inA = index.query({ query: 'body worn', caseId: a.caseId, limit: 50 });
    expect(new Set(inA.hits.map((h) => h.caseId))).toEqual(new Set([a.caseId]));
    expect(index.query({ query: 'acacia', caseId: a.caseId, limit: 50 }).total).toBe(0);

    const limited = index.query({ query: 'the', limit: 1 });
    expect(limited.hits).toHaveLength(1);
    expect(limited.total).toBeGreaterThan(1);
  });

  it('answers FTS5 syntax in user input safely, as plain words', async () => {
    const { index, store } = setUp();
    const c = addCase(store.db);
    await addDocument(store, c.caseId, await makePdf(['He said NEAR the knife OR the gun - then left. Star * and quote " marks.']));
    index.start();
    await until(() => index.status(), (s) => s.indexedDocuments === 1);
    for (const query of ['"', '""', '"""', '*', '**', 'NEAR(', 'NEAR(knife gun)', 'knife OR', 'OR', 'AND', 'NOT', '-', '-knife', 'knife -gun', '^knife', 'body:knife', '{body}: knife', 'knife)', '(knife', 'knife"', '\'', '\\', '%', '_', 'x'.repeat(200)]) {
      const answer = index.query({ query, limit: 10 });
      expect(answer.total, query).toBeGreaterThanOrEqual(0);
    }
    // Words that are operators in FTS5 are just words here.
    expect(index.query({ query: 'knife OR gun', limit: 10 }).total).toBe(1);
    expect(index.query({ query: 'knife OR banana', limit: 10 }).total).toBe(0);
    expect(index.query({ query: 'NEAR( knife', limit: 10 }).total).toBe(1);
    // Punctuation inside a word joins its parts as a phrase, as it does in the text ("body-worn").
    expect(index.query({ query: 'NEAR(knife', limit: 10 }).total).toBe(0);
    expect(index.query({ query: '-knife', limit: 10 }).total).toBe(1);
    expect(index.query({ query: '*', limit: 10 })).toMatchObject({ hits: [], total: 0 });
  });
});

describe('SearchIndex pages and failures', () => {
  it('reports image-only pages per document and in the status', async () => {
    const { index, store } = setUp();
    const c = addCase(store.db);
    const doc = await addDocument(store, c.caseId, await makePdf([statementText(1), null, null, statementText(2), null, '   ']));
    expect(index.pageInfo(doc.materialId)).toEqual({ indexed: false, pageCount: null, imageOnlyPages: [] });
    expect(readIndexedPages(store.db, doc.materialId)).toBeNull();
    index.start();
    await until(() => index.status(), allDone);
    expect(index.pageInfo(doc.materialId)).toEqual({ indexed: true, pageCount: 6, imageOnlyPages: [2, 3, 5, 6] });
    expect(index.status()).toMatchObject({ indexedPages: 6, imageOnlyPages: 4 });
    const pages = readIndexedPages(store.db, doc.materialId);
    expect(pages?.map((p) => [p.page, p.hasText])).toEqual([[1, true], [2, false], [3, false], [4, true], [5, false], [6, false]]);
    expect(pages?.[0]?.text).toContain('police officer');
    expect(pages?.[1]?.text).toBe('');
    expect(index.pageInfo('00000000-0000-4000-8000-000000000000')).toEqual({ indexed: false, pageCount: null, imageOnlyPages: [] });
  });

  it('marks corrupt, truncated, empty and password-protected PDFs failed, and indexes the rest', async () => {
    const { index, store } = setUp();
    const c = addCase(store.db);
    const good = await makePdf([statementText(1, 'Zebra crossing outside the station.'), statementText(2)]);
    const docs = {
      garbage: await addDocument(store, c.caseId, Buffer.from('%PDF-1.7\nthis is no PDF at all\n'.repeat(40))),
      truncated: await addDocument(store, c.caseId, good.subarray(0, Math.floor(good.length / 2))),
      notPdf: await addDocument(store, c.caseId, Buffer.from('PK\u0003\u0004 a zip file, say')),
      password: await addDocument(store, c.caseId, await makePdf([statementText(3)], { userPassword: 'secret' })),
      good: await addDocument(store, c.caseId, good),
    };
    index.start();
    await until(() => index.status(), allDone);
    expect(index.status()).toMatchObject({ indexedDocuments: 1, failedDocuments: 4, pendingDocuments: 0 });
    for (const name of ['garbage', 'truncated', 'notPdf', 'password'] as const) {
      expect(indexState(store.db, docs[name].materialId), name).toBe('failed');
      expect(index.pageInfo(docs[name].materialId).indexed).toBe(false);
    }
    expect(indexState(store.db, docs.good.materialId)).toBe('indexed');
    expect(index.query({ query: 'zebra', limit: 5 }).hits.map((h) => h.materialId)).toEqual([docs.good.materialId]);
    // The pool survived: a document stored later is still indexed.
    const later = await addDocument(store, c.caseId, await makePdf(['Later document about a quokka.']));
    index.kick();
    await until(() => indexState(store.db, later.materialId), (s) => s === 'indexed');
    const rows = store.db.prepare('SELECT count(*) AS n FROM page_texts WHERE material_id IN (?, ?, ?, ?)').get(
      docs.garbage.materialId,
      docs.truncated.materialId,
      docs.notPdf.materialId,
      docs.password.materialId,
    ) as { n: number };
    expect(rows.n).toBe(0);
  });

  it('only indexes stored documents, and picks up new ones when kicked', async () => {
    const { index, store } = setUp();
    const c = addCase(store.db);
    const pdf = await makePdf(['Hedgehog sighting near the canal.']);
    const queued = await addDocument(store, c.caseId, pdf, { stored: false });
    index.start();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(indexState(store.db, queued.materialId)).toBe('pending');
    expect(index.status()).toMatchObject({ pendingDocuments: 0, indexedDocuments: 0 });
    // The download queue stores it…
    const { storeBlob } = await import('./search-fixtures');
    await storeBlob(store.vault, queued.materialId, pdf);
    store.db.prepare("UPDATE materials SET download_state = 'stored' WHERE id = ?").run(queued.materialId);
    index.kick();
    await until(() => index.query({ query: 'hedgehog', limit: 5 }).total, (n) => n === 1);
  });
});

describe('SearchIndex when cases leave the cache', () => {
  it("drops a removed case's hits at once and sweeps its rows out of page_fts", async () => {
    const { index, store } = setUp();
    const keep = addCase(store.db);
    const leave = addCase(store.db);
    await addDocument(store, keep.caseId, await makePdf([statementText(1, 'Marmalade on the doorstep.')]));
    const gone = await addDocument(store, leave.caseId, await makePdf([statementText(2, 'Marmalade in the car.'), statementText(3, 'More marmalade.'), null]));
    index.start();
    await until(() => index.status(), (s) => s.indexedDocuments === 2);
    expect(index.query({ query: 'marmalade', limit: 10 }).total).toBe(3);
    const ftsRows = () => (store.db.prepare('SELECT count(*) AS n FROM page_fts').get() as { n: number }).n;
    expect(ftsRows()).toBe(3);

    // As sync's removeCase does it: the case row goes, documents and materials with it.
    store.db.prepare('DELETE FROM cases WHERE id = ?').run(leave.caseId);
    const after = index.query({ query: 'marmalade', limit: 10 });
    expect(after.total).toBe(1);
    expect(after.hits.every((h) => h.caseId === keep.caseId)).toBe(true);
    expect(index.pageInfo(gone.materialId)).toEqual({ indexed: false, pageCount: null, imageOnlyPages: [] });
    expect(index.status()).toMatchObject({ indexedDocuments: 1, indexedPages: 1 });

    index.kick();
    await until(ftsRows, (n) => n === 1);
    expect((store.db.prepare('SELECT count(*) AS n FROM page_fts_orphans').get() as { n: number }).n).toBe(0);
    expect((store.db.prepare('SELECT count(*) AS n FROM page_texts').get() as { n: number }).n).toBe(1);
  });

  it('hides documents that are no longer stored (case not kept offline) until they are stored again', async () => {
    const { index, store } = setUp();
    const c = addCase(store.db);
    const doc = await addDocument(store, c.caseId, await makePdf(['Pelican crossing.']));
    index.start();
    await until(() => index.status(), (s) => s.indexedDocuments === 1);
    store.db.prepare("UPDATE materials SET download_state = 'queued' WHERE id = ?").run(doc.materialId);
    expect(index.query({ query: 'pelican', limit: 5 }).total).toBe(0);
    store.db.prepare("UPDATE materials SET download_state = 'stored' WHERE id = ?").run(doc.materialId);
    expect(index.query({ query: 'pelican', limit: 5 }).total).toBe(1);
  });
});

describe('SearchIndex while documents change under it', () => {
  it('stops indexing a document whose case leaves mid-way, leaves nothing of it, and carries on', async () => {
    const { index, store } = setUp();
    const leaving = addCase(store.db);
    const pages = Array.from({ length: 400 }, (_, i) => `Page ${i + 1} of a long bundle about a walrus.`);
    const big = await addDocument(store, leaving.caseId, await makePdf(pages));
    const written = () => (store.db.prepare('SELECT count(*) AS n FROM page_texts WHERE material_id = ?').get(big.materialId) as { n: number }).n;
    index.start();
    await until(written, (n) => n > 0);
    expect(indexState(store.db, big.materialId)).toBe('pending');
    store.db.prepare('DELETE FROM cases WHERE id = ?').run(leaving.caseId);
    expect(index.query({ query: 'walrus', limit: 5 }).total).toBe(0);

    const staying = addCase(store.db);
    const next = await addDocument(store, staying.caseId, await makePdf(['A short note about a narwhal.']));
    index.kick();
    await until(() => indexState(store.db, next.materialId), (s) => s === 'indexed');
    index.kick();
    const ftsRows = () => (store.db.prepare('SELECT count(*) AS n FROM page_fts').get() as { n: number }).n;
    await until(ftsRows, (n) => n === 1);
    expect(written()).toBe(0);
    expect(index.query({ query: 'narwhal', limit: 5 }).total).toBe(1);
    expect(index.status()).toMatchObject({ indexedDocuments: 1, pendingDocuments: 0, failedDocuments: 0, indexedPages: 1 });
  });

  it('can be stopped mid-document and started again, resuming where it was', async () => {
    const { index, store } = setUp();
    const c = addCase(store.db);
    const pages = Array.from({ length: 300 }, (_, i) => `Entry rs${i + 1}q in the custody record.`);
    const doc = await addDocument(store, c.caseId, await makePdf(pages));
    const written = () => (store.db.prepare('SELECT count(*) AS n FROM page_texts WHERE material_id = ?').get(doc.materialId) as { n: number }).n;
    index.start();
    await until(written, (n) => n > 0);
    await index.stop();
    const atStop = written();
    expect(indexState(store.db, doc.materialId)).toBe('pending');
    expect(atStop).toBeLessThan(300);
    index.start();
    await until(() => indexState(store.db, doc.materialId), (s) => s === 'indexed');
    expect(written()).toBe(300);
    expect(index.query({ query: 'rs1q', limit: 5 }).hits.map((h) => h.page)).toEqual([1]);
    expect(index.query({ query: 'rs300q', limit: 5 }).hits.map((h) => h.page)).toEqual([300]);
  });
});
