/**
 * The sync engine and download queue against the real sandbox over loopback, into a real encrypted
 * cache on disk: what a full sync stores, that an idle re-sync is one cheap request, and that cases the
 * firm loses (or the server stops listing) leave with their documents, while new material is flagged.
 */
import { describe, expect, it } from 'vitest';
import { open } from 'node:fs/promises';
import { createCpClient } from '../../../src-main/core/cp';
import { DEFAULT_DELTA_PAGE_SIZE, FIRST_DELTA_PAGE_SIZE, type CaseCache } from '../../../src-main/core/case-cache';
import { releaseOfflineCopies } from '../../../src-main/core/cases/offline-copies';
import { clearNewMaterial, setKeepOffline, writeSyncValue, type Database } from '../../../src-main/core/db';
import { classifyFailure, cpSyncSource, DownloadQueue } from '../../../src-main/core/sync';
import type { OpenBlobFile } from '../../../src-main/core/vault';
import {
  allStored,
  contentSnapshot,
  disassociateFirm1,
  expectNoUnrecordedBlobs,
  expectStoredHashesCorrect,
  firm1Token,
  openTestCache,
  republishIdpc,
  requestsTo,
  sandboxFileSha256,
  sandboxForTest,
  sandboxManifest,
  sandboxMaterials,
  seedData,
  seededCase,
  seededFirm1CaseIds,
  syncFully,
  tableSnapshot,
  vaultFiles,
  waitFor,
} from './sync-fixtures';

const FEED = 'GET /associatedCases';
const CONTENT = 'GET /materials/:materialId/content';

/** Seeded case 4: Birmingham MC, firm 1 only (all its defendants), with an IDPC bundle. */
const LOSABLE_CASE = () => seedData().cases[4]?.id ?? '';
/** Seeded case 6: Leeds MC, firm 1, its IDPC already republished once in the seed. */
const REPUBLISH_CASE = () => seedData().cases[6]?.id ?? '';

function materialIdsOf(db: Database, caseId: string): string[] {
  return (db.prepare('SELECT m.id FROM materials m JOIN documents d ON d.id = m.document_id WHERE d.case_id = ? ORDER BY m.id').all(caseId) as Array<{ id: string }>).map((r) => r.id);
}

/** What a download cut short leaves: 256 KiB of a partial written and closed, and the row in `state`. */
async function leavePartial(cache: CaseCache, materialId: string, state: 'queued' | 'downloading'): Promise<void> {
  const writer = await cache.vault.openWriter(materialId);
  await writer.write(new Uint8Array(256 * 1024).fill(7));
  await writer.close();
  cache.db.prepare('UPDATE materials SET download_state = ? WHERE id = ?').run(state, materialId);
}

function rowsForCase(db: Database, caseId: string): number {
  const count = (sql: string): number => (db.prepare(sql).get(caseId) as { n: number }).n;
  return (
    count('SELECT count(*) AS n FROM cases WHERE id = ?') +
    count('SELECT count(*) AS n FROM defendants WHERE case_id = ?') +
    count('SELECT count(*) AS n FROM offences o JOIN defendants d ON d.id = o.defendant_id WHERE d.case_id = ?') +
    count('SELECT count(*) AS n FROM hearings WHERE case_id = ?') +
    count('SELECT count(*) AS n FROM documents WHERE case_id = ?')
  );
}

