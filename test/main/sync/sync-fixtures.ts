/**
 * Shared set-up for the sync tests: the real sandbox over loopback, a real encrypted cache on disk, and
 * the checks every sync test makes (what is stored, that its bytes are right, that nothing is duplicated).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import { openCaseCache, VAULT_DIR, type CaseCache, type CaseCacheOptions } from '../../../src-main/core/case-cache';
import { createCpClient, createStreamGet, type StreamGet } from '../../../src-main/core/cp';
import type { Database } from '../../../src-main/core/db';
import type { Sandbox } from '../../../src-sandbox/index';
import { FIRM_1_ID } from '../../../src-sandbox/seed/firms';
import { makeTempDir } from '../../helpers/temp-dir';
import { waitFor } from '../../helpers/wait-for';
import { clientCredentialsToken, control, seedData, startTestSandbox } from '../../sandbox/helpers';

export { seedData, waitFor };

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  // Newest first: caches close before their folders go.
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A fresh folder on the real disk, removed after the current test. */
export function tempDir(): string {
  const temp = makeTempDir('bluebag-sync-');
  cleanups.push(temp.cleanup);
  return temp.dir;
}

/** One request the CP client sent, and what came back, as seen on the wire. */
export interface WireRecord {
  method: string;
  pathname: string;
  range: string | null;
  status: number;
  contentRange: string | null;
}

export interface TestCache {
  cache: CaseCache;
  dir: string;
  masterKey: Buffer;
  /** Every request the cache's CP client made (recorded by a pass-through fetch and streamGet). */
  wire: WireRecord[];
}

/**
 * Opens a cache (on a fresh folder, or `at` an existing one, as a restart would), signed in as firm 1's
 * solicitor, with the queue started. The CP client's fetch and streamGet are the real ones, wrapped
 * only to record requests (so tests can see Range headers).
 */
export async function openTestCache(sb: Sandbox, extra: Partial<CaseCacheOptions> = {}, at?: { dir: string; masterKey: Buffer }): Promise<TestCache> {
  const dir = at?.dir ?? tempDir();
  const masterKey = at?.masterKey ?? randomBytes(32);
  const token = await clientCredentialsToken(sb);
  const wire: WireRecord[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    const headers = new Headers(init?.headers);
    wire.push({
      method: init?.method ?? 'GET',
      pathname: new URL(String(input)).pathname,
      range: headers.get('range'),
      status: res.status,
      contentRange: res.headers.get('content-range'),
    });
    return res;
  };
  const streamGet = createStreamGet();
  const recordingStreamGet: StreamGet = async (url, headers, signal) => {
    const answer = await streamGet(url, headers, signal);
    const sent = new Headers(headers);
    wire.push({ method: 'GET', pathname: new URL(url).pathname, range: sent.get('range'), status: answer.status, contentRange: answer.headers.get('content-range') });
    return answer;
  };
  const client = createCpClient({ baseUrl: sb.url, accessToken: () => Promise.resolve(token), fetch: recordingFetch, streamGet: recordingStreamGet });
  const cache = openCaseCache({ dir, masterKey, client, ...extra });
  cache.queue.start();
  cleanups.push(() => cache.close());
  return { cache, dir, masterKey, wire };
}

export async function firm1Token(sb: Sandbox): Promise<string> {
  return clientCredentialsToken(sb);
}

/** A sandbox of its own for the current test (small dataset, fixed seed and anchor), stopped after it. */
export async function sandboxForTest(extra: Parameters<typeof startTestSandbox>[0] = {}): Promise<Sandbox> {
  const sb = await startTestSandbox(extra);
  cleanups.push(() => sb.stop());
  return sb;
}

export function allStored(db: Database): boolean {
  const row = db.prepare("SELECT count(*) AS total, sum(download_state = 'stored') AS stored FROM materials").get() as { total: number; stored: number | null };
  return row.total > 0 && row.total === row.stored;
}

/** Syncs, then waits until every material is stored (or fails the test after `timeoutMs`). */
export async function syncFully(cache: CaseCache, timeoutMs = 20_000): Promise<void> {
  const state = await cache.engine.syncNow();
  expect(state).toMatchObject({ state: 'idle', errorKey: null });
  await waitFor('every material stored', () => allStored(cache.db), timeoutMs);
  await cache.queue.whenIdle();
}

/**
 * Every material marked stored has its blob, and the blob's SHA-256 (read back through the vault,
 * every chunk authenticated) is the one CP advertised. Returns how many were checked.
 */
export async function expectStoredHashesCorrect(cache: CaseCache): Promise<number> {
  const rows = cache.db.prepare("SELECT id, sha256 FROM materials WHERE download_state = 'stored'").all() as Array<{ id: string; sha256: string }>;
  for (const row of rows) {
    expect(cache.vault.has(row.id), `blob of ${row.id}`).toBe(true);
    expect(await cache.vault.sha256(row.id), `hash of ${row.id}`).toBe(row.sha256);
  }
  return rows.length;
}

/** Nothing the queue did not mark stored is published in the vault as a finished blob. */
export function expectNoUnrecordedBlobs(cache: CaseCache): void {
  const rows = cache.db.prepare("SELECT id FROM materials WHERE download_state <> 'stored'").all() as Array<{ id: string }>;
  for (const row of rows) expect(cache.vault.has(row.id), `unexpected blob for ${row.id}`).toBe(false);
}

