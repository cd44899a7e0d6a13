/**
 * Sync under every fault the sandbox can inject: a failed page leaves the cache exactly as it was, the
 * engine or the queue says why in a message key the UI can show, and once the fault clears everything
 * recovers with every document's SHA-256 right. Real sandbox over loopback, real encrypted cache on disk.
 */
import { open } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Faults } from '../../../src-sandbox/index';
import type { Database } from '../../../src-main/core/db';
import type { BlobFile, OpenBlobFile } from '../../../src-main/core/vault';
// The on-disk layout's own rule for how much of a partial file a resume can keep.
import { VAULT_CHUNK_SIZE, wholeChunksIn } from '../../../src-main/core/vault/blob-format';
import {
  allStored,
  disassociateFirm1,
  expectNoUnrecordedBlobs,
  expectStoredHashesCorrect,
  firm1Token,
  openTestCache,
  partialSizes,
  republishIdpc,
  requestsTo,
  sandboxForTest,
  sandboxMaterials,
  seedData,
  seededFirm1CaseIds,
  syncFully,
  tableSnapshot,
  vaultFiles,
  waitFor,
  type TestCache,
} from './sync-fixtures';

const FEED = 'GET /associatedCases';
const LOST_CASE = () => seedData().cases[4]?.id ?? '';
const REPUBLISHED_CASE = () => seedData().cases[6]?.id ?? '';

function count(test: TestCache, sql: string): number {
  return (test.cache.db.prepare(sql).get() as { n: number }).n;
}