describe('a full sync of firm 1', () => {
  it('stores exactly the seeded cases, defendants, offences, hearings, documents and materials, every blob matching its SHA-256', async () => {
    const sb = await sandboxForTest();
    const test = await openTestCache(sb);
    const { cache } = test;
    await syncFully(cache);
    const db = cache.db;
    const seed = seedData();
    const manifest = sandboxManifest(sb);

    const caseIds = seededFirm1CaseIds();
    expect(caseIds.length).toBe(16);
    expect((db.prepare('SELECT id FROM cases ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id)).toEqual(caseIds);

    for (const caseId of caseIds) {
      const c = seededCase(caseId);
      expect(db.prepare('SELECT urn, status, version, association_state, new_material FROM cases WHERE id = ?').get(caseId)).toEqual({
        urn: c.urn,
        status: c.caseStatus,
        version: 1,
        association_state: 'associated',
        new_material: 0,
      });

      const defendants = db.prepare('SELECT id, first_name, last_name, date_of_birth, pnc_id, associated_organisation_id FROM defendants WHERE case_id = ? ORDER BY position').all(caseId);
      expect(defendants).toEqual(
        c.defendants.map((d) => ({
          id: d.id,
          first_name: d.personDetails.firstName,
          last_name: d.personDetails.lastName,
          date_of_birth: d.personDetails.dateOfBirth,
          pnc_id: d.pncId,
          associated_organisation_id: seed.associations.find((a) => a.defendantId === d.id)?.organisationId ?? null,
        })),
      );
      for (const d of c.defendants) {
        const offences = db.prepare('SELECT id, code, title, wording, plea, verdict FROM offences WHERE defendant_id = ? ORDER BY position').all(d.id);
        expect(offences).toEqual(
          d.offences.map((o) => ({ id: o.id, code: o.offenceCode, title: o.offenceTitle, wording: o.wording, plea: o.plea?.pleaValue ?? null, verdict: o.verdict?.verdictType ?? null })),
        );
      }

      const hearings = db.prepare('SELECT id, court_name, hearing_type, days_json FROM hearings WHERE case_id = ? ORDER BY id').all(caseId) as Array<{ days_json: string }>;
      expect(hearings.map((h) => ({ ...h, days_json: JSON.parse(h.days_json) as unknown }))).toEqual(
        [...c.hearings]
          .sort((a, b) => (a.id < b.id ? -1 : 1))
          .map((h) => ({
            id: h.id,
            court_name: h.courtCentre.name,
            hearing_type: h.type.description,
            days_json: h.hearingDays.map((day) => ({ sittingDay: day.sittingDay, listedDurationMinutes: day.listedDurationMinutes })),
          })),
      );

      const seededDocs = seed.documents.filter((doc) => doc.caseId === caseId).sort((a, b) => (a.courtDocumentId < b.courtDocumentId ? -1 : 1));
      expect(db.prepare('SELECT id, section, name, type_description, is_removed FROM documents WHERE case_id = ? ORDER BY id').all(caseId)).toEqual(
        seededDocs.map((doc) => ({ id: doc.courtDocumentId, section: doc.section, name: doc.name, type_description: doc.documentTypeDescription, is_removed: 0 })),
      );
      for (const doc of seededDocs) {
        const materials = db.prepare('SELECT id, uploaded_at, size, sha256, download_state FROM materials WHERE document_id = ? ORDER BY uploaded_at').all(doc.courtDocumentId);
        expect(materials).toEqual(
          doc.materials.map((m) => ({ id: m.id, uploaded_at: m.uploadDateTime, size: manifest.materials[m.id]?.size, sha256: manifest.materials[m.id]?.sha256, download_state: 'stored' })),
        );
      }
    }

    // Every stored blob reads back (all chunks authenticated) to the bytes the sandbox streams from disk.
    const checked = await expectStoredHashesCorrect(cache);
    const seededMaterials = seed.documents.filter((doc) => caseIds.includes(doc.caseId)).flatMap((doc) => doc.materials);
    expect(checked).toBe(seededMaterials.length);
    for (const m of seededMaterials) expect(await cache.vault.sha256(m.id)).toBe(sandboxFileSha256(sb, m.id));
    expect(vaultFiles(test.dir)).toEqual({ blobs: checked, partials: 0 });
    // A small first page (its code runs cold), the rest in full pages, and each material exactly once:
    // nothing was fetched twice.
    expect(requestsTo(sb, FEED)).toBe(1 + Math.ceil((caseIds.length - FIRST_DELTA_PAGE_SIZE) / DEFAULT_DELTA_PAGE_SIZE));
    expect(requestsTo(sb, CONTENT)).toBe(checked);
  });

  it('a re-sync with nothing changed makes exactly one request to /associatedCases and changes nothing', async () => {
    const sb = await sandboxForTest();
    const changed: string[][] = [];
    const { cache } = await openTestCache(sb, { onCasesChanged: (ids) => changed.push(ids) });
    await syncFully(cache);
    changed.length = 0;
    const before = tableSnapshot(cache.db);
    const feedBefore = requestsTo(sb, FEED);
    const contentBefore = requestsTo(sb, CONTENT);
    const totalBefore = sb.stats().requests.total;

    expect(await cache.engine.syncNow()).toMatchObject({ state: 'idle', errorKey: null });
    await cache.queue.whenIdle();

    expect(requestsTo(sb, FEED)).toBe(feedBefore + 1);
    expect(requestsTo(sb, CONTENT)).toBe(contentBefore);
    expect(sb.stats().requests.total).toBe(totalBefore + 1);
    const after = tableSnapshot(cache.db);
    // Only the "last synced" time moves; the cursor and every row stay as they were.
    const withoutSyncTime = (s: typeof before) => ({ ...s, sync_state: s.sync_state?.filter((row) => (row as { key: string }).key !== 'associatedCases.lastSyncedAt') });
    expect(withoutSyncTime(after)).toEqual(withoutSyncTime(before));
    expect(changed).toEqual([]);
  });
});

describe('cases leaving the cache', () => {
  it('a case the firm disassociates from leaves on the next sync, with its blobs; nothing else changes', async () => {
    const sb = await sandboxForTest();
    const token = await firm1Token(sb);
    const changed: string[][] = [];
    const test = await openTestCache(sb, { onCasesChanged: (ids) => changed.push(ids) });
    const { cache } = test;
    await syncFully(cache);
    const lost = LOSABLE_CASE();
    const lostMaterials = materialIdsOf(cache.db, lost);
    expect(lostMaterials.length).toBeGreaterThan(0);
    for (const id of lostMaterials) expect(cache.vault.has(id)).toBe(true);
    const othersBefore = othersOf(contentSnapshot(cache.db), lost, lostMaterials);
    const contentBefore = requestsTo(sb, CONTENT);
    changed.length = 0;

    await disassociateFirm1(sb, token, lost);
    expect(await cache.engine.syncNow()).toMatchObject({ state: 'idle', errorKey: null });
    await cache.queue.whenIdle();

    expect(rowsForCase(cache.db, lost)).toBe(0);
    expect(materialIdsOf(cache.db, lost)).toEqual([]);
    for (const id of lostMaterials) expect(cache.vault.has(id), 'blob of a lost case').toBe(false);
    expect(changed.flat()).toEqual([lost]);
    expect(othersOf(contentSnapshot(cache.db), lost, lostMaterials)).toEqual(othersBefore);
    const remaining = await expectStoredHashesCorrect(cache);
    expect(vaultFiles(test.dir)).toEqual({ blobs: remaining, partials: 0 });
    expect(requestsTo(sb, CONTENT)).toBe(contentBefore);
  });

  it('a full sync from no cursor removes cached cases the server no longer lists, and re-downloads nothing', async () => {
    const sb = await sandboxForTest();
    const token = await firm1Token(sb);
    const test = await openTestCache(sb);
    const { cache } = test;
    await syncFully(cache);
    const lost = LOSABLE_CASE();
    const lostMaterials = materialIdsOf(cache.db, lost);
    await disassociateFirm1(sb, token, lost);
    // The cursor is lost (a reset, a cache restored from elsewhere): the next sync starts from nothing,
    // and a full feed does not list removals, only what the firm has now.
    cache.db.prepare("DELETE FROM sync_state WHERE key = 'associatedCases.cursor'").run();
    const storedBefore = (cache.db.prepare("SELECT count(*) AS n FROM materials WHERE download_state = 'stored'").get() as { n: number }).n;
    const contentBefore = requestsTo(sb, CONTENT);

    expect(await cache.engine.syncNow()).toMatchObject({ state: 'idle', errorKey: null });
    await cache.queue.whenIdle();

    expect(rowsForCase(cache.db, lost)).toBe(0);
    for (const id of lostMaterials) expect(cache.vault.has(id)).toBe(false);
    expect((cache.db.prepare('SELECT id FROM cases ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id)).toEqual(seededFirm1CaseIds().filter((id) => id !== lost));
    expect(cache.db.prepare("SELECT value FROM sync_state WHERE key = 'associatedCases.fullSyncPending'").get()).toBeUndefined();
    // Everything still listed kept its stored documents: a full sync is not a re-download.
    expect(requestsTo(sb, CONTENT)).toBe(contentBefore);
    expect(await expectStoredHashesCorrect(cache)).toBe(storedBefore - lostMaterials.length);
    expect(vaultFiles(test.dir)).toEqual({ blobs: storedBefore - lostMaterials.length, partials: 0 });
  });
});

/** Holds every vault file open until released: downloads wait inside openWriter, as on a slow disk. */
function gatedDisk(): { openFile: OpenBlobFile; release(): void; waiting(): number } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let waiting = 0;
  return {
    openFile: async (file, mode) => {
      waiting++;
      await gate;
      waiting--;
      return open(file, mode, 0o600);
    },
    release: () => release(),
    waiting: () => waiting,
  };
}

describe('a case lost while its documents are downloading', () => {
  it('leaves no blob or partial behind', async () => {
    const sb = await sandboxForTest();
    const token = await firm1Token(sb);
    const disk = gatedDisk();
    const test = await openTestCache(sb, { vaultOptions: { openFile: disk.openFile } });
    const { cache } = test;
    const lost = LOSABLE_CASE();
    cache.queue.focus(lost);
    expect(await cache.engine.syncNow()).toMatchObject({ state: 'idle' });
    const lostMaterials = materialIdsOf(cache.db, lost);
    // The lost case's downloads (first in line: it is on screen) are opening their files.
    await waitFor('downloads opening', () => disk.waiting() === 4);
    await disassociateFirm1(sb, token, lost);
    expect(await cache.engine.syncNow()).toMatchObject({ state: 'idle' });
    expect(rowsForCase(cache.db, lost)).toBe(0);

    disk.release();
    await waitFor('every remaining material stored', () => allStored(cache.db));
    await cache.queue.whenIdle();
    for (const id of lostMaterials) expect(cache.vault.has(id), 'blob of a lost case').toBe(false);
    const stored = await expectStoredHashesCorrect(cache);
    expect(vaultFiles(test.dir)).toEqual({ blobs: stored, partials: 0 });
  });
});

describe('a run that died after publishing a blob, and a later one that died re-downloading it', () => {
  it('the next start keeps the published blob, removes the partial beside it, and downloads nothing', async () => {
    const sb = await sandboxForTest();
    const first = await openTestCache(sb);
    await syncFully(first.cache);
    const row = first.cache.db.prepare("SELECT id FROM materials WHERE download_state = 'stored' ORDER BY size DESC LIMIT 1").get() as { id: string };
    // As the kills leave it: the "stored" mark was lost (grouped marks not yet written), so the next
    // run downloaded it again, wrote its "downloading" mark and part of a new partial, and died.
    await leavePartial(first.cache, row.id, 'downloading');
    const stored = (first.cache.db.prepare('SELECT count(*) AS n FROM materials').get() as { n: number }).n;
    expect(vaultFiles(first.dir)).toEqual({ blobs: stored, partials: 1 });
    await first.cache.close();
    const contentBefore = requestsTo(sb, CONTENT);

    const second = await openTestCache(sb, {}, { dir: first.dir, masterKey: first.masterKey });
    await waitFor('every material stored again', () => allStored(second.cache.db));
    await second.cache.queue.whenIdle();
    expect(requestsTo(sb, CONTENT)).toBe(contentBefore);
    expect(await expectStoredHashesCorrect(second.cache)).toBe(stored);
    expect(vaultFiles(first.dir)).toEqual({ blobs: stored, partials: 0 });
  });
});

/**
 * `db` as the queue sees it, counting the commits that carry its state marks ("UPDATE materials SET
 * download_state ..."): one per such statement run on its own (autocommit), one per transaction that
 * runs any.
 */
function countingMarkCommits(db: Database): { db: Database; commits: () => number } {
  let commits = 0;
  let transaction: { marked: boolean } | null = null;
  const isMark = (sql: string): boolean => /^UPDATE materials SET download_state/.test(sql.trim());
  const counted = new Proxy(db, {
    get(target, property) {
      if (property === 'prepare') {
        return (sql: string) => {
          const statement = target.prepare(sql);
          if (!isMark(sql)) return statement;
          return new Proxy(statement, {
            get(st, name) {
              if (name === 'run') {
                return (...args: unknown[]) => {
                  if (transaction) transaction.marked = true;
                  else commits++;
                  return st.run(...args);
                };
              }
              const value: unknown = Reflect.get(st, name, st);
              return typeof value === 'function' ? value.bind(st) : value;
            },
          });
        };
      }
      if (property === 'transaction') {
        return (body: (...args: never[]) => unknown) => {
          const run = target.transaction(body);
          return (...args: never[]) => {
            const outer = transaction;
            transaction = { marked: false };
            try {
              return run(...args);
            } finally {
              if (transaction.marked) commits++;
              transaction = outer;
            }
          };
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db: counted, commits: () => commits };
}

describe('the download queue writes its state marks in groups', () => {
  it('far fewer commits than one per document, and at most one per flush interval besides the forced ones', async () => {
    const sb = await sandboxForTest();
    const token = await firm1Token(sb);
    const test = await openTestCache(sb);
    // The cache's own queue stays out of the way; the one measured here downloads everything.
    await test.cache.queue.stop();
    expect(await test.cache.engine.syncNow()).toMatchObject({ state: 'idle' });
    const materials = (test.cache.db.prepare('SELECT count(*) AS n FROM materials').get() as { n: number }).n;
    expect(materials).toBeGreaterThan(40);

    const counted = countingMarkCommits(test.cache.db);
    const client = createCpClient({ baseUrl: sb.url, accessToken: () => Promise.resolve(token) });
    const queue = new DownloadQueue({ db: counted.db, store: test.cache.vault, source: cpSyncSource(client, 25), classify: classifyFailure });
    const started = performance.now();
    queue.start();
    await waitFor('every material stored', () => allStored(test.cache.db));
    await queue.whenIdle();
    const elapsedMs = performance.now() - started;
    await queue.stop();

    expect(await expectStoredHashesCorrect(test.cache)).toBe(materials);
    // Written one by one, the marks were two commits per document ("downloading", then "stored").
    expect(counted.commits()).toBeLessThan(materials);
    // Grouped within 100 ms: a timer's flush at most every 100 ms, plus start()'s reset and the
    // flush when the queue goes idle.
    expect(counted.commits()).toBeLessThanOrEqual(Math.ceil(elapsedMs / 100) + 3);
  });
});

describe('"not kept offline" after a crash lost some marks', () => {
  it('removes every file of the case, whatever its rows say: a published blob of a "queued" row, a partial of a cancelled download', async () => {
    const sb = await sandboxForTest();
    const test = await openTestCache(sb);
    const { cache } = test;
    await syncFully(cache);
    const caseId = LOSABLE_CASE();
    const ids = materialIdsOf(cache.db, caseId);
    expect(ids.length).toBeGreaterThan(1);
    const [published, cancelled] = ids;
    if (!published || !cancelled) throw new Error('two materials needed');
    // `published`: its blob is on disk but the row says "queued" (the "stored" mark lost in a crash).
    cache.db.prepare("UPDATE materials SET download_state = 'queued' WHERE id = ?").run(published);
    // `cancelled`: a download the switch itself cut short leaves "queued" and its partial.
    await cache.vault.delete(cancelled);
    await leavePartial(cache, cancelled, 'queued');
    await cache.queue.stop();
    const total = (cache.db.prepare('SELECT count(*) AS n FROM materials').get() as { n: number }).n;
    expect(vaultFiles(test.dir)).toEqual({ blobs: total - 1, partials: 1 });

    expect(setKeepOffline(cache.db, caseId, false)).toBe(true);
    await releaseOfflineCopies(cache, caseId);
    for (const id of ids) expect(cache.vault.has(id), id).toBe(false);
    expect(vaultFiles(test.dir)).toEqual({ blobs: total - ids.length, partials: 0 });
    expect(materialIdsOf(cache.db, caseId).length).toBe(ids.length);
  });
});

describe('a delta page and the queue\'s pending marks', () => {
  it('the engine has the queue write its marks before every page it applies', async () => {
    const sb = await sandboxForTest();
    // Checked as each page commits: by then the marks were written, outside its transaction.
    let marksWritten = 0;
    const writtenBeforeEachCommit: number[] = [];
    const test = await openTestCache(sb, { deltaPageSize: 3, onCasesChanged: () => writtenBeforeEachCommit.push(marksWritten) });
    const { cache } = test;
    // A page may delete a material and a later one insert it again under the same id: a "stored" mark
    // still pending then would land on the new row, whose blob the deletion removed. So each page's
    // transaction waits for the marks made before it (DownloadQueue.writeMarks).
    const outsideTransaction: boolean[] = [];
    const writeMarks = cache.queue.writeMarks.bind(cache.queue);
    cache.queue.writeMarks = () => {
      marksWritten++;
      outsideTransaction.push(!cache.db.inTransaction);
      writeMarks();
    };
    const feedBefore = requestsTo(sb, FEED);
    expect(await cache.engine.syncNow()).toMatchObject({ state: 'idle' });
    const pages = requestsTo(sb, FEED) - feedBefore;
    expect(pages).toBeGreaterThan(3);
    expect(marksWritten).toBe(pages);
    expect(outsideTransaction.every(Boolean)).toBe(true);
    // Page k's commit came after the k-th write of the marks.
    expect(writtenBeforeEachCommit).toEqual(Array.from({ length: pages }, (_, k) => k + 1));
    await cache.queue.whenIdle();
    expect(allStored(cache.db)).toBe(true);
  });
});

describe('the user pausing downloads', () => {
  it('a sync does not undo it: new material waits until the user resumes', async () => {
    const sb = await sandboxForTest();
    const { cache } = await openTestCache(sb);
    await syncFully(cache);
    cache.queue.pause();
    const { materialId } = await republishIdpc(sb, REPUBLISH_CASE());
    const contentBefore = requestsTo(sb, CONTENT);

    expect(await cache.engine.syncNow()).toMatchObject({ state: 'idle', errorKey: null });
    await cache.queue.whenIdle();
    expect(cache.queue.pausedFor).toBe('user');
    expect(cache.db.prepare('SELECT download_state FROM materials WHERE id = ?').get(materialId)).toEqual({ download_state: 'queued' });
    expect(requestsTo(sb, CONTENT)).toBe(contentBefore);

    cache.queue.resume();
    await waitFor('new material stored', () => allStored(cache.db));
    expect(requestsTo(sb, CONTENT)).toBe(contentBefore + 1);
  });
});

describe('a cursor the server no longer accepts', () => {
  it('falls back to a full sync (removing what the server stopped listing) instead of failing for ever', async () => {
    const sb = await sandboxForTest();
    const token = await firm1Token(sb);
    const { cache } = await openTestCache(sb);
    await syncFully(cache);
    const lost = LOSABLE_CASE();
    await disassociateFirm1(sb, token, lost);
    // An expired cursor, or one from before the server was rebuilt: CP answers 400 INVALID_CURSOR.
    writeSyncValue(cache.db, 'associatedCases.cursor', 'eyJ2Ijo5OX0');
    const contentBefore = requestsTo(sb, CONTENT);

    expect(await cache.engine.syncNow()).toMatchObject({ state: 'idle', errorKey: null });
    expect(rowsForCase(cache.db, lost)).toBe(0);
    expect((cache.db.prepare('SELECT id FROM cases ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id)).toEqual(seededFirm1CaseIds().filter((id) => id !== lost));
    expect(requestsTo(sb, CONTENT)).toBe(contentBefore);
    // And the cursor it now holds works: the next sync is one quiet request.
    const feedBefore = requestsTo(sb, FEED);
    expect(await cache.engine.syncNow()).toMatchObject({ state: 'idle', errorKey: null });
    expect(requestsTo(sb, FEED)).toBe(feedBefore + 1);
  });
});

describe('new material', () => {
  it('a republished IDPC bundle sets the case new_material flag, and the new material is downloaded and verified', async () => {
    const sb = await sandboxForTest();
    const token = await firm1Token(sb);
    const { cache } = await openTestCache(sb);
    await syncFully(cache);
    const caseId = REPUBLISH_CASE();
    const materialsBefore = materialIdsOf(cache.db, caseId);
    expect(cache.db.prepare('SELECT count(*) AS n FROM cases WHERE new_material = 1').get()).toEqual({ n: 0 });

    const { courtDocumentId, materialId } = await republishIdpc(sb, caseId);
    await syncFully(cache);

    expect((cache.db.prepare('SELECT id FROM cases WHERE new_material = 1').all() as Array<{ id: string }>).map((r) => r.id)).toEqual([caseId]);
    expect(materialIdsOf(cache.db, caseId).sort()).toEqual([...materialsBefore, materialId].sort());
    const served = (await sandboxMaterials(sb, token)).get(materialId);
    expect(served).toBeDefined();
    expect(cache.db.prepare('SELECT document_id, size, sha256, download_state FROM materials WHERE id = ?').get(materialId)).toEqual({
      document_id: courtDocumentId,
      size: served?.size,
      sha256: served?.sha256,
      download_state: 'stored',
    });
    expect(await cache.vault.sha256(materialId)).toBe(served?.sha256);
    // The earlier versions stay: the user may have annotated them.
    for (const id of materialsBefore) expect(cache.vault.has(id)).toBe(true);
    expectNoUnrecordedBlobs(cache);

    // Once the user has looked, the flag clears, and a quiet re-sync does not set it again.
    clearNewMaterial(cache.db, caseId);
    await syncFully(cache);
    expect(cache.db.prepare('SELECT count(*) AS n FROM cases WHERE new_material = 1').get()).toEqual({ n: 0 });
  });
});

function othersOf(snapshot: Record<string, unknown[]>, caseId: string, materialIds: string[]): Record<string, unknown[]> {
  const keep = (row: unknown): boolean => {
    const r = row as { id?: string; case_id?: string };
    return r.id !== caseId && r.case_id !== caseId && !materialIds.includes(r.id ?? '');
  };
  const defendantIds = new Set((snapshot.defendants as Array<{ id: string; case_id: string }>).filter((d) => d.case_id === caseId).map((d) => d.id));
  return Object.fromEntries(
    Object.entries(snapshot).map(([table, rows]) => [table, rows.filter((row) => keep(row) && !defendantIds.has((row as { defendant_id?: string }).defendant_id ?? ''))]),
  );
}