/** Finished and partial blob files in the vault folder. */
export function vaultFiles(dir: string): { blobs: number; partials: number } {
  let names: string[] = [];
  try {
    names = readdirSync(path.join(dir, VAULT_DIR));
  } catch {
    // No vault folder yet: nothing stored.
  }
  return { blobs: names.filter((name) => name.endsWith('.blob')).length, partials: names.filter((name) => name.endsWith('.part')).length };
}

/** The size in bytes of every partial (unfinished) blob in the vault. */
export function partialSizes(dir: string): number[] {
  const vault = path.join(dir, VAULT_DIR);
  return readdirSync(vault).filter((name) => name.endsWith('.part')).map((name) => statSync(path.join(vault, name)).size);
}

const SNAPSHOT_TABLES = ['cases', 'defendants', 'offences', 'hearings', 'documents', 'materials', 'sync_state'] as const;

/** Every row of the cache's tables, in a stable order: equal snapshots mean nothing changed. */
export function tableSnapshot(db: Database): Record<string, unknown[]> {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of SNAPSHOT_TABLES) {
    const order = table === 'sync_state' ? 'key' : 'id';
    snapshot[table] = db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all();
  }
  return snapshot;
}

/** The server-owned content of the cache, without local bookkeeping (times, download state): two clean syncs agree on it. */
export function contentSnapshot(db: Database): Record<string, unknown[]> {
  return {
    cases: db.prepare('SELECT id, urn, status, version, jurisdiction, next_hearing_at, association_state FROM cases ORDER BY id').all(),
    defendants: db.prepare('SELECT * FROM defendants ORDER BY id').all(),
    offences: db.prepare('SELECT * FROM offences ORDER BY id').all(),
    hearings: db.prepare('SELECT * FROM hearings ORDER BY id').all(),
    documents: db.prepare('SELECT * FROM documents ORDER BY id').all(),
    materials: db.prepare('SELECT id, document_id, uploaded_at, published_date, size, page_count, sha256, download_state FROM materials ORDER BY id').all(),
  };
}

// ---- The sandbox's side ----------------------------------------------------------------------------

interface Manifest {
  materials: Record<string, { fileName: string; size: number; pageCount: number; sha256: string }>;
}

/** The PDF manifest the sandbox serves from (size and sha256 of every generated material). */
export function sandboxManifest(sb: Sandbox): Manifest {
  return JSON.parse(readFileSync(path.join(sb.generation.cacheDir, 'manifest.json'), 'utf8')) as Manifest;
}

/** SHA-256 of the very file the sandbox streams for a generated material, hashed here from disk. */
export function sandboxFileSha256(sb: Sandbox, materialId: string): string {
  const entry = sandboxManifest(sb).materials[materialId];
  if (!entry) throw new Error('material not in the manifest');
  return createHash('sha256').update(readFileSync(path.join(sb.generation.cacheDir, entry.fileName))).digest('hex');
}

/** Case ids firm 1 is associated with in the seeded world. */
export function seededFirm1CaseIds(): string[] {
  return [...new Set(seedData().associations.filter((a) => a.organisationId === FIRM_1_ID).map((a) => a.caseId))].sort();
}

export function seededCase(caseId: string): ReturnType<typeof seedData>['cases'][number] {
  const found = seedData().cases.find((c) => c.id === caseId);
  if (!found) throw new Error('no such seeded case');
  return found;
}

/** The firm-1 defendants of a case, as the sandbox's association API needs them. */
export function firm1DefendantIds(caseId: string): string[] {
  return seedData()
    .associations.filter((a) => a.caseId === caseId && a.organisationId === FIRM_1_ID)
    .map((a) => a.defendantId);
}

/** Firm 1 gives up every defendant it has on the case (DELETE …/associations, with an Idempotency-Key). */
export async function disassociateFirm1(sb: Sandbox, token: string, caseId: string): Promise<void> {
  for (const defendantId of firm1DefendantIds(caseId)) {
    const res = await fetch(`${sb.url}/prosecutionCases/${caseId}/defendants/${defendantId}/associations`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': `test-${randomUUID()}` },
    });
    expect(res.status).toBe(204);
    await res.arrayBuffer();
  }
}

/** The prosecutor republishes the case's IDPC bundle: a new material on the same document. */
export async function republishIdpc(sb: Sandbox, caseId: string): Promise<{ courtDocumentId: string; materialId: string }> {
  const res = await control(sb, `/cases/${caseId}/republish-idpc`, { method: 'POST' });
  expect(res.status).toBe(201);
  return (await res.json()) as { courtDocumentId: string; materialId: string };
}

/** What the sandbox lists for firm 1 right now (a full, uncursored read of the feed with plain fetch). */
export async function sandboxMaterials(sb: Sandbox, token: string): Promise<Map<string, { sha256: string; size: number; caseId: string }>> {
  const res = await fetch(`${sb.url}/associatedCases?limit=200`, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  const body = (await res.json()) as {
    changed: Array<{ caseId: string; courtDocuments: Array<{ materials: Array<{ id: string; sha256: string; size: number }> }> }>;
    hasMore: boolean;
  };
  expect(body.hasMore).toBe(false);
  const out = new Map<string, { sha256: string; size: number; caseId: string }>();
  for (const entry of body.changed) {
    for (const document of entry.courtDocuments) for (const m of document.materials) out.set(m.id, { sha256: m.sha256, size: m.size, caseId: entry.caseId });
  }
  return out;
}

export function requestsTo(sb: Sandbox, route: string): number {
  return sb.stats().requests.byRoute[route] ?? 0;
}