describe('a page that fails leaves the cache untouched, and the next sync applies it', () => {
  const pageFaults: Array<{ name: string; faults: Partial<Faults>; errorKey: string; offline?: boolean }> = [
    { name: 'malformed JSON', faults: { corruption: 'malformedJson' }, errorKey: 'errors.cpMalformed' },
    { name: 'a truncated body', faults: { corruption: 'truncatedBody' }, errorKey: 'errors.cpMalformed' },
    { name: 'JSON of the wrong shape', faults: { corruption: 'unexpectedShape' }, errorKey: 'errors.cpMalformed' },
    { name: '500s', faults: { errorRate: 1, errorKinds: ['500'] }, errorKey: 'errors.cpServer' },
    { name: '429 with Retry-After', faults: { rateLimit: { retryAfterSeconds: 1 } }, errorKey: 'errors.cpRateLimited' },
    { name: 'the sandbox offline', faults: { offline: true }, errorKey: 'errors.cpOffline', offline: true },
  ];

  for (const fault of pageFaults) {
    it(fault.name, async () => {
      const sb = await sandboxForTest();
      const token = await firm1Token(sb);
      const test = await openTestCache(sb);
      const { cache } = test;
      await syncFully(cache);
      // Changes waiting on the server: a removal and a new material, so the failed page had work in it.
      await disassociateFirm1(sb, token, LOST_CASE());
      const { materialId } = await republishIdpc(sb, REPUBLISHED_CASE());
      const before = tableSnapshot(cache.db);
      const files = vaultFiles(test.dir);

      await sb.setFaults({ ...fault.faults, ...(fault.offline ? {} : { pathPrefix: '/associatedCases' }) });
      const failed = await cache.engine.syncNow();
      expect(failed).toMatchObject({ state: 'error', errorKey: fault.errorKey, offline: fault.offline === true });
      expect(cache.engine.state).toEqual(failed);
      expect(tableSnapshot(cache.db)).toEqual(before);
      expect(vaultFiles(test.dir)).toEqual(files);

      await sb.resetFaults();
      expect(await cache.engine.syncNow()).toMatchObject({ state: 'idle', errorKey: null, offline: false });
      await waitFor('new material stored', () => allStored(cache.db));
      expect(count(test, `SELECT count(*) AS n FROM cases WHERE id = '${LOST_CASE()}'`)).toBe(0);
      expect(cache.db.prepare('SELECT sha256 FROM materials WHERE id = ?').get(materialId)).toEqual({ sha256: (await sandboxMaterials(sb, token)).get(materialId)?.sha256 });
      const stored = await expectStoredHashesCorrect(cache);
      expect(stored).toBe((await sandboxMaterials(sb, token)).size);
      expect(vaultFiles(test.dir)).toEqual({ blobs: stored, partials: 0 });
    });
  }

  it('the sandbox going offline between pages: the first page stays applied, the next sync continues from its cursor', async () => {
    const sb = await sandboxForTest();
    // Each page waits a moment on the server, so going offline lands while page 2 is in flight.
    await sb.setFaults({ latencyMs: 150, pathPrefix: '/associatedCases' });
    let afterFirstPage: ReturnType<typeof tableSnapshot> | null = null;
    let offline: Promise<unknown> | null = null;
    const test = await openTestCache(sb, {
      deltaPageSize: 5,
      onCasesChanged: () => {
        if (afterFirstPage !== null) return;
        afterFirstPage = tableSnapshot(test.cache.db);
        offline = sb.setFaults({ offline: true });
      },
    });
    const { cache } = test;

    const failed = await cache.engine.syncNow();
    await offline;
    expect(failed).toMatchObject({ state: 'error', errorKey: 'errors.cpOffline', offline: true });
    expect(afterFirstPage).not.toBeNull();
    expect(tableSnapshot(cache.db)).toEqual(afterFirstPage);
    expect(count(test, 'SELECT count(*) AS n FROM cases')).toBe(5);

    // Page 2 may or may not have reached the server before its connection died; either way it failed.
    const feedBefore = requestsTo(sb, FEED);
    await sb.resetFaults();
    expect(await cache.engine.syncNow()).toMatchObject({ state: 'idle', errorKey: null, offline: false });
    // Pages 2, 3 and 4 only: the sync resumed where it stopped rather than starting over.
    expect(requestsTo(sb, FEED)).toBe(feedBefore + 3);
    expect((cache.db.prepare('SELECT id FROM cases ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id)).toEqual(seededFirm1CaseIds());
    await waitFor('every material stored', () => allStored(cache.db));
    expect(await expectStoredHashesCorrect(cache)).toBe(count(test, 'SELECT count(*) AS n FROM materials'));
  });
});

describe('downloads under faults recover by themselves', () => {
  it('a wrong hash: nothing is stored with bad bytes, each item backs off, and they retry on their own once it clears', async () => {
    const sb = await sandboxForTest();
    await sb.setFaults({ corruption: 'wrongHash', pathPrefix: '/materials/' });
    const test = await openTestCache(sb);
    const { cache } = test;
    expect(await cache.engine.syncNow()).toMatchObject({ state: 'idle' });
    const total = count(test, 'SELECT count(*) AS n FROM materials');
    await waitFor('every material failed once', () => count(test, "SELECT count(*) AS n FROM materials WHERE download_state = 'failed' AND attempts >= 1") === total);
    expect(count(test, "SELECT count(*) AS n FROM materials WHERE error_key = 'errors.hashMismatch' AND next_attempt_at IS NOT NULL")).toBe(total);
    expectNoUnrecordedBlobs(cache);
    expect(vaultFiles(test.dir).blobs).toBe(0);

    await sb.resetFaults();
    // No resume() here: the backoff timer alone brings them back.
    await waitFor('every material stored after the backoff', () => allStored(cache.db), 20_000);
    expect(await expectStoredHashesCorrect(cache)).toBe(total);
    expect(count(test, 'SELECT count(*) AS n FROM materials WHERE error_key IS NOT NULL OR attempts <> 0')).toBe(0);
  });

  it('500s on downloads: failed with errors.cpServer, retried on their own after the fault clears', async () => {
    const sb = await sandboxForTest();
    await sb.setFaults({ errorRate: 1, errorKinds: ['500'], pathPrefix: '/materials/' });
    const test = await openTestCache(sb);
    const { cache } = test;
    await cache.engine.syncNow();
    const total = count(test, 'SELECT count(*) AS n FROM materials');
    await waitFor('every material failed once', () => count(test, "SELECT count(*) AS n FROM materials WHERE download_state = 'failed' AND error_key = 'errors.cpServer'") === total);
    expect(cache.queue.pausedFor).toBeNull();
    expect(vaultFiles(test.dir).blobs).toBe(0);

    await sb.resetFaults();
    await waitFor('every material stored after the backoff', () => allStored(cache.db), 20_000);
    expect(await expectStoredHashesCorrect(cache)).toBe(total);
  });

  it('429 with Retry-After pauses the whole queue (serverBusy) and it resumes on its own', async () => {
    const sb = await sandboxForTest();
    // 3 s, so the window checked below sits well inside Retry-After even on a loaded machine.
    await sb.setFaults({ rateLimit: { retryAfterSeconds: 3 }, pathPrefix: '/materials/' });
    const test = await openTestCache(sb);
    const { cache } = test;
    await cache.engine.syncNow();
    await waitFor('queue paused for the server', () => cache.queue.pausedFor === 'serverBusy');
    await cache.queue.whenIdle();
    expect(cache.queue.progress()).toMatchObject({ pausedFor: 'serverBusy', active: 0, stored: 0, failed: 0 });
    // A global cause costs the items nothing: queued, not failed, no attempt counted.
    expect(count(test, "SELECT count(*) AS n FROM materials WHERE download_state <> 'queued' OR attempts <> 0")).toBe(0);
    expect(count(test, "SELECT count(*) AS n FROM materials WHERE error_key = 'errors.cpRateLimited'")).toBeGreaterThan(0);
    // Requests the client sent just before it paused (and then aborted) can still reach the server a
    // moment later, so let those land before counting.
    await new Promise((resolve) => setTimeout(resolve, 250));
    const rateLimited = sb.stats().faultsInjected['429'] ?? 0;
    // Paused means paused: no hammering while Retry-After runs.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(sb.stats().faultsInjected['429'] ?? 0).toBe(rateLimited);

    await sb.resetFaults();
    await waitFor('every material stored after Retry-After', () => allStored(cache.db), 15_000);
    expect(cache.queue.pausedFor).toBeNull();
    expect(await expectStoredHashesCorrect(cache)).toBe(count(test, 'SELECT count(*) AS n FROM materials'));
  });

  it('the sandbox going offline mid-download: paused for offline, nothing half-stored, and the next sync resumes it', async () => {
    const sb = await sandboxForTest();
    await sb.setFaults({ latencyMs: 40, pathPrefix: '/materials/' });
    const test = await openTestCache(sb, { concurrency: 2 });
    const { cache } = test;
    expect(await cache.engine.syncNow()).toMatchObject({ state: 'idle' });
    const total = count(test, 'SELECT count(*) AS n FROM materials');
    await waitFor('some materials stored', () => count(test, "SELECT count(*) AS n FROM materials WHERE download_state = 'stored'") >= 4);
    await sb.setFaults({ offline: true });
    await waitFor('queue paused offline', () => cache.queue.pausedFor === 'offline');
    await cache.queue.whenIdle();
    const stored = count(test, "SELECT count(*) AS n FROM materials WHERE download_state = 'stored'");
    expect(stored).toBeLessThan(total);
    expect(count(test, "SELECT count(*) AS n FROM materials WHERE download_state = 'downloading'")).toBe(0);
    expect(await expectStoredHashesCorrect(cache)).toBe(stored);
    expectNoUnrecordedBlobs(cache);
    expect(await cache.engine.syncNow()).toMatchObject({ state: 'error', errorKey: 'errors.cpOffline', offline: true });

    await sb.resetFaults();
    expect(await cache.engine.syncNow()).toMatchObject({ state: 'idle', errorKey: null, offline: false });
    await waitFor('every material stored', () => allStored(cache.db));
    expect(cache.queue.pausedFor).toBeNull();
    expect(await expectStoredHashesCorrect(cache)).toBe(total);
    expect(vaultFiles(test.dir)).toEqual({ blobs: total, partials: 0 });
  });

  it('a dropped connection mid-download resumes with an HTTP Range request instead of starting over', async () => {
    const sb = await sandboxForTest();
    const DROP = 200_000;
    await sb.setFaults({ dropAfterBytes: DROP, pathPrefix: '/materials/' });
    const test = await openTestCache(sb);
    const { cache } = test;
    await cache.engine.syncNow();
    const big = cache.db.prepare('SELECT id, size FROM materials WHERE size > ? ORDER BY id').all(DROP + 65_536) as Array<{ id: string; size: number }>;
    expect(big.length).toBeGreaterThan(5);
    const failedIds = () => count(test, `SELECT count(*) AS n FROM materials WHERE size > ${DROP + 65_536} AND download_state = 'failed' AND attempts >= 1`);
    await waitFor('every large material cut once', () => failedIds() === big.length);
    await sb.resetFaults();
    await waitFor('every material stored after the backoff', () => allStored(cache.db), 20_000);

    for (const m of big) {
      const requests = test.wire.filter((w) => w.pathname === `/materials/${m.id}/content`);
      // One whole-file request that was cut, then one resumed from the kept prefix; never a second full one.
      expect(requests[0]).toMatchObject({ range: null, status: 200 });
      const resumed = requests.slice(1);
      expect(resumed.length).toBeGreaterThanOrEqual(1);
      for (const request of resumed) {
        const from = Number(/^bytes=(\d+)-$/.exec(request.range ?? '')?.[1]);
        expect(from).toBeGreaterThan(0);
        expect(from % 65_536).toBe(0);
        expect(from).toBeLessThanOrEqual(DROP);
        expect(request).toMatchObject({ status: 206, contentRange: `bytes ${from}-${m.size - 1}/${m.size}` });
      }
    }
    expect(await expectStoredHashesCorrect(cache)).toBe(count(test, 'SELECT count(*) AS n FROM materials'));
  });
});

/** Real files, but writes fail with ENOSPC once `disk.freeBytes` are used up (like vault-disk-full.test.ts). */
function diskThatFills(disk: { freeBytes: number }): OpenBlobFile {
  return async (file, mode) => {
    const inner = await open(file, mode, 0o600);
    const full = () => Object.assign(new Error('ENOSPC: injected'), { code: 'ENOSPC' });
    const wrapped: BlobFile = {
      read: (...args) => inner.read(...args),
      truncate: (length) => inner.truncate(length),
      stat: () => inner.stat(),
      close: () => inner.close(),
      datasync: () => inner.datasync(),
      sync: () => inner.sync(),
      async writev(buffers, position) {
        const total = buffers.reduce((sum, buffer) => sum + buffer.byteLength, 0);
        if (disk.freeBytes <= 0) throw full();
        if (total <= disk.freeBytes) {
          disk.freeBytes -= total;
          return inner.writev(buffers, position);
        }
        const joined = Buffer.concat(buffers.map((buffer) => Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength)));
        const fits = joined.subarray(0, disk.freeBytes);
        disk.freeBytes = 0;
        return inner.writev([fits], position);
      },
    };
    return wrapped;
  };
}

/**
 * The cache's database refusing every write while `refuse()` says so, as SQLite does when the disk is
 * full (SQLITE_FULL): single statements and transactions alike (a transaction's first write throws and
 * it rolls back). better-sqlite3's statements share one prototype across every database in the
 * process, so only this database's are refused. Returns the undo.
 */
function databaseThatFills(db: Database, refuse: () => boolean): () => void {
  type Run = (this: { database: Database }, ...args: unknown[]) => unknown;
  const prototype = Object.getPrototypeOf(db.prepare('SELECT 1')) as { run: Run };
  const run = prototype.run;
  prototype.run = function (this: { database: Database }, ...args: unknown[]): unknown {
    if (this.database === db && refuse()) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    return run.apply(this, args);
  };
  return () => {
    prototype.run = run;
  };
}

describe('a full disk while downloading', () => {
  it('ENOSPC pauses the queue (diskFull), corrupts nothing, and after space is freed resume() completes it', async () => {
    const sb = await sandboxForTest();
    const disk = { freeBytes: 3 * 1024 * 1024 };
    // One download at a time, so the disk fills at the same byte of the same material in every run: with
    // four, which writes land before the full one varies, and the one cut short may keep less than a chunk.
    const test = await openTestCache(sb, { concurrency: 1, vaultOptions: { openFile: diskThatFills(disk) } });
    const { cache } = test;
    expect(await cache.engine.syncNow()).toMatchObject({ state: 'idle' });
    await waitFor('queue paused for a full disk', () => cache.queue.pausedFor === 'diskFull');
    await cache.queue.whenIdle();
    const total = count(test, 'SELECT count(*) AS n FROM materials');
    const stored = count(test, "SELECT count(*) AS n FROM materials WHERE download_state = 'stored'");
    expect(stored).toBeLessThan(total);
    expect(await expectStoredHashesCorrect(cache)).toBe(stored);
    expectNoUnrecordedBlobs(cache);
    // A full disk is nobody's item's fault: nothing failed, nothing counted an attempt.
    expect(count(test, "SELECT count(*) AS n FROM materials WHERE download_state IN ('failed', 'downloading') OR attempts <> 0")).toBe(0);
    expect(count(test, "SELECT count(*) AS n FROM materials WHERE error_key = 'errors.diskFull'")).toBeGreaterThan(0);
    expect(cache.queue.progress().pausedFor).toBe('diskFull');
    // Still paused a moment later: it does not spin against a full disk.
    const wireBefore = test.wire.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(test.wire.length).toBe(wireBefore);

    // The write cut short by the full disk left whole chunks on disk: where the next request must start.
    const resumeFrom = partialSizes(test.dir)
      .map((size) => wholeChunksIn(size) * VAULT_CHUNK_SIZE)
      .filter((from) => from > 0);
    expect(resumeFrom.length).toBeGreaterThan(0);

    disk.freeBytes = Number.POSITIVE_INFINITY;
    cache.queue.resume();
    await waitFor('every material stored', () => allStored(cache.db));
    expect(await expectStoredHashesCorrect(cache)).toBe(total);
    expect(vaultFiles(test.dir)).toEqual({ blobs: total, partials: 0 });
    // What was on disk when it filled was kept and resumed from, not thrown away.
    const resumed = test.wire.slice(wireBefore).filter((w) => w.range !== null && w.status === 206).map((w) => w.range);
    expect(resumed.sort()).toEqual(resumeFrom.map((from) => `bytes=${from}-`).sort());
  });

  it('the database full too (SQLITE_FULL): still paused for diskFull, not spinning, nothing unhandled, stop() still ends; after space is freed it completes', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on('unhandledRejection', onUnhandled);
    const sb = await sandboxForTest();
    const disk = { freeBytes: 3 * 1024 * 1024 };
    const test = await openTestCache(sb, { vaultOptions: { openFile: diskThatFills(disk) } });
    const { cache } = test;
    // The feed first, so that the disk fills while downloading, not while a page is written.
    cache.queue.pause();
    expect(await cache.engine.syncNow()).toMatchObject({ state: 'idle' });
    const restore = databaseThatFills(cache.db, () => disk.freeBytes <= 0);
    try {
      cache.queue.resume();
      await waitFor('queue paused for a full disk', () => cache.queue.pausedFor === 'diskFull');
      await cache.queue.whenIdle();
      const wireBefore = test.wire.length;
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(test.wire.length, 'no download started against a full disk').toBe(wireBefore);
      expect(cache.queue.progress().pausedFor).toBe('diskFull');
      // Whatever says "stored" has its blob, right to the last byte. (A blob published just as the
      // database filled may not say so yet: its mark waits, and the next start checks it.)
      await expectStoredHashesCorrect(cache);
      // The cache can still be shut down: the marks it could not write are safe to lose.
      await expect(cache.queue.stop()).resolves.toBeUndefined();
      expect(unhandled).toEqual([]);
    } finally {
      restore();
      process.off('unhandledRejection', onUnhandled);
    }

    disk.freeBytes = Number.POSITIVE_INFINITY;
    cache.queue.start();
    cache.queue.resume();
    await waitFor('every material stored', () => allStored(cache.db));
    const total = count(test, 'SELECT count(*) AS n FROM materials');
    expect(await expectStoredHashesCorrect(cache)).toBe(total);
    expect(vaultFiles(test.dir)).toEqual({ blobs: total, partials: 0 });
  });

  it('the database full mid-download: rows it could not move back from "downloading" are queued again by resume(), without a restart', async () => {
    const sb = await sandboxForTest();
    const disk = { freeBytes: Number.POSITIVE_INFINITY };
    const test = await openTestCache(sb, { vaultOptions: { openFile: diskThatFills(disk) } });
    const { cache } = test;
    const restore = databaseThatFills(cache.db, () => disk.freeBytes <= 0);
    try {
      expect(await cache.engine.syncNow()).toMatchObject({ state: 'idle' });
      // The disk fills once some downloads' "downloading" marks are written and they are still going:
      // their last state writes are then refused, and the rows stay "downloading".
      await waitFor('downloads recorded as downloading', () => count(test, "SELECT count(*) AS n FROM materials WHERE download_state = 'downloading'") > 0, 15_000);
      disk.freeBytes = 0;
      await waitFor('queue paused for a full disk', () => cache.queue.pausedFor === 'diskFull');
      await cache.queue.whenIdle();
      expect(count(test, "SELECT count(*) AS n FROM materials WHERE download_state = 'downloading'"), 'stranded rows').toBeGreaterThan(0);
    } finally {
      restore();
    }
    disk.freeBytes = Number.POSITIVE_INFINITY;
    cache.queue.resume();
    await waitFor('every material stored', () => allStored(cache.db));
    const total = count(test, 'SELECT count(*) AS n FROM materials');
    expect(await expectStoredHashesCorrect(cache)).toBe(total);
    expect(vaultFiles(test.dir)).toEqual({ blobs: total, partials: 0 });
  });
});
